package app.descent.network;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exam answers and PyTorch formulas, with expected numbers worked out by hand. */
class ShapeInferenceTest {

    static ShapeInference.Result run(String code, List<Integer> input) {
        return ShapeInference.infer(PyTorchImporter.importCode(code).network(), input);
    }

    @Test
    void tutorialQ1() {
        ImportResult r = PyTorchImporter.importCode("""
                import torch
                from torch import nn
                net = nn.Sequential(nn.Linear(10,7), nn.ELU(), nn.Linear(7,1), nn.Sigmoid())
                x = torch.randn(100, 10)
                """);
        ShapeInference.Result s = ShapeInference.infer(r.network(), r.inputShape().orElseThrow());
        assertThat(s.params()).isEqualTo(85); // 10·7+7 + 7·1+1
        assertThat(s.outputShape()).containsExactly(100, 1);
        assertThat(s.macs()).isEqualTo(77); // per sample: 70 + 7
    }

    @Test
    void iitConvolution() {
        ShapeInference.Result s = ShapeInference.infer(Network.sequential(LayerSpec.of("Conv2d", List.of(7, 8), Map.of("kernel_size", 5, "padding", 2))),
                List.of(1, 7, 16, 16));
        assertThat(s.outputShape()).containsExactly(1, 8, 16, 16);
        assertThat(s.params()).isEqualTo(8 * 7 * 25 + 8);
        assertThat(s.params()).isEqualTo(1408);
        assertThat(s.macs()).isEqualTo(8L * 16 * 16 * 7 * 25).isEqualTo(358_400);
    }

    @Test
    void macsArePerSample() {
        Network n = Network.sequential(LayerSpec.of("Conv2d", 7, 8, 5));
        assertThat(ShapeInference.infer(n, List.of(32, 7, 16, 16)).macs()).isEqualTo(ShapeInference.infer(n, List.of(1, 7, 16, 16)).macs());
    }

    @Test
    void fourThreeByThreeConvsSeeNine() {
        LayerSpec c = LayerSpec.of("Conv2d", 1, 1, 3);
        assertThat(ReceptiveField.of(List.of(c, c, c, c)).side()).isEqualTo(9);
        ShapeInference.Result s = ShapeInference.infer(Network.sequential(c, LayerSpec.of("ReLU"), c, c, c), List.of(1, 1, 20, 20));
        assertThat(s.layers()).extracting(ShapeInference.LayerResult::receptiveFieldSide).containsExactly(3, 3, 5, 7, 9);
    }

    @Test
    void tumStack() {
        List<LayerSpec> stack = List.of(LayerSpec.of("Conv2d", 1, 1, 5, 2), LayerSpec.of("Conv2d", 1, 1, 3, 2), LayerSpec.of("Conv2d", 1, 1, 3, 2));
        ReceptiveField rf = ReceptiveField.of(stack);
        assertThat(rf.side()).isEqualTo(17); // 1+4·1=5, +2·2=9, +2·4=17
        assertThat(rf.jumpHeight()).isEqualTo(8);
    }

    @Test
    void receptiveFieldEndsAtFlatten() {
        ShapeInference.Result s = ShapeInference.infer(Network.sequential(LayerSpec.of("Conv2d", 1, 2, 3), LayerSpec.of("Flatten"),
                LayerSpec.of("Linear", 8, 2)), List.of(1, 1, 4, 4));
        assertThat(s.layers()).extracting(ShapeInference.LayerResult::receptiveFieldSide).containsExactly(3, null, null);
    }

    @Test
    void recurrentParameters() {
        assertThat(ShapeInference.params(LayerSpec.of("RNN", List.of(4, 12), Map.of("bias", false)))).isEqualTo(12 * 4 + 12 * 12).isEqualTo(192);
        assertThat(ShapeInference.params(LayerSpec.of("RNN", 4, 12))).isEqualTo(192 + 2 * 12);
        assertThat(ShapeInference.params(LayerSpec.of("LSTM", 4, 12))).isEqualTo(4 * 192 + 8 * 12);
        assertThat(ShapeInference.params(LayerSpec.of("GRU", 4, 12))).isEqualTo(3 * 192 + 6 * 12);
        // 2 layers, bidirectional: layer 0 in=10, layer 1 in=2·20
        long l0 = 4 * 20 * (10 + 20) + 8 * 20;
        long l1 = 4 * 20 * (40 + 20) + 8 * 20;
        assertThat(ShapeInference.params(LayerSpec.of("LSTM", List.of(10, 20), Map.of("num_layers", 2, "bidirectional", true))))
                .isEqualTo(2 * (l0 + l1));
    }

    @Test
    void recurrentShapes() {
        Network lstm = Network.sequential(LayerSpec.of("LSTM", List.of(10, 20), Map.of("batch_first", true)));
        assertThat(ShapeInference.infer(lstm, List.of(32, 5, 10)).outputShape()).containsExactly(32, 5, 20);
        Network gru = Network.sequential(LayerSpec.of("GRU", List.of(10, 20), Map.of("bidirectional", true)));
        assertThat(ShapeInference.infer(gru, List.of(5, 32, 10)).outputShape()).containsExactly(5, 32, 40);
        assertThat(ShapeInference.infer(gru, List.of(5, 10)).outputShape()).containsExactly(5, 40);
        Network rnnThenLinear = Network.sequential(LayerSpec.of("RNN", 10, 20), LayerSpec.of("Linear", 20, 1));
        assertThatThrownBy(() -> ShapeInference.infer(rnnThenLinear, List.of(5, 3, 10)))
                .isInstanceOf(NetworkException.class).hasMessageContaining("layer 1 Linear receives a tuple");
    }

    @Test
    void errorsNameLayerAndNumbers() {
        Network lin = Network.sequential(LayerSpec.of("Linear", 10, 7), LayerSpec.of("ReLU"), LayerSpec.of("Linear", 8, 1));
        assertThatThrownBy(() -> ShapeInference.infer(lin, List.of(4, 10))).isInstanceOf(NetworkException.class)
                .hasMessageStartingWith("layer 2 Linear expects 8 input features but receives 7");
        Network conv = Network.sequential(LayerSpec.of("Conv2d", 3, 8, 3));
        assertThatThrownBy(() -> ShapeInference.infer(conv, List.of(1, 1, 8, 8))).isInstanceOf(app.descent.UserInputException.class)
                .hasMessage("layer 0 Conv2d expects 3 input channels but receives 1");
        Network pool = Network.sequential(LayerSpec.of("Conv2d", 1, 1, 2), LayerSpec.of("ReLU"), LayerSpec.of("Conv2d", 1, 1, 2),
                LayerSpec.of("MaxPool2d", 2));
        assertThatThrownBy(() -> ShapeInference.infer(pool, List.of(1, 1, 3, 3))).isInstanceOf(NetworkException.class)
                .hasMessage("layer 3 MaxPool2d output would be 0×0 (input 1×1, kernel 2)");
        Network big = Network.sequential(LayerSpec.of("Conv2d", 1, 1, 5));
        assertThatThrownBy(() -> ShapeInference.infer(big, List.of(1, 1, 3, 3))).hasMessageContaining("layer 0 Conv2d output would be 0×0");
        Network rank = Network.sequential(LayerSpec.of("Conv2d", 1, 1, 5));
        assertThatThrownBy(() -> ShapeInference.infer(rank, List.of(1, 10))).hasMessageContaining("layer 0 Conv2d expects a 3D or 4D input");
        Network zooErr = ModelZoo.create("vgg11");
        assertThatThrownBy(() -> ShapeInference.infer(zooErr, List.of(1, 1, 224, 224)))
                .hasMessage("layer 0 (features.0) Conv2d expects 3 input channels but receives 1");
    }

    @Test
    void poolFormulas() {
        assertThat(out(LayerSpec.kw("MaxPool2d", Map.of("kernel_size", 2, "ceil_mode", true)), 1, 1, 5, 5)).containsExactly(1, 1, 3, 3);
        assertThat(out(LayerSpec.of("MaxPool2d", 2), 1, 1, 5, 5)).containsExactly(1, 1, 2, 2);
        // last window would start in the right padding only: dropped
        assertThat(out(LayerSpec.kw("MaxPool2d", Map.of("kernel_size", 2, "stride", 2, "padding", 1, "ceil_mode", true)), 1, 1, 5, 5))
                .containsExactly(1, 1, 3, 3);
        assertThat(out(LayerSpec.kw("MaxPool2d", Map.of("kernel_size", 3, "stride", 2, "padding", 1, "ceil_mode", true)), 1, 1, 8, 8))
                .containsExactly(1, 1, 5, 5);
        assertThat(out(LayerSpec.kw("MaxPool2d", Map.of("kernel_size", 3, "stride", 2, "padding", 1)), 1, 64, 112, 112))
                .containsExactly(1, 64, 56, 56);
        assertThat(out(LayerSpec.kw("AvgPool2d", Map.of("kernel_size", 3, "stride", 2, "ceil_mode", true)), 1, 1, 6, 6)).containsExactly(1, 1, 3, 3);
        assertThat(out(LayerSpec.kw("AvgPool2d", Map.of("kernel_size", 3, "stride", 2)), 1, 1, 6, 6)).containsExactly(1, 1, 2, 2);
        assertThat(out(LayerSpec.kw("MaxPool2d", Map.of("kernel_size", 2, "dilation", 2)), 1, 1, 7, 7)).containsExactly(1, 1, 3, 3);
        assertThat(out(LayerSpec.of("MaxPool1d", 2), 4, 3, 9)).containsExactly(4, 3, 4);
        assertThatThrownBy(() -> LayerSpec.kw("MaxPool2d", Map.of("kernel_size", 2, "padding", 2))).hasMessageContaining("at most half");
    }

    @Test
    void convFormulas() {
        assertThat(out(LayerSpec.of("Conv2d", List.of(3, 8, 4), Map.of("padding", "same")), 1, 3, 10, 10)).containsExactly(1, 8, 10, 10);
        assertThat(out(LayerSpec.of("Conv2d", List.of(3, 8, 3), Map.of("padding", "valid")), 1, 3, 10, 10)).containsExactly(1, 8, 8, 8);
        assertThat(out(LayerSpec.of("Conv2d", List.of(1, 1, 3), Map.of("dilation", 2)), 1, 1, 10, 10)).containsExactly(1, 1, 6, 6);
        assertThat(out(LayerSpec.of("Conv2d", List.of(1, 1, List.of(3, 5)), Map.of("stride", List.of(1, 2), "padding", List.of(1, 0))), 1, 1, 10, 10))
                .containsExactly(1, 1, 10, 3);
        assertThat(out(LayerSpec.of("Conv2d", 3, 8, 3), 3, 10, 10)).containsExactly(8, 8, 8); // unbatched
        assertThat(out(LayerSpec.of("Conv1d", 4, 8, 3), 2, 4, 20)).containsExactly(2, 8, 18);
        assertThat(out(LayerSpec.of("ConvTranspose2d", List.of(8, 4, 2), Map.of("stride", 2)), 1, 8, 7, 7)).containsExactly(1, 4, 14, 14);
        assertThat(ShapeInference.params(LayerSpec.of("Conv2d", List.of(8, 16, 3), Map.of("groups", 4)))).isEqualTo(16 * 2 * 9 + 16);
        assertThatThrownBy(() -> LayerSpec.of("Conv2d", List.of(8, 16, 3), Map.of("groups", 3))).hasMessageContaining("divisible by groups");
        assertThatThrownBy(() -> LayerSpec.of("Conv2d", List.of(8, 16, 3), Map.of("stride", 2, "padding", "same")))
                .hasMessageContaining("padding='same' is not supported for strided");
    }

    @Test
    void otherLayers() {
        assertThat(out(LayerSpec.of("AdaptiveAvgPool2d", java.util.Arrays.asList(null, 3)), 1, 2, 5, 7)).containsExactly(1, 2, 5, 3);
        assertThat(out(LayerSpec.of("AdaptiveAvgPool2d", 1), 1, 2, 5, 7)).containsExactly(1, 2, 1, 1);
        assertThat(ShapeInference.params(LayerSpec.of("LayerNorm", List.of(4, 5)))).isEqualTo(40);
        assertThat(ShapeInference.params(LayerSpec.of("LayerNorm", List.of(8), Map.of("bias", false)))).isEqualTo(8);
        assertThat(out(LayerSpec.of("LayerNorm", List.of(4, 5)), 2, 3, 4, 5)).containsExactly(2, 3, 4, 5);
        assertThatThrownBy(() -> out(LayerSpec.of("LayerNorm", 6), 2, 5)).hasMessageContaining("ending in [6]");
        assertThat(out(LayerSpec.of("Embedding", 100, 16), 4, 7)).containsExactly(4, 7, 16);
        assertThat(ShapeInference.params(LayerSpec.of("Embedding", 100, 16))).isEqualTo(1600);
        assertThat(ShapeInference.params(LayerSpec.of("BatchNorm1d", List.of(10), Map.of("affine", false)))).isZero();
        assertThat(ShapeInference.params(LayerSpec.of("PReLU"))).isEqualTo(1);
        assertThat(out(LayerSpec.of("Flatten", 0), 2, 3, 4)).containsExactly(24);
        assertThat(out(LayerSpec.of("Flatten", 1, 2), 2, 3, 4, 5)).containsExactly(2, 12, 5);
        assertThat(out(LayerSpec.of("Unflatten", 1, List.of(2, 6)), 4, 12)).containsExactly(4, 2, 6);
        assertThat(out(LayerSpec.kw("Softmax", Map.of("dim", -1)), 4, 12)).containsExactly(4, 12);
        assertThatThrownBy(() -> out(LayerSpec.kw("Softmax", Map.of("dim", 3)), 4, 12)).hasMessageContaining("layer 0 Softmax dim 3 is out of range");
        assertThat(out(LayerSpec.of("Identity", 54, 3), 4, 12)).containsExactly(4, 12);
    }

    @Test
    void linearOnHigherRankCountsLeadingDims() {
        ShapeInference.Result s = ShapeInference.infer(Network.sequential(LayerSpec.of("Linear", 8, 4)), List.of(2, 5, 8));
        assertThat(s.outputShape()).containsExactly(2, 5, 4);
        assertThat(s.macs()).isEqualTo(5 * 8 * 4);
    }

    static List<Integer> out(LayerSpec spec, Integer... in) {
        return ShapeInference.outputShape(spec, List.of(in));
    }
}
