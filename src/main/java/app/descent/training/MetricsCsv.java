package app.descent.training;

import app.descent.io.Csv;
import java.util.List;
import java.util.Locale;

/** Per-epoch figures of a run as CSV, one row per epoch, empty cells where a figure does not exist. */
public final class MetricsCsv {
    private MetricsCsv() {
    }

    public static String of(List<TrainingEvent.Epoch> epochs) {
        Csv.Table t = Csv.table("epoch", "trainLoss", "trainAccuracy", "valLoss", "valAccuracy", "seconds");
        for (TrainingEvent.Epoch e : epochs) {
            t.row(e.epoch(), cell(e.trainLoss()), cell(e.trainAccuracy()), cell(e.valLoss()), cell(e.valAccuracy()),
                    cell(e.seconds()));
        }
        return t.toString();
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }
}
