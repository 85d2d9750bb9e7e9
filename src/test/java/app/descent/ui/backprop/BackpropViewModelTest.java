package app.descent.ui.backprop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class BackpropViewModelTest {

    static java.util.List<Presets.Preset> presets() {
        return Presets.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyPresetComputesAndReplaysToTheEnd(Presets.Preset p) {
        BackpropViewModel m = new BackpropViewModel();
        m.load(p.expression(), p.values(), p.note(), p.update(), p.lr());
        assertThat(m.errorProperty().get()).isEmpty();
        assertThat(m.variables()).extracting(BackpropViewModel.Variable::name)
                .containsExactlyElementsOf(p.values().keySet());
        m.toEnd();
        Frame f = m.frameProperty().get();
        assertThat(f.text()).startsWith("Backward");
        // every gradient the table shows is what the last frame drew on the input nodes
        Picture pic = m.pictureProperty().get();
        for (Picture.Node n : pic.nodes()) {
            if (n.kind() == Picture.Kind.INPUT) {
                double shown = f.gradients().getOrDefault(n.id(), 0.0);
                double table = m.gradients().stream().filter(g -> g.name().equals(n.name())).findFirst()
                        .orElseThrow().analytic();
                assertThat(shown).as(n.name()).isEqualTo(table);
            }
        }
    }

    @Test
    void stepTableCsvHasOneRowPerGradientFlow() {
        BackpropViewModel m = new BackpropViewModel();
        m.load("2*((x*y)+max(z,w))", new java.util.LinkedHashMap<>(Map.of("x", 3.0, "y", -4.0, "z", 2.0, "w", -1.0)), null);
        String csv = StepTable.csv(m.pictureProperty().get());
        java.util.List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).isEqualTo("step,phase,node,value,input,upstream,local,downstream,explanation");
        // 4 forward steps, then 7 flows (the constant 2 gets none)
        assertThat(rows).hasSize(1 + 4 + 7);
        // one quoting rule for every CSV (app.descent.io.Csv): quotes only where a field holds a comma or a quote
        assertThat(rows).anyMatch(r -> r.contains(",backward,max,2.0,w,2.0,0.0,0.0,"));
        assertThat(rows).anyMatch(r -> r.contains(",backward,×,-12.0,x,2.0,-4.0,-8.0,"));
    }

    @Test
    void tumPresetShowsTheUpdateOfW21() {
        Presets.Preset tum = Presets.ALL.stream().filter(p -> p.name().startsWith("TUM")).findFirst().orElseThrow();
        BackpropViewModel m = new BackpropViewModel();
        m.load(tum.expression(), tum.values(), tum.note(), tum.update(), tum.lr());
        // h1 = 3, h2 = 1.5, o1 = -1, o2 = 0.5, L = ((−2)² + 0²)/2 = 2; ∂L/∂w21 = 4
        assertThat(m.resultProperty().get()).startsWith("L = 2").contains("w21 ← 0.5 − 0.1 × 4 = 0.1");
    }

    @Test
    void retypingKeepsTheValuesAndSlideNotationUsesThem() {
        BackpropViewModel m = new BackpropViewModel();
        m.load("2*((x*y)+max(z,w))", Map.of("x", 3.0), null);
        m.variables().get(0).valueProperty().set("3");
        m.load("x", new java.util.LinkedHashMap<>(Map.of("x", 3.0)), null);
        m.expressionProperty().set("x + y");
        m.variables().get(1).valueProperty().set("-4");
        m.expressionProperty().set("2");
        assertThat(m.variables()).isEmpty();
        m.expressionProperty().set("2(xy)");
        assertThat(m.variables()).extracting(BackpropViewModel.Variable::name).containsExactly("x", "y");
        assertThat(m.resultProperty().get()).isEqualTo("f = -24");
        m.variables().get(1).valueProperty().set("abc");
        assertThat(m.errorProperty().get()).contains("not a number: 'abc'");
    }

    @Test
    void predictionIsCheckedBeforeTheStepIsRevealed() {
        BackpropViewModel m = new BackpropViewModel();
        m.load("x*y", new java.util.LinkedHashMap<>(Map.of("x", 3.0, "y", -4.0)), null);
        m.predictProperty().set(true);
        m.stepForward();
        assertThat(m.stepProperty().get()).isZero();
        m.stepForward();
        assertThat(m.stepProperty().get()).isZero();
        assertThat(m.feedbackProperty().get()).startsWith("Type");
        assertThat(m.checkPrediction("-4")).isTrue();
        m.stepForward();
        assertThat(m.stepProperty().get()).isEqualTo(1);
        assertThat(m.atEndProperty().get()).isTrue();
    }
}
