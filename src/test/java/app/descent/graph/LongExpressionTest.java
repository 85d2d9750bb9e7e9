package app.descent.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Length is not limited, nesting is: a flat chain of 20,000 terms is built, run forward and backward without any
 * recursion that grows with its length (so it works on a thread with a small stack), and no node's text repeats its
 * subtree.
 */
public class LongExpressionTest {
    static final int TERMS = 20_000;

    /** Runs {@code work} on a thread with a 512 KiB stack: recursion once per term overflows it within a few thousand. */
    public static <T> T onSmallStack(Supplier<T> work) throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        if (result.get() instanceof Throwable e) {
            throw new AssertionError("failed on a small stack: " + e, e);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result.get();
        return value;
    }

    static String chain(String term, String op, int n) {
        StringBuilder b = new StringBuilder(term);
        for (int i = 1; i < n; i++) {
            b.append(op).append(term);
        }
        return b.toString();
    }

    @Test
    void aFlatSumOf20000TermsHasTheRightValueAndGradient() throws Exception {
        GradResult r = onSmallStack(() -> Backprop.run(chain("x", "+", TERMS), Map.of("x", 1.5)));
        assertThat(r.value()).isEqualTo(1.5 * TERMS);
        assertThat(r.gradients().get("x")).isEqualTo(TERMS);
        assertThat(r.graph().uses(r.graph().nodes().get(0).id())).isEqualTo(TERMS);
        // the fan-out explanation names the sum without listing 20,000 terms
        assertThat(r.backward().stream().mapToInt(s -> s.text().length()).max().orElse(0)).isLessThan(1000);
    }

    @Test
    void aWeightedSumOf8000TermsGivesEachWeightItsInput() throws Exception {
        int n = 8000;
        StringBuilder text = new StringBuilder();
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
            text.append(i > 1 ? " + " : "").append("w").append(i).append("*x").append(i);
            values.put("w" + i, 0.5);
            values.put("x" + i, (double) i);
        }
        GradResult r = onSmallStack(() -> Backprop.run(text.toString(), values));
        assertThat(r.gradients().get("w1")).isEqualTo(1);
        assertThat(r.gradients().get("w8000")).isEqualTo(8000);
        assertThat(r.gradients().get("x8000")).isEqualTo(0.5);
        assertThat(r.value()).isEqualTo(0.5 * n * (n + 1) / 2);
    }

    @Test
    void aChainOfProductsAndFunctionsRunsBackward() throws Exception {
        Formula f = onSmallStack(() -> Formula.parse(chain("sin(x)", "*", TERMS) + " + " + chain("y", "-", TERMS),
                List.of("x", "y")));
        double[] g = onSmallStack(() -> f.gradient(Math.PI / 2, 1));
        assertThat(g[0]).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(g[1]).isEqualTo(1 - (TERMS - 1));
    }

    @Test
    void noNodeTextRepeatsItsSubtree() throws Exception {
        ComputationGraph g = onSmallStack(() -> ComputationGraph.parse(chain("x", "+", TERMS), Set.of("x")));
        long total = 0;
        for (Node n : g.nodes()) {
            String t = g.text(n.id());
            assertThat(t.length()).isLessThanOrEqualTo(ComputationGraph.TEXT_LIMIT);
            total += t.length();
        }
        assertThat(total).isLessThanOrEqualTo((long) ComputationGraph.TEXT_LIMIT * g.nodes().size());
        assertThat(g.text(g.output().id())).startsWith("((((").endsWith("…");
        // short texts are unchanged
        ComputationGraph small = ComputationGraph.parse("2*((x*y)+max(z,w))", Set.of("x", "y", "z", "w"));
        assertThat(small.text(small.output().id())).isEqualTo("(2 * ((x * y) + max(z, w)))");
    }

    @Test
    void thousandsOfDefinitionsChainWithoutRecursion() throws Exception {
        StringBuilder b = new StringBuilder("h1 = x + 1\n");
        for (int i = 2; i <= 5000; i++) {
            b.append('h').append(i).append(" = h").append(i - 1).append(" + 1\n");
        }
        b.append("h5000 * 2");
        GradResult r = onSmallStack(() -> Backprop.run(b.toString(), Map.of("x", 0.0)));
        assertThat(r.value()).isEqualTo(10_000);
        assertThat(r.gradients().get("x")).isEqualTo(2);
        assertThat(r.graph().output().line()).isEqualTo(5001);
    }

    @Test
    void positionsAreRightOnEveryLine() {
        ComputationGraph g = ComputationGraph.parse("a = x*y\n\nb = a +   y\nb/x", Set.of("x", "y"));
        Node div = g.output();
        assertThat(div.line()).isEqualTo(4);
        assertThat(div.column()).isEqualTo(2);
        Node add = g.nodes().get(div.inputs().get(0));
        assertThat(add.line()).isEqualTo(3);
        assertThat(add.column()).isEqualTo(7);
    }

    @Test
    void nestingDeeperThanTheLimitIsAMessageAtItsColumn() {
        int depth = ExpressionParser.MAX_DEPTH + 50;
        String nested = "(".repeat(depth) + "x" + ")".repeat(depth);
        assertThatThrownBy(() -> Backprop.run(nested, Map.of("x", 1.0)))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("the expression is nested more than " + ExpressionParser.MAX_DEPTH
                        + " levels deep at column " + (ExpressionParser.MAX_DEPTH + 1));
        assertThatThrownBy(() -> Backprop.run("-".repeat(5000) + "x", Map.of("x", 1.0)))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("nested more than");
        assertThatThrownBy(() -> Backprop.run(chain("x", "**", 5000), Map.of("x", 1.0)))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("nested more than");
        assertThatThrownBy(() -> Backprop.run(chain("sin(", "", 5000) + "x" + ")".repeat(5000), Map.of("x", 1.0)))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("nested more than");
    }

    @Test
    void aMistakeFarIntoALongLineShowsTheStretchAroundIt() {
        String text = chain("x", "+", TERMS) + "+*x";
        ExpressionException e = org.junit.jupiter.api.Assertions.assertThrows(ExpressionException.class,
                () -> Backprop.run(text, Map.of("x", 1.0)));
        assertThat(e.column()).isEqualTo(text.length() - 1);
        String[] lines = e.caret().split("\n");
        assertThat(lines[0].length()).isLessThanOrEqualTo(ExpressionException.CARET_WIDTH + 2);
        assertThat(lines[0].charAt(lines[1].length() - 1)).isEqualTo('*');
    }
}
