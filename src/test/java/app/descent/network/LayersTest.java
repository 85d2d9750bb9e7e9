package app.descent.network;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The layers registry: one descriptor per type, every rule present, unknown types are errors. */
class LayersTest {

    @Test
    void anUnknownLayerTypeIsAnErrorNamingIt() {
        assertThatThrownBy(() -> LayerType.get("Conv3d")).isInstanceOf(NetworkException.class).hasMessageContaining("'Conv3d'");
        assertThatThrownBy(() -> LayerSpec.of("Conv3d", 1, 2, 3)).isInstanceOf(NetworkException.class)
                .hasMessageContaining("unknown layer type 'Conv3d'");
        assertThat(Layers.find("Conv3d")).isEmpty();
    }

    @Test
    void aDescriptorWithoutOneOfItsRulesCannotBeMade() {
        LayerType relu = Layers.get("ReLU");
        assertThatThrownBy(() -> new LayerType("Swish", LayerType.Category.ACTIVATION, List.of(), relu.shape(), null,
                relu.macs(), relu.field(), relu.check(), relu.export())).isInstanceOf(NullPointerException.class)
                .hasMessage("Swish has no parameter count");
        assertThatThrownBy(() -> new LayerType("Swish", LayerType.Category.ACTIVATION, List.of(), null, relu.parameters(),
                relu.macs(), relu.field(), relu.check(), relu.export())).hasMessage("Swish has no shape rule");
    }

    @Test
    void everyDescriptorIsRegisteredUnderItsName() {
        assertThat(Layers.ids()).doesNotHaveDuplicates().hasSize(Layers.all().size());
        for (LayerType t : Layers.all()) {
            assertThat(Layers.get(t.name())).isSameAs(t);
            assertThat(LayerType.get(t.name())).isSameAs(t);
        }
    }

    /** A layer with weights never counts 0 parameters (the old switch's silent default). */
    @Test
    void layersWithWeightsCountTheirParametersAndLayersWithoutCountNone() {
        Set<String> weighted = Set.of("bias", "affine", "elementwise_affine", "num_parameters", "embedding_dim");
        for (LayerType t : Layers.all()) {
            LayerSpec spec = LayerSamples.sample(t);
            boolean hasWeights = t.params().stream().anyMatch(p -> weighted.contains(p.name()));
            if (hasWeights) {
                assertThat(ShapeInference.params(spec)).as(t.name()).isPositive();
            } else {
                assertThat(ShapeInference.params(spec)).as(t.name()).isZero();
            }
        }
    }

    /** Every descriptor's rules run on an input that fits; layers that multiply count their MACs. */
    @Test
    void everyDescriptorGivesShapeMacsAndFieldForAFittingInput() {
        Set<String> multiplying = Set.of("in_features", "in_channels", "input_size");
        for (LayerType t : Layers.all()) {
            LayerSpec spec = LayerSamples.sample(t);
            List<Integer> in = LayerSamples.input(t);
            ShapeInference.Result r = ShapeInference.infer(Network.sequential(spec), in);
            assertThat(r.outputShape()).as(t.name()).isNotEmpty();
            boolean multiplies = t.params().stream().anyMatch(p -> multiplying.contains(p.name()));
            if (multiplies) {
                assertThat(r.macs()).as(t.name()).isPositive();
            } else {
                assertThat(r.macs()).as(t.name()).isZero();
            }
            assertThat(spec.toString()).as(t.name()).startsWith(t.name() + "(");
        }
    }

    @Test
    void eachTypeChecksItsArgumentsAgainstEachOtherAsPyTorchDoes() {
        assertThatThrownBy(() -> LayerSpec.of("GroupNorm", 3, 4)).isInstanceOf(NetworkException.class)
                .hasMessage("GroupNorm num_channels 4 must be divisible by num_groups 3");
        assertThatThrownBy(() -> LayerSpec.of("LSTM", List.of(4, 8), java.util.Map.of("proj_size", 8)))
                .hasMessage("LSTM proj_size 8 must be smaller than hidden_size 8");
        assertThatThrownBy(() -> LayerSpec.of("Conv1d", List.of(4, 4, 3), java.util.Map.of("stride", 2, "padding", "same")))
                .hasMessage("Conv1d padding='same' is not supported for strided convolutions");
        assertThatThrownBy(() -> LayerSpec.of("ConvTranspose2d", List.of(4, 6, 3), java.util.Map.of("groups", 4)))
                .hasMessage("ConvTranspose2d out_channels 6 must be divisible by groups 4");
        assertThatThrownBy(() -> LayerSpec.kw("AvgPool1d", java.util.Map.of("kernel_size", 3, "padding", 2)))
                .hasMessage("AvgPool1d padding 2 should be at most half of kernel size 3");
        assertThat(LayerSpec.of("GroupNorm", 2, 4).args()).containsEntry("num_groups", 2);
    }

    @Test
    void windowsGrowTheReceptiveFieldAndFlatLayersEndIt() {
        assertThat(ReceptiveField.of(List.of(LayerSpec.of("Conv2d", 1, 1, 3), LayerSpec.of("MaxPool2d", 2),
                LayerSpec.of("ReLU"), LayerSpec.of("Conv2d", 1, 1, 3))).side()).isEqualTo(8);
        assertThatThrownBy(() -> ReceptiveField.of(List.of(LayerSpec.of("Conv2d", 1, 1, 3), LayerSpec.of("Flatten"))))
                .isInstanceOf(NetworkException.class).hasMessageContaining("layer 1 Flatten has no receptive field");
    }
}
