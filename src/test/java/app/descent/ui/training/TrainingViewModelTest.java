package app.descent.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.network.PyTorchImporter;
import app.descent.training.TrainingEvent;
import app.descent.ui.Session;
import app.descent.ui.fx.FxThread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person's CSV file with the Builder's network, trained from the view model (no window needed). */
class TrainingViewModelTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        FxThread.usePlatform();
        Session.builderNetwork().set(null);
    }

    @Test
    void trainsTheBuildersNetworkOnACsvFile() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c,kind\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            double a = r.nextDouble(-1, 1);
            double b = r.nextDouble(-1, 1);
            csv.append(a).append(',').append(b).append(',').append(r.nextDouble()).append(',')
                    .append(a + b > 0 ? "up" : "down").append('\n');
        }
        Path file = dir.resolve("mine.csv");
        Files.writeString(file, csv);
        Session.builderNetwork().set(PyTorchImporter.importCode(
                "import torch.nn as nn\nnet = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 2))\n").network());
        FxThread.useGateway(Runnable::run);
        TrainingViewModel m = new TrainingViewModel();
        List<TrainingViewModel.Update> updates = new CopyOnWriteArrayList<>();
        m.onUpdates(updates::addAll);
        m.datasetProperty().set("csv:" + file);
        m.suggestFor("csv:" + file);
        m.train();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (m.runningProperty().get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(updates).anyMatch(u -> u instanceof TrainingViewModel.Update.Confusion);
        assertThat(updates).noneMatch(u -> u instanceof TrainingViewModel.Update.Failed);
        TrainingEvent.Done done = updates.stream().filter(u -> u instanceof TrainingViewModel.Update.Event e
                && e.event() instanceof TrainingEvent.Done).map(u -> (TrainingEvent.Done) ((TrainingViewModel.Update.Event) u)
                .event()).findFirst().orElseThrow();
        assertThat(done.testAccuracy()).isGreaterThan(0.8);
        assertThat(m.lastWeights()).isNotEmpty();
        assertThat(m.lastMetricsCsv().lines()).hasSize(31);
    }
}
