package app.descent.ui.compare;

import app.descent.compare.Study;
import app.descent.graph.ComputationGraph;
import app.descent.training.TrainingEvent;
import app.descent.ui.fx.FileExport;
import app.descent.ui.fx.LiveChart;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/** Controller of RunsView.fxml: overlaid curves of every run, the study's figures, histograms per run and layer. */
public final class RunsView {
    static final String BEST_ROW = "best-row";
    /** Steps averaged into one point of a training curve: single batches are too noisy to compare runs by. */
    static final int SMOOTH = 10;

    private final RunsViewModel model = new RunsViewModel();
    private final LiveChart lossChart = new LiveChart("Loss (solid: train, dashed: val)", "epoch", "loss");
    private final LiveChart accuracyChart = new LiveChart("Validation accuracy", "epoch", "accuracy");
    private final LiveChart figureChart = new LiveChart("The study's figures", "run", "value");
    private final LiveChart gradientChart = new LiveChart("Gradient norm by depth", "weighted layer", "‖∂L/∂W‖");
    private final List<FlowPane> tiles = new ArrayList<>();
    private RunsViewModel.Started started;
    private double[][] recent;
    private int[] recentCount;
    private Study.Report report;
    /** Every run's latest inspection (its histograms and gradient norms). */
    private app.descent.training.Inspection[] inspections = new app.descent.training.Inspection[0];
    /** True once the grid has finished (its last report came). */
    private boolean finished;

    /**
     * What the tab shows of a grid: the runs, every run's curves as drawn (the loss smoothed over steps, val loss and
     * val accuracy per epoch, x in epochs), its latest inspection, the report so far and whether it finished.
     */
    record Shown(RunsViewModel.Started started, List<List<double[]>> loss, List<List<double[]>> valLoss,
                 List<List<double[]>> valAccuracy, List<app.descent.training.Inspection> inspections,
                 Study.Report report, boolean finished) {
    }

    /** The grid shown, or null before any. */
    Shown shown() {
        if (started == null) {
            return null;
        }
        int n = started.labels().size();
        List<List<double[]>> loss = new ArrayList<>();
        List<List<double[]>> val = new ArrayList<>();
        List<List<double[]>> accuracy = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            loss.add(points(lossChart.series(i)));
            val.add(points(lossChart.series(n + i)));
            accuracy.add(points(accuracyChart.series(i)));
        }
        return new Shown(started, loss, val, accuracy, java.util.Arrays.asList(inspections.clone()), report, finished);
    }

    private static List<double[]> points(org.jfree.data.xy.XYSeries s) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < s.getItemCount(); i++) {
            out.add(new double[] {s.getX(i).doubleValue(), s.getY(i).doubleValue()});
        }
        return out;
    }

    /** Shows a grid as it was saved, without running it; null shows none. */
    void show(Shown s) {
        model.forget();
        if (s == null) {
            started = null;
            lossChart.removeAllSeries();
            accuracyChart.removeAllSeries();
            gradientChart.removeAllSeries();
            figureChart.removeAllSeries();
            histogramRows.getChildren().clear();
            tiles.clear();
            report = null;
            reportTable.getItems().clear();
            headlineLabel.setText("");
            inspections = new app.descent.training.Inspection[0];
            finished = false;
            for (LiveChart c : new LiveChart[] {lossChart, accuracyChart, figureChart, gradientChart}) {
                c.commit();
            }
            model.describe(new RunsViewModel.Failed(""));
            return;
        }
        start(s.started());
        model.describe(s.started());
        int n = s.started().labels().size();
        for (int i = 0; i < n; i++) {
            lossChart.series(i).clear();
            for (double[] p : s.loss().get(i)) {
                lossChart.add(i, p[0], p[1]);
            }
            for (double[] p : s.valLoss().get(i)) {
                lossChart.add(n + i, p[0], p[1]);
            }
            for (double[] p : s.valAccuracy().get(i)) {
                accuracyChart.add(i, p[0], p[1]);
            }
            if (s.inspections().get(i) != null) {
                apply(new RunsViewModel.Inspected(i, s.inspections().get(i)));
            }
        }
        lossChart.commit();
        accuracyChart.commit();
        if (s.report() != null) {
            apply(new RunsViewModel.Reported(s.report(), s.finished()));
        }
        finished = s.finished();
    }

    @FXML private ComboBox<Study> studyBox;
    @FXML private Label effectLabel;
    @FXML private Label setupLabel;
    @FXML private Button runButton;
    @FXML private Button stopButton;
    @FXML private TextField varyField;
    @FXML private Button customButton;
    @FXML private TextArea codeArea;
    @FXML private Button pngButton;
    @FXML private Button csvButton;
    @FXML private VBox picture;
    @FXML private Label statusLabel;
    @FXML private StackPane lossHost;
    @FXML private StackPane accuracyHost;
    @FXML private StackPane figureHost;
    @FXML private Label headlineLabel;
    @FXML private TableView<Study.Row> reportTable;
    @FXML private VBox histogramRows;
    @FXML private javafx.scene.layout.BorderPane root;

    public RunsViewModel model() {
        return model;
    }

    /** Puts a lesson's compare action into the tab; with run, presses Run study. */
    private void setUp(app.descent.ui.Session.Setup r) {
        app.descent.ui.Session.Setup.handle(r, "compare", model::apply, runButton::fire);
    }

    @FXML
    private void initialize() {
        studyBox.getItems().setAll(Study.PRESETS);
        studyBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Study s) {
                return s == null ? "" : s.title() + " (" + s.source() + ")";
            }

            @Override
            public Study fromString(String s) {
                return null;
            }
        });
        studyBox.valueProperty().bindBidirectional(model.studyProperty());
        studyBox.valueProperty().addListener((o, was, s) -> describe(s));
        describe(model.studyProperty().get());
        varyField.textProperty().bindBidirectional(model.customVaryProperty());
        varyField.setOnAction(e -> model.runCustom());
        runButton.setOnAction(e -> model.runStudy());
        customButton.setOnAction(e -> model.runCustom());
        stopButton.setOnAction(e -> model.stop());
        app.descent.ui.Session.listen(app.descent.ui.Session.setupRequest(), (o, a, r) -> setUp(r));
        setUp(app.descent.ui.Session.setupRequest().get());
        runButton.disableProperty().bind(model.runningProperty());
        customButton.disableProperty().bind(model.runningProperty());
        stopButton.disableProperty().bind(model.runningProperty().not());
        statusLabel.textProperty().bind(model.statusProperty());
        app.descent.ui.fx.ProgressStrip.after(statusLabel, "study", model.progressProperty(), model.runningProperty(),
                model::stop);
        lossHost.getChildren().add(lossChart.viewer());
        accuracyHost.getChildren().add(accuracyChart.viewer());
        figureHost.getChildren().addAll(figureChart.viewer(), gradientChart.viewer());
        gradientChart.viewer().setId("runs-gradient-chart");
        gradientChart.logScale(true, 1e-30);
        gradientChart.chart().getXYPlot().getDomainAxis().setStandardTickUnits(
                org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        lossChart.viewer().setId("runs-loss-chart");
        accuracyChart.viewer().setId("runs-accuracy-chart");
        figureChart.viewer().setId("runs-figure-chart");
        for (LiveChart c : new LiveChart[] {lossChart, accuracyChart, figureChart, gradientChart}) {
            c.viewer().setPrefSize(330, 260);
            c.scale(0.9);
        }
        showFigures(false);
        reportTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        reportTable.setPlaceholder(Cells.placeholder("No results yet: run a study (or your own grid), and each run's "
                + "figures appear here, the best one marked."));
        reportTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Study.Row item, boolean empty) {
                super.updateItem(item, empty);
                boolean best = !empty && report != null && report.best() >= 0
                        && report.rows().indexOf(item) == report.best();
                getStyleClass().remove(BEST_ROW);
                if (best) {
                    getStyleClass().add(BEST_ROW);
                }
            }
        });
        model.listenerProperty().set(batch -> batch.forEach(this::apply));
        pngButton.setOnAction(e -> FileExport.savePng(picture, "compare-runs.png"));
        app.descent.ui.fx.FigureExport.install(picture, "compare-runs");
        csvButton.setOnAction(e -> FileExport.saveText(picture.getScene().getWindow(), "compare-runs.csv", this::csv));
        // presentation mode: the charts and histograms take the window, the study's settings fold into a strip on
        // the left edge (as the paths tab's do)
        app.descent.ui.fx.SidePanel.collapsible(root, javafx.geometry.Side.LEFT, "runs-settings-strip",
                "Study and grid");
        // and the charts take more of the height, the report table less of the width
        javafx.scene.layout.HBox charts = (javafx.scene.layout.HBox) lossHost.getParent();
        javafx.scene.layout.VBox reportBox = (javafx.scene.layout.VBox) reportTable.getParent();
        javafx.scene.layout.HBox results = (javafx.scene.layout.HBox) reportBox.getParent();
        double reportWide = reportBox.getPrefWidth();
        app.descent.ui.fx.Presentation.follow(root, on -> {
            VBox.setVgrow(charts, on ? javafx.scene.layout.Priority.ALWAYS : null);
            VBox.setVgrow(results, on ? null : javafx.scene.layout.Priority.ALWAYS);
            results.setPrefHeight(on ? 235 : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
            results.setMinHeight(on ? 235 : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
            reportBox.setPrefWidth(on ? 380 : reportWide);
        });
    }

    private void describe(Study s) {
        if (s == null) {
            return;
        }
        effectLabel.setText(s.effect());
        setupLabel.setText(s.dataset() + " · " + s.variation().key().text() + " = "
                + String.join(", ", s.variation().values().stream().map(app.descent.compare.Variation::text).toList())
                + " · " + s.settings().optimizer().name() + (s.lrGiven() ? " lr " + ComputationGraph.format(
                        s.settings().optimizer().lr(), 3) : "") + " · batch " + s.settings().batchSize() + " · "
                + s.settings().epochs() + " epochs · seed " + s.settings().seed());
        codeArea.setText(s.code().replace("import torch.nn as nn\n\n", "").strip());
    }

    /** The study's figures where it has some beyond curves; otherwise every run's gradient flow. */
    private void showFigures(boolean on) {
        figureChart.viewer().setVisible(on);
        gradientChart.viewer().setVisible(!on);
    }

    private void apply(RunsViewModel.Update u) {
        if (u instanceof RunsViewModel.Started s) {
            start(s);
        } else if (u instanceof RunsViewModel.Events e) {
            events(e.events());
        } else if (u instanceof RunsViewModel.Inspected i && i.run() < tiles.size()) {
            inspections[i.run()] = i.inspection();
            InspectView.fill(tiles.get(i.run()), i.inspection(), true, 128, 84);
            gradients(i.run(), i.inspection());
        } else if (u instanceof RunsViewModel.Reported r) {
            report(r.report());
            finished = r.last();
        }
        // the status last: "done" is said once everything it announces is drawn
        model.describe(u);
    }

    private void start(RunsViewModel.Started s) {
        started = s;
        int n = s.labels().size();
        inspections = new app.descent.training.Inspection[n];
        finished = false;
        recent = new double[n][SMOOTH];
        recentCount = new int[n];
        lossChart.removeAllSeries();
        accuracyChart.removeAllSeries();
        for (int i = 0; i < n; i++) {
            lossChart.addSeries(s.labels().get(i), i, false, false);
        }
        for (int i = 0; i < n; i++) {
            lossChart.addSeries(s.labels().get(i) + " (val)", i, true, true);
            accuracyChart.addSeries(s.labels().get(i), i, false, true);
            lossChart.add(i, 0, s.initialLoss()[i]);
        }
        // validation entries share their run's colour; the legend lists each run once
        lossChart.chart().getXYPlot().setFixedLegendItems(legend(s.labels()));
        lossChart.commit();
        accuracyChart.commit();
        histogramRows.getChildren().clear();
        tiles.clear();
        for (int i = 0; i < n; i++) {
            FlowPane row = new FlowPane(4, 4);
            tiles.add(row);
            Label name = new Label(s.labels().get(i));
            name.getStyleClass().add("section-title");
            name.setTextFill(app.descent.ui.fx.FigurePalette.current().tint(i));
            histogramRows.getChildren().add(new VBox(2, name, row));
        }
        report = null;
        reportTable.getItems().clear();
        reportTable.getColumns().clear();
        headlineLabel.setText("");
        showFigures(s.study().kind() != Study.Kind.CURVES);
        figureChart.removeAllSeries();
        figureChart.commit();
        gradientChart.removeAllSeries();
        for (int i = 0; i < n; i++) {
            gradientChart.addSeries(s.labels().get(i), i, false, true);
        }
        gradientChart.chart().removeLegend();
        gradientChart.commit();
    }

    private void gradients(int run, app.descent.training.Inspection inspection) {
        if (run >= gradientChart.seriesCount()) {
            return;
        }
        gradientChart.series(run).clear();
        int depth = 0;
        for (var l : inspection.weighted()) {
            gradientChart.add(run, ++depth, Math.max(1e-30, l.gradient().norm()));
        }
        gradientChart.commit();
    }

    private static org.jfree.chart.LegendItemCollection legend(List<String> labels) {
        org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
        for (int i = 0; i < labels.size(); i++) {
            org.jfree.chart.LegendItem item = new org.jfree.chart.LegendItem(labels.get(i),
                    LiveChart.color(i));
            items.add(item);
        }
        return items;
    }

    private void events(List<TrainingEvent> events) {
        if (started == null) {
            return;
        }
        int n = started.labels().size();
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Step s) {
                int i = s.run();
                recent[i][recentCount[i]++ % SMOOTH] = s.loss();
                if (recentCount[i] % SMOOTH == 0) {
                    double mean = 0;
                    for (double v : recent[i]) {
                        mean += v;
                    }
                    lossChart.add(i, epochs(i, s.step()), mean / SMOOTH);
                }
            } else if (e instanceof TrainingEvent.Epoch ep) {
                lossChart.add(n + ep.run(), ep.epoch(), ep.valLoss());
                accuracyChart.add(ep.run(), ep.epoch(), ep.valAccuracy());
            }
        }
        lossChart.commit();
        accuracyChart.commit();
    }

    /** Steps as epochs: examples seen over the training examples (the x axis runs with different batch sizes). */
    private double epochs(int run, long step) {
        return (double) step * started.batchSizes().get(run) / Math.max(1, started.trainExamples());
    }

    private void report(Study.Report r) {
        boolean fresh = report == null || !report.columns().equals(r.columns());
        report = r;
        headlineLabel.setText(r.headline());
        if (fresh) {
            reportTable.getColumns().clear();
            TableColumn<Study.Row, String> label = new TableColumn<>("run");
            label.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
            label.setPrefWidth(150);
            label.setMinWidth(90);
            reportTable.getColumns().add(label);
            for (int k = 0; k < r.columns().size(); k++) {
                int column = k;
                TableColumn<Study.Row, String> c = new TableColumn<>(r.columns().get(k));
                c.setCellValueFactory(v -> new ReadOnlyStringWrapper(number(v.getValue().values()[column])));
                // the whole header stays readable ("initial loss", "val accuracy"); the table scrolls sideways
                c.setPrefWidth(Math.max(76, Cells.headerWidth(r.columns().get(k))));
                c.setMinWidth(c.getPrefWidth());
                reportTable.getColumns().add(c);
            }
            TableColumn<Study.Row, String> note = new TableColumn<>("note");
            note.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().note() == null ? "" : c.getValue().note()));
            note.setPrefWidth(220);
            note.setMinWidth(80);
            reportTable.getColumns().add(note);
        }
        reportTable.getItems().setAll(r.rows());
        reportTable.refresh();
        if (started != null && started.study().kind() != Study.Kind.CURVES) {
            figures(r);
        }
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "–" : ComputationGraph.format(v, 4);
    }

    /** The report's losses (or iterations) against the runs, with under- and overfitting marked where they apply. */
    private void figures(Study.Report r) {
        figureChart.removeAllSeries();
        var plot = figureChart.chart().getXYPlot();
        // clearDomainMarkers() keeps the background layer, where the regions live
        var old = plot.getDomainMarkers(Layer.BACKGROUND);
        if (old != null) {
            for (Object m : new ArrayList<>(old)) {
                plot.removeDomainMarker((org.jfree.chart.plot.Marker) m, Layer.BACKGROUND);
            }
        }
        String[] names = r.rows().stream().map(Study.Row::label).toArray(String[]::new);
        SymbolAxis axis = new SymbolAxis(started.study().variation().key().text(), names);
        axis.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 10));
        plot.setDomainAxis(axis);
        axis.setGridBandsVisible(false);
        axis.setAutoRange(false);
        axis.setRange(-0.5, names.length - 0.5);
        int color = 0;
        for (int k = 0; k < r.columns().size(); k++) {
            String name = r.columns().get(k);
            boolean wanted = (name.contains("loss") && !name.startsWith("initial")) || name.startsWith("iterations");
            if (!wanted) {
                continue;
            }
            int series = figureChart.addSeries(name, color++, false, true);
            for (int i = 0; i < r.rows().size(); i++) {
                figureChart.add(series, i, r.rows().get(i).values()[k]);
            }
        }
        plot.getRangeAxis().setLabel(r.columns().get(0).startsWith("iterations") ? "iterations" : "loss");
        if (started.study().kind() == Study.Kind.COMPLEXITY && r.best() >= 0) {
            region(plot, -0.5, r.best(), "underfitting", new Color(0x1f77b4), true);
            region(plot, r.best(), r.rows().size() - 0.5, "overfitting", new Color(0xd62728), false);
        }
        figureChart.commit();
    }

    /** A shaded stretch of runs with its name in the corner away from its neighbour, so two labels never overlap. */
    private static void region(org.jfree.chart.plot.XYPlot plot, double from, double to, String label, Color color,
                               boolean left) {
        if (to <= from) {
            return;
        }
        IntervalMarker m = new IntervalMarker(from, to, new Color(color.getRed(), color.getGreen(), color.getBlue(), 30));
        m.setLabel(label);
        m.setLabelFont(new Font("SansSerif", Font.BOLD, 11));
        m.setLabelPaint(app.descent.ui.fx.FigurePalette.current().isDark() ? color.brighter() : color.darker());
        m.setLabelAnchor(left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(left ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 4));
        plot.addDomainMarker(m, Layer.BACKGROUND);
    }

    private String csv() {
        StringBuilder b = new StringBuilder();
        if (report != null) {
            List<String> header = new ArrayList<>(List.of("run"));
            header.addAll(report.columns());
            header.add("note");
            app.descent.io.Csv.Table t = app.descent.io.Csv.table(header);
            for (Study.Row row : report.rows()) {
                List<Object> cells = new ArrayList<>(List.of(row.label()));
                for (double v : row.values()) {
                    cells.add(v);
                }
                cells.add(row.note());
                t.row(cells);
            }
            b.append(t).append('\n');
        }
        return b.append(lossChart.csv()).toString();
    }
}
