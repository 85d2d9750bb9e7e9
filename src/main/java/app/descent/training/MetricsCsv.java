package app.descent.training;

import java.util.List;
import java.util.Locale;

/** Per-epoch figures of a run as CSV, one row per epoch, empty cells where a figure does not exist. */
public final class MetricsCsv {
    private MetricsCsv() {
    }

    public static String of(List<TrainingEvent.Epoch> epochs) {
        StringBuilder b = new StringBuilder("epoch,trainLoss,trainAccuracy,valLoss,valAccuracy,seconds\n");
        for (TrainingEvent.Epoch e : epochs) {
            b.append(e.epoch()).append(',').append(cell(e.trainLoss())).append(',').append(cell(e.trainAccuracy()))
                    .append(',').append(cell(e.valLoss())).append(',').append(cell(e.valAccuracy())).append(',')
                    .append(cell(e.seconds())).append('\n');
        }
        return b.toString();
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }
}
