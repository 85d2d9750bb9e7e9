package app.descent.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs every preset as shipped and checks the textbook effect in the numbers it produced. */
@Tag("slow")
class StudyTest {
    private static double value(Study.Report r, int row, String column) {
        return r.rows().get(row).values()[r.columns().indexOf(column)];
    }

    @Test
    void everyPresetIsComplete() {
        assertThat(Study.PRESETS).hasSizeGreaterThanOrEqualTo(7);
        assertThat(Study.PRESETS.stream().map(Study::source)).contains("P02c1", "P02c", "P02d", "tutorial 8 Q8",
                "IIT Q3", "TUM", "P02b");
        for (Study s : Study.PRESETS) {
            assertThat(s.layers()).as(s.id()).isNotEmpty();
            assertThat(s.effect()).as(s.id()).isNotBlank();
            assertThat(Study.byId(s.id())).isSameAs(s);
        }
    }

    @Test
    void reluLearnsWhereSigmoidsGradientVanishes() {
        Study.Report r = Study.byId("relu-vs-sigmoid").run();
        double relu = value(r, 0, "train loss");
        double sigmoid = value(r, 1, "train loss");
        assertThat(relu).isLessThan(sigmoid - 0.5);
        assertThat(sigmoid).as("sigmoid stays near ln 10").isGreaterThan(2.2);
        assertThat(r.best()).isZero();
    }

    @Test
    void sigmoidIsTheWorstActivationInADeepNet() {
        Study.Report r = Study.byId("activations").run();
        int sigmoid = r.rows().size() - 1;
        assertThat(r.rows().get(sigmoid).label()).isEqualTo("activation=sigmoid");
        for (int i = 0; i < sigmoid; i++) {
            assertThat(value(r, i, "train loss")).as(r.rows().get(i).label())
                    .isLessThan(value(r, sigmoid, "train loss") - 0.5);
        }
    }

    @Test
    void zeroAndTinyWeightsDoNotLearnHeAndGlorotDo() {
        Study.Report r = Study.byId("initializers").run();
        List<String> labels = r.rows().stream().map(Study.Row::label).toList();
        double zeros = value(r, labels.indexOf("init=zeros"), "train loss");
        double tiny = value(r, labels.indexOf("init=normal:0.03"), "train loss");
        double xavier = value(r, labels.indexOf("init=xavier"), "train loss");
        double kaiming = value(r, labels.indexOf("init=kaiming"), "train loss");
        assertThat(zeros).isGreaterThan(0.99 * value(r, labels.indexOf("init=zeros"), "initial loss"));
        assertThat(tiny).isGreaterThan(2.2);
        assertThat(xavier).isLessThan(zeros - 0.5);
        assertThat(kaiming).isLessThan(zeros - 0.5);
    }

    @Test
    void optimizersStartTogetherAndAdaptiveOnesGetFurthest() {
        Study.Report r = Study.byId("optimizers").run();
        double start = value(r, 0, "initial loss");
        for (int i = 1; i < r.rows().size(); i++) {
            assertThat(value(r, i, "initial loss")).isEqualTo(start);
        }
        double sgd = value(r, 0, "train loss");
        double momentum = value(r, 1, "train loss");
        assertThat(momentum).isLessThan(sgd);
        assertThat(value(r, 2, "train loss")).isLessThan(momentum);
        assertThat(value(r, 3, "train loss")).isLessThan(momentum);
    }

    @Test
    void largerBatchesNeedFewerIterationsToTheTarget() {
        Study.Report r = Study.byId("batch-size").run();
        double[] it = new double[4];
        for (int i = 0; i < 4; i++) {
            it[i] = value(r, i, "iterations to target");
            assertThat(it[i]).as(r.rows().get(i).label() + " reaches the target").isPositive();
        }
        assertThat(it[0]).isGreaterThan(it[1]);
        assertThat(it[1]).isGreaterThan(it[2]);
        assertThat(it[3]).as("diminishing returns, not more").isLessThanOrEqualTo(it[2] * 1.05);
        assertThat(it[0]).isGreaterThan(1.2 * it[3]);
        assertThat(value(r, 3, "examples seen")).isGreaterThan(value(r, 0, "examples seen"));
    }

    @Test
    void validationLossIsUShapedInModelComplexity() {
        Study.Report r = Study.byId("complexity").run();
        int best = r.best();
        int last = r.rows().size() - 1;
        assertThat(best).isStrictlyBetween(0, last);
        assertThat(value(r, 0, "val loss")).isGreaterThan(value(r, best, "val loss") + 0.1);
        assertThat(value(r, last, "val loss")).isGreaterThan(2 * value(r, best, "val loss"));
        assertThat(value(r, last, "train loss")).isLessThan(value(r, best, "train loss"));
        assertThat(r.rows().get(0).note()).isEqualTo("underfitting");
        assertThat(r.rows().get(last).note()).isEqualTo("overfitting");
    }

    @Test
    void learningRatesTooLowGoodTooHigh() {
        Study.Report r = Study.byId("learning-rate").run();
        assertThat(r.rows().get(0).note()).startsWith("too low");
        assertThat(r.rows().get(1).note()).isEqualTo("good");
        assertThat(r.rows().get(2).note()).startsWith("too high");
        assertThat(value(r, 0, "share of the loss removed")).isLessThan(0.1);
        assertThat(value(r, 1, "share of the loss removed")).isGreaterThan(0.5);
    }

    @Test
    void moreEpochsLowerTrainingLossButValidationLossRisesAgain() {
        Study.Report r = Study.byId("epochs").run();
        for (int i = 1; i < 4; i++) {
            assertThat(value(r, i, "train loss")).isLessThan(value(r, i - 1, "train loss"));
        }
        double lowest = Math.min(value(r, 0, "val loss"), Math.min(value(r, 1, "val loss"), value(r, 2, "val loss")));
        assertThat(value(r, 3, "val loss")).isGreaterThan(lowest);
        assertThat(r.best()).isLessThan(3);
    }
}
