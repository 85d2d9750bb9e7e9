package app.descent.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our update rules against torch.optim's trajectories (tools/reference/optimizers.py). */
class OptimizerReferenceTest {

    static Stream<JsonNode> cases() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(
                OptimizerReferenceTest.class.getResource("/reference/optimizer-steps.json"));
        List<JsonNode> out = new ArrayList<>();
        doc.get("cases").forEach(out::add);
        return out.stream();
    }

    private static float[] floats(JsonNode array) {
        float[] f = new float[array.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) array.get(i).asDouble();
        }
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void followsPyTorch(JsonNode c) {
        OptimizerSpec spec = OptimizerSpec.of(c.get("optimizer").asText(), c.get("lr").asDouble())
                .withWeightDecay(c.get("weightDecay").asDouble());
        Optimizer optimizer = new Optimizer(spec);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(floats(c.get("w0")));
            NDArray t = m.create(floats(c.get("target")));
            NDArray scale = m.create(floats(c.get("scale")));
            int step = 0;
            for (JsonNode expected : c.get("steps")) {
                step++;
                try (NDArray grad = w.sub(t).mul(scale).mul(2)) {
                    optimizer.update("w", w, grad);
                }
                float[] actual = w.toFloatArray();
                float[] want = floats(expected);
                for (int i = 0; i < want.length; i++) {
                    assertThat((double) actual[i]).as("%s step %d component %d", spec.name(), step, i)
                            .isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-5 + 1e-5 * Math.abs(want[i])));
                }
            }
        }
    }

    /** Adam and AdamW also have the step written out op by op; it must agree with torch as well. */
    @ParameterizedTest(name = "{0} (op by op)")
    @MethodSource("cases")
    void followsPyTorchOpByOp(JsonNode c) {
        boolean fused = Optimizer.FUSED;
        Optimizer.FUSED = false;
        try {
            followsPyTorch(c);
        } finally {
            Optimizer.FUSED = fused;
        }
    }

    @Test
    void anOptimizerThatSaysItZeroesTheGradientDoes() {
        for (String name : OptimizerSpec.NAMES) {
            Optimizer optimizer = new Optimizer(OptimizerSpec.of(name, 0.1));
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray w = m.create(new float[] {1, 2, 3});
                w.setRequiresGradient(true);
                try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                    gc.backward(w.square().sum());
                }
                try (NDArray g = w.getGradient()) {
                    optimizer.update("w", w, g);
                }
                try (NDArray g = w.getGradient()) {
                    float[] left = g.toFloatArray();
                    if (optimizer.zeroesGradients()) {
                        assertThat(left).as(name).containsOnly(0f);
                    } else {
                        assertThat(left).as(name).containsExactly(2f, 4f, 6f);
                    }
                }
            }
        }
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> OptimizerSpec.of("adamax", 0.1)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("adamax").hasMessageContaining("rmsprop");
        assertThatThrownBy(() -> OptimizerSpec.of("sgd", -0.1)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("learning rate -0.1");
        assertThatThrownBy(() -> OptimizerSpec.of("sgd", Double.NaN)).isInstanceOf(TrainingException.class);
        assertThat(OptimizerSpec.of("AdamW", 1e-3).weightDecay()).isEqualTo(0.01);
        assertThat(OptimizerSpec.of("momentum", 1e-3).momentum()).isEqualTo(0.9);
        assertThatThrownBy(() -> OptimizerSpec.of("nesterov", 0.1).withMomentum(0)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("nesterov needs a momentum");
    }
}
