package app.descent.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever is typed, the engine answers or raises its own error, never anything else. */
class ParserFuzzTest {
    private static final List<String> VALID = List.of("2*((x*y)+max(z,w))", "2((xy)+max(z,w))",
            "sigmoid(w*x + b)", "log(exp(x) + y) ** 2", "h = relu(x*w)\nh*h - 1", "-(x)**-y / (1e-3 + z)",
            "abs(min(x, -y)) ^ 2", "tanh(x)(y)2", "sin(8x)cos(y) + x**2");
    private static final Map<String, Double> VALUES = new LinkedHashMap<>(Map.of("x", 1.5, "y", -2.0, "z", 0.5,
            "w", 3.0, "b", -1.0));

    private static void runOrOwnError(String text) {
        try {
            GradResult r = Backprop.run(text, VALUES);
            // an answer is a whole one: a gradient for every given input, a value and a gradient for every node
            assertThat(r.gradients().keySet()).as(text).containsExactlyInAnyOrderElementsOf(VALUES.keySet());
            assertThat(r.values()).as(text).hasSize(r.graph().nodes().size()).contains(r.value());
            assertThat(r.nodeGradients()).as(text).hasSize(r.graph().nodes().size());
        } catch (ExpressionException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 1500)
    void randomStrings(@ForAll("junk") String text) {
        runOrOwnError(text);
    }

    @Property(tries = 1500)
    void mutationsOfValidExpressions(@ForAll("mutated") String text) {
        runOrOwnError(text);
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.strings().withChars("xyzwb0123456789.e+-*/^()_, =\n;maxinrelutghsodpb$#[]\\\"'")
                .ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> mutated() {
        return mutationsOf(VALID);
    }

    @Provide
    Arbitrary<String> surfaces() {
        return mutationsOf(List.of("tanh(x)**2 + 0.01*abs(x) + sigmoid(y)", "(1-x)**2 + 100*(y-x**2)**2",
                "x**2 + y**2 + 0.3*sin(8*x)*sin(8*y)", "log(x) - 1/(y + 2)", "exp(-((x-1)**2+(y+0.5)**2)/0.08)",
                "x ** y + cos(xy)"));
    }

    private static Arbitrary<String> mutationsOf(List<String> valid) {
        Arbitrary<String> base = Arbitraries.of(valid);
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 40);
        Arbitrary<Character> what = Arbitraries.chars().with("()+-*/^,.e0123456789xyzmaxlog\n =".toCharArray());
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
        return Combinators.combine(base, where, what, kind).as((s, i, c, k) -> {
            int at = Math.min(i, s.length());
            return switch (k) {
                case 0 -> s.substring(0, at) + c + s.substring(at);
                case 1 -> at < s.length() ? s.substring(0, at) + s.substring(at + 1) : s;
                default -> at < s.length() ? s.substring(0, at) + c + s.substring(at + 1) : s + c;
            };
        });
    }

    /** As a surface of x and y, a mutated expression parses or names its mistake, and valueOrNaN never raises. */
    @Property(tries = 1000)
    void formulasOfXAndYRaiseOnlyTheirOwnError(@ForAll("surfaces") String text) {
        Formula f;
        try {
            f = Formula.parse(text, List.of("x", "y"));
        } catch (ExpressionException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        for (Formula g : List.of(f, f.float32())) {
            for (double[] at : new double[][] {{1.5, -2.0}, {0, 0}, {-1, 3}}) {
                double lean = g.valueOrNaN(at);
                try {
                    assertThat(g.valueAndGradient(at, new double[2])).isEqualTo(lean);
                } catch (ExpressionException e) {
                    assertThat(lean).isNaN();
                }
            }
        }
    }
}
