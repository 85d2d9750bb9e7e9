package app.descent.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.descent.training.Initializer;
import app.descent.training.Losses;
import app.descent.training.OptimizerSpec;
import app.descent.training.Schedule;
import app.descent.training.TrainingRun;
import app.descent.training.data.DataSplit;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class SearchTest {
    static TrainingRun.Settings settings(Losses.Kind loss, int epochs) {
        return new TrainingRun.Settings(loss, OptimizerSpec.of("adam", 0.01), Initializer.parse("default"), 16, epochs,
                3, Schedule.CONSTANT, 0, 0, "cpu");
    }

    static DataSplit circles() {
        return DataSplit.load("circles", new DataSplit.Options(300, 0.05, 1, 0, 0.2));
    }

    @Test
    void theGridIsEveryCombinationAndRandomDrawsStayInTheRanges() {
        Search.Space space = new Search.Space(1e-4, 1e-1, 0, 0.01, List.of(16, 64));
        List<Search.Params> grid = Search.plan(new Search.Config(space, 1, true, 3, 0, 2, 1));
        assertThat(grid).hasSize(18);
        assertThat(grid.stream().map(Search.Params::lr).distinct()).hasSize(3);
        assertThat(grid.get(0).lr()).isEqualTo(1e-4);
        assertThat(grid.get(17).lr()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(grid.stream().filter(p -> p.lr() > 0.003 && p.lr() < 0.0033)).isNotEmpty();
        List<Search.Params> random = Search.plan(Search.Config.random(space, 200, 7));
        assertThat(random).hasSize(200).isEqualTo(Search.plan(Search.Config.random(space, 200, 7)));
        assertThat(random).allSatisfy(p -> {
            assertThat(p.lr()).isBetween(1e-4, 1e-1);
            assertThat(p.weightDecay()).isBetween(0.0, 0.01);
            assertThat(p.batchSize()).isIn(16, 64);
        });
        long below3e3 = random.stream().filter(p -> p.lr() < 3.16e-3).count();
        assertThat(below3e3).as("log-uniform: half below the geometric mean").isBetween(70L, 130L);
    }

    @Test
    void trialsAreScoredByValidationLossBadOnesArePrunedAndTheBestIsTheLowest() {
        Search.Space space = new Search.Space(1e-5, 0.05, 0, 0, List.of(16));
        try (Search s = new Search(GridTest.toy(), circles(), settings(Losses.Kind.CE, 6),
                new Search.Config(space, 6, false, 3, 11, 2, 1))) {
            List<Search.Trial> trials = s.runToEnd();
            assertThat(trials).hasSize(6).allSatisfy(t -> assertThat(t.status()).isIn(Search.Status.DONE,
                    Search.Status.PRUNED, Search.Status.DIVERGED));
            assertThat(trials.get(0).status()).isEqualTo(Search.Status.DONE);
            assertThat(trials.get(0).epochs()).isEqualTo(6);
            Search.Trial best = s.best().orElseThrow();
            assertThat(trials).filteredOn(t -> t.status() == Search.Status.DONE)
                    .allSatisfy(t -> assertThat(t.valLoss()).isGreaterThanOrEqualTo(best.valLoss()));
            assertThat(trials).filteredOn(Search.Trial::pruned).allSatisfy(t -> {
                assertThat(t.epochs()).isBetween(2, 5);
                assertThat(t.reason()).contains("median");
            });
            assertThat(trials).anyMatch(Search.Trial::pruned);
        }
    }

    @Test
    void refusesAnUnsoundSearch() {
        DataSplit noValidation = DataSplit.load("circles", new DataSplit.Options(300, 0.05, 1, 0, 0));
        Search.Config c = Search.Config.random(new Search.Space(1e-3, 1e-2, 0, 0, List.of(16)), 2, 0);
        assertThatThrownBy(() -> new Search(GridTest.toy(), noValidation, settings(Losses.Kind.CE, 1), c))
                .isInstanceOf(CompareException.class).hasMessageContaining("validation");
        assertThatThrownBy(() -> new Search(GridTest.toy(), circles(), settings(Losses.Kind.MSE, 1), c))
                .hasMessageContaining("cross-entropy");
        assertThatThrownBy(() -> new Search.Space(0.1, 0.01, 0, 0, List.of(16))).hasMessageContaining("smaller first");
        assertThat(Search.SOUND_OPTUNA).contains("FIX 1", "FIX 2", "FIX 3", "direction=\"minimize\"", "shuffle=False",
                "CrossEntropyLoss");
    }
}
