package app.descent.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.descent.network.Layer;
import app.descent.network.LayerSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The FLOP count of a step is the network's own matrix products, read from its layers' shapes. */
class BenchFlopsTest {

    private static Layer linear(String name, int in, int out) {
        return new Layer(name, LayerSpec.kw("Linear", Map.of("in_features", in, "out_features", out)));
    }

    private static Layer layer(String name, String type) {
        return new Layer(name, LayerSpec.kw(type, Map.of()));
    }

    @Test
    void theBenchMlpCostsItsForwardItsWeightGradientsAndOneGradientBetweenTheLayers() {
        long in = 784;
        long hidden = 128;
        long out = 10;
        long forward = 2 * (in * hidden + hidden * out);
        long weightGradients = 2 * (in * hidden + hidden * out);
        long hiddenGradient = 2 * hidden * out;
        assertThat(Bench.flopsPerSample(Bench.network())).isEqualTo(forward + weightGradients + hiddenGradient)
                .isEqualTo(409_088);
    }

    @Test
    void everyLinearLayerButTheFirstPassesAGradientDown() {
        List<Layer> net = List.of(layer("0", "Flatten"), linear("1", 5, 7), layer("2", "Tanh"), linear("3", 7, 3),
                layer("4", "ReLU"), linear("5", 3, 2));
        long perLayer1 = 2 * 5 * 7;
        long perLayer3 = 2 * 7 * 3;
        long perLayer5 = 2 * 3 * 2;
        assertThat(Bench.flopsPerSample(net)).isEqualTo(2 * perLayer1 + 3 * perLayer3 + 3 * perLayer5);
        List<Bench.Product> products = Bench.products(net, 64);
        assertThat(products).hasSize(8);
        assertThat(products.get(0)).extracting(Bench.Product::m, Bench.Product::k, Bench.Product::n)
                .containsExactly(64L, 5L, 7L);
        assertThat(products.get(1)).extracting(Bench.Product::m, Bench.Product::k, Bench.Product::n)
                .containsExactly(5L, 64L, 7L);
        assertThat(products.get(7)).extracting(Bench.Product::m, Bench.Product::k, Bench.Product::n)
                .containsExactly(64L, 2L, 3L);
    }

    @Test
    void aLayerThatMultipliesOtherwiseIsNotCountedSilently() {
        List<Layer> net = List.of(new Layer("0", LayerSpec.kw("Conv2d", Map.of("in_channels", 1, "out_channels", 2,
                "kernel_size", 3))));
        assertThatThrownBy(() -> Bench.flopsPerSample(net)).hasMessageContaining("Conv2d");
    }

    @Test
    void theLimitMultipliesTheStepsShapesAndCountsTheirFlops() {
        List<Bench.Product> products = Bench.products(Bench.network(), Bench.BATCH);
        try (Bench.MatmulLimit limit = new Bench.MatmulLimit(products)) {
            limit.pass();
            // two passes of 26.2 MFLOP in 1 ms: 52.4 GFLOP/s
            assertThat(limit.gflops(new long[] {2, 1_000_000})).isEqualTo(2 * 409_088.0 * Bench.BATCH / 1e6);
        }
    }
}
