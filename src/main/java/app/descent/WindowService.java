package app.descent;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * What the command line asks of the window ({@code descent bench --window} and {@code --startup}) without depending
 * on the ui package: the ui provides it through {@link ServiceLoader}, so the CLI stays free of JavaFX classes.
 */
public interface WindowService {
    /** System property: a file to write the first frame's wall-clock time (epoch milliseconds) to, then exit. */
    String STARTUP_REPORT = "descent.startup.report";

    /**
     * The Training workspace's throughput in a window.
     *
     * @param framesPerSecond frames JavaFX's renderer drew for the window, NaN when it cannot tell
     */
    record WindowBenchResult(double stepsPerSecond, double picturesPerSecond, double framesPerSecond,
                             boolean headless, String renderer, Map<String, Double> threadLoad,
                             List<double[]> perSecond, String status, double seconds) {
    }

    /** Times the Training workspace while the toy net trains, for {@code seconds} after a warm-up. */
    WindowBenchResult benchWindow(double seconds) throws Exception;

    /** The workspaces' ids, in the order of the window's tabs. */
    List<String> workspaces();

    /** The id of the workspace the window opens on: the one left open last. */
    String lastWorkspace();

    /**
     * Settings of a scratch preferences node under which the window opens on {@code workspace}; pass the returned
     * system properties to the started process and call {@link #forgetScratch(String)} with the same id after.
     */
    Map<String, String> scratchOpeningOn(String workspace);

    void forgetScratch(String workspace);

    /** The main class of the smallest JavaFX window, the baseline start-up is measured against. */
    String baselineMainClass();

    /** The window's implementation; a clear error when this build has none. */
    static WindowService get() {
        return ServiceLoader.load(WindowService.class).findFirst().orElseThrow(() ->
                new UserInputException("this build of Descent has no window (no " + WindowService.class.getName()
                        + " provider)"));
    }
}
