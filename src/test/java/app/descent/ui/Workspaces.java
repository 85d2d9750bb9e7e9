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
        ShellSettings settings = ShellSettings.load();
        settings.clear();
        settings.saveWorkspace(workspace);
        Session.reset();
        ShellView shell = ShellView.open(stage);
        shell.buildCurrentWorkspace();
        return shell;
    }
}
