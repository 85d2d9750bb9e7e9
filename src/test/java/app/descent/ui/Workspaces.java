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

    /** Pages the scroll pane holding {@code node} with clicks on its scroll bar until the node is in view, as a person would. */
    public static void reveal(org.testfx.api.FxRobot robot, javafx.scene.Node node) {
        javafx.scene.Node p = node.getParent();
        while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        javafx.scene.control.ScrollPane pane = (javafx.scene.control.ScrollPane) p;
        for (int i = 0; i < 40; i++) {
            javafx.geometry.Bounds view = pane.localToScene(pane.getLayoutBounds());
            javafx.geometry.Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getMinY() >= view.getMinY() && b.getMaxY() <= view.getMaxY()) {
                return;
            }
            // a click on the scroll bar's track pages the settings up or down, as a person does to reach a far row
            javafx.scene.control.ScrollBar bar = pane.lookupAll(".scroll-bar").stream()
                    .filter(n -> n instanceof javafx.scene.control.ScrollBar sb
                            && sb.getOrientation() == javafx.geometry.Orientation.VERTICAL && sb.isVisible())
                    .map(javafx.scene.control.ScrollBar.class::cast).findFirst().orElseThrow();
            javafx.scene.Node track = bar.lookup(".track");
            javafx.geometry.Bounds t = track.localToScreen(track.getLayoutBounds());
            boolean down = b.getMinY() >= view.getMinY();
            robot.clickOn(new javafx.geometry.Point2D(t.getCenterX(), down ? t.getMaxY() - 2 : t.getMinY() + 2));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
    }

}
