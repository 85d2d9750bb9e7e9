package app.descent.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a JVM with the tests' class path, as a person starts Descent: for what only a separate process shows. */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static ProcessBuilder of(Path home, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Ddescent.home=" + home,
                "-Djava.awt.headless=true"));
        for (String p : List.of("DJL_CACHE_DIR", "descent.datasets", "ai.djl.pytorch.num_threads")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    public static String read(Process p, boolean stdout) throws IOException {
        return new String((stdout ? p.getInputStream() : p.getErrorStream()).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
