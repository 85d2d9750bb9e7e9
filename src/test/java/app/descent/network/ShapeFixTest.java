package app.descent.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapeFixTest {
    private static Network net(String code) {
        return PyTorchImporter.importCode("import torch.nn as nn\nnet = nn.Sequential(" + code + ")\n").network();
    }

    @Test
    void aLinearOnImagesGetsAFlattenInFront() {
        Network n = net("nn.Linear(784, 10)");
        ShapeFix.Fix fix = ShapeFix.suggest(n, List.of(1, 1, 28, 28)).orElseThrow();
        assertThat(fix.message()).isEqualTo("add nn.Flatten() before layer 0: 1×28×28 flattens to 784");
        assertThat(fix.at()).isZero();
        assertThat(ShapeInference.infer(fix.network(), List.of(1, 1, 28, 28)).outputShape()).containsExactly(1, 10);
        assertThat(fix.network().leaves()).extracting(l -> l.layer().type()).containsExactly("Flatten", "Linear");
    }

    @Test
    void theFlattenGoesAfterTheConvolutionsWhereTheFeaturesAdd() {
        // Conv2d(1, 4, 3) → 4×26×26, pool → 4×13×13 = 676
        Network n = net("nn.Conv2d(1, 4, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Linear(676, 10)");
        ShapeFix.Fix fix = ShapeFix.suggest(n, List.of(8, 1, 28, 28)).orElseThrow();
        assertThat(fix.message()).isEqualTo("add nn.Flatten() before layer 3: 4×13×13 flattens to 676");
        assertThat(fix.network().leaves()).extracting(l -> l.layer().type())
                .containsExactly("Conv2d", "ReLU", "MaxPool2d", "Flatten", "Linear");
    }

    @Test
    void noSuggestionWhenTheNetworkFitsOrOneFlattenWouldNotDo() {
        assertThat(ShapeFix.suggest(net("nn.Flatten(), nn.Linear(784, 10)"), List.of(1, 1, 28, 28))).isEmpty();
        // 784 ≠ 100 whatever is flattened
        assertThat(ShapeFix.suggest(net("nn.Linear(100, 10)"), List.of(1, 1, 28, 28))).isEmpty();
        // already flat: the wrong size is the mistake, not a missing Flatten
        assertThat(ShapeFix.suggest(net("nn.Linear(7, 1)"), List.of(4, 10))).isEmpty();
        assertThat(ShapeFix.suggest(Network.sequential(LayerSpec.of("Conv2d", List.of(3, 8), Map.of("kernel_size", 3))),
                List.of(1, 1, 28, 28))).isEmpty();
    }
}
