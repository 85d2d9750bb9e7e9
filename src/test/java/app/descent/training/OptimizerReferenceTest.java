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

    static Stream<JsonNode> netCases() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(
                OptimizerReferenceTest.class.getResource("/reference/optimizer-steps.json"));
        List<JsonNode> out = new ArrayList<>();
        doc.get("net").forEach(out::add);
        return out.stream();
    }

    /**
     * Training steps of a small net (Linear(3, 4), Tanh, Linear(4, 2), cross-entropy) on one batch, every
     * parameter after every step as torch.optim leaves it (tools/reference/optimizers.py), for every optimizer.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("netCases")
    void trainsASmallNetAsPyTorch(JsonNode c) {
        OptimizerSpec spec = OptimizerSpec.of(c.get("optimizer").asText(), c.get("lr").asDouble())
                .withWeightDecay(c.get("weightDecay").asDouble());
        Optimizer optimizer = new Optimizer(spec);
        long[][] shapes = {{4, 3}, {4}, {2, 4}, {2}};
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> p = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                NDArray a = m.create(floats(c.get("start").get(i)), new ai.djl.ndarray.types.Shape(shapes[i]));
                a.setRequiresGradient(true);
                p.add(a);
            }
            NDArray x = m.create(floats(c.get("x")), new ai.djl.ndarray.types.Shape(5, 3));
            float[] labels = floats(c.get("labels"));
            NDArray onehot = m.create(labels).toType(ai.djl.ndarray.types.DataType.INT64, false).oneHot(2);
            int step = 0;
            for (JsonNode expected : c.get("steps")) {
                step++;
                try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                    NDArray h = x.matMul(p.get(0).transpose()).add(p.get(1)).tanh();
                    NDArray out = h.matMul(p.get(2).transpose()).add(p.get(3));
                    gc.backward(out.logSoftmax(1).mul(onehot).sum().neg().div(5));
                }
                for (int i = 0; i < 4; i++) {
                    try (NDArray g = p.get(i).getGradient()) {
                        optimizer.update(i, p.get(i), g);
                        g.muli(0); // as zero_grad: DJL adds the next backward's gradient to this one
                    }
                    float[] actual = p.get(i).toFloatArray();
                    float[] want = floats(expected.get(i));
                    for (int k = 0; k < want.length; k++) {
                        assertThat((double) actual[k]).as("%s step %d parameter %d entry %d", spec.name(), step, i, k)
                                .isCloseTo(want[k], org.assertj.core.data.Offset.offset(1e-5 + 1e-5 * Math.abs(want[k])));
                    }
                }
            }
        }
    }

    /** The registry's rule on doubles follows torch.optim as well (a float64 walk of the float32 reference). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRegistrysRuleOnDoublesFollowsPyTorch(JsonNode c) {
        OptimizerSpec spec = OptimizerSpec.of(c.get("optimizer").asText(), c.get("lr").asDouble())
                .withWeightDecay(c.get("weightDecay").asDouble());
        double[] w = new double[c.get("w0").size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = c.get("w0").get(i).asDouble();
        }
        app.descent.catalog.Optimizers.State state = new app.descent.catalog.Optimizers.State(w.length);
        int step = 0;
        for (JsonNode expected : c.get("steps")) {
            step++;
            double[] g = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                g[i] = 2 * c.get("scale").get(i).asDouble() * (w[i] - c.get("target").get(i).asDouble());
            }
            spec.optimizer().step(w, g, state, spec.hyperparameters(), spec.lr());
            for (int i = 0; i < w.length; i++) {
                double want = expected.get(i).asDouble();
                assertThat(w[i]).as("%s step %d component %d", spec.name(), step, i)
                        .isCloseTo(want, org.assertj.core.data.Offset.offset(1e-5 + 1e-5 * Math.abs(want)));
            }
        }
    }

    /** Every optimizer of the registry has its DJL update, and both take the same step. */
    @Test
    void everyRegistryEntryHasItsDjlCounterpart() {
        assertThat(Optimizer.RULES.keySet()).containsExactlyInAnyOrderElementsOf(app.descent.catalog.Optimizers.IDS);
        float[] w0 = {0.5f, -1.5f, 2f};
        float[] g0 = {0.3f, -0.2f, 1.1f};
        for (String name : app.descent.catalog.Optimizers.IDS) {
            OptimizerSpec spec = OptimizerSpec.of(name, 0.05).withWeightDecay(0.1);
            Optimizer djl = new Optimizer(spec, false);
            double[] w = {w0[0], w0[1], w0[2]};
            app.descent.catalog.Optimizers.State state = new app.descent.catalog.Optimizers.State(3);
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray a = m.create(w0);
                for (int step = 1; step <= 7; step++) {
                    try (NDArray g = m.create(g0)) {
                        djl.update("w", a, g);
                    }
                    spec.optimizer().step(w, new double[] {g0[0], g0[1], g0[2]}, state, spec.hyperparameters(), 0.05);
                    float[] actual = a.toFloatArray();
                    for (int i = 0; i < 3; i++) {
                        assertThat((double) actual[i]).as("%s step %d entry %d", name, step, i)
                                .isCloseTo(w[i], org.assertj.core.data.Offset.offset(1e-5 + 1e-5 * Math.abs(w[i])));
                    }
                }
            }
        }
    }

    /** Every update reads the gradient and leaves it as it was (the trainer zeroes it, or makes a new one). */
    @Test
    void noOptimizerChangesTheGradient() {
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
                assertThat(w.toFloatArray()).as(name + " moved the weight").isNotEqualTo(new float[] {1, 2, 3});
                try (NDArray g = w.getGradient()) {
                    assertThat(g.toFloatArray()).as(name).containsExactly(2f, 4f, 6f);
                }
            }
        }
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> OptimizerSpec.of("lion", 0.1)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("lion").hasMessageContaining("rmsprop").hasMessageContaining("adamax");
        assertThatThrownBy(() -> OptimizerSpec.of("adam", 0.1).withMomentum(0.5)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("adam has no momentum");
        assertThatThrownBy(() -> OptimizerSpec.of("nadam", 0.1).with("momentumDecay", -1))
                .isInstanceOf(TrainingException.class).hasMessageContaining("momentum decay -1");
        assertThat(OptimizerSpec.of("NAdam", 1e-3).get("momentumDecay")).isEqualTo(0.004);
        assertThatThrownBy(() -> OptimizerSpec.of("sgd", -0.1)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("learning rate -0.1");
        assertThatThrownBy(() -> OptimizerSpec.of("sgd", Double.NaN)).isInstanceOf(TrainingException.class);
        assertThat(OptimizerSpec.of("AdamW", 1e-3).weightDecay()).isEqualTo(0.01);
        assertThat(OptimizerSpec.of("momentum", 1e-3).momentum()).isEqualTo(0.9);
        assertThatThrownBy(() -> OptimizerSpec.of("nesterov", 0.1).withMomentum(0)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("nesterov needs a momentum");
    }
}
