package app.descent.compare;

import app.descent.network.LayerSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.descent.training.Initializer;
import app.descent.network.Layer;
import app.descent.training.Losses;
import app.descent.training.OptimizerSpec;
import app.descent.training.Schedule;
import app.descent.training.TrainingEvent;
import app.descent.training.TrainingRun;
import app.descent.training.data.DataSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class GridTest {
    static List<Layer> toy() {
        return List.of(new Layer("0", LayerSpec.kw("Linear", Map.of("in_features", 2, "out_features", 8))),
                new Layer("1", LayerSpec.kw("Tanh", Map.of())),
                new Layer("2", LayerSpec.kw("Linear", Map.of("in_features", 8, "out_features", 8))),
                new Layer("3", LayerSpec.kw("Tanh", Map.of())),
                new Layer("4", LayerSpec.kw("Linear", Map.of("in_features", 8, "out_features", 2))));
    }

    static DataSplit circles() {
        return DataSplit.load("circles", new DataSplit.Options(300, 0.05, 1, 0, 0.1));
    }

    static TrainingRun.Settings settings(int epochs) {
        return new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of("adam", 0.01), Initializer.parse("default"),
                16, epochs, 4, Schedule.CONSTANT, 0, 0, "cpu");
    }

    @Test
    void varyingOnlyTheOptimizerStartsFromTheSameLossToTheBit() {
        try (Grid g = Grid.of(toy(), circles(), settings(1), Variation.parse("optimizer=sgd,momentum,adam,rmsprop"),
                false)) {
            assertThat(g.size()).isEqualTo(4);
            for (int i = 1; i < 4; i++) {
                assertThat(Double.doubleToRawLongBits(g.initialLoss(i)))
                        .isEqualTo(Double.doubleToRawLongBits(g.initialLoss(0)));
            }
            g.runToEnd(e -> {
            });
            List<Double> finals = g.results().stream().map(r -> r.last().trainLoss()).toList();
            assertThat(finals).doesNotHaveDuplicates();
        }
    }

    @Test
    void aDifferentArchitectureStartsElsewhere() {
        try (Grid g = Grid.of(toy(), circles(), settings(1), Variation.parse("hidden=8,16"), true)) {
            assertThat(g.initialLoss(1)).isNotEqualTo(g.initialLoss(0));
        }
    }

    @Test
    void runsAdvanceTogetherBySamplesSeenAndReportByRunId() {
        DataSplit data = circles();
        try (Grid g = Grid.of(toy(), data, settings(2), Variation.parse("batch-size=8,32"), true)) {
            List<Integer> order = new ArrayList<>();
            while (!g.finished()) {
                for (TrainingEvent e : g.advance()) {
                    if (e instanceof TrainingEvent.Step s) {
                        order.add(s.run());
                    }
                }
                assertThat(Math.abs(g.samplesSeen(0) - g.samplesSeen(1))).isLessThanOrEqualTo(32);
            }
            assertThat(order.subList(0, 6)).containsExactly(0, 1, 0, 0, 0, 0);
            int n = data.train().count();
            assertThat(g.result(0).steps()).isEqualTo(2L * ((n + 7) / 8));
            assertThat(g.result(1).steps()).isEqualTo(2L * ((n + 31) / 32));
            assertThat(g.results()).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(Grid.Status.DONE);
                assertThat(r.epochs()).hasSize(2);
                assertThat(r.samplesSeen()).isEqualTo(2L * n);
            });
        }
    }

    @Test
    void aDivergingRunStopsAloneAndABadVariantIsNamed() {
        try (Grid g = Grid.of(toy(), circles(), settings(2), Variation.parse("lr=0.01,1e6"), true)) {
            g.runToEnd(e -> {
            });
            assertThat(g.result(0).status()).isEqualTo(Grid.Status.DONE);
            assertThat(g.result(1).status()).isEqualTo(Grid.Status.DIVERGED);
            assertThat(g.result(1).diverged().reason()).contains("learning rate");
        }
        List<Layer> conv = List.of(new Layer("0", LayerSpec.kw("Linear", Map.of("in_features", 2, "out_features", 8))),
                new Layer("1", LayerSpec.kw("ReLU", Map.of())),
                new Layer("2", LayerSpec.kw("Linear", Map.of("in_features", 8, "out_features", 2))));
        assertThatThrownBy(() -> Grid.of(conv, DataSplit.load("spiral:3", DataSplit.Options.DEFAULT), settings(1),
                Variation.parse("activation=relu,tanh"), true).close())
                .isInstanceOf(CompareException.class).hasMessageStartingWith("activation=relu: ")
                .hasMessageContaining("3 outputs");
    }
}
