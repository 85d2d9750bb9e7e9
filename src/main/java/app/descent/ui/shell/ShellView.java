package app.descent.ui.shell;

import app.descent.training.TrainingThread;
import app.descent.ui.StartupClock;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.javafx.FontIcon;

/** Main window: workspace rail, the current workspace, theme and presentation toggles, engine status. */
public final class ShellView {
    public static final String PRESENTATION = "presentation";
    public static final String RAIL_BUTTON = "rail-button";
    static final String CSS = "/css/descent.css";

    private final ShellViewModel model;
    private final Map<Workspace, Node> views = new EnumMap<>(Workspace.class);
    private final Map<Workspace, ToggleButton> railButtons = new EnumMap<>(Workspace.class);
    private final ToggleGroup railGroup = new ToggleGroup();

    private BorderPane root;
    private VBox rail;
    private StackPane content;
    private StackPane lessonDock;
    private ToggleButton darkToggle;
    private ToggleButton presentationToggle;
    private Button aboutButton;
    private Label engineLabel;
    private ProgressIndicator engineSpinner;
    private Label workspaceLabel;
    /** The window's session and its File menu (sessions, autosave, opened files). */
    private app.descent.ui.session.FileMenu files;
    /**
     * The File menu's button, in the bar from the first frame; its menu and session come after that frame. Made with
     * the bar, after the theme is set: the first control of a process loads JavaFX's own theme (Modena, a fifth of a
     * second) when no other is set yet.
     */
    private Button fileButton;
    private Stage stage;
    private java.util.List<Runnable> afterFirst = new java.util.ArrayList<>();

    private ShellView(ShellViewModel model) {
        this.model = model;
    }

    /** Builds the window on {@code stage}, shows it, then starts loading the compute engine. */
    public static ShellView open(Stage stage) {
        // a new window: hand-overs and their listeners belong to it alone
        app.descent.ui.Session.reset();
        ShellViewModel model = new ShellViewModel(ShellSettings.load());
        applyUserAgentTheme(model.darkProperty().get());
        ShellView view = new ShellView(model);
        Parent parent = view.build();
        Scene scene = new Scene(parent);
        scene.getStylesheets().add(ShellView.class.getResource(CSS).toExternalForm());
        view.installShortcuts(scene);
        stage.setTitle("Descent");
        stage.setScene(scene);
        view.stage = stage;
        view.restoreBounds(stage);
        view.installQuit(stage, scene);
        // only the shell is on the start path: the workspace is built right after the first frame, libtorch after it
        StartupClock.afterFirstFrame(scene, () -> {
            view.installTooltips();
            AppIcon.install(stage);
            view.addEngineSpinner();
            view.files();
            view.buildCurrentWorkspace();
            model.loadEngine();
            view.files().startRefreshing();
            java.util.List<Runnable> waiting = view.afterFirst;
            view.afterFirst = null;
            waiting.forEach(Runnable::run);
        });
        stage.show();
        return view;
    }

    /** Runs {@code then} once the window's first frame is out and its workspace built (at once if that is past). */
    public void afterFirstFrame(Runnable then) {
        if (afterFirst == null) {
            then.run();
        } else {
            afterFirst.add(then);
        }
    }

    /**
     * The window's File menu and session, made on first use (right after the first frame): the session model and
     * its JSON library cost the first frame a twentieth of a second.
     */
    public app.descent.ui.session.FileMenu files() {
        if (files == null) {
            files = new app.descent.ui.session.FileMenu(
                    new app.descent.ui.session.SessionModel(app.descent.ui.session.RecentFiles.standard()), fileButton);
            files.install(stage, stage.getScene());
        }
        return files;
    }

    /**
     * Builds the current workspace now if the first frame has not done it yet (workspaces are built on first visit,
     * the one open at start right after the window's first frame).
     */
    public void buildCurrentWorkspace() {
        if (content.getChildren().isEmpty()) {
            show(model.workspaceProperty().get());
        }
    }

    /**
     * The shell's nodes, built in code rather than from FXML: the FXML loader (its XML parser and reflection) cost
     * a fifth of the shell's time before the first frame; the workspaces still come from FXML, after that frame.
     */
    private Parent build() {
        Label title = new Label("Descent");
        title.getStyleClass().add("app-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        workspaceLabel = new Label();
        workspaceLabel.getStyleClass().add("app-subtitle");
        workspaceLabel.setMinWidth(0);
        presentationToggle = barToggle("presentation-toggle", "Presentation",
                "Presentation mode: larger text, high contrast (F5)");
        darkToggle = barToggle("dark-toggle", "Dark", "Dark theme");
        aboutButton = new Button("About");
        aboutButton.setId("about-button");
        aboutButton.setMinWidth(Region.USE_PREF_SIZE);
        fileButton = new Button("File");
        HBox bar = new HBox(8, fileButton, title, workspaceLabel, grow(), presentationToggle, darkToggle, aboutButton);
        bar.getStyleClass().add("app-bar");
        bar.setAlignment(Pos.CENTER_LEFT);

        rail = new VBox(4);
        rail.getStyleClass().add("rail");
        content = new StackPane();
        content.getStyleClass().add("workspace-host");
        lessonDock = new StackPane();
        lessonDock.setId("lesson-dock");
        lessonDock.getStyleClass().add("lesson-dock");
        lessonDock.setVisible(false);
        lessonDock.setManaged(false);

        engineLabel = new Label();
        engineLabel.setId("engine-label");
        Label hint = new Label("Ctrl+1…6 switch workspaces · F5 presentation mode");
        hint.getStyleClass().add("status-hint");
        HBox status = new HBox(8, engineLabel, grow(), hint);
        status.getStyleClass().add("status-bar");
        status.setAlignment(Pos.CENTER_LEFT);

        root = new BorderPane(content, bar, lessonDock, status, rail);
        root.getStyleClass().add("shell");
        root.setPrefSize(1280, 800);
        initialize();
        return root;
    }

    /** Tooltips wait for the first frame: the Tooltip class starts its popup machinery when first used. */
    private final Map<javafx.scene.control.Control, String> tips = new java.util.LinkedHashMap<>();

    /**
     * The spinner beside the engine's status, added once the first frame is out: its endless animation cost the first
     * frame a tenth of a second, and libtorch only starts loading after that frame anyway.
     */
    private void addEngineSpinner() {
        engineSpinner = new ProgressIndicator();
        engineSpinner.setPrefSize(14, 14);
        engineSpinner.visibleProperty().bind(model.engineLoadingProperty());
        engineSpinner.managedProperty().bind(model.engineLoadingProperty());
        ((HBox) engineLabel.getParent()).getChildren().add(0, engineSpinner);
    }

    private void installTooltips() {
        tips.forEach((control, tip) -> control.setTooltip(new Tooltip(tip)));
        tips.clear();
    }

    private ToggleButton barToggle(String id, String text, String tip) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        tips.put(b, tip);
        return b;
    }

    private static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private void initialize() {
        HeadStart.awaitIcons();
        for (Workspace w : Workspace.values()) {
            ToggleButton b = new ToggleButton(w.title(), new FontIcon(Icons.of(w)));
            b.setId("nav-" + w.id());
            b.getStyleClass().add(RAIL_BUTTON);
            b.setContentDisplay(ContentDisplay.TOP);
            b.setToggleGroup(railGroup);
            b.setUserData(w);
            b.setMaxWidth(Double.MAX_VALUE);
            tips.put(b, w.summary() + " (Ctrl+" + (w.ordinal() + 1) + ")");
            railButtons.put(w, b);
            rail.getChildren().add(b);
        }
        // a click on the selected button must not leave the rail with nothing selected
        railGroup.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                model.workspaceProperty().set((Workspace) now.getUserData());
            }
        });
        model.workspaceProperty().addListener((o, old, w) -> show(w));
        app.descent.ui.Session.listen(app.descent.ui.Session.workspaceRequest(), (o, old, id) -> {
            if (id != null) {
                model.workspaceProperty().set(Workspace.byId(id, model.workspaceProperty().get()));
            }
        });
        Workspace first = model.workspaceProperty().get();
        railButtons.get(first).setSelected(true);
        workspaceLabel.setText(first.title() + " — " + first.summary());
        // an open lesson's panel stays docked beside whichever workspace it drives
        app.descent.ui.Session.listen(app.descent.ui.Session.lessonPanel(), (o, old, panel) -> dock(panel));
        dock(app.descent.ui.Session.lessonPanel().get());

        mirror(darkToggle, model.darkProperty());
        darkToggle.setGraphic(new FontIcon("fth-moon"));
        model.darkProperty().addListener((o, a, d) -> applyTheme());
        mirror(presentationToggle, model.presentationProperty());
        presentationToggle.setGraphic(new FontIcon("fth-monitor"));
        model.presentationProperty().addListener((o, a, p) -> applyTheme());
        aboutButton.setGraphic(new FontIcon("fth-info"));
        aboutButton.setOnAction(e -> app.descent.ui.fx.Dialogs.get().show(
                new AboutDialog(root.getScene().getWindow(), model.engineProperty().get())));
        applyTheme();

        engineLabel.textProperty().bind(model.engineLabelProperty());
    }

    /**
     * The toggle and the setting follow each other (bindBidirectional would do, but its Bindings class loads 90
     * classes before the first frame).
     */
    private static void mirror(ToggleButton toggle, javafx.beans.property.BooleanProperty setting) {
        toggle.setSelected(setting.get());
        toggle.selectedProperty().addListener((o, a, on) -> setting.set(on));
        setting.addListener((o, a, on) -> toggle.setSelected(on));
    }

    private void dock(Node panel) {
        if (panel == null) {
            lessonDock.getChildren().clear();
        } else {
            lessonDock.getChildren().setAll(panel);
        }
        lessonDock.setVisible(panel != null);
        lessonDock.setManaged(panel != null);
    }

    private void show(Workspace w) {
        Toggle button = railButtons.get(w);
        if (!button.isSelected()) {
            button.setSelected(true);
        }
        content.getChildren().setAll(views.computeIfAbsent(w, ShellView::loadWorkspace));
        // a workspace built now gets the state the open session keeps for it
        files().model().settle();
        workspaceLabel.setText(w.title() + " — " + w.summary());
    }

    /** Whether any window has set the figures' palette (until then it is the light one it starts with). */
    private static boolean paletteSet;

    private static final System.Logger LOG = System.getLogger(ShellView.class.getName());

    /** A workspace that fails to load is a bug; it must not take the other four down with it. */
    private static Node loadWorkspace(Workspace w) {
        try {
            Node view = FXMLLoader.load(ShellView.class.getResource(w.fxml()));
            app.descent.ui.fx.FormTips.install(view);
            return view;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot load the " + w.title() + " workspace from " + w.fxml(), e);
            Label failed = new Label("The " + w.title() + " workspace could not be opened (" + rootCause(e)
                    + "). Please report this; the other workspaces work.");
            failed.setWrapText(true);
            failed.setId(w.id() + "-failed");
            failed.getStyleClass().add("workspace-failed");
            return failed;
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private void applyTheme() {
        boolean dark = model.darkProperty().get();
        applyUserAgentTheme(dark);
        // charts, canvases and typeset math follow (they paint themselves; CSS does not reach into them); the palette
        // starts light, so a light first window leaves its class unloaded before the first frame
        if (dark || paletteSet) {
            app.descent.ui.fx.FigurePalette.dark(dark);
            paletteSet = true;
        }
        root.getStyleClass().removeAll("dark", "light");
        root.getStyleClass().add(dark ? "dark" : "light");
        if (model.presentationProperty().get()) {
            if (!root.getStyleClass().contains(PRESENTATION)) {
                root.getStyleClass().add(PRESENTATION);
            }
        } else {
            root.getStyleClass().remove(PRESENTATION);
        }
    }

    private static void applyUserAgentTheme(boolean dark) {
        // the theme's precompiled form: parsing its 170 KB of CSS took a third of a second before the first frame
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }

    private void installShortcuts(Scene scene) {
        for (Workspace w : Workspace.values()) {
            scene.getAccelerators().put(new KeyCodeCombination(w.key(), KeyCombination.SHORTCUT_DOWN),
                    () -> model.workspaceProperty().set(w));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5),
                () -> model.presentationProperty().set(!model.presentationProperty().get()));
    }

    private void restoreBounds(Stage stage) {
        ShellSettings.Bounds b = model.settings().bounds();
        Rectangle2D fitted = WindowFit.fit(b, Screen.getScreens().stream().map(Screen::getVisualBounds).toList(),
                Screen.getPrimary().getVisualBounds());
        stage.setX(fitted.getMinX());
        stage.setY(fitted.getMinY());
        stage.setWidth(fitted.getWidth());
        stage.setHeight(fitted.getHeight());
        stage.setMaximized(b.maximized());
    }

    // ------------------------------------------------------------------------------------------ quitting

    /** Asks whether to quit although work would be lost; tests put their own answer here. */
    private Predicate<String> confirmQuit = this::askToQuit;

    /** Replaces the question asked before quitting would lose work (tests answer it themselves). */
    public void setQuitConfirmation(Predicate<String> ask) {
        confirmQuit = ask;
    }

    /** Ctrl+Q quits; closing the window asks the same question; the bounds are saved however the window goes. */
    private void installQuit(Stage stage, Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            if (mayQuit()) {
                app.descent.ui.fx.Dialogs.get().quit(stage);
            }
        });
        stage.setOnCloseRequest(e -> {
            if (!mayQuit()) {
                e.consume();
            }
        });
        app.descent.ui.Session.whenHidden(stage, () -> saveBounds(stage));
    }

    /** True when nothing would be lost, or the person agrees to lose it. */
    private boolean mayQuit() {
        if (!TrainingThread.busy()) {
            return true;
        }
        return confirmQuit.test("Training is running (in Training or Compare). Quitting stops it and its results are"
                + " lost. Quit anyway?");
    }

    private boolean askToQuit(String question) {
        return app.descent.ui.fx.Dialogs.get().confirm(root.getScene().getWindow(), "Quit while training", question);
    }

    private void saveBounds(Stage stage) {
        if (!stage.isMaximized() && !stage.isIconified()) {
            model.settings().saveBounds(new ShellSettings.Bounds(stage.getX(), stage.getY(),
                    stage.getWidth(), stage.getHeight(), false));
        } else {
            ShellSettings.Bounds b = model.settings().bounds();
            model.settings().saveBounds(new ShellSettings.Bounds(b.x(), b.y(), b.width(), b.height(), true));
        }
        model.settings().flush();
    }

    public ShellViewModel model() {
        return model;
    }
}
