package app.descent.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.ui.fx.FxThread;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PathsViewModelTest {
    @AfterEach
    void platform() {
        FxThread.usePlatform();
    }

    private static PathsViewModel.Race race(PathsViewModel m) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        m.raceProperty().addListener((o, a, r) -> done.countDown());
        m.errorProperty().addListener((o, a, e) -> done.countDown());
        m.run();
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        return m.raceProperty().get();
    }

    @Test
    void racesTheTickedOptimizersFromThePresetsStart() throws Exception {
        FxThread.useGateway(Runnable::run);
        PathsViewModel m = new PathsViewModel();
        PathsViewModel.Race r = race(m);
        assertThat(m.errorProperty().get()).isEmpty();
        assertThat(r.paths()).hasSize(3);
        assertThat(r.racers()).extracting(PathsViewModel.Racer::name).containsExactly("sgd", "momentum", "adam");
        assertThat(r.grid()).hasNumberOfRows(PathsViewModel.GRID);
        assertThat(r.paths().get(0).points()).hasNumberOfRows(r.steps() + 1);
        assertThat(m.csv().lines().count()).isEqualTo(1 + 3L * (r.steps() + 1));
    }

    @Test
    void aBadHyperparameterIsNamedAndNothingRuns() throws Exception {
        FxThread.useGateway(Runnable::run);
        PathsViewModel m = new PathsViewModel();
        m.racers().get(0).lrProperty().set("fast");
        m.run();
        assertThat(m.errorProperty().get()).isEqualTo("sgd: lr 'fast' is not a number");
        assertThat(m.raceProperty().get()).isNull();
        m.racers().get(0).lrProperty().set("0.1");
        m.expressionProperty().set("x**2 + z");
        m.run();
        assertThat(m.errorProperty().get()).contains("z");
    }
}
