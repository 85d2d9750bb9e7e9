package app.descent.ui.compare;

import app.descent.catalog.Activation;
import app.descent.ui.fx.FigurePalette;
import app.descent.ui.fx.FileExport;
import app.descent.ui.fx.LiveChart;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;

/** Controller of ActivationsView.fxml: the functions and their slopes, saturated regions shaded, peaks marked. */
public final class ActivationsView {
    /** Directions of the peak labels' arrows, so that labels of peaks close together do not overlap. */
    private static final double[] PEAK_ANGLES = {Math.PI * 1.25, Math.PI * 1.75, Math.PI * 0.75, Math.PI * 0.25};
    private final ActivationsViewModel model = new ActivationsViewModel();
    private final LiveChart values = new LiveChart("Activation f(x)", "x", "f(x)");
    private final LiveChart slopes = new LiveChart("Derivative f′(x)", "x", "f′(x)");

    @FXML private FlowPane choices;
    @FXML private ComboBox<Double> rangeBox;
    @FXML private CheckBox shadeBox;
    @FXML private Button pngButton;
    @FXML private Button csvButton;
    @FXML private Label readout;
    @FXML private HBox chartsBox;
    @FXML private StackPane valueHost;
    @FXML private StackPane slopeHost;
    @FXML private TableView<ActivationsViewModel.Row> table;
    @FXML private TableColumn<ActivationsViewModel.Row, String> nameColumn;
    @FXML private TableColumn<ActivationsViewModel.Row, String> formulaColumn;
    @FXML private TableColumn<ActivationsViewModel.Row, String> peakColumn;
    @FXML private TableColumn<ActivationsViewModel.Row, String> zeroColumn;
    @FXML private TableColumn<ActivationsViewModel.Row, String> saturatedColumn;
    @FXML private TableColumn<ActivationsViewModel.Row, String> noteColumn;

    public ActivationsViewModel model() {
        return model;
    }

    /** Whether the area under the slope is shaded. */
    javafx.beans.property.BooleanProperty shadeProperty() {
        return shadeBox.selectedProperty();
    }

    /** The x range shown, as chosen in its box. */
    javafx.beans.property.ObjectProperty<Double> rangeProperty() {
        return rangeBox.valueProperty();
    }

    @FXML
    private void initialize() {
        for (Activation a : Activation.values()) {
            CheckBox box = new CheckBox(a.torchName());
            app.descent.ui.fx.FormTips.lazy(box, a.description());
            box.setId("show-" + a.id());
            box.selectedProperty().bindBidirectional(model.shownProperty(a));
            box.selectedProperty().addListener((o, was, now) -> redraw());
            choices.getChildren().add(box);
        }
        rangeBox.getItems().setAll(ActivationsViewModel.RANGES);
        rangeBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double r) {
                return r == null ? "" : "−" + r.intValue() + " to " + r.intValue();
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        rangeBox.setValue(model.rangeProperty().get());
        rangeBox.valueProperty().addListener((o, was, r) -> {
            if (r != null) {
                model.rangeProperty().set(r);
                redraw();
            }
        });
        shadeBox.selectedProperty().addListener((o, was, now) -> redraw());
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().activation().torchName()));
        formulaColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().activation().formula()));
        peakColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().peak()));
        zeroColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().slopeAtZero()));
        saturatedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().saturated()));
        noteColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().activation().lesson()));
        noteColumn.setCellFactory(c -> Cells.wrapping());
        formulaColumn.setCellFactory(c -> Cells.wrapping());
        table.setItems(model.rows());
        valueHost.getChildren().add(values.viewer());
        slopeHost.getChildren().add(slopes.viewer());
        values.viewer().setId("value-chart");
        slopes.viewer().setId("slope-chart");
        for (LiveChart chart : new LiveChart[] {values, slopes}) {
            chart.viewer().addChartMouseListener(new ChartMouseListenerFX() {
                @Override
                public void chartMouseClicked(ChartMouseEventFX e) {
                }

                @Override
                public void chartMouseMoved(ChartMouseEventFX e) {
                    double x = Charts.domainValue(chart, e.getTrigger().getX());
                    if (Double.isFinite(x)) {
                        readout.setText(model.readout(x));
                    }
                }
            });
        }
        pngButton.setOnAction(e -> FileExport.savePng(chartsBox, "activations.png"));
        csvButton.setOnAction(e -> FileExport.saveText(chartsBox.getScene().getWindow(), "activations.csv", model::csv));
        readout.setText("Move the mouse over a chart to read every function's value and slope.");
        // the peaks' labels take the palette's colours: drawn again when the theme changes
        FigurePalette.follow(chartsBox, p -> redraw());
    }

    private void redraw() {
        values.removeAllSeries();
        slopes.removeAllSeries();
        XYPlot plot = slopes.chart().getXYPlot();
        plot.clearDomainMarkers();
        plot.clearAnnotations();
        for (XYPlot p : new XYPlot[] {values.chart().getXYPlot(), plot}) {
            p.clearRangeMarkers();
            ValueMarker zero = new ValueMarker(0, new Color(0x8c959f), new BasicStroke(1f));
            p.addRangeMarker(zero);
        }
        int marks = 0;
        for (Activation a : model.selected()) {
            int color = a.ordinal();
            int v = values.addSeries(a.torchName(), color, false, false);
            int s = slopes.addSeries(a.torchName() + "′", color, false, false);
            ActivationsViewModel.Curve c = model.values(a);
            ActivationsViewModel.Curve d = model.slopes(a);
            for (int i = 0; i < c.x().length; i++) {
                values.add(v, c.x()[i], c.y()[i]);
                slopes.add(s, d.x()[i], d.y()[i]);
            }
            Color base = LiveChart.color(color);
            if (shadeBox.isSelected()) {
                for (Activation.Region r : model.saturated(a)) {
                    IntervalMarker m = new IntervalMarker(r.from(), r.to(),
                            new Color(base.getRed(), base.getGreen(), base.getBlue(), 40));
                    plot.addDomainMarker(m, Layer.BACKGROUND);
                }
            }
            Activation.Peak p = a.peak();
            // a plateau (ReLU's 1 for x > 0) speaks for itself; the table says where it starts
            if (!p.plateau() && Math.abs(p.x()) <= model.rangeProperty().get()) {
                double angle = PEAK_ANGLES[marks++ % PEAK_ANGLES.length];
                XYPointerAnnotation mark = new XYPointerAnnotation(a.torchName() + "′ max "
                        + app.descent.graph.ComputationGraph.format(p.value(), 3), p.x(), p.value(), angle);
                mark.setPaint(FigurePalette.awt(FigurePalette.current().tint(color)));
                mark.setArrowPaint(FigurePalette.awt(FigurePalette.current().tint(color)));
                mark.setFont(new Font("SansSerif", Font.PLAIN, 11));
                plot.addAnnotation(mark);
            }
        }
        values.commit();
        slopes.commit();
    }
}
