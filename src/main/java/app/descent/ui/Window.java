package app.descent.ui;

import app.descent.WindowService;
import app.descent.ui.shell.ShellSettings;
import app.descent.ui.shell.Workspace;
import app.descent.ui.training.WindowBench;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The window's side of {@link WindowService}, registered in META-INF/services. */
public final class Window implements WindowService {
    @Override
    public WindowBenchResult benchWindow(double seconds) throws Exception {
        return WindowBench.run(seconds);
    }

    @Override
    public List<String> workspaces() {
        return Arrays.stream(Workspace.values()).map(Workspace::id).toList();
    }

    @Override
    public String lastWorkspace() {
        return ShellSettings.load().workspace().id();
    }

    @Override
    public Map<String, String> scratchOpeningOn(String workspace) {
        Workspace w = Workspace.byId(workspace, null);
        if (w == null) {
            throw new app.descent.UserInputException("unknown workspace '" + workspace + "'");
        }
        ShellSettings scratch = ShellSettings.load(scratchNode(workspace));
        scratch.clear();
        scratch.saveWorkspace(w);
        scratch.flush();
        return Map.of("descent.prefs.node", scratchNode(workspace));
    }

    @Override
    public void forgetScratch(String workspace) {
        ShellSettings scratch = ShellSettings.load(scratchNode(workspace));
        scratch.clear();
        scratch.flush();
    }

    private static String scratchNode(String workspace) {
        return System.getProperty("descent.prefs.node", "app/descent") + "/bench-startup";
    }

    @Override
    public String baselineMainClass() {
        return StartupBaseline.class.getName();
    }
}
