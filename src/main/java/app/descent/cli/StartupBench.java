package app.descent.cli;

import app.descent.UserInputException;
import app.descent.WindowService;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Time to the first frame of the shell in fresh processes, against the smallest JavaFX window (one Stage titled
 * HelloBaseline) started the same way: same Java, same JVM options (the app image's class-data archive included),
 * same class path. Each is counted from just before its process is started to its first frame.
 */
final class StartupBench {
    /** Started processes get these from this one when set (the test and image set some at run time, not as flags). */
    private static final List<String> PASSED_ON = List.of("user.home", "java.util.prefs.userRoot", "descent.prefs.node",
            "descent.datasets", "descent.home", "glass.platform", "monocle.platform", "prism.order", "prism.text",
            "prism.lcdtext", "testfx.headless", "javafx.cachedir", "ai.djl.offline", "OPT_OUT_TRACKING",
            "DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "PYTORCH_LIBRARY_PATH", "PYTORCH_FLAVOR", "PYTORCH_VERSION");

    record Result(long startupMillis, long baselineMillis, long[] startupRuns, long[] baselineRuns, String workspace) {
        double ratio() {
            return Math.round(1000.0 * startupMillis / baselineMillis) / 1000.0;
        }
    }

    private StartupBench() {
    }

    /** @param workspace the workspace the shell opens on, or null for the one the user left open */
    static Result run(int runs, String workspace) throws IOException, InterruptedException {
        checkDisplay();
        List<String> extra = new ArrayList<>();
        WindowService window = WindowService.get();
        String shown = workspace;
        if (workspace != null) {
            if (!window.workspaces().contains(workspace)) {
                throw new UserInputException("unknown workspace '" + workspace + "' for --workspace (one of "
                        + String.join(", ", window.workspaces()) + ")");
            }
            window.scratchOpeningOn(workspace).forEach((k, v) -> extra.add("-D" + k + "=" + v));
        } else {
            shown = window.lastWorkspace();
        }
        Path dir = Files.createTempDirectory("descent-startup");
        try {
            long[] shell = new long[runs];
            long[] bare = new long[runs];
            for (int i = 0; i < runs; i++) {
                // alternated, so that a busy moment of the machine hurts both alike
                bare[i] = firstFrame(dir, window.baselineMainClass(), List.of());
                shell[i] = firstFrame(dir, "app.descent.Launcher", extra);
            }
            return new Result(median(shell), median(bare), shell, bare, shown);
        } finally {
            if (workspace != null) {
                window.forgetScratch(workspace);
            }
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void checkDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean monocle = "Monocle".equals(System.getProperty("glass.platform"));
        if (os.contains("linux") && !monocle && System.getenv("DISPLAY") == null
                && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new UserInputException("bench --startup opens real windows and there is no display "
                    + "(DISPLAY is not set); run it under xvfb-run");
        }
    }

    private static long firstFrame(Path dir, String mainClass, List<String> extra)
            throws IOException, InterruptedException {
        Path report = Files.createTempFile(dir, "frame", ".txt");
        Files.delete(report);
        Path err = dir.resolve("stderr.txt");
        List<String> cmd = new ArrayList<>();
        cmd.add(javaCommand());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-XX:ArchiveClassesAtExit")
                    && !a.startsWith("-D" + WindowService.STARTUP_REPORT + "=")) {
                cmd.add(a);
            }
        }
        for (String key : PASSED_ON) {
            String value = System.getProperty(key);
            if (value != null) {
                cmd.add("-D" + key + "=" + value);
            }
        }
        cmd.addAll(extra);
        cmd.add("-D" + WindowService.STARTUP_REPORT + "=" + report);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        long start = System.currentTimeMillis();
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(mainClass + " showed no window within 120 s");
        }
        if (!Files.exists(report)) {
            String last = Files.readAllLines(err).stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
            throw new IllegalStateException(mainClass + " ended with exit code " + p.exitValue()
                    + " before its first frame: " + last);
        }
        return Long.parseLong(Files.readString(report).trim()) - start;
    }

    private static String javaCommand() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            throw new IllegalStateException("no java command in " + java.getParent() + " to start windows with");
        }
        return java.toString();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
