package app.descent.compare;

import app.descent.network.LayerSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.descent.training.Initializer;
import app.descent.network.Layer;
import app.descent.training.Losses;
import app.descent.training.OptimizerSpec;
import app.descent.training.TrainingRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariationTest {
    static List<Layer> mlp() {
        return List.of(new Layer("0", LayerSpec.kw("Flatten", Map.of())),
                new Layer("1", LayerSpec.kw("Linear", Map.of("in_features", 784, "out_features", 64))),
                new Layer("2", LayerSpec.kw("ReLU", Map.of())),
                new Layer("3", LayerSpec.kw("Linear", Map.of("in_features", 64, "out_features", 32))),
                new Layer("4", LayerSpec.kw("BatchNorm1d", Map.of("num_features", 32))),
                new Layer("5", LayerSpec.kw("ReLU", Map.of())),
                new Layer("6", LayerSpec.kw("Linear", Map.of("in_features", 32, "out_features", 10))));
    }

    static TrainingRun.Settings base() {
        return TrainingRun.Settings.defaults(Losses.Kind.CE, OptimizerSpec.of("adam", 1e-3));
    }

    private static List<String> types(List<Layer> layers) {
        return layers.stream().map(Layer::type).toList();
    }

    @Test
    void parsesKeysAndValuesCaseInsensitively() {
        Variation v = Variation.parse("Activation=relu,SIGMOID,swish,LeakyReLU");
        assertThat(v.key()).isEqualTo(Variation.Key.ACTIVATION);
        assertThat(v.values()).containsExactly("ReLU", "Sigmoid", "SiLU", "LeakyReLU");
        assertThat(Variation.parse("batch_size=8, 32").values()).containsExactly(8, 32);
        assertThat(Variation.parse("lr=1e-3,0.1").values()).containsExactly(0.001, 0.1);
        assertThat(Variation.text(1e-5)).isEqualTo("1e-5");
        assertThat(Variation.text(2.5e-7)).isEqualTo("2.5e-7");
        assertThat(Variation.text(0.001)).isEqualTo("0.001");
    }

    @Test
    void badInputNamesTheKeyOrTheValue() {
        assertThatThrownBy(() -> Variation.parse("colour=red")).isInstanceOf(CompareException.class)
                .hasMessageContaining("colour").hasMessageContaining("activation, optimizer, init, lr, batch-size");
        assertThatThrownBy(() -> Variation.parse("lr=0.1,fast")).hasMessageContaining("'fast'");
        assertThatThrownBy(() -> Variation.parse("lr=-1")).hasMessageContaining("'-1'");
        assertThatThrownBy(() -> Variation.parse("activation=relu,swoosh")).hasMessageContaining("swoosh");
        assertThatThrownBy(() -> Variation.parse("optimizer=lion")).hasMessageContaining("lion")
                .hasMessageContaining("adamax");
        assertThatThrownBy(() -> Variation.parse("batch-size=0")).hasMessageContaining("'0'");
        assertThatThrownBy(() -> Variation.parse("lr")).hasMessageContaining("KEY=V1,V2");
        assertThatThrownBy(() -> Variation.parse("hidden=8,,16")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Variation.parse("init=orthogonal")).hasMessageContaining("orthogonal");
    }

    @Test
    void activationReplacesHiddenActivationsButNotTheOutput() {
        List<Layer> bce = List.of(new Layer("0", LayerSpec.kw("Linear", Map.of("in_features", 2, "out_features", 4))),
                new Layer("1", LayerSpec.kw("Tanh", Map.of())),
                new Layer("2", LayerSpec.kw("Linear", Map.of("in_features", 4, "out_features", 1))),
                new Layer("3", LayerSpec.kw("Sigmoid", Map.of())));
        Variation.Variant v = Variation.parse("activation=leakyrelu").apply(0, bce, base(), true);
        assertThat(types(v.layers())).containsExactly("Linear", "LeakyReLU", "Linear", "Sigmoid");
        assertThat(v.layers().get(1).args()).containsEntry("negative_slope", 0.01);
        Variation added = Variation.parse("activation=Mish,softsign,hard_tanh");
        assertThat(added.values()).containsExactly("Mish", "Softsign", "Hardtanh");
        assertThat(added.texts()).containsExactly("Mish", "softsign", "hard_tanh");
        Variation.Variant h = added.apply(2, bce, base(), true);
        assertThat(types(h.layers())).containsExactly("Linear", "Hardtanh", "Linear", "Sigmoid");
        assertThat(h.layers().get(1).args()).containsEntry("min_val", -1.0).containsEntry("max_val", 1.0);
    }

    @Test
    void hiddenResizesEveryHiddenLinearAndWhatReadsIt() {
        List<Layer> l = Variation.parse("hidden=16").apply(0, mlp(), base(), true).layers();
        assertThat(l.get(1).args()).containsEntry("in_features", 784).containsEntry("out_features", 16);
        assertThat(l.get(3).args()).containsEntry("in_features", 16).containsEntry("out_features", 16);
        assertThat(l.get(4).args()).containsEntry("num_features", 16);
        assertThat(l.get(6).args()).containsEntry("in_features", 16).containsEntry("out_features", 10);
    }

    @Test
    void depthRepeatsOrRemovesHiddenBlocks() {
        List<Layer> deeper = Variation.parse("depth=4").apply(0, mlp(), base(), true).layers();
        assertThat(types(deeper)).containsExactly("Flatten", "Linear", "ReLU", "Linear", "BatchNorm1d", "ReLU",
                "Linear", "BatchNorm1d", "ReLU", "Linear", "BatchNorm1d", "ReLU", "Linear");
        assertThat(deeper.get(6).args()).containsEntry("in_features", 32).containsEntry("out_features", 32);
        assertThat(deeper.get(12).args()).containsEntry("in_features", 32);
        assertThat(deeper.stream().map(Layer::name)).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8",
                "9", "10", "11", "12");
        List<Layer> one = Variation.parse("depth=1").apply(0, mlp(), base(), true).layers();
        assertThat(types(one)).containsExactly("Flatten", "Linear", "ReLU", "Linear");
        assertThat(one.get(3).args()).containsEntry("in_features", 64);
        List<Layer> none = Variation.parse("depth=0").apply(0, mlp(), base(), true).layers();
        assertThat(types(none)).containsExactly("Flatten", "Linear");
        assertThat(none.get(1).args()).containsEntry("in_features", 784).containsEntry("out_features", 10);
    }

    @Test
    void dropoutSetsPOrInsertsDropoutAndSaysSo() {
        Variation.Variant v = Variation.parse("dropout=0.3").apply(0, mlp(), base(), true);
        assertThat(types(v.layers())).containsExactly("Flatten", "Linear", "ReLU", "Dropout", "Linear", "BatchNorm1d",
                "ReLU", "Dropout", "Linear");
        assertThat(v.layers().get(3).args()).containsEntry("p", 0.3);
        assertThat(v.note()).contains("inserted");
        Variation.Variant again = Variation.parse("dropout=0.5").apply(0, v.layers(), base(), true);
        assertThat(types(again.layers())).isEqualTo(types(v.layers()));
        assertThat(again.layers().get(7).args()).containsEntry("p", 0.5);
        assertThat(again.note()).isNull();
    }

    @Test
    void optimizerKeepsTheGivenLrOrTakesItsOwnDefault() {
        TrainingRun.Settings s = new TrainingRun.Settings(Losses.Kind.CE, OptimizerSpec.of("adam", 0.005),
                Initializer.parse("default"), 32, 5, 0, app.descent.training.Schedule.CONSTANT, 0, 0, "cpu");
        Variation v = Variation.parse("optimizer=sgd,momentum,adamw");
        assertThat(v.apply(mlp(), s, true).stream()
                .map(x -> x.settings().optimizer().lr())).containsExactly(0.005, 0.005, 0.005);
        List<Variation.Variant> defaults = v.apply(mlp(), s, false);
        assertThat(defaults.stream().map(x -> x.settings().optimizer().lr())).containsExactly(0.01, 0.01, 0.001);
        assertThat(defaults.get(1).settings().optimizer().momentum()).isEqualTo(0.9);
        assertThat(defaults.get(2).settings().optimizer().weightDecay()).isEqualTo(0.01);
        List<Variation.Variant> added = Variation.parse("optimizer=nadam,radam,adamax").apply(mlp(), s, false);
        assertThat(added.stream().map(x -> x.settings().optimizer().lr())).containsExactly(0.002, 0.001, 0.002);
        assertThat(added.get(0).settings().optimizer().get("momentumDecay")).isEqualTo(0.004);
        TrainingRun.Settings decayed = Variation.parse("weight-decay=0.001").apply(0, mlp(), s, true).settings();
        assertThat(Variation.parse("optimizer=adamw").apply(0, mlp(), decayed, true).settings().optimizer()
                .weightDecay()).isEqualTo(0.001);
    }

    @Test
    void settingsKeysSetTheSetting() {
        assertThat(Variation.parse("batch-size=8").apply(0, mlp(), base(), true).settings().batchSize()).isEqualTo(8);
        assertThat(Variation.parse("epochs=9").apply(0, mlp(), base(), true).settings().epochs()).isEqualTo(9);
        assertThat(Variation.parse("lr=0.3").apply(0, mlp(), base(), true).settings().optimizer().lr()).isEqualTo(0.3);
        assertThat(Variation.parse("init=normal:0.01").apply(0, mlp(), base(), true).settings().init())
                .isEqualTo(Initializer.parse("normal:0.01"));
    }

    @Test
    void aNetworkTheKeyCannotChangeIsAnErrorNamingTheVariant() {
        List<Layer> linear = List.of(new Layer("0", LayerSpec.kw("Linear", Map.of("in_features", 2, "out_features", 2))));
        assertThatThrownBy(() -> Variation.parse("hidden=8").apply(0, linear, base(), true))
                .isInstanceOf(CompareException.class).hasMessageStartingWith("hidden=8: ");
        assertThatThrownBy(() -> Variation.parse("dropout=0.2").apply(0, linear, base(), true))
                .hasMessageStartingWith("dropout=0.2: ");
    }
}
