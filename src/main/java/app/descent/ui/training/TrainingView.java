package app.descent.ui.training;

import app.descent.training.OptimizerSpec;
import app.descent.ui.fx.LiveChart;
import app.descent.training.TrainingEvent;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Controller of TrainingView.fxml: settings bound to the view model; charts and pictures fed by its batches. */
public final class TrainingView {
    static final String CSV_CHOICE = "Your own CSV file…";
    static final List<String> DATASETS = List.of("xor", "circles", "moons", "spiral", "blobs", "linear", "mnist",
            "fashion-mnist");

    private final TrainingViewModel model = new TrainingViewModel();
    /** The workspace's part of a session; its defaults are the form as a new window has it. */
    private final TrainingState state = new TrainingState(this);
    private final LiveChart lossChart = new LiveChart("Loss", "step", "loss", "train loss", "val loss (epoch)",
            "selected run: train loss", "selected run: val loss (epoch)");
    private int currentRun;
    private final LiveChart accuracyChart = new LiveChart("Accuracy", "step", "accuracy", "train accuracy (epoch)",
            "val accuracy (epoch)");
    /** The decision boundary's side outside presentation mode (in it, the square grows with the window). */
    private static final double BOUNDARY_SIDE = 330;
    private final BoundaryCanvas boundary = new BoundaryCanvas(BOUNDARY_SIDE);
    private final ConfusionView confusion = new ConfusionView();
    private final ImageGrid samples = new ImageGrid(8, 4);
    private final Label samplesTitle = new Label();
    private final VBox imagePicture = new VBox(8, confusion, samplesTitle, samples);
    private long lastStep;
    /** While a run trains: on every frame, the newest decision boundary if there is one. */
    private final javafx.animation.AnimationTimer pictureFrames = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            TrainingViewModel.Update.Boundary b = model.takePicture();
            if (b != null && b.run() == currentRun) {
                boundary.show(b.probabilities(), b.classes(), TrainingViewModel.GRID);
            }
        }
    };
    private long lastChartCommit;
    /*
     * The spinners' bidirectional bindings hold their other end weakly: an asObject() view made in the call was
     * collected at the next garbage collection and the spinner stopped reaching the model (epochs and batch size
     * typed in the form were then ignored by every run). The views live as long as the view.
     */
    private javafx.beans.property.ObjectProperty<Integer> batchValue;
    private javafx.beans.property.ObjectProperty<Integer> epochsValue;
    private javafx.beans.property.ObjectProperty<Integer> patienceValue;

    @FXML private ComboBox<String> datasetBox;
    @FXML private GridPane toyGrid;
    @FXML private Spinner<Integer> samplesSpinner;
    @FXML private Slider noiseSlider;
    @FXML private ComboBox<String> networkBox;
    @FXML private ComboBox<String> lossBox;
    @FXML private ComboBox<String> optimizerBox;
    @FXML private Label lrLabel;
    @FXML private Slider lrSlider;
    @FXML private ComboBox<String> initBox;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private Spinner<Integer> epochsSpinner;
    @FXML private TextField seedField;
    @FXML private ComboBox<String> deviceBox;
    @FXML private ComboBox<String> scheduleBox;
    @FXML private TextField clipField;
    @FXML private Spinner<Integer> patienceSpinner;
    @FXML private Button trainButton;
    @FXML private ToggleButton pauseButton;
    @FXML private Button stepButton;
    @FXML private Button stopButton;
    @FXML private Label statusLabel;
    @FXML private javafx.scene.control.MenuButton exportButton;
    @FXML private javafx.scene.control.MenuItem weightsItem;
    @FXML private javafx.scene.control.MenuItem metricsItem;
    @FXML private javafx.scene.control.MenuItem chartItem;
    @FXML private StackPane lossHost;
    @FXML private StackPane accuracyHost;
    @FXML private CheckBox logBox;
    @FXML private CheckBox epochsBox;
    @FXML private VBox pictureBox;
    @FXML private Label pictureTitle;
    @FXML private StackPane pictureHost;
    @FXML private TableView<TrainingViewModel.RunRow> historyTable;
    @FXML private TableColumn<TrainingViewModel.RunRow, String> runColumn;
    @FXML private TableColumn<TrainingViewModel.RunRow, String> dataColumn;
    @FXML private TableColumn<TrainingViewModel.RunRow, String> netColumn;
    @FXML private TableColumn<TrainingViewModel.RunRow, String> optColumn;
    @FXML private TableColumn<TrainingViewModel.RunRow, String> resultColumn;

    public TrainingViewModel model() {
        return model;
    }

    LiveChart lossChart() {
        return lossChart;
    }

    BoundaryCanvas boundary() {
        return boundary;
    }

    /** The latest step the window has been told of. */
    long stepsShown() {
        return lastStep;
    }

    @FXML
    private void initialize() {
        datasetBox.getItems().setAll(DATASETS);
        datasetBox.getItems().add(CSV_CHOICE);
        datasetBox.valueProperty().bindBidirectional(model.datasetProperty());
        datasetBox.valueProperty().addListener((o, a, d) -> {
            if (CSV_CHOICE.equals(d)) {
                java.io.File f = app.descent.ui.fx.FileExport.open(datasetBox.getScene().getWindow(), "CSV table", "*.csv");
                javafx.application.Platform.runLater(() -> {
                    String chosen = f == null ? (a == null ? DATASETS.get(0) : a) : "csv:" + f.getAbsolutePath();
                    if (f != null && !datasetBox.getItems().contains(chosen)) {
                        datasetBox.getItems().add(datasetBox.getItems().size() - 1, chosen);
                    }
                    datasetBox.setValue(chosen);
                });
                return;
            }
            model.suggestFor(d);
            showPictureFor(d);
        });
        samplesSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(20, 20_000,
                model.samplesProperty().get(), 50));
        samplesSpinner.valueProperty().addListener((o, a, v) -> model.samplesProperty().set(v));
        noiseSlider.valueProperty().bindBidirectional(model.noiseProperty());
        // the points follow the sliders before training, as in TensorFlow Playground
        noiseSlider.valueChangingProperty().addListener((o, a, changing) -> {
            if (!changing && !model.runningProperty().get()) {
                showPictureFor(model.datasetProperty().get());
            }
        });
        samplesSpinner.valueProperty().addListener((o, a, v) -> {
            if (!model.runningProperty().get()) {
                showPictureFor(model.datasetProperty().get());
            }
        });

        networkBox.getItems().setAll(TrainingViewModel.choices().keySet());
        networkBox.getItems().add(NetworkChoices.FROM_BUILDER);
        networkBox.valueProperty().bindBidirectional(model.networkProperty());
        lossBox.getItems().setAll("ce", "mse", "bce");
        lossBox.valueProperty().bindBidirectional(model.lossProperty());
        optimizerBox.getItems().setAll(OptimizerSpec.NAMES);
        optimizerBox.valueProperty().bindBidirectional(model.optimizerProperty());
        // the slider moves in decades: 10^-5 … 1
        lrSlider.setValue(Math.log10(model.learningRateProperty().get()));
        lrSlider.valueProperty().addListener((o, a, v) -> model.learningRateProperty().set(
                Double.parseDouble(String.format("%.2g", Math.pow(10, v.doubleValue())))));
        model.learningRateProperty().addListener((o, a, v) -> {
            if (Math.abs(Math.log10(v.doubleValue()) - lrSlider.getValue()) > 0.01) {
                lrSlider.setValue(Math.log10(v.doubleValue()));
            }
        });
        lrLabel.textProperty().bind(model.learningRateProperty().asString("%.2g"));
        initBox.getItems().setAll("default", "zeros", "constant:0.1", "normal:0.01", "normal:1", "uniform:0.1",
                "xavier", "kaiming");
        initBox.valueProperty().bindBidirectional(model.initProperty());
        batchSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 4096, 10));
        batchValue = model.batchSizeProperty().asObject();
        batchSpinner.getValueFactory().valueProperty().bindBidirectional(batchValue);
        epochsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1000, 30));
        epochsValue = model.epochsProperty().asObject();
        epochsSpinner.getValueFactory().valueProperty().bindBidirectional(epochsValue);
        seedField.setText(String.valueOf(model.seedProperty().get()));
        app.descent.ui.fx.FieldMessage seedMessage = app.descent.ui.fx.FieldMessage.under(seedField);
        seedField.textProperty().addListener((o, a, t) -> {
            try {
                model.seedProperty().set(Long.parseLong(t.strip()));
                seedMessage.show(null);
            } catch (NumberFormatException e) {
                seedMessage.show("seed: '" + t.strip() + "' is not a whole number");
            }
        });
        deviceBox.getItems().setAll("cpu", "gpu");
        deviceBox.valueProperty().bindBidirectional(model.deviceProperty());
        scheduleBox.getItems().setAll("constant", "cosine", "step:200:0.5", "cosine+warmup:50");
        scheduleBox.valueProperty().bindBidirectional(model.scheduleProperty());
        clipField.setText("0");
        clipField.setPromptText("0 = off");
        app.descent.ui.fx.FieldMessage clipMessage = app.descent.ui.fx.FieldMessage.under(clipField);
        clipField.textProperty().addListener((o, a, t) -> {
            double clip;
            try {
                clip = t.isBlank() ? 0 : Double.parseDouble(t.strip());
            } catch (NumberFormatException e) {
                clipMessage.show("clip norm: '" + t.strip() + "' is not a number (0 = off)");
                return;
            }
            if (!(clip >= 0) || Double.isInfinite(clip)) {
                clipMessage.show("clip norm must be 0 (off) or more, not " + t.strip());
                return;
            }
            model.clipProperty().set(clip);
            clipMessage.show(null);
        });
        patienceSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 100, 0));
        patienceValue = model.patienceProperty().asObject();
        patienceSpinner.getValueFactory().valueProperty().bindBidirectional(patienceValue);
        for (Spinner<Integer> s : List.of(samplesSpinner, batchSpinner, epochsSpinner, patienceSpinner)) {
            app.descent.ui.fx.Spinners.guard(s);
            // a number typed and left with Tab or a click counts as if Enter had been pressed
            s.focusedProperty().addListener((o, was, focused) -> {
                if (!focused) {
                    commitTyped(s);
                }
            });
        }

        trainButton.setOnAction(e -> {
            for (Spinner<Integer> s : List.of(samplesSpinner, batchSpinner, epochsSpinner, patienceSpinner)) {
                commitTyped(s);
            }
            lossChart.series(0).clear();
            lossChart.series(1).clear();
            accuracyChart.clear();
            lossChart.commit();
            accuracyChart.commit();
            model.train();
            if (model.runningProperty().get()) {
                // the new run's figures from now on: a late update of the last run (its confusion matrix comes
                // after its end) must not come back, nor stay when the new run fails before it starts
                currentRun = model.history().get(0).run();
                clearResults();
            }
        });
        trainButton.disableProperty().bind(model.runningProperty());
        app.descent.ui.Session.listen(app.descent.ui.Session.setupRequest(), (o, a, r) -> setUp(r));
        setUp(app.descent.ui.Session.setupRequest().get());
        model.runningProperty().addListener((o, was, running) -> {
            if (running) {
                pictureFrames.start();
            } else {
                pictureFrames.stop();
            }
        });
        pauseButton.selectedProperty().addListener((o, a, on) -> model.setPaused(on));
        pauseButton.disableProperty().bind(model.runningProperty().not());
        stepButton.setOnAction(e -> model.step());
        stepButton.disableProperty().bind(model.runningProperty().not().or(pauseButton.selectedProperty().not()));
        stopButton.setOnAction(e -> model.stop());
        stopButton.disableProperty().bind(model.runningProperty().not());
        statusLabel.textProperty().bind(model.statusProperty());
        // the dataset's loading (Fashion-MNIST takes seconds) and then the run's steps; Cancel is Stop
        app.descent.ui.fx.ProgressStrip.after(statusLabel, "training", model.progressProperty(),
                model.runningProperty(), model::stop);
        samplesTitle.getStyleClass().add("section-title");
        samples.setId("image-grid");
        app.descent.ui.fx.FigureExport.install(boundary, "decision-boundary");
        app.descent.ui.fx.FigureExport.install(confusion, "confusion-matrix");
        app.descent.ui.fx.FigureExport.install(samples, "images");
        weightsItem.setOnAction(e -> {
            java.io.File f = app.descent.ui.fx.FileExport.chooseSave(statusLabel.getScene().getWindow(), "weights.npz",
                    "NumPy archive", "*.npz");
            if (f != null) {
                try {
                    model.saveWeights(f.toPath());
                } catch (java.io.IOException | app.descent.UserInputException ex) {
                    app.descent.ui.fx.Dialogs.get().error(statusLabel.getScene().getWindow(),
                            "Could not save " + f + ": " + ex.getMessage());
                }
            }
        });
        metricsItem.setOnAction(e -> app.descent.ui.fx.FileExport.saveText(statusLabel.getScene().getWindow(),
                "metrics.csv", model::lastMetricsCsv));
        chartItem.setOnAction(e -> app.descent.ui.fx.FileExport.savePng(lossChart.viewer(), "loss.png"));

        lossChart.capPoints(250);
        accuracyChart.capPoints(250);
        lossHost.getChildren().add(lossChart.viewer());
        // the charts follow the window's presentation mode by themselves (LiveChart)
        accuracyHost.getChildren().add(accuracyChart.viewer());
        logBox.selectedProperty().addListener((o, a, on) -> lossChart.logScale(on));
        epochsBox.selectedProperty().addListener((o, a, on) -> replot());

        historyTable.setItems(model.history());
        runColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().run())));
        dataColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().dataset()));
        netColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().network()));
        optColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().optimizer() + " "
                + String.format("%.2g", c.getValue().lr()) + " · " + c.getValue().epochs() + " ep"));
        resultColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().result()));
        historyTable.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> overlay(row));

        model.onUpdates(this::apply);
        showPictureFor(model.datasetProperty().get());
        app.descent.ui.session.Sessions.register(state);
        setUpPresentation();
    }

    /** The form's fields that follow the model by hand (text fields, the samples spinner), after a session's open. */
    void syncFields() {
        String d = model.datasetProperty().get();
        if (d != null && d.startsWith("csv:") && !datasetBox.getItems().contains(d)) {
            datasetBox.getItems().add(datasetBox.getItems().size() - 1, d);
        }
        if (TrainingViewModel.LESSON_NETWORK.equals(model.networkProperty().get())
                && !networkBox.getItems().contains(TrainingViewModel.LESSON_NETWORK)) {
            networkBox.getItems().add(TrainingViewModel.LESSON_NETWORK);
        }
        seedField.setText(String.valueOf(model.seedProperty().get()));
        double clip = model.clipProperty().get();
        clipField.setText(clip == 0 ? "0" : String.valueOf(clip));
        samplesSpinner.getValueFactory().setValue(model.samplesProperty().get());
    }

    /**
     * Shows the history's newest run as a finished run shows: its curves, its decision boundary over its training
     * points or its confusion matrix; with no runs, the preview of the chosen dataset.
     */
    void showRestored() {
        clearResults();
        lossChart.series(0).clear();
        lossChart.series(1).clear();
        accuracyChart.clear();
        historyTable.getSelectionModel().clearSelection();
        currentRun = model.history().isEmpty() ? 0 : model.history().get(0).run();
        app.descent.training.RunLog log = currentRun == 0 ? null : model.log(currentRun);
        lastStep = log == null ? 0 : log.lastStep();
        replot();
        lossChart.commit();
        accuracyChart.commit();
        if (log == null) {
            showPictureFor(model.datasetProperty().get());
            return;
        }
        TrainingViewModel.RunRow row = model.history().get(0);
        if (log.boundary() != null) {
            pictureTitle.setText("Decision boundary (training points)");
            pictureHost.getChildren().setAll(boundary);
            try {
                boundary.points(app.descent.training.data.DataSplit.load(row.dataset(),
                        new app.descent.training.data.DataSplit.Options(row.samples(), row.noise(),
                                row.settings().seed(), 0, 0.1)).train());
            } catch (app.descent.UserInputException e) {
                // a CSV file gone since: the boundary without its points
            }
            boundary.show(log.boundary(), log.boundaryClasses(), log.boundaryGrid());
        } else {
            pictureTitle.setText("Confusion matrix (test set)");
            pictureHost.getChildren().setAll(imagePicture);
            if (log.confusion() != null) {
                confusion.show(log.confusion(), log.classNames());
            }
            if (log.mistakes() != null) {
                // the run's test set again (the same dataset, samples and seed give the same split)
                try {
                    app.descent.training.data.Examples test = app.descent.training.data.DataSplit.load(row.dataset(),
                            new app.descent.training.data.DataSplit.Options(row.samples(), row.noise(),
                                    row.settings().seed(), 0, 0.1)).test();
                    int[] indices = log.mistakes();
                    int[] predicted = log.mistakesPredicted();
                    boolean fits = test.classNames().size() == log.classNames().size()
                            && java.util.Arrays.stream(indices).allMatch(i -> i < test.count());
                    if (fits) {
                        showMistakes(test, indices, predicted);
                    }
                } catch (app.descent.UserInputException e) {
                    // a dataset gone since: the matrix without its images
                }
            }
        }
    }

    ConfusionView confusion() {
        return confusion;
    }

    LiveChart accuracyChart() {
        return accuracyChart;
    }


    @FXML private javafx.scene.layout.BorderPane root;
    @FXML private VBox sideBox;
    @FXML private javafx.scene.layout.FlowPane runButtons;

    /**
     * Presentation mode: the charts and the picture take the window; the settings fold into a strip on the left
     * edge (Train, Pause, Step and Stop stay, above the charts), the runs table into a strip below. Space starts a
     * run and then pauses and resumes it; Ctrl+Enter trains.
     */
    private void setUpPresentation() {
        app.descent.ui.fx.SidePanel.collapsible(root, javafx.geometry.Side.LEFT, "settings-strip", "Settings");
        VBox center = (VBox) statusLabel.getParent();
        javafx.scene.control.ToggleButton runsStrip = app.descent.ui.fx.SidePanel.fold(historyTable, "runs-strip",
                "Runs of this session");
        center.getChildren().add(center.getChildren().indexOf(historyTable), runsStrip);
        // the run's buttons and its status share one row above the charts; the chart options wait outside
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(12);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.Node options = logBox.getParent();
        double wrap = runButtons.getPrefWrapLength();
        // the decision boundary grows with the space below the run's bar: a square as high as the picture's view,
        // at most half the centre's width, so the charts keep the rest; outside presentation mode its 330 px
        javafx.scene.control.ScrollPane pictureScroll = (javafx.scene.control.ScrollPane) pictureBox.getChildren()
                .get(pictureBox.getChildren().size() - 1);
        javafx.scene.layout.Region charts = (javafx.scene.layout.Region) pictureBox.getParent();
        Runnable sizeBoundary = () -> {
            if (!app.descent.ui.fx.Presentation.isOn(root)) {
                boundary.resizeTo(BOUNDARY_SIDE);
                return;
            }
            double high = pictureScroll.getViewportBounds().getHeight() - 2;
            double wide = charts.getWidth() / 2;
            if (high > 0 && wide > 0) {
                boundary.resizeTo(Math.max(BOUNDARY_SIDE, Math.min(high, wide)));
            }
        };
        pictureScroll.viewportBoundsProperty().addListener(o -> sizeBoundary.run());
        charts.widthProperty().addListener(o -> sizeBoundary.run());
        app.descent.ui.fx.Presentation.follow(root, on -> {
            sizeBoundary.run();
            runButtons.setPrefWrapLength(on ? 620 : wrap);
            options.setVisible(!on);
            options.setManaged(!on);
            if (on && runButtons.getParent() == sideBox) {
                sideBox.getChildren().remove(runButtons);
                int at = center.getChildren().indexOf(statusLabel);
                center.getChildren().remove(statusLabel);
                bar.getChildren().setAll(runButtons, statusLabel);
                javafx.scene.layout.HBox.setHgrow(statusLabel, javafx.scene.layout.Priority.ALWAYS);
                center.getChildren().add(at, bar);
            } else if (!on && runButtons.getParent() == bar) {
                int at = center.getChildren().indexOf(bar);
                bar.getChildren().clear();
                center.getChildren().set(at, statusLabel);
                sideBox.getChildren().add(runButtons);
            }
        });
        Runnable startOrPause = () -> {
            if (!model.runningProperty().get()) {
                trainButton.fire();
            } else {
                pauseButton.fire();
            }
        };
        app.descent.ui.fx.DemoKeys.of(root).on(startOrPause, javafx.scene.input.KeyCode.SPACE)
                .shortcut(() -> {
                    if (!trainButton.isDisabled()) {
                        trainButton.fire();
                    }
                }, new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.ENTER,
                        javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        trainButton.setTooltip(new javafx.scene.control.Tooltip("Train with these settings (Space, Ctrl+Enter)"));
        pauseButton.setTooltip(new javafx.scene.control.Tooltip("Pause the run, or go on (Space)"));
    }

    /** Commits what is typed in a spinner's editor; text that is no number puts the shown value back. */
    private static void commitTyped(Spinner<Integer> s) {
        String text = s.getEditor().getText();
        try {
            Integer v = s.getValueFactory().getConverter().fromString(text.strip());
            if (v != null) {
                s.getValueFactory().setValue(v);
            }
        } catch (NumberFormatException e) {
            // not a number: the spinner keeps its value
        }
        s.getEditor().setText(s.getValueFactory().getConverter().toString(s.getValue()));
    }

    /** A new run starts: what the last run left (confusion matrix, misclassified images, boundary) goes. */
    private void clearResults() {
        confusion.clear();
        imagesAsked++;
        samples.clear();
        samplesTitle.setText("");
        boundary.clearBoundary();
    }

    private void showPictureFor(String dataset) {
        boolean toy = TrainingViewModel.isToy(dataset);
        if (toy && !dataset.startsWith("csv:")) {
            previewPoints(dataset);
        }
        toyGrid.setVisible(toy);
        toyGrid.setManaged(toy);
        pictureTitle.setText(toy ? "Decision boundary (training points)" : "Confusion matrix (test set)");
        pictureHost.getChildren().setAll(toy ? boundary : imagePicture);
        if (!toy && (dataset.equals("mnist") || dataset.equals("fashion-mnist"))) {
            preview(dataset);
        }
    }

    /** The points of a toy set before any training, as the settings would generate them. */
    private void previewPoints(String dataset) {
        try {
            var split = app.descent.training.data.DataSplit.load(dataset, new app.descent.training.data.DataSplit.Options(
                    model.samplesProperty().get(), model.noiseProperty().get(), model.seedProperty().get(), 0, 0.1));
            boundary.points(split.train());
        } catch (app.descent.UserInputException e) {
            // an unusable setting is reported when training starts
        }
    }

    /** Puts a lesson's training action into the controls, and with run presses Train. */
    private void setUp(app.descent.ui.Session.Setup r) {
        if (r == null || !r.workspace().equals("training")) {
            return;
        }
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>(r.settings());
        String code = options.remove("model");
        if (code != null && !networkBox.getItems().contains(TrainingViewModel.LESSON_NETWORK)) {
            networkBox.getItems().add(TrainingViewModel.LESSON_NETWORK);
        }
        try {
            model.apply(code, options.remove("dataset"), options);
        } catch (app.descent.UserInputException e) {
            r.problem().accept(e.getMessage());
            return;
        }
        seedField.setText(String.valueOf(model.seedProperty().get()));
        clipField.setText(String.valueOf(model.clipProperty().get()));
        samplesSpinner.getValueFactory().setValue(model.samplesProperty().get());
        if (r.run()) {
            trainButton.fire();
        }
    }

    /** A few samples of an image set, so that a student sees what the network will learn from. */
    private void preview(String dataset) {
        samplesTitle.setText("Samples of " + dataset);
        int asked = ++imagesAsked;
        javafx.concurrent.Task<app.descent.training.data.Examples> load = new javafx.concurrent.Task<>() {
            @Override
            protected app.descent.training.data.Examples call() {
                return app.descent.training.data.Examples.of(
                        app.descent.training.data.ShippedDataset.byId(dataset).test());
            }
        };
        load.setOnSucceeded(e -> {
            if (asked != imagesAsked) {
                // images shown since (a run's mistakes, a session's): the preview came too late
                return;
            }
            app.descent.training.data.Examples set = load.getValue();
            int[] picks = new int[32];
            String[] captions = new String[32];
            for (int k = 0; k < picks.length; k++) {
                picks[k] = (k * 61) % set.count();
                captions[k] = set.classNames().get(set.labels()[picks[k]]);
            }
            samples.show(set, picks, captions);
        });
        load.setOnFailed(e -> samplesTitle.setText(load.getException().getMessage()));
        app.descent.ui.fx.Background.start(load);
    }

    /** The x of a step: the step itself, or the epoch it falls in (fractional) when the axis shows epochs. */
    /** The last step of an epoch: its point stays on the curve however the chart thins it. */
    private boolean endsEpoch(int run, long step) {
        return step % stepsPerEpoch(run) == 0;
    }

    private long stepsPerEpoch(int run) {
        app.descent.training.RunLog log = model.log(run);
        return log == null ? 1 : log.stepsPerEpoch();
    }

    private double x(int run, double step) {
        return epochsBox.isSelected() ? step / stepsPerEpoch(run) : step;
    }

    /** Lays a finished run's loss curves over the chart, to compare two runs. */
    private void overlay(TrainingViewModel.RunRow row) {
        lossChart.series(2).clear();
        lossChart.series(3).clear();
        if (row != null) {
            plot(row.run(), 2, 3);
        }
        lossChart.commit();
    }

    private void plot(int run, int trainSeries, int valSeries) {
        app.descent.training.RunLog log = model.log(run);
        if (log == null) {
            return;
        }
        for (double[] p : log.steps()) {
            lossChart.add(trainSeries, x(run, p[0]), p[1], endsEpoch(run, (long) p[0]));
        }
        for (app.descent.training.RunLog.EpochAt e : log.epochs()) {
            lossChart.add(valSeries, x(run, e.step()), e.epoch().valLoss());
        }
    }

    /** Redraws every curve for the other x axis (steps or epochs). */
    private void replot() {
        String label = epochsBox.isSelected() ? "epoch" : "step";
        lossChart.domainLabel(label);
        accuracyChart.domainLabel(label);
        for (int i = 0; i < 2; i++) {
            lossChart.series(i).clear();
            accuracyChart.series(i).clear();
        }
        if (currentRun > 0) {
            plot(currentRun, 0, 1);
            app.descent.training.RunLog log = model.log(currentRun);
            for (app.descent.training.RunLog.EpochAt e : log == null ? java.util.List.<app.descent.training.RunLog.EpochAt>of()
                    : log.epochs()) {
                accuracyChart.add(0, x(currentRun, e.step()), e.epoch().trainAccuracy());
                accuracyChart.add(1, x(currentRun, e.step()), e.epoch().valAccuracy());
            }
        }
        overlay(historyTable.getSelectionModel().getSelectedItem());
        accuracyChart.commit();
    }

    /** Counts what was asked of the image grid, so that a preview read in the background never covers a later picture. */
    private int imagesAsked;

    private void showMistakes(app.descent.training.data.Examples test, int[] indices, int[] predicted) {
        imagesAsked++;
        String[] captions = new String[indices.length];
        for (int k = 0; k < captions.length; k++) {
            captions[k] = shortName(test.classNames().get(predicted[k])) + " ≠ "
                    + shortName(test.classNames().get(test.labels()[indices[k]]));
        }
        samplesTitle.setText("Misclassified test images (predicted ≠ true)");
        samples.show(test, indices, captions);
    }

    private static String shortName(String s) {
        return s.length() > 5 ? s.substring(0, 4) + "." : s;
    }

    private void apply(List<TrainingViewModel.Update> batch) {
        for (TrainingViewModel.Update u : batch) {
            if (u instanceof TrainingViewModel.Update.Started s) {
                if (model.log(s.run()) == null) {
                    continue;
                }
                currentRun = s.run();
                boolean flat2d = s.train().shape().length == 1 && s.train().shape()[0] == 2;
                if (flat2d) {
                    boundary.points(s.train());
                }
                // a CSV file decides by its columns: two features get a boundary, others a confusion matrix
                pictureTitle.setText(flat2d ? "Decision boundary (training points)" : "Confusion matrix (test set)");
                pictureHost.getChildren().setAll(flat2d ? boundary : imagePicture);
            } else if (u instanceof TrainingViewModel.Update.Boundary b && b.run() == currentRun) {
                // the run's last picture comes with the batches: one still waiting for a frame is older
                model.takePicture();
                boundary.show(b.probabilities(), b.classes(), TrainingViewModel.GRID);
            } else if (u instanceof TrainingViewModel.Update.Failed f && f.run() == currentRun) {
                // a failed or stopped run has no misclassified images of its own (its matrix, if it finished an
                // epoch, is its own and stays)
                samples.clear();
                samplesTitle.setText("");
            } else if (u instanceof TrainingViewModel.Update.Confusion c) {
                if (c.run() == currentRun) {
                    confusion.show(c.counts(), c.classNames());
                }
            } else if (u instanceof TrainingViewModel.Update.Mistakes m && m.run() == currentRun) {
                showMistakes(m.test(), m.indices(), m.predicted());
            } else if (u instanceof TrainingViewModel.Update.Event ev) {
                TrainingEvent e = ev.event();
                if (e instanceof TrainingEvent.Step s && s.run() == currentRun) {
                    lossChart.add(0, x(s.run(), s.step()), s.loss(), endsEpoch(s.run(), s.step()));
                    lastStep = s.step();
                } else if (e instanceof TrainingEvent.Epoch ep && ep.run() == currentRun) {
                    lossChart.add(1, x(ep.run(), lastStep), ep.valLoss());
                    accuracyChart.add(0, x(ep.run(), lastStep), ep.trainAccuracy());
                    accuracyChart.add(1, x(ep.run(), lastStep), ep.valAccuracy());
                }
            }
        }
        // charts redraw at 10 Hz; the boundary above at the full rate of the batches
        long now = System.nanoTime();
        boolean ended = batch.stream().anyMatch(u -> u instanceof TrainingViewModel.Update.Failed
                || u instanceof TrainingViewModel.Update.Event ev && !(ev.event() instanceof TrainingEvent.Step));
        if (ended || now - lastChartCommit > 100_000_000L) {
            lossChart.commit();
            accuracyChart.commit();
            lastChartCommit = now;
        }
    }
}
