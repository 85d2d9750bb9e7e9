package app.descent.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.descent.UserInputException;
import app.descent.training.data.DataSplit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The textbook's behaviour of initializers, measured on the default deep MLP and one batch of Fashion-MNIST. */
class InitStudyTest {
    // 256 examples rather than the study's 1024: the spreads are as clear and the class runs in a quarter of the time
    static Map<String, InitStudy.Result> byActivation;

    @BeforeAll
    static void run() {
        DataSplit data = DataSplit.load("fashion-mnist", DataSplit.Options.DEFAULT);
        byActivation = new java.util.HashMap<>();
        for (String a : List.of("identity", "tanh", "relu", "sigmoid")) {
            byActivation.put(a, InitStudy.run(data, a, InitStudy.INITIALIZERS, InitStudy.WIDTHS, 256, 0));
        }
    }

    private static InitStudy.Curve curve(String activation, String init) {
        return byActivation.get(activation).curve(init);
    }

    private static double lastOverFirst(List<Double> v) {
        return v.get(v.size() - 1) / v.get(0);
    }

    @Test
    void everyHiddenLayerAndEveryLinearIsMeasured() {
        InitStudy.Result r = byActivation.get("relu");
        assertThat(r.curves()).extracting(InitStudy.Curve::initializer).containsExactlyElementsOf(InitStudy.INITIALIZERS);
        assertThat(r.batchSize()).isEqualTo(256);
        assertThat(r.inputStd()).isBetween(0.9, 1.1);
        for (InitStudy.Curve c : r.curves()) {
            assertThat(c.activationStd()).hasSize(InitStudy.WIDTHS.size() - 2);
            assertThat(c.deadFraction()).hasSize(InitStudy.WIDTHS.size() - 2);
            assertThat(c.gradientNorm()).hasSize(InitStudy.WIDTHS.size() - 1);
        }
    }

    @Test
    void smallNormalWeightsLetTheActivationsCollapse() {
        for (String a : List.of("identity", "tanh", "relu")) {
            List<Double> std = curve(a, "normal:0.01").activationStd();
            assertThat(lastOverFirst(std)).as(a).isLessThan(1e-3);
            for (int k = 1; k < std.size(); k++) {
                assertThat(std.get(k)).as(a + " layer " + k).isLessThan(std.get(k - 1));
            }
        }
    }

    @Test
    void unitNormalWeightsExplodeLinearLayersAndSaturateTanh() {
        assertThat(lastOverFirst(curve("identity", "normal:1").activationStd())).isGreaterThan(1e3);
        assertThat(lastOverFirst(curve("relu", "normal:1").activationStd())).isGreaterThan(1e3);
        // |tanh| near 1 everywhere: the spread of ±1 values
        assertThat(curve("tanh", "normal:1").activationStd()).allSatisfy(s -> assertThat(s).isGreaterThan(0.9));
    }

    @Test
    void kaimingKeepsReluStableAndDoublesTheVarianceOfLinearLayers() {
        List<Double> relu = curve("relu", "kaiming").activationStd();
        assertThat(lastOverFirst(relu)).isBetween(0.5, 2.0);
        assertThat(relu).allSatisfy(s -> assertThat(s / relu.get(0)).isBetween(0.5, 2.0));
        // without the ReLU that halves it, Kaiming's gain of √2 grows the deviation by √2 per square layer
        List<Double> linear = curve("identity", "kaiming").activationStd();
        for (int k = 2; k <= 5; k++) {
            assertThat(linear.get(k) / linear.get(k - 1)).as("layer " + k).isBetween(1.2, 1.7);
        }
    }

    @Test
    void xavierKeepsLinearLayersStableAndTanhWithinAFactorOfThree() {
        assertThat(lastOverFirst(curve("identity", "xavier").activationStd())).isBetween(0.5, 2.0);
        // tanh's slope below 1 shrinks the spread slowly, where normal(0.01) loses six orders of magnitude
        assertThat(lastOverFirst(curve("tanh", "xavier").activationStd())).isBetween(0.3, 2.0);
    }

    @Test
    void sigmoidGradientsVanishTowardsTheInputUnlikeRelus() {
        for (String init : List.of("xavier", "kaiming")) {
            List<Double> norms = curve("sigmoid", init).gradientNorm();
            assertThat(norms.get(0) / norms.get(norms.size() - 1)).as(init).isLessThan(1e-2);
        }
        List<Double> relu = curve("relu", "kaiming").gradientNorm();
        assertThat(relu.get(0) / relu.get(relu.size() - 1)).isGreaterThan(0.5);
    }

    @Test
    void constantWeightsLeaveOnlyTheOutputLayerAGradient() {
        // every unit of a layer is the same, so the output layer's equal rows cancel the error on its way back
        List<Double> norms = curve("relu", "constant:0.005").gradientNorm();
        double last = norms.get(norms.size() - 1);
        assertThat(last).isGreaterThan(0.1);
        assertThat(norms.subList(0, norms.size() - 1)).allSatisfy(g -> assertThat(g).isLessThan(1e-6 * last));
    }

    @Test
    void anUnknownActivationIsAUserMistake() {
        assertThatThrownBy(() -> InitStudy.network(InitStudy.WIDTHS, "swishy")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("swishy").hasMessageContaining("relu");
        assertThat(InitStudy.network(List.of(2, 3, 2), "ReLU")).extracting(l -> l.type())
                .containsExactly("Flatten", "Linear", "ReLU", "Linear");
        assertThat(InitStudy.network(List.of(2, 3, 2), "mish")).extracting(l -> l.type())
                .containsExactly("Flatten", "Linear", "Mish", "Linear");
    }
}
