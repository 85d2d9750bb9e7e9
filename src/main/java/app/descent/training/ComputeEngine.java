package app.descent.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/** What DJL runs on here: engine, version, devices, and whether a real computation gives the right answer. */
public final class ComputeEngine {
    public static final String ENGINE = "PyTorch";

    private ComputeEngine() {
    }

    public static String djlVersion() {
        return Engine.getDjlVersion();
    }

    /** The platforms DJL publishes libtorch 2.5.1 for, as DJL names them (and the Maven profiles of the build). */
    public static final List<String> LIBTORCH_PLATFORMS = List.of("linux-x86_64", "win-x86_64", "osx-aarch64");

    /** This machine as DJL names platforms: {@code linux-x86_64}, {@code win-x86_64}, {@code osx-aarch64}, ... */
    public static String platform() {
        return platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    static String platform(String osName, String osArch) {
        String name = osName.toLowerCase(java.util.Locale.ROOT);
        String os = name.startsWith("win") ? "win" : name.startsWith("mac") || name.contains("os x") ? "osx"
                : name.startsWith("linux") ? "linux" : name.replaceAll("[^a-z0-9]", "");
        String arch = osArch.toLowerCase(java.util.Locale.ROOT);
        arch = switch (arch) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        return os + "-" + arch;
    }

    /**
     * Why libtorch cannot be here, in one line, or null when it can: shipped in a jar on the class path, unpacked in
     * the app image ({@code PYTORCH_LIBRARY_PATH}), or built for this platform.
     */
    static String missingLibtorch() {
        boolean shipped = ComputeEngine.class.getResource("/native/lib/pytorch.properties") != null
                || System.getProperty("PYTORCH_LIBRARY_PATH") != null || System.getenv("PYTORCH_LIBRARY_PATH") != null;
        return shipped ? null : missingLibtorch(platform());
    }

    static String missingLibtorch(String here) {
        return LIBTORCH_PLATFORMS.contains(here)
                ? "libtorch for " + here + " is not on the class path (build with the Maven profile " + here + ")"
                : "PyTorch publishes no libtorch for " + here + " (only " + String.join(", ", LIBTORCH_PLATFORMS)
                        + "); Backprop, Builder and Practice work without it";
    }

    /** Held while libtorch loads: a process that exits in the middle of it crashed in native code (malloc). */
    private static final java.util.concurrent.locks.ReentrantLock LOADING = new java.util.concurrent.locks.ReentrantLock();

    /**
     * Waits, at most {@code timeout}, for a libtorch load under way to end, so that the process does not exit in
     * the middle of it. True when no load is under way (any more).
     */
    public static boolean awaitLoad(java.time.Duration timeout) {
        try {
            if (LOADING.tryLock(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                LOADING.unlock();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Loads libtorch (seconds on first call) and multiplies two known matrices on the first device. */
    public static EngineStatus probe() {
        LOADING.lock();
        try {
            return load();
        } finally {
            LOADING.unlock();
        }
    }

    private static EngineStatus load() {
        String missing = missingLibtorch();
        if (missing != null) {
            return new EngineStatus(ENGINE, "unavailable", List.of("cpu"), false, missing);
        }
        try {
            Engine engine = Engine.getEngine(ENGINE);
            List<String> devices = new ArrayList<>();
            devices.add("cpu");
            for (int i = 0; i < engine.getGpuCount(); i++) {
                devices.add("gpu" + i);
            }
            boolean ok = checkMatmul(engine.defaultDevice());
            return new EngineStatus(ENGINE, engine.getVersion(), List.copyOf(devices), ok,
                    ok ? "ok" : "matrix product gave a wrong result");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
            return new EngineStatus(ENGINE, "unavailable", List.of("cpu"), false,
                    "could not load " + ENGINE + " on " + platform() + ": " + why);
        }
    }

    private static boolean checkMatmul(Device device) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            NDArray a = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            NDArray b = manager.create(new float[] {5, 6, 7, 8}, new Shape(2, 2));
            float[] c = a.matMul(b).toFloatArray();
            float[] expected = {19, 22, 43, 50};
            for (int i = 0; i < expected.length; i++) {
                if (c[i] != expected[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code devices} lists "cpu" first, then "gpu0", "gpu1", ... */
    public record EngineStatus(String engine, String engineVersion, List<String> devices, boolean ok, String detail) {
        /** For a status bar: "PyTorch 2.5.1 · CPU" or "PyTorch 2.5.1 · GPU (1)". */
        public String label() {
            if (!ok && "unavailable".equals(engineVersion)) {
                return engine + " unavailable";
            }
            long gpus = devices.stream().filter(d -> d.startsWith("gpu")).count();
            return engine + " " + engineVersion + " · " + (gpus > 0 ? "GPU (" + gpus + ")" : "CPU");
        }
    }
}
