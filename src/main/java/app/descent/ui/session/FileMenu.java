package app.descent.ui.session;

import app.descent.session.SessionDocument;
import app.descent.session.SessionException;
import app.descent.ui.fx.Dialogs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Side;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The window's File menu over its {@link SessionModel}: New (Ctrl+N), Open… (Ctrl+O), Open Recent, Save (Ctrl+S),
 * Save As… (Shift+Ctrl+S); "Discard changes?" before New or Open replaces unsaved work; the window's title
 * ("Descent — name.descent", "*" while unsaved); files dropped on the window. The menu itself is built when first
 * opened: only a plain button and four accelerators are on the window's start path.
 */
public final class FileMenu {
    public static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SAVE_AS = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final String DISCARD = "Discard changes?";
    static final String DESCRIPTION = "Descent session";
    static final String PATTERN = "*" + SessionDocument.EXTENSION;

    private final SessionModel model;
    private final Button button;
    private Stage stage;
    private ContextMenu menu;
    private Menu recentMenu;
    private volatile boolean refreshQueued;
    private java.util.concurrent.ScheduledExecutorService refresher;

    public FileMenu(SessionModel model) {
        this(model, new Button("File"));
    }

    /** The menu behind {@code button}, a plain button the window shows before its session exists. */
    public FileMenu(SessionModel model, Button button) {
        this.model = model;
        this.button = button;
        button.setId("file-menu");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> showMenu());
    }

    /** The button of the app bar that opens the menu. */
    public Button button() {
        return button;
    }

    public SessionModel model() {
        return model;
    }

    /** Shortcuts, the title and dropped files for the window (cheap: nothing is built here). */
    public void install(Stage window, Scene scene) {
        this.stage = window;
        scene.getAccelerators().put(NEW, this::newSession);
        scene.getAccelerators().put(OPEN, this::open);
        scene.getAccelerators().put(SAVE, this::save);
        scene.getAccelerators().put(SAVE_AS, this::saveAs);
        model.onProblem(message -> Dialogs.get().error(stage, message));
        model.dirtyProperty().addListener((o, a, d) -> updateTitle());
        model.fileProperty().addListener((o, a, f) -> updateTitle());
        updateTitle();
        // an edit (typing, a click) may make the session unsaved: the title follows once the event is handled
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> queueRefresh());
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> queueRefresh());
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(FileMenu::opens)) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            if (e.getDragboard().hasFiles()) {
                e.getDragboard().getFiles().stream().filter(FileMenu::opens).findFirst().ifPresent(f -> {
                    e.setDropCompleted(true);
                    e.consume();
                    // after the drop's own handling: a question must not open inside the drag gesture
                    Platform.runLater(() -> dropped(f.toPath()));
                });
            }
        });
    }

    /** After the first frame: the title also follows changes made without a key or click (a run finishing). */
    public void startRefreshing() {
        if (refresher == null) {
            // a clock thread, not a Timeline: a running animation would keep the window pulsing 60 times a second
            refresher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "descent-session-title");
                t.setDaemon(true);
                return t;
            });
            refresher.scheduleWithFixedDelay(this::queueRefresh, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
            app.descent.ui.Session.whenHidden(stage, refresher::shutdownNow);
            app.descent.ui.Session.whenReplaced(refresher::shutdownNow);
        }
    }

    /** From any thread: one refresh on the FX thread, however many events ask for it meanwhile. */
    private void queueRefresh() {
        if (!refreshQueued) {
            refreshQueued = true;
            Platform.runLater(() -> {
                refreshQueued = false;
                model.refresh();
            });
        }
    }

    private void updateTitle() {
        stage.setTitle(model.title());
    }

    private static boolean opens(File f) {
        String name = f.getName().toLowerCase(Locale.ROOT);
        return name.endsWith(SessionDocument.EXTENSION) || name.endsWith(".py");
    }

    /** A dropped session opens as the window's session; dropped PyTorch code opens in the Builder. */
    void dropped(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(SessionDocument.EXTENSION)) {
            openFile(file);
            return;
        }
        try {
            String code = Files.readString(file);
            app.descent.ui.Session.request(app.descent.ui.Session.builderCode(), code);
            app.descent.ui.Session.request(app.descent.ui.Session.workspaceRequest(), "builder");
        } catch (IOException | RuntimeException e) {
            Dialogs.get().error(stage, file.getFileName() + ": cannot be read: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------ desktop

    public static final String RESTORE = "Restore unsaved work?";
    private Autosave autosave;

    /**
     * After the first frame: opens the file the window was started with (the command line, a file association),
     * else offers the work a Descent that did not exit cleanly autosaved; then autosaves this window's unsaved work
     * every {@code period} until the window closes. Either may be null.
     */
    public void start(Path opened, Autosave saver, Duration period) {
        if (opened != null) {
            openFile(opened);
        } else if (saver != null) {
            saver.leftover().ifPresent(this::offer);
            saver.leftover().ifPresent(f -> saver.dropLeftover());
        }
        if (saver != null) {
            autosave = saver;
            saver.start(model, period);
            app.descent.ui.Session.whenHidden(stage, saver::close);
        }
    }

    private void offer(Path left) {
        String when;
        try {
            when = java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm").format(
                    Files.getLastModifiedTime(left).toInstant().atZone(java.time.ZoneId.systemDefault()));
        } catch (IOException e) {
            when = "earlier";
        }
        if (Dialogs.get().confirm(stage, RESTORE, "Descent did not close properly last time. Restore the work it"
                + " saved automatically (" + when + ")?")) {
            try {
                model.restoreAutosave(left);
            } catch (SessionException e) {
                Dialogs.get().error(stage, "The autosaved work cannot be restored: " + e.getMessage());
            }
        }
    }

    /** This window's autosave (null until {@link #start}). */
    public Autosave autosave() {
        return autosave;
    }

    /**
     * macOS hands files opened in the Finder (double-click, Open With) to the running app as events; elsewhere they
     * come as arguments. Called off the FX thread: java.awt loads only on macOS, after the first frame.
     */
    public void listenToOpenFileEvents() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")) {
            return;
        }
        try {
            if (java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.APP_OPEN_FILE)) {
                java.awt.Desktop.getDesktop().setOpenFileHandler(e -> e.getFiles().stream().findFirst()
                        .ifPresent(f -> Platform.runLater(() -> openFile(f.toPath()))));
            }
        } catch (RuntimeException | LinkageError e) {
            // no desktop integration here: files still open with File ▸ Open and by dropping them
        }
    }

    // ------------------------------------------------------------------------------------------ the menu

    private void showMenu() {
        if (menu == null) {
            menu = build();
        }
        fillRecent();
        menu.show(button, Side.BOTTOM, 0, 0);
    }

    private ContextMenu build() {
        MenuItem newItem = item("New", "file-new", NEW, this::newSession);
        MenuItem openItem = item("Open…", "file-open", OPEN, this::open);
        recentMenu = new Menu("Open Recent");
        recentMenu.setId("file-recent");
        MenuItem saveItem = item("Save", "file-save", SAVE, this::save);
        MenuItem saveAsItem = item("Save As…", "file-save-as", SAVE_AS, this::saveAs);
        ContextMenu m = new ContextMenu(newItem, openItem, recentMenu, new SeparatorMenuItem(), saveItem, saveAsItem);
        m.setId("file-menu-items");
        return m;
    }

    /** The shortcut is shown beside the item; the window's own accelerator does the work (never twice). */
    private static MenuItem item(String text, String id, KeyCombination keys, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setAccelerator(keys);
        i.setOnAction(e -> action.run());
        return i;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        List<Path> files = model.recent().list();
        for (Path f : files) {
            MenuItem i = new MenuItem(f.getFileName().toString());
            i.setMnemonicParsing(false);
            i.setOnAction(e -> openFile(f));
            recentMenu.getItems().add(i);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent sessions");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    // ------------------------------------------------------------------------------------------ commands

    /** True when nothing unsaved would be lost, or the person agrees to lose it. */
    private boolean mayReplace() {
        if (!model.refresh()) {
            return true;
        }
        return Dialogs.get().confirm(stage, DISCARD,
                "This session has changes that are not saved. Discard them?");
    }

    public void newSession() {
        if (mayReplace()) {
            model.newSession();
        }
    }

    public void open() {
        if (!mayReplace()) {
            return;
        }
        File f = Dialogs.get().open(stage, DESCRIPTION, PATTERN);
        if (f != null) {
            load(f.toPath());
        }
    }

    /** Opens {@code file} as the window's session (Open Recent, a dropped file, the command line, the OS). */
    public void openFile(Path file) {
        if (mayReplace()) {
            load(file);
        }
    }

    private void load(Path file) {
        try {
            model.open(file);
        } catch (SessionException e) {
            Dialogs.get().error(stage, e.getMessage());
        }
    }

    public void save() {
        if (model.file() == null) {
            saveAs();
        } else {
            write(model.file());
        }
    }

    public void saveAs() {
        String suggested = model.file() == null ? "session" + SessionDocument.EXTENSION
                : model.file().getFileName().toString();
        File f = Dialogs.get().save(stage, suggested, DESCRIPTION, PATTERN);
        if (f != null) {
            Path target = f.toPath();
            if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SessionDocument.EXTENSION)) {
                target = target.resolveSibling(target.getFileName() + SessionDocument.EXTENSION);
            }
            write(target);
        }
    }

    private void write(Path target) {
        try {
            model.save(target);
        } catch (IOException | RuntimeException e) {
            Dialogs.get().error(stage, "Cannot save " + target.getFileName() + ": " + e.getMessage());
        }
    }
}
