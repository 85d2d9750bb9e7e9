package app.descent.ui.compare;

import app.descent.catalog.Activation;
import app.descent.graph.ComputationGraph;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The activation explorer: which functions are shown over which range, their curves, and a table of figures. */
public final class ActivationsViewModel {
    /** Half-widths of the x range on offer. */
    public static final List<Double> RANGES = List.of(3.0, 5.0, 8.0, 12.0);
    static final int POINTS = 601;

    private final Map<Activation, BooleanProperty> shown = new EnumMap<>(Activation.class);
    private final DoubleProperty range = new SimpleDoubleProperty(5);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    /** One line of the table. */
    public record Row(Activation activation, String peak, String slopeAtZero, String saturated) {
    }

    /** x and y of one curve. */
    public record Curve(Activation activation, double[] x, double[] y) {
    }

    public ActivationsViewModel() {
        for (Activation a : Activation.values()) {
            BooleanProperty p = new SimpleBooleanProperty(a == Activation.SIGMOID || a == Activation.TANH
                    || a == Activation.RELU);
            p.addListener((o, was, now) -> refreshRows());
            shown.put(a, p);
        }
        range.addListener((o, was, now) -> refreshRows());
        refreshRows();
    }

    public BooleanProperty shownProperty(Activation a) {
        return shown.get(a);
    }

    public DoubleProperty rangeProperty() {
        return range;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public List<Activation> selected() {
        List<Activation> out = new ArrayList<>();
        for (Activation a : Activation.values()) {
            if (shown.get(a).get()) {
                out.add(a);
            }
        }
        return out;
    }

    public Curve values(Activation a) {
        return curve(a, false);
    }

    public Curve slopes(Activation a) {
        return curve(a, true);
    }

    private Curve curve(Activation a, boolean slope) {
        double r = range.get();
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = -r + 2 * r * i / (POINTS - 1);
            y[i] = slope ? a.derivative(x[i]) : a.value(x[i]);
        }
        return new Curve(a, x, y);
    }

    public List<Activation.Region> saturated(Activation a) {
        return a.saturated(-range.get(), range.get());
    }

    /** The readout under the mouse: every shown function's value and slope at x. */
    public String readout(double x) {
        StringBuilder b = new StringBuilder("x = " + ComputationGraph.format(x, 3));
        for (Activation a : selected()) {
            b.append("   ").append(a.torchName()).append(' ').append(ComputationGraph.format(a.value(x), 4))
                    .append(" (f′ ").append(ComputationGraph.format(a.derivative(x), 4)).append(')');
        }
        return b.toString();
    }

    /** Every shown curve as CSV: x, then each function and its slope. */
    public String csv() {
        List<Activation> on = selected();
        List<String> header = new ArrayList<>(List.of("x"));
        for (Activation a : on) {
            header.add(a.torchName());
            header.add(a.torchName() + "'");
        }
        app.descent.io.Csv.Table b = app.descent.io.Csv.table(header);
        double r = range.get();
        for (int i = 0; i < POINTS; i++) {
            double x = -r + 2 * r * i / (POINTS - 1);
            List<Object> row = new ArrayList<>(List.of(x));
            for (Activation a : on) {
                row.add(a.value(x));
                row.add(a.derivative(x));
            }
            b.row(row);
        }
        return b.toString();
    }

    private void refreshRows() {
        List<Row> out = new ArrayList<>();
        for (Activation a : selected()) {
            Activation.Peak p = a.peak();
            String peak = ComputationGraph.format(p.value(), 4) + (p.plateau() ? " for every x > " : " at x = ")
                    + ComputationGraph.format(p.x(), 4);
            List<String> parts = new ArrayList<>();
            for (Activation.Region region : saturated(a)) {
                parts.add(interval(region));
            }
            out.add(new Row(a, peak, ComputationGraph.format(a.derivative(0), 4),
                    parts.isEmpty() ? "nowhere" : String.join(" and ", parts)));
        }
        rows.setAll(out);
    }

    private String interval(Activation.Region r) {
        double lim = range.get();
        String from = r.from() <= -lim ? "" : ComputationGraph.format(r.from(), 3);
        String to = r.to() >= lim ? "" : ComputationGraph.format(r.to(), 3);
        if (from.isEmpty() && to.isEmpty()) {
            return "everywhere";
        }
        return from.isEmpty() ? "x < " + to : to.isEmpty() ? "x > " + from : from + " < x < " + to;
    }
}
