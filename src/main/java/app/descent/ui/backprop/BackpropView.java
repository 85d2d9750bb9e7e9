package app.descent.ui.backprop;

import app.descent.ui.fx.FileExport;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.util.Duration;

/** Controller of BackpropView.fxml: binds the controls to {@link BackpropViewModel} and draws the graph. */
public final class BackpropView {
    static final String HIDDEN = "?";
    static final String CUSTOM = "Custom expression";
    static final String STATE_FILE = "backprop.json";
    private final BackpropViewModel model = new BackpropViewModel();
    private final GraphPane graph = new GraphPane();
    private final Timeline player = new Timeline();

    @FXML private TextArea expressionField;
    @FXML private ComboBox<Presets.Preset> presets;
    @FXML private Label errorLabel;
    @FXML private Label noteLabel;
    @FXML private TableView<BackpropViewModel.Variable> variableTable;
    @FXML private TableColumn<BackpropViewModel.Variable, String> nameColumn;
    @FXML private TableColumn<BackpropViewModel.Variable, String> valueColumn;
    @FXML private Label resultLabel;
    @FXML private TableView<BackpropViewModel.Gradient> gradientTable;
    @FXML private TableColumn<BackpropViewModel.Gradient, String> gradNameColumn;
    @FXML private TableColumn<BackpropViewModel.Gradient, String> gradValueColumn;
    @FXML private TableColumn<BackpropViewModel.Gradient, String> gradNumericColumn;
    @FXML private ScrollPane graphScroll;
    @FXML private ToggleButton addPattern;
    @FXML private ToggleButton mulPattern;
    @FXML private ToggleButton maxPattern;
    @FXML private ToggleButton fanoutPattern;
    @FXML private Label patternText;
    @FXML private Button exportPng;
    @FXML private Button exportCsv;
    @FXML private Button resetButton;
    @FXML private Button backButton;
    @FXML private ToggleButton playButton;
    @FXML private Button forwardButton;
    @FXML private Button endButton;
    @FXML private Slider speedSlider;
    @FXML private Label stepCounter;
    @FXML private CheckBox predictBox;
    @FXML private TextField predictionField;
    @FXML private Button checkButton;
    @FXML private Label stepText;
    @FXML private Label feedbackLabel;
    @FXML private ScrollPane leftPane;
    @FXML private ScrollPane rightPane;
    @FXML private ToggleButton focusButton;
    @FXML private javafx.scene.layout.BorderPane root;
    @FXML private Label speedLabel;
    @FXML private ToggleButton explainButton;
    @FXML private javafx.scene.layout.Region predictGap;
    /** Presentation mode: the graph gets the window, the step controls one row. */
    private final javafx.beans.property.BooleanProperty presenting = new javafx.beans.property.SimpleBooleanProperty();
    /** The person's zoom on top of the fitted size (Ctrl+wheel; Ctrl+0 returns to 1, the fit). */
    private double zoom = 1;

    public BackpropViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        // the graph shrinks to fit the view (down to 60 %), beyond that the view scrolls
        graphScroll.setContent(new javafx.scene.Group(graph));
        javafx.beans.InvalidationListener fit = o -> fitGraph();
        graphScroll.viewportBoundsProperty().addListener(fit);
        graph.prefWidthProperty().addListener(fit);
        graph.prefHeightProperty().addListener(fit);
        installZoom();
        expressionField.textProperty().bindBidirectional(model.expressionProperty());
        expressionField.textProperty().addListener((o, a, t) -> fitExpressionRows());
        presets.getItems().setAll(Presets.ALL);
        presets.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Presets.Preset p, boolean empty) {
                super.updateItem(p, empty);
                setText(p != null && !empty ? p.name() : model.customProperty().get() ? CUSTOM : "Presets");
            }
        });
        model.customProperty().addListener((o, a, own) -> {
            if (own) {
                presets.getSelectionModel().clearSelection();
            }
        });
        presets.setOnAction(e -> {
            Presets.Preset p = presets.getValue();
            if (p != null) {
                model.load(p.expression(), p.values(), p.note(), p.update(), p.lr());
            }
        });

        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        // a note's formulas typeset (a preset's, or a Practice question's)
        model.noteProperty().addListener((o, was, note) -> app.descent.ui.fx.MathText.label(noteLabel, note));
        app.descent.ui.fx.MathText.label(noteLabel, model.noteProperty().get());
        noteLabel.visibleProperty().bind(model.noteProperty().isNotEmpty().and(focusButton.selectedProperty().not())
                .and(presenting.not()));
        noteLabel.managedProperty().bind(noteLabel.visibleProperty());

        variableTable.setItems(model.variables());
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        valueColumn.setCellValueFactory(c -> c.getValue().valueProperty());
        // a value counts however the cell is left (Tab, Enter, a click elsewhere), as soon as it is shown
        valueColumn.setCellFactory(app.descent.ui.fx.CommittingTextCell.forTableColumn());
        resultLabel.textProperty().bind(model.resultProperty());

        gradientTable.setItems(model.gradients());
        gradientTable.setPlaceholder(placeholder("The gradients appear here once the expression reads correctly."));
        variableTable.setPlaceholder(placeholder("Type an expression with names (x, w1, …): each gets a row here."));
        gradNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        // while the person predicts, a gradient stays hidden until the backward pass has brought it
        gradValueColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.revealed(c.getValue().name())
                ? Numbers.format(c.getValue().analytic()) : HIDDEN));
        gradNumericColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.revealed(c.getValue().name())
                ? Numbers.format(c.getValue().numeric()) : HIDDEN));
        model.predictProperty().addListener((o, a, on) -> gradientTable.refresh());

        model.pictureProperty().addListener((o, a, p) -> graph.show(p));
        model.frameProperty().addListener((o, a, f) -> {
            if (f != null) {
                graph.paint(f);
                reveal(graph.card(f.currentNode()));
            }
            updateStepLabels();
            gradientTable.refresh();
        });

        ToggleGroup patterns = new ToggleGroup();
        addPattern.setUserData("add");
        mulPattern.setUserData("mul");
        maxPattern.setUserData("max");
        fanoutPattern.setUserData("fanout");
        for (ToggleButton b : new ToggleButton[] {addPattern, mulPattern, maxPattern, fanoutPattern}) {
            b.setToggleGroup(patterns);
        }
        patterns.selectedToggleProperty().addListener((o, a, t) -> {
            String pattern = t == null ? null : (String) t.getUserData();
            patternText.setText(Patterns.explain(pattern));
            if (model.frameProperty().get() != null) {
                graph.highlight(pattern, model.frameProperty().get());
            }
        });

        resetButton.setOnAction(e -> model.reset());
        backButton.setOnAction(e -> model.stepBack());
        forwardButton.setOnAction(e -> model.stepForward());
        endButton.setOnAction(e -> model.toEnd());
        backButton.disableProperty().bind(model.atStartProperty());
        resetButton.disableProperty().bind(model.atStartProperty());
        forwardButton.disableProperty().bind(model.atEndProperty());
        endButton.disableProperty().bind(model.atEndProperty());
        model.speedProperty().bind(speedSlider.valueProperty());
        player.setCycleCount(Timeline.INDEFINITE);
        playButton.selectedProperty().addListener((o, a, on) -> play(on));
        // nothing to play while the expression does not parse
        playButton.disableProperty().bind(model.pictureProperty().isNull());
        model.pictureProperty().addListener((o, a, p) -> {
            if (p == null) {
                playButton.setSelected(false);
            }
        });
        speedSlider.valueProperty().addListener((o, a, v) -> {
            if (playButton.isSelected()) {
                play(true);
            }
        });
        model.atEndProperty().addListener((o, a, end) -> {
            if (end) {
                playButton.setSelected(false);
            }
        });

        predictBox.selectedProperty().bindBidirectional(model.predictProperty());
        predictionField.disableProperty().bind(predictBox.selectedProperty().not());
        checkButton.disableProperty().bind(predictBox.selectedProperty().not());
        checkButton.setOnAction(e -> model.checkPrediction(predictionField.getText()));
        predictionField.setOnAction(e -> model.checkPrediction(predictionField.getText()));
        feedbackLabel.textProperty().bind(model.feedbackProperty());

        exportPng.setOnAction(e -> FileExport.savePng(graph, "graph.png"));
        app.descent.ui.fx.FigureExport.install(graph, "graph");
        exportCsv.setOnAction(e -> FileExport.saveText(exportCsv.getScene().getWindow(), "steps.csv",
                () -> StepTable.csv(model.pictureProperty().get())));
        exportPng.disableProperty().bind(model.pictureProperty().isNull());
        exportCsv.disableProperty().bind(model.pictureProperty().isNull());

        // for a projector: the graph takes the whole width
        for (ScrollPane side : new ScrollPane[] {leftPane, rightPane}) {
            side.visibleProperty().bind(focusButton.selectedProperty().not());
            side.managedProperty().bind(side.visibleProperty());
        }
        focusButton.selectedProperty().addListener((o, a, on) -> fitExpressionRows());

        // a projector: the side panels fold into strips on the edges, the graph takes the window
        app.descent.ui.fx.SidePanel.collapsible(root, javafx.geometry.Side.LEFT, "values-strip", "Values and gradients");
        app.descent.ui.fx.SidePanel.collapsible(root, javafx.geometry.Side.RIGHT, "legend-strip", "Legend and export");
        // in presentation mode the step controls take one row; the step's text shows on demand (Explain)
        for (javafx.scene.Node n : new javafx.scene.Node[] {speedLabel, speedSlider, predictGap, predictBox,
            predictionField, checkButton}) {
            n.visibleProperty().bind(presenting.not());
            n.managedProperty().bind(presenting.not());
        }
        explainButton.visibleProperty().bind(presenting);
        explainButton.managedProperty().bind(presenting);
        for (Label l : new Label[] {stepText, feedbackLabel}) {
            l.visibleProperty().bind(presenting.not().or(explainButton.selectedProperty()));
            l.managedProperty().bind(l.visibleProperty());
        }
        app.descent.ui.fx.Presentation.follow(root, on -> {
            presenting.set(on);
            fitGraph();
            fitExpressionRows();
        });
        installDemoKeys();

        if (!restore()) {
            Presets.Preset first = Presets.ALL.get(0);
            presets.getSelectionModel().select(first);
            model.load(first.expression(), first.values(), first.note());
        }
        // the expression and its values are kept between runs
        model.expressionProperty().addListener(o -> keep());
        model.variables().addListener((javafx.beans.InvalidationListener) o -> keep());
        presets.valueProperty().addListener(o -> keep());
        // another workspace (Practice) may hand over an expression, before or after this view exists
        javafx.beans.value.ChangeListener<app.descent.ui.Session.BackpropRequest> open = (o, a, r) -> {
            if (r != null) {
                presets.getSelectionModel().clearSelection();
                model.load(r.expression(), r.values(), r.note());
                if (r.toEnd()) {
                    endButton.fire();
                }
            }
        };
        app.descent.ui.Session.listen(app.descent.ui.Session.backpropRequest(), open);
        open.changed(null, null, app.descent.ui.Session.backpropRequest().get());
        // its part of a session (File ▸ Save / Open)
        app.descent.ui.session.Sessions.register(new BackpropSession(model, presets));
    }

    private static Label placeholder(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("hint");
        l.setStyle("-fx-padding: 8;");
        return l;
    }

    /** Brings back the last run's expression and values; false when there is nothing (or nothing usable) to restore. */
    private boolean restore() {
        var saved = app.descent.ui.WorkFiles.read(STATE_FILE);
        if (saved.isEmpty() || !saved.get().path("expression").isTextual()) {
            return false;
        }
        var n = saved.get();
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        n.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        String expr = n.path("expression").asText();
        Presets.Preset preset = Presets.ALL.stream().filter(p -> p.name().equals(n.path("preset").asText(null))
                && p.expression().equals(expr)).findFirst().orElse(null);
        if (preset != null) {
            presets.getSelectionModel().select(preset);
            model.loadTexts(expr, values, preset.note(), preset.update(), preset.lr());
        } else {
            model.loadCustom(expr, values);
        }
        return true;
    }

    private void keep() {
        var n = app.descent.ui.WorkFiles.json().createObjectNode();
        n.put("expression", model.expressionProperty().get());
        var values = n.putObject("values");
        model.valueTexts().forEach(values::put);
        Presets.Preset p = presets.getValue();
        if (p != null) {
            n.put("preset", p.name());
        }
        app.descent.ui.WorkFiles.write(STATE_FILE, n);
    }

    /** Scrolls a large graph so that the node of the current step is in view. */
    private void reveal(javafx.scene.Node card) {
        javafx.scene.Node content = graphScroll.getContent();
        if (card == null || content == null) {
            return;
        }
        var box = content.sceneToLocal(card.localToScene(card.getBoundsInLocal()));
        var view = graphScroll.getViewportBounds();
        double w = content.getBoundsInLocal().getWidth() - view.getWidth();
        double h = content.getBoundsInLocal().getHeight() - view.getHeight();
        if (w > 0) {
            graphScroll.setHvalue(Math.max(0, Math.min(1, (box.getCenterX() - view.getWidth() / 2) / w)));
        }
        if (h > 0) {
            graphScroll.setVvalue(Math.max(0, Math.min(1, (box.getCenterY() - view.getHeight() / 2) / h)));
        }
    }

    private void fitExpressionRows() {
        int lines = (int) expressionField.getText().chars().filter(c -> c == '\n').count() + 1;
        boolean compact = focusButton.isSelected() || app.descent.ui.fx.Presentation.isOn(root);
        expressionField.setPrefRowCount(Math.min(compact ? 2 : 5, lines));
    }

    /**
     * The graph fits the view, within limits: not below 60 % (in presentation mode: not below the scale at which
     * its smallest label is {@link app.descent.ui.fx.Presentation#MIN_FONT_PX} pixels high; beyond that the view
     * pans), and the person's zoom on top.
     */
    private void fitGraph() {
        double w = graph.getPrefWidth();
        double h = graph.getPrefHeight();
        var view = graphScroll.getViewportBounds();
        if (w <= 0 || h <= 0 || view.getWidth() <= 0) {
            return;
        }
        double fit = Math.min(view.getWidth() / w, view.getHeight() / h);
        double scale = Math.max(smallestScale(), Math.min(largestScale(), fit * zoom));
        graph.setScaleX(scale);
        graph.setScaleY(scale);
    }

    private double smallestScale() {
        double font = graph.smallestFontSize();
        return app.descent.ui.fx.Presentation.isOn(root) && font > 0
                ? app.descent.ui.fx.Presentation.MIN_FONT_PX / font : 0.6;
    }

    private double largestScale() {
        return app.descent.ui.fx.Presentation.isOn(root) ? 3 : 2.5;
    }

    /** Ctrl+wheel zooms the graph, Ctrl+0 fits it again; dragging pans (the scroll pane is pannable). */
    private void installZoom() {
        graphScroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0) {
                zoom *= e.getDeltaY() > 0 ? 1.15 : 1 / 1.15;
                zoom = Math.max(0.2, Math.min(5, zoom));
                fitGraph();
                e.consume();
            }
        });
        // a click on the graph takes the focus from the expression, so that the demo keys step
        graphScroll.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> graphScroll.requestFocus());
    }

    /** The scale the graph is drawn at (1 = its own size). */
    double graphScale() {
        return graph.getScaleX();
    }

    /** The graph on screen, for tests that measure it. */
    app.descent.ui.fx.Figure figure() {
        return graph;
    }

    /**
     * A demo by keyboard (or a presenter's clicker): Space, → and PageDown step, ← and PageUp step back, Home resets,
     * End finishes; Ctrl+0 fits the graph, Ctrl+plus and Ctrl+minus zoom it.
     */
    private void installDemoKeys() {
        app.descent.ui.fx.DemoKeys.of(root)
                .on(() -> forwardButton.fire(), javafx.scene.input.KeyCode.SPACE, javafx.scene.input.KeyCode.RIGHT,
                        javafx.scene.input.KeyCode.PAGE_DOWN)
                .on(() -> backButton.fire(), javafx.scene.input.KeyCode.LEFT, javafx.scene.input.KeyCode.PAGE_UP)
                .on(() -> resetButton.fire(), javafx.scene.input.KeyCode.HOME)
                .on(() -> endButton.fire(), javafx.scene.input.KeyCode.END)
                .shortcut(() -> zoomTo(1), new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.DIGIT0,
                        javafx.scene.input.KeyCombination.SHORTCUT_DOWN))
                .shortcut(() -> zoomTo(zoom * 1.25), new javafx.scene.input.KeyCodeCombination(
                        javafx.scene.input.KeyCode.EQUALS, javafx.scene.input.KeyCombination.SHORTCUT_DOWN))
                .shortcut(() -> zoomTo(zoom / 1.25), new javafx.scene.input.KeyCodeCombination(
                        javafx.scene.input.KeyCode.MINUS, javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        tip(forwardButton, "One step of the forward or backward pass (Space, →, PageDown)");
        tip(backButton, "One step back (←, PageUp)");
        tip(resetButton, "Back to the start (Home)");
        tip(endButton, "Run both passes to the end (End)");
        tip(explainButton, "Show the text that explains the current step");
        tip(focusButton, "Hide the side panels; Ctrl+wheel zooms the graph, Ctrl+0 fits it, drag pans");
    }

    private void zoomTo(double z) {
        zoom = Math.max(0.2, Math.min(5, z));
        fitGraph();
    }

    private static void tip(javafx.scene.control.Control c, String text) {
        c.setTooltip(new javafx.scene.control.Tooltip(text));
    }

    private void play(boolean on) {
        player.stop();
        if (on) {
            if (model.atEndProperty().get()) {
                model.reset();
            }
            player.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1 / speedSlider.getValue()),
                    e -> model.stepForward()));
            player.play();
        }
    }

    private void updateStepLabels() {
        Picture p = model.pictureProperty().get();
        Frame f = model.frameProperty().get();
        if (p == null || f == null) {
            stepCounter.setText("");
            stepText.setText("");
            return;
        }
        int forward = p.forwardSteps();
        int i = f.index();
        String where = i < 0 ? "ready" : i < forward ? "forward " + (i + 1) + " / " + forward
                : "backward " + (i - forward + 1) + " / " + (p.steps().size() - forward);
        stepCounter.setText(where);
        stepText.setText(f.text());
    }
}
