package app.descent.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.graph.Backprop;
import app.descent.graph.ExpressionException;
import app.descent.graph.Formula;
import app.descent.graph.GradResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;

/**
 * Whatever is typed or generated, the engine answers or raises its own error, naming the column for a mistake in
 * the text; never another exception, a stack overflow or an out-of-memory error. Cases per property: the fuzz.tries
 * property (jqwik.tries.default), raised by -Pfuzz.
 */
class ExpressionFuzzTest {
    private static final List<String> VALID = List.of("2*((x*y)+max(z,w))", "2((xy)+max(z,w))", "sigmoid(w*x + b)",
            "log(exp(x) + y) ** 2", "h = relu(x*w)\nh*h - 1", "-(x)**-y / (1e-3 + z)", "abs(min(x, -y)) ^ 2",
            "tanh(x)(y)2", "sin(8x)cos(y) + x**2", "a = x + 1; b = a * a; b / y");
    private static final Map<String, Double> VALUES = new LinkedHashMap<>(Map.of("x", 1.5, "y", -2.0, "z", 0.5,
            "w", 3.0, "b", -1.0));
    private static final String[] TERMS = {"x", "y", "2", "sin(x)", "1e308", "1e-320", "0.000001", "exp(y)", "(x-y)",
        "tanh(z)", "log(w)", "xy", "max(x, y)", "-x"};
    private static final String[] OPS = {"+", "-", "*", "/", "**", " + ", "·", "−"};

    static void answersOrOwnError(String text) {
        try {
            GradResult r = Backprop.run(text, VALUES);
            assertThat(r.graph().nodes()).isNotEmpty();
            r.numericGradients().size();
        } catch (ExpressionException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.caret().length()).isLessThan(400);
        }
    }

    @Property(seed = "1501")
    void randomText(@ForAll("junk") String text) {
        answersOrOwnError(text);
    }

    @Property(seed = "1502")
    void mutatedExpressions(@ForAll("mutated") String text) {
        answersOrOwnError(text);
    }

    @Property(seed = "1503")
    void longFlatChains(@ForAll("lengths") int terms, @ForAll long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(TERMS[r.nextInt(TERMS.length)]);
        for (int i = 1; i < terms; i++) {
            String op = OPS[r.nextInt(OPS.length)];
            // a power chain nests (right-associative): keep it rare
            b.append(op.equals("**") && r.nextInt(50) != 0 ? "+" : op).append(TERMS[r.nextInt(TERMS.length)]);
        }
        answersOrOwnError(b.toString());
    }

    @Property(seed = "1504")
    void deepNesting(@ForAll("depths") int depth, @ForAll long seed) {
        Random r = new Random(seed);
        String[][] wrappers = {{"(", ")"}, {"-", ""}, {"sin(", ")"}, {"x**", ""}, {"max(x, ", ")"}, {"2(", ")"}};
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            String[] w = wrappers[r.nextInt(wrappers.length)];
            open.append(w[0]);
            close.insert(0, w[1]);
        }
        answersOrOwnError(open + "x" + close);
    }

    @Property(seed = "1505")
    void hugeAndTinyNumbers(@ForAll("numbers") String number, @ForAll("mutated") String around) {
        answersOrOwnError(number + " * x + " + around);
        answersOrOwnError("exp(" + number + ") / " + number);
    }

    @Property(seed = "1506")
    void formulasOfXAndY(@ForAll("mutated") String text) {
        try {
            Formula f = Formula.parse(text, List.of("x", "y"));
            for (Formula g : List.of(f, f.float32())) {
                g.valueOrNaN(1.5, -2);
                try {
                    g.gradient(0, 0);
                } catch (ExpressionException e) {
                    assertThat(e.getMessage()).isNotBlank();
                }
            }
        } catch (ExpressionException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("xyzwb0123456789.e+-*/^()_, =\n;maxinrelutghsodpb$#[]\\\"'×·−")
                        .ofMaxLength(60),
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withCharRange('\u0300', '\u036f').withCharRange('\u4e00', '\u4e10')
                        .withChars("xy+*()\ud83d\ude00").ofMaxLength(30));
    }

    @Provide
    Arbitrary<String> mutated() {
        return Arbitraries.longs().map(seed -> Mutations.text(VALID.get((int) Math.floorMod(seed, VALID.size())), seed));
    }

    @Provide
    Arbitrary<Integer> lengths() {
        // mostly hundreds of terms, one case in ten up to 20,000 (and 20,000 itself among the edge cases)
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.integers().between(1, 2_000)
                        .withDistribution(RandomDistribution.biased())),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(2_000, 20_000)))
                .edgeCases(c -> c.includeOnly(1, 20_000));
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(1, 3_000).withDistribution(RandomDistribution.biased());
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().map(d -> Double.toString(Math.abs(d))),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(400),
                Arbitraries.integers().between(-400, 400).map(e -> "1e" + e),
                Arbitraries.of("1e308", "1.8e308", "4.9e-324", "2.4e-324", "0.0000", "00001", "1.2.3", "1e", "1e+"));
    }
}
