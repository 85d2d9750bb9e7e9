package app.descent.training;

import app.descent.network.LayerSamples;
import app.descent.network.LayerSpec;
import app.descent.network.LayerType;
import app.descent.network.Layers;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every descriptor of the layers registry has its DJL counterpart, or is named as not trainable yet. */
class TorchLayersTest {

    @Test
    void everyRegistryLayerIsEitherTrainableOrNamedUntrainable() {
        Set<String> ids = new HashSet<>(Layers.ids());
        assertThat(ids).containsAll(TorchLayers.TRAINABLE).containsAll(TorchLayers.UNTRAINABLE);
        for (String id : ids) {
            assertThat(TorchLayers.TRAINABLE.contains(id) ^ TorchLayers.UNTRAINABLE.contains(id))
                    .as(id + " must be in exactly one of TorchLayers.TRAINABLE and TorchLayers.UNTRAINABLE").isTrue();
        }
    }

    @Test
    void everyTrainableLayerHasItsDjlBlock() {
        for (String id : TorchLayers.TRAINABLE) {
            LayerSpec spec = LayerSamples.sample(Layers.get(id));
            assertThat(TorchLayers.block(id, spec.args())).as(id).isNotNull();
        }
    }

    @Test
    void anUntrainableLayerIsRefusedByName() {
        for (String id : TorchLayers.UNTRAINABLE) {
            LayerType t = Layers.get(id);
            assertThatThrownBy(() -> TorchLayers.block(id, LayerSamples.sample(t).args())).as(id)
                    .isInstanceOf(TrainingException.class).hasMessageStartingWith(id + " layers cannot be trained yet");
        }
        assertThatThrownBy(() -> TorchLayers.block("Conv3d", Map.of())).isInstanceOf(TrainingException.class)
                .hasMessageStartingWith("Conv3d layers cannot be trained yet");
    }
}
