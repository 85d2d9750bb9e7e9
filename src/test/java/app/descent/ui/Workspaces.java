package app.descent.ui;

import app.descent.ui.shell.ShellSettings;
import app.descent.ui.shell.ShellView;
import app.descent.ui.shell.Workspace;
import javafx.stage.Stage;

/** Opens the main window on one workspace, with the test's own settings cleared. */
public final class Workspaces {
    private Workspaces() {
    }

    public static ShellView open(Stage stage, Workspace workspace) {
        forgetWork();
        ShellSettings settings = ShellSettings.load();
        settings.clear();
        settings.saveWorkspace(workspace);
        Session.reset();
        ShellView shell = ShellView.open(stage);
        shell.buildCurrentWorkspace();
        return shell;
    }

    /**
     * A common laptop's 1366×768, as far as the test screen allows (Monocle's headless screen is 1280×800 unless
     * -Dheadless.geometry=1366x768-32 says otherwise; a window beyond the screen crashes its frame buffer).
     */
    public static void laptopSize(Stage stage) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(Math.min(1366, screen.getWidth()));
        stage.setHeight(Math.min(768, screen.getHeight()));
    }

    /** Deletes what the workspaces kept from earlier runs (WorkFiles), so that every test starts afresh. */
    public static void forgetWork() {
        java.nio.file.Path dir = WorkFiles.folder();
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.toList()) {
                java.nio.file.Files.deleteIfExists(f);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // nothing kept yet
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
