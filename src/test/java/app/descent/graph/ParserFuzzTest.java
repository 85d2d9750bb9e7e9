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
            "abs(min(x, -y)) ^ 2", "tanh(x)(y)2");
    private static final Map<String, Double> VALUES = new LinkedHashMap<>(Map.of("x", 1.5, "y", -2.0, "z", 0.5,
            "w", 3.0, "b", -1.0));

    private static void runOrOwnError(String text) {
        try {
            GradResult r = Backprop.run(text, VALUES);
            assertThat(r.forward().size() + r.graph().nodes().size()).isPositive();
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
        Arbitrary<String> base = Arbitraries.of(VALID);
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
}
