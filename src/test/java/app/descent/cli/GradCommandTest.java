package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonGivesValueAndGradientsInArgumentOrder() throws Exception {
        CliTest.Run r = CliTest.run("grad", "--json", "2((xy)+max(z,w))", "x=3", "y=-4", "z=2", "w=-1");
        assertThat(r.code()).isZero();
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertThat(doc.get("value").asDouble()).isEqualTo(-20);
        assertThat(doc.get("gradients").fieldNames()).toIterable().containsExactly("x", "y", "z", "w");
        assertThat(doc.get("gradients").get("x").asDouble()).isEqualTo(-8);
        assertThat(doc.get("gradients").get("y").asDouble()).isEqualTo(6);
    }

    @Test
    void anExpressionMayStartWithAMinus() throws Exception {
        CliTest.Run r = CliTest.run("grad", "--json", "-x**2", "x=3");
        assertThat(r.code()).isZero();
        assertThat(Json.MAPPER.readTree(r.out()).get("value").asDouble()).isEqualTo(-9);
    }

    @Test
    void tableShowsTheBackwardSteps() {
        CliTest.Run r = CliTest.run("grad", "2*((x*y)+max(z,w))", "x=3", "y=-4", "z=2", "w=-1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Backward pass", "upstream", "local", "downstream", "max(z, w)", "∂f/∂x", "-8");
    }

    @Test
    void batchKeepsOrderAndReportsBadCasesInPlace() throws Exception {
        Path file = dir.resolve("cases.json");
        Files.writeString(file, """
                [{"expr": "x*y", "inputs": {"x": 3, "y": -4}},
                 {"expr": "log(x)", "inputs": {"x": -1}},
                 {"expr": "x+", "inputs": {"x": 1}},
                 {"expr": "sigmoid(a*x)", "inputs": {"a": 2, "x": -3}}]""");
        CliTest.Run r = CliTest.run("grad", "--json", "--batch", file.toString());
        assertThat(r.code()).isZero();
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertThat(doc).hasSize(4);
        assertThat(doc.get(0).get("gradients").get("x").asDouble()).isEqualTo(-4);
        assertThat(doc.get(1).get("error").asText()).contains("log of a non-positive number");
        assertThat(doc.get(2).get("error").asText()).contains("column 3");
        assertThat(doc.get(3).get("value").asDouble()).isCloseTo(0.0024726231566347743, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void mistakesExitWith2AndAMessageWithoutTrace() throws Exception {
        CliTest.Run syntax = CliTest.run("grad", "--json", "2*(x+", "x=3");
        assertThat(syntax.code()).isEqualTo(2);
        assertThat(syntax.err()).contains("column 6", "^").doesNotContain("Exception", "\tat ");
        assertThat(syntax.out()).isEmpty();
        assertThat(CliTest.run("grad", "x*y", "x=3").err()).contains("no value for the variable 'y'");
        assertThat(CliTest.run("grad", "x", "x=abc").err()).contains("not a number: 'abc'");
        assertThat(CliTest.run("grad", "x", "x=1", "x=2").code()).isEqualTo(2);
        assertThat(CliTest.run("grad").code()).isEqualTo(2);
        CliTest.Run missing = CliTest.run("grad", "--json", "--batch", dir.resolve("none.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("none.json: file not found");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{\"expr\": ");
        assertThat(CliTest.run("grad", "--json", "--batch", bad.toString()).err()).contains("not valid JSON");
    }

    /** The command on a thread with a small stack, as a long chain once overflowed the stack (one frame per term). */
    private static CliTest.Run onSmallStack(String... args) throws Exception {
        return app.descent.graph.LongExpressionTest.onSmallStack(() -> CliTest.run(args));
    }

    private static String sumOf(int terms) {
        return "x" + "+x".repeat(terms - 1);
    }

    @Test
    void aSumOf20000TermsIsAnAnswerNotAStackTrace() throws Exception {
        CliTest.Run r = onSmallStack("grad", "--json", sumOf(20_000), "x=0.5");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertThat(doc.get("value").asDouble()).isEqualTo(10_000);
        assertThat(doc.get("gradients").get("x").asDouble()).isEqualTo(20_000);
    }

    @Test
    void aLongExpressionComesThroughBatch() throws Exception {
        Path file = dir.resolve("long.json");
        Files.writeString(file, "[{\"expr\": \"" + sumOf(20_000) + "\", \"inputs\": {\"x\": 2}},"
                + " {\"expr\": \"" + "(".repeat(300) + "x" + ")".repeat(300) + "\", \"inputs\": {\"x\": 2}}]");
        CliTest.Run r = onSmallStack("grad", "--json", "--batch", file.toString());
        assertThat(r.code()).isZero();
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertThat(doc.get(0).get("gradients").get("x").asDouble()).isEqualTo(20_000);
        assertThat(doc.get(1).get("error").asText()).isEqualTo("the expression is nested more than 200 levels deep at column 201");
    }

    @Test
    void tooDeepANestingIsExitCode2AndALineNamingTheColumn() throws Exception {
        CliTest.Run r = onSmallStack("grad", "--json", "(".repeat(5000) + "x" + ")".repeat(5000), "x=1");
        assertThat(r.code()).isEqualTo(2);
        String[] lines = r.err().split("\n");
        assertThat(lines[0]).isEqualTo("descent grad: the expression is nested more than 200 levels deep at column 201");
        assertThat(r.err()).doesNotContain("Exception").hasSizeLessThan(400);
    }
}
