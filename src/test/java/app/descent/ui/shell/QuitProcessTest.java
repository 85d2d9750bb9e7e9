package app.descent.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process ends when its window goes, even without a close request and with a thread still running. */
class QuitProcessTest {
    private static final List<String> PASSED_ON = List.of("glass.platform", "monocle.platform", "prism.order",
            "prism.text", "prism.lcdtext", "java.awt.headless", "descent.prefs.node", "descent.home", "user.home",
            "java.util.prefs.userRoot", "ai.djl.offline", "DJL_CACHE_DIR", "descent.datasets", "file.encoding");

    @TempDir
    Path dir;

    @Test
    void theProcessEndsWhenTheWindowGoesWithoutACloseRequest() throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        for (String key : PASSED_ON) {
            String v = System.getProperty(key);
            if (v != null) {
                cmd.add("-D" + key + "=" + v);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(QuitProbe.class.getName());
        Path out = dir.resolve("probe.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean ended;
        try {
            ended = p.waitFor(120, TimeUnit.SECONDS);
        } finally {
            p.destroyForcibly();
        }
        String log = Files.readString(out);
        assertThat(log).as(log).contains("window shown");
        assertThat(ended).as("the process still ran after its window went:\n" + log).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
    }
}
