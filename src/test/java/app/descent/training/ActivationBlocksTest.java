package app.descent.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import app.descent.catalog.Activation;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every entry of the activations registry has its DJL block (TorchLayers, keyed by the registry), reachable by its
 * torch name as the Builder and importer write it, and that block computes the registry's value and slope (float32).
 */
class ActivationBlocksTest {
    static final float[] XS = {-30f, -6.5f, -3f, -1.5f, -1f, -0.999f, -0.4f, -1e-3f, 1e-3f, 0.3f, 0.999f, 1f, 1.2f, 2.4f, 5.5f, 7f, 25f};

    @ParameterizedTest
    @EnumSource(Activation.class)
    void everyActivationTrainsAsTheRegistrySays(Activation a) {
        assertThat(TorchLayers.TRAINABLE).contains(a.torchName());
        Block block = TorchLayers.block(a.torchName(), Map.of());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(XS);
            block.initialize(m, DataType.FLOAT32, x.getShape());
            x.setRequiresGradient(true);
            float[] y;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = block.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                y = out.toFloatArray();
                gc.backward(out.sum());
            }
            float[] g = x.getGradient().toFloatArray();
            for (int i = 0; i < XS.length; i++) {
                double v = a.value(XS[i]);
                double d = a.derivative(XS[i]);
                assertThat((double) y[i]).as("%s(%s)", a, XS[i]).isCloseTo(v, Offset.offset(1e-5 + 1e-6 * Math.abs(v)));
                assertThat((double) g[i]).as("%s'(%s)", a, XS[i]).isCloseTo(d, Offset.offset(1e-5 + 1e-6 * Math.abs(d)));
            }
        }
    }
}
