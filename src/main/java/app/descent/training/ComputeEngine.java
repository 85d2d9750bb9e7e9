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

    /** Loads libtorch (seconds on first call) and multiplies two known matrices on the first device. */
    public static EngineStatus probe() {
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
            return new EngineStatus(ENGINE, "unavailable", List.of("cpu"), false,
                    "could not load " + ENGINE + ": " + e.getMessage());
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
