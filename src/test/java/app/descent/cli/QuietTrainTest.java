package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.Launcher;
import app.descent.io.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code descent train} as a person runs it, in its own process: libtorch writes to the process's stderr from native
 * code, which only a separate process shows. On success stderr is empty; DJL's warnings go to the log.
 */
class QuietTrainTest {
    @TempDir
    Path dir;

    @Test
    void aSuccessfulTrainingRunWritesNothingOnStderrAndWarningsGoToTheLog() throws Exception {
        Path model = Files.writeString(dir.resolve("m.py"),
                "import torch.nn as nn\nnet = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2))\n");
        Path home = dir.resolve("home");
        Process p = ChildJvm.of(home, Launcher.class, "train", "--model", model.toString(), "--dataset", "xor",
                "--epochs", "1").directory(dir.toFile()).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return ChildJvm.read(p, true);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        String err = ChildJvm.read(p, false);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(out.get()).contains("status done");
        assertThat(err).isEmpty();
        assertThat(p.exitValue()).isZero();
        assertThat(home.resolve("logs/descent.log")).exists();
    }
}
