package app.descent.ui.compare;

import app.descent.graph.ComputationGraph;
import app.descent.training.Inspection;
import app.descent.training.OptimizerSpec;
import app.descent.ui.fx.FileExport;
import app.descent.ui.fx.LiveChart;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.jfree.chart.axis.NumberAxis;

/** Controller of InspectView.fxml: gradient norm and activation spread by depth, and one histogram per layer. */
public final class InspectView {
    private final InspectViewModel model = new InspectViewModel();
    private final LiveChart gradChart = new LiveChart("Gradient norm of each weight, by depth", "layer (weighted, in order)",
            "‖∂L/∂W‖", "gradient norm");
    private final LiveChart stdChart = new LiveChart("Activation std, by depth", "layer (activations, in order)",
            "std", "activation std");

    @FXML private ComboBox<String> networkBox;
    @FXML private ComboBox<String> activationBox;
    @FXML private ComboBox<String> initBox;
    @FXML private ComboBox<String> datasetBox;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private TextField seedField;
    @FXML private Button inspectButton;
    @FXML private ComboBox<String> optimizerBox;
    @FXML private TextField lrField;
    @FXML private Spinner<Integer> everySpinner;
    @FXML private Button watchButton;
    @FXML private Button initButton;
    @FXML private Button stopButton;
    @FXML private Button pngButton;
    @FXML private Button csvButton;
    @FXML private VBox picture;
    @FXML private Label statusLabel;
    @FXML private StackPane gradHost;
    @FXML private StackPane stdHost;
    @FXML private FlowPane activationTiles;
    @FXML private Label activationTitle;
    @FXML private Label weightTitle;
    private static final String ACTIVATION_TITLE = "Activations per layer (one batch): histogram, mean, std, dead units";
    @FXML private FlowPane weightTiles;

    public InspectViewModel model() {
        return model;
    }

    /** The controls that follow the model by hand (spinners, the lr field), after a session's open. */
    void sync() {
        batchSpinner.getValueFactory().setValue(model.batchSizeProperty().get());
        everySpinner.getValueFactory().setValue(model.everyProperty().get());
        Double lr = model.lrProperty().get();
        lrField.setText(lr == null ? "" : String.valueOf(lr));
    }

    @FXML
    private void initialize() {
        networkBox.getItems().setAll(InspectViewModel.NETWORKS.keySet());
        networkBox.valueProperty().bindBidirectional(model.networkProperty());
        networkBox.valueProperty().addListener((o, was, n) -> {
            if (InspectViewModel.TOY.equals(n)) {
                model.datasetProperty().set("spiral");
            } else if (n != null && InspectViewModel.TOY.equals(was)) {
                model.datasetProperty().set("fashion-mnist");
            }
        });
        activationBox.getItems().setAll(InspectViewModel.ACTIVATIONS);
        activationBox.valueProperty().bindBidirectional(model.activationProperty());
        initBox.getItems().setAll(InspectViewModel.INITS);
        initBox.valueProperty().bindBidirectional(model.initProperty());
        datasetBox.getItems().setAll(InspectViewModel.DATASETS);
        datasetBox.valueProperty().bindBidirectional(model.datasetProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory batch =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 4096, model.batchSizeProperty().get(), 32);
        batchSpinner.setValueFactory(batch);
        app.descent.ui.fx.Spinners.guard(batchSpinner);
        batch.valueProperty().addListener((o, a, b) -> model.batchSizeProperty().set(b));
        seedField.textProperty().bindBidirectional(model.seedProperty());
        optimizerBox.getItems().setAll(OptimizerSpec.NAMES);
        optimizerBox.valueProperty().bindBidirectional(model.optimizerProperty());
        lrField.setText(String.valueOf(model.lrProperty().get()));
        lrField.textProperty().addListener((o, a, t) -> {
            try {
                model.lrProperty().set(Double.parseDouble(t.strip()));
            } catch (NumberFormatException e) {
                model.lrProperty().set(null);
            }
        });
        SpinnerValueFactory.IntegerSpinnerValueFactory every =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1000, model.everyProperty().get(), 5);
        everySpinner.setValueFactory(every);
        app.descent.ui.fx.Spinners.guard(everySpinner);
        every.valueProperty().addListener((o, a, b) -> model.everyProperty().set(b));
        inspectButton.setOnAction(e -> model.inspectAtInitialization());
        watchButton.setOnAction(e -> model.trainAndWatch());
        initButton.setOnAction(e -> model.compareInitializers());
        initButton.disableProperty().bind(model.busyProperty());
        model.studyProperty().addListener((o, was, r) -> showStudy(r));
        stopButton.setOnAction(e -> model.stop());
        inspectButton.disableProperty().bind(model.busyProperty());
        watchButton.disableProperty().bind(model.busyProperty());
        stopButton.disableProperty().bind(model.busyProperty().not());
        statusLabel.textProperty().bind(model.statusProperty());
        // how far an inspection has come cannot be told: the bar moves while it works
        app.descent.ui.fx.ProgressStrip.after(statusLabel, "inspect", new javafx.beans.property.SimpleDoubleProperty(-1),
                model.busyProperty(), model::stop);
        gradHost.getChildren().add(gradChart.viewer());
        stdHost.getChildren().add(stdChart.viewer());
        gradChart.viewer().setId("grad-norm-chart");
        stdChart.viewer().setId("activation-std-chart");
        gradChart.logScale(true, 1e-30);
        for (LiveChart c : new LiveChart[] {gradChart, stdChart}) {
            c.chart().getXYPlot().getRenderer().setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
            ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) c.chart().getXYPlot().getRenderer())
                    .setSeriesShapesVisible(0, true);
            c.chart().getXYPlot().getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        model.inspectionProperty().addListener((o, was, i) -> show(i));
        pngButton.setOnAction(e -> FileExport.savePng(picture, "inspect.png"));
        app.descent.ui.fx.FigureExport.install(picture, "inspect");
        csvButton.setOnAction(e -> FileExport.saveText(picture.getScene().getWindow(), "inspect.csv", model::csv));
    }

    /** One curve per initializer in both charts; the histograms make way for the study's figures. */
    private void showStudy(app.descent.compare.InitStudy.Result r) {
        if (r == null) {
            return;
        }
        gradChart.removeAllSeries();
        stdChart.removeAllSeries();
        stdChart.logScale(true, 1e-30);
        activationTitle.setText("The initializers by depth (activation std after each hidden layer; gradient norm of each weight)");
        weightTitle.setVisible(false);
        for (int k = 0; k < r.curves().size(); k++) {
            var c = r.curves().get(k);
            int g = gradChart.addSeries(c.initializer(), k, false, true);
            int a = stdChart.addSeries(c.initializer(), k, false, true);
            for (int d = 0; d < c.gradientNorm().size(); d++) {
                gradChart.add(g, d + 1, Math.max(1e-30, c.gradientNorm().get(d)));
            }
            for (int d = 0; d < c.activationStd().size(); d++) {
                stdChart.add(a, d + 1, Math.max(1e-30, c.activationStd().get(d)));
            }
        }
        gradChart.commit();
        stdChart.commit();
        activationTiles.getChildren().clear();
        weightTiles.getChildren().clear();
        for (int k = 0; k < r.curves().size(); k++) {
            var c = r.curves().get(k);
            double first = c.activationStd().get(0);
            double last = c.activationStd().get(c.activationStd().size() - 1);
            Label l = new Label(c.initializer() + ": activation std " + ComputationGraph.format(first, 3) + " after the first layer, "
                    + ComputationGraph.format(last, 3) + " after the last (× " + ComputationGraph.format(last / first, 3)
                    + "); first/last gradient norm " + ComputationGraph.format(c.gradientNorm().get(0)
                    / c.gradientNorm().get(c.gradientNorm().size() - 1), 3));
            l.setTextFill(app.descent.ui.fx.FigurePalette.current().tint(k));
            activationTiles.getChildren().add(l);
        }
    }

    private void show(Inspection i) {
        if (i == null) {
            return;
        }
        if (gradChart.seriesCount() != 1) {
            gradChart.removeAllSeries();
            stdChart.removeAllSeries();
            gradChart.addSeries("gradient norm", 0, false, true);
            stdChart.addSeries("activation std", 0, false, true);
            stdChart.logScale(false);
            activationTitle.setText(ACTIVATION_TITLE);
            weightTitle.setVisible(true);
            gradChart.chart().removeLegend();
        }
        gradChart.clear();
        stdChart.clear();
        int depth = 0;
        for (Inspection.Layer l : i.weighted()) {
            gradChart.add(0, ++depth, Math.max(1e-12, l.gradient().norm()));
        }
        depth = 0;
        for (Inspection.Layer l : i.activations()) {
            stdChart.add(0, ++depth, l.output().std());
        }
        gradChart.commit();
        stdChart.commit();
        fill(activationTiles, i, true);
        fill(weightTiles, i, false);
    }

    static void fill(FlowPane tiles, Inspection i, boolean activations) {
        fill(tiles, i, activations, 170, 110);
    }

    static void fill(FlowPane tiles, Inspection i, boolean activations, double width, double height) {
        tiles.getChildren().clear();
        for (Inspection.Layer l : i.layers()) {
            if (activations && l.isActivation()) {
                String figures = "μ " + ComputationGraph.format(l.output().mean(), 3) + "  σ "
                        + ComputationGraph.format(l.output().std(), 3)
                        + (Double.isNaN(l.deadFraction()) ? "" : "  dead " + Math.round(100 * l.deadFraction()) + " %");
                tiles.getChildren().add(new HistogramTile(l.name() + " " + l.type(), figures,
                        l.outputHistogram().min(), l.outputHistogram().max(), l.outputHistogram().counts(),
                        0, width, height));
            } else if (!activations && l.hasWeight()) {
                String figures = "σ " + ComputationGraph.format(l.weight().std(), 3) + "  ‖∇‖ "
                        + ComputationGraph.format(l.gradient().norm(), 3);
                tiles.getChildren().add(new HistogramTile(l.name() + " " + l.type() + " weight", figures,
                        l.weightHistogram().min(), l.weightHistogram().max(), l.weightHistogram().counts(),
                        1, width, height));
            }
        }
    }
}
