package app.descent.ui.shell;

import app.descent.ui.StartupClock;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Application;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/** Main window: workspace rail, the current workspace, theme and presentation toggles, engine status. */
public final class ShellView {
    public static final String PRESENTATION = "presentation";
    public static final String RAIL_BUTTON = "rail-button";
    static final String FXML = "/fxml/shell/ShellView.fxml";
    static final String CSS = "/css/descent.css";

    private final ShellViewModel model;
    private final Map<Workspace, Node> views = new EnumMap<>(Workspace.class);
    private final Map<Workspace, ToggleButton> railButtons = new EnumMap<>(Workspace.class);
    private final ToggleGroup railGroup = new ToggleGroup();

    @FXML private BorderPane root;
    @FXML private VBox rail;
    @FXML private StackPane content;
    @FXML private ToggleButton darkToggle;
    @FXML private ToggleButton presentationToggle;
    @FXML private Button aboutButton;
    @FXML private Label engineLabel;
    @FXML private ProgressIndicator engineSpinner;
    @FXML private Label workspaceLabel;

    private ShellView(ShellViewModel model) {
        this.model = model;
    }

    /** Builds the window on {@code stage}, shows it, then starts loading the compute engine. */
    public static ShellView open(Stage stage) {
        ShellViewModel model = new ShellViewModel(ShellSettings.load());
        ShellView view = new ShellView(model);
        applyUserAgentTheme(model.darkProperty().get());
        Parent parent = load(view);
        Scene scene = new Scene(parent);
        scene.getStylesheets().add(ShellView.class.getResource(CSS).toExternalForm());
        view.installShortcuts(scene);
        stage.setTitle("Descent");
        stage.setScene(scene);
        view.restoreBounds(stage);
        stage.setOnShown(e -> StartupClock.markShown());
        stage.setOnCloseRequest(e -> view.saveBounds(stage));
        stage.show();
        model.loadEngine();
        return view;
    }

    private static Parent load(ShellView controller) {
        FXMLLoader loader = new FXMLLoader(ShellView.class.getResource(FXML));
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + FXML, e);
        }
    }

    @FXML
    private void initialize() {
        for (Workspace w : Workspace.values()) {
            ToggleButton b = new ToggleButton(w.title(), new FontIcon(Icons.of(w)));
            b.setId("nav-" + w.id());
            b.getStyleClass().add(RAIL_BUTTON);
            b.setContentDisplay(ContentDisplay.TOP);
            b.setToggleGroup(railGroup);
            b.setUserData(w);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setTooltip(new Tooltip(w.summary() + " (Ctrl+" + (w.ordinal() + 1) + ")"));
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
        app.descent.ui.Session.workspaceRequest().addListener((o, old, id) -> {
            if (id != null) {
                model.workspaceProperty().set(Workspace.byId(id, model.workspaceProperty().get()));
            }
        });
        show(model.workspaceProperty().get());

        darkToggle.selectedProperty().bindBidirectional(model.darkProperty());
        darkToggle.setGraphic(new FontIcon("fth-moon"));
        model.darkProperty().addListener((o, a, d) -> applyTheme());
        presentationToggle.selectedProperty().bindBidirectional(model.presentationProperty());
        presentationToggle.setGraphic(new FontIcon("fth-monitor"));
        model.presentationProperty().addListener((o, a, p) -> applyTheme());
        aboutButton.setGraphic(new FontIcon("fth-info"));
        aboutButton.setOnAction(e -> app.descent.ui.fx.Dialogs.get().show(
                new AboutDialog(root.getScene().getWindow(), model.engineProperty().get())));
        applyTheme();

        engineLabel.textProperty().bind(model.engineLabelProperty());
        engineSpinner.visibleProperty().bind(model.engineLoadingProperty());
        engineSpinner.managedProperty().bind(model.engineLoadingProperty());
    }

    private void show(Workspace w) {
        Toggle button = railButtons.get(w);
        if (!button.isSelected()) {
            button.setSelected(true);
        }
        content.getChildren().setAll(views.computeIfAbsent(w, ShellView::loadWorkspace));
        workspaceLabel.setText(w.title() + " — " + w.summary());
    }

    private static final System.Logger LOG = System.getLogger(ShellView.class.getName());

    /** A workspace that fails to load is a bug; it must not take the other four down with it. */
    private static Node loadWorkspace(Workspace w) {
        try {
            return FXMLLoader.load(ShellView.class.getResource(w.fxml()));
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
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
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
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        boolean onScreen = !Double.isNaN(b.x()) && !Screen.getScreensForRectangle(
                new Rectangle2D(b.x(), b.y(), Math.max(1, b.width()), Math.max(1, b.height()))).isEmpty();
        if (onScreen) {
            stage.setX(b.x());
            stage.setY(b.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(b.maximized());
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
