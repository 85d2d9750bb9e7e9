package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathCommandTest {

    private static JsonNode reference(String id) throws Exception {
        JsonNode doc = Json.MAPPER.readTree(PathCommandTest.class.getResource("/reference/paths.json"));
        for (JsonNode c : doc.get("cases")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no reference case " + id);
    }

    private static void assertFollows(JsonNode points, JsonNode want, String what) {
        assertThat(points).as(what).hasSize(want.size());
        for (int k = 0; k < want.size(); k++) {
            assertThat(points.get(k)).as(what).hasSize(2);
            for (int i = 0; i < 2; i++) {
                double w = want.get(k).get(i).asDouble();
                assertThat(points.get(k).get(i).asDouble()).as("%s step %d", what, k)
                        .isCloseTo(w, org.assertj.core.data.Offset.offset(1e-5 + 1e-5 * Math.abs(w)));
            }
        }
    }

    private static List<String> args(JsonNode c, String... options) {
        List<String> a = new ArrayList<>(List.of("path", "--json", "--function", c.get("expr").asText(), "--start",
                "x=" + c.get("start").get(0).asDouble() + ",y=" + c.get("start").get(1).asDouble(),
                "--optimizer", c.get("optimizer").asText(), "--lr", c.get("lr").asText(),
                "--steps", String.valueOf(c.get("points").size() - 1)));
        a.addAll(List.of(options));
        return a;
    }

    @Test
    void printsStepsPlusOnePointsAsTorchOptimTakesThem() throws Exception {
        for (String id : List.of("rosenbrock adam wd=0.0", "valley momentum wd=0.0", "saddle nesterov wd=0.0",
                "waves rmsprop wd=0.0", "log-bowl adagrad wd=0.0", "bowl sgd wd=0.0", "noisy-bowl adamw wd=0.01",
                "rosenbrock nadam wd=0.0", "waves radam wd=0.0", "saddle adamax wd=0.1")) {
            JsonNode c = reference(id);
            CliTest.Run r = CliTest.run(args(c).toArray(String[]::new));
            assertThat(r.err()).as(id).isEmpty();
            assertThat(r.code()).as(id).isZero();
            assertThat(r.out().lines()).as(id).hasSize(1);
            JsonNode doc = Json.MAPPER.readTree(r.out());
            assertThat(doc.fieldNames()).toIterable().as(id).containsExactly("points");
            assertFollows(doc.get("points"), c.get("points"), id);
        }
    }

    @Test
    void everyHyperparameterOptionReachesTheOptimizer() throws Exception {
        String[][] cases = {
            {"noisy-bowl sgd custom weightDecay=0.05", "--weight-decay", "0.05"},
            {"noisy-bowl momentum custom momentum=0.5", "--momentum", "0.5"},
            {"noisy-bowl nesterov custom momentum=0.7,weightDecay=0.02", "--momentum", "0.7", "--weight-decay", "0.02"},
            {"noisy-bowl rmsprop custom alpha=0.9,eps=1e-06", "--alpha", "0.9", "--eps", "1e-6"},
            {"noisy-bowl adagrad custom eps=1e-06", "--eps", "1e-6"},
            {"noisy-bowl adam custom beta1=0.8,beta2=0.99,eps=1e-06", "--betas", "0.8,0.99", "--eps", "1e-6"},
            {"noisy-bowl adamw custom beta1=0.5,beta2=0.9,weightDecay=0.2", "--betas", "0.5, 0.9", "--weight-decay", "0.2"},
            {"rosenbrock adamw wd=0.0", "--weight-decay", "0"},
            {"saddle adam wd=0.1", "--weight-decay", "0.1"},
            {"noisy-bowl nadam custom beta1=0.8,beta2=0.99,momentumDecay=0.01", "--betas", "0.8,0.99",
                "--momentum-decay", "0.01"},
            {"noisy-bowl radam custom beta1=0.8,beta2=0.9,eps=1e-06", "--betas", "0.8,0.9", "--eps", "1e-6"},
            {"noisy-bowl adamax custom beta1=0.8,beta2=0.99,weightDecay=0.05", "--betas", "0.8,0.99",
                "--weight-decay", "0.05"},
        };
        for (String[] c : cases) {
            JsonNode ref = reference(c[0]);
            CliTest.Run r = CliTest.run(args(ref, java.util.Arrays.copyOfRange(c, 1, c.length)).toArray(String[]::new));
            assertThat(r.code()).as(c[0] + ": " + r.err()).isZero();
            assertFollows(Json.MAPPER.readTree(r.out()).get("points"), ref.get("points"), c[0]);
        }
    }

    @Test
    void theStartMayNameYFirstAndIsRoundedToFloat32() throws Exception {
        CliTest.Run a = CliTest.run("path", "--json", "--function", "x**2 + 3*y**2", "--start", "x=0.1,y=-0.3",
                "--optimizer", "momentum", "--lr", "0.05", "--steps", "5");
        CliTest.Run b = CliTest.run("path", "--json", "--function", "x**2 + 3*y**2", "--start", "y=-0.3, x=0.1",
                "--optimizer", "momentum", "--lr", "0.05", "--steps", "5");
        assertThat(a.code()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
        JsonNode first = Json.MAPPER.readTree(a.out()).get("points").get(0);
        assertThat(first.get(0).asDouble()).isEqualTo((double) 0.1f);
        assertThat(first.get(1).asDouble()).isEqualTo((double) -0.3f);
        CliTest.Run zero = CliTest.run("path", "--json", "--function", "-x**2 + y", "--start", "x=1,y=2", "--steps", "0");
        assertThat(zero.code()).as(zero.err()).isZero();
        assertThat(Json.MAPPER.readTree(zero.out()).get("points")).hasSize(1);
    }

    @Test
    void aPathThatStopsPrintsThePointsSoFarAndExits3() throws Exception {
        CliTest.Run r = CliTest.run("path", "--json", "--function", "log(x) + y**2", "--start", "x=1,y=1",
                "--optimizer", "sgd", "--lr", "2", "--steps", "10");
        assertThat(r.code()).isEqualTo(3);
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertThat(doc.fieldNames()).toIterable().containsExactly("points", "stoppedAt", "reason");
        assertThat(doc.get("stoppedAt").asInt()).isEqualTo(2);
        assertThat(doc.get("points")).hasSize(2);
        assertThat(doc.get("points").get(1).get(0).asDouble()).isEqualTo(-1);
        assertThat(doc.get("reason").asText()).contains("log of a non-positive number");
        CliTest.Run far = CliTest.run("path", "--json", "--function", "x**4", "--start", "x=10,y=0", "--lr", "1",
                "--steps", "50");
        assertThat(far.code()).isEqualTo(3);
        assertThat(Json.MAPPER.readTree(far.out()).get("reason").asText()).contains("float32");
    }

    @Test
    void withoutJsonItIsATable() {
        CliTest.Run r = CliTest.run("path", "--preset", "rosenbrock", "--optimizer", "nesterov", "--steps", "4");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2 + 5);
        assertThat(lines.get(0)).contains("nesterov", "lr 0.001", "(1-x)**2");
        assertThat(lines.get(1)).contains("step", "x", "y", "f(x, y)");
        assertThat(lines.get(2)).contains("-1.5", "2.0", "12.5");
    }

    @Test
    void mistakesExitWith2AndOneClearLine() {
        String[][] cases = {
            {"--optimizer", "lion"}, {"--start", "x=1"}, {"--start", "x=1;y=2"}, {"--start", "x=a,y=2"},
            {"--start", "x=1,y=2,z=3"}, {"--start", "x=1,x=2"}, {"--start", "1,2"}, {"--lr", "0"}, {"--lr", "-0.1"},
            {"--lr", "fast"}, {"--steps", "-1"}, {"--steps", "many"}, {"--betas", "0.9"}, {"--betas", "0.9,b"},
            {"--betas", "0.9,1.5"}, {"--momentum", "1"}, {"--eps", "0"}, {"--weight-decay", "-1"}, {"--alpha", "2"},
            {"--function", "x**2 +"}, {"--function", "x + z"}, {"--function", "log(x)"}, {"--preset", "himmelblau"},
            {"--momentum-decay", "0.01"}, {"--momentum-decay", "x"},
        };
        String[] expected = {"lion", "both x and y", "x=A,y=B", "not a number: 'a'", "unknown variable 'z'", "twice",
            "x=A,y=B", "learning rate 0", "learning rate -0.1", "fast", "-1", "many", "B1,B2", "'b' is not a number",
            "beta2 1.5", "momentum 1", "eps 0", "weight decay -1", "alpha 2", "column 7", "unknown variable 'z'",
            "log of a non-positive number", "himmelblau", "adam has no momentum decay", "'x'"};
        for (int i = 0; i < cases.length; i++) {
            List<String> a = new ArrayList<>(List.of("path", "--json", "--function", "log(x + 2) + y**2",
                    "--start", "x=-1,y=2", "--optimizer", "adam", "--lr", "0.1", "--steps", "3"));
            int at = a.indexOf(cases[i][0]);
            if (at >= 0) {
                a.set(at + 1, cases[i][1]);
            } else {
                a.addAll(List.of(cases[i]));
            }
            CliTest.Run r = CliTest.run(a.toArray(String[]::new));
            String what = String.join(" ", cases[i]);
            assertThat(r.code()).as(what).isEqualTo(2);
            assertThat(r.out()).as(what).isEmpty();
            String first = r.err().lines().findFirst().orElse("");
            assertThat(first).as(what).startsWith("descent path: ").contains(expected[i]);
            assertThat(r.err()).as(what).doesNotContain("Exception", "\tat ");
        }
        assertThat(CliTest.run("path", "--json", "--start", "x=1,y=2").err()).contains("--function");
        assertThat(CliTest.run("path", "--json", "--function", "x*y").err()).contains("--start");
    }

    @Test
    void helpNamesEveryOptionTheDefaultsAndTheExitCodes() {
        CliTest.Run r = CliTest.run("path", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--json", "--function", "--start", "--optimizer", "--lr", "--steps", "--momentum",
                "--betas", "--alpha", "--eps", "--weight-decay", "--momentum-decay", "default 0.01", "Exit code 3",
                "stoppedAt", "nadam", "radam", "adamax", "torch.optim.NAdam");
        assertThat(CliTest.run("--help").out()).contains("path");
    }
}
