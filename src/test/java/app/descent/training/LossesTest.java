package app.descent.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.function.BiFunction;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Values and input gradients against PyTorch (tools/reference/losses.py). */
class LossesTest {
    static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        ref = new ObjectMapper().readTree(LossesTest.class.getResource("/reference/losses.json"));
    }

    private static NDArray matrix(NDManager m, JsonNode rows) {
        int r = rows.size();
        int c = rows.get(0).size();
        float[] f = new float[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                f[i * c + j] = (float) rows.get(i).get(j).asDouble();
            }
        }
        return m.create(f, new Shape(r, c));
    }

    private static void check(String name, String input, JsonNode target, boolean classes,
                              BiFunction<NDArray, NDArray, NDArray> loss) {
        JsonNode c = ref.get(name);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = matrix(m, c.get(input));
            NDArray y;
            if (classes) {
                int[] labels = new int[target.size()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = target.get(i).asInt();
                }
                y = m.create(labels);
            } else {
                y = matrix(m, target);
            }
            x.setRequiresGradient(true);
            float value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = loss.apply(x, y);
                value = l.getFloat();
                gc.backward(l);
            }
            assertThat((double) value).as(name).isCloseTo(c.get("loss").asDouble(),
                    Offset.offset(1e-5 * Math.max(1, Math.abs(c.get("loss").asDouble()))));
            float[] grad = x.getGradient().toFloatArray();
            int k = 0;
            for (JsonNode row : c.get("grad")) {
                for (JsonNode g : row) {
                    assertThat((double) grad[k]).as("%s gradient %d", name, k).isCloseTo(g.asDouble(),
                            Offset.offset(1e-6 + 1e-4 * Math.abs(g.asDouble())));
                    k++;
                }
            }
        }
    }

    @Test
    void crossEntropyFromLogits() {
        check("crossEntropy", "logits", ref.get("crossEntropy").get("labels"), true, Losses::crossEntropy);
    }

    @Test
    void mseIsTheMeanNotHalfOfIt() {
        check("mse", "pred", ref.get("mse").get("target"), false, Losses::mse);
    }

    @Test
    void binaryCrossEntropyFromLogitsAndAfterSigmoid() {
        check("bceWithLogits", "logits", ref.get("bceWithLogits").get("target"), false, Losses::bceWithLogits);
        check("bceAfterSigmoid", "logits", ref.get("bceAfterSigmoid").get("target"), false,
                (x, y) -> Losses.bce(x.getNDArrayInternal().sigmoid(), y));
    }

    @Test
    void unknownLossIsNamed() {
        assertThat(Losses.Kind.parse("MSE")).isEqualTo(Losses.Kind.MSE);
        assertThatThrownBy(() -> Losses.Kind.parse("hinge")).isInstanceOf(TrainingException.class)
                .hasMessageContaining("hinge");
    }
}
