package app.descent.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.descent.graph.Backprop;
import app.descent.graph.GradResult;
import app.descent.network.LayerSpec;
import app.descent.network.Network;
import app.descent.network.PyTorchImporter;
import app.descent.network.ReceptiveField;
import app.descent.network.ShapeInference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each topic's answers checked against Descent's engines or an independent computation. */
class CrossCheckTest {
    private static final int SEEDS = 60;

    private static Map<String, Double> inputs(JsonNode given) {
        Map<String, Double> in = new LinkedHashMap<>();
        given.get("inputs").fields().forEachRemaining(e -> in.put(e.getKey(), e.getValue().asDouble()));
        return in;
    }

    @Test
    void backpropAgreesWithTheEngineAndWithCentralDifferences() {
        BackpropTopic topic = new BackpropTopic();
        Set<String> expressions = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            Exercise e = topic.generate(seed);
            String expr = e.given().get("expr").asText();
            expressions.add(expr);
            Map<String, Double> in = inputs(e.given());
            GradResult r = Backprop.run(expr, in);
            assertThat(e.answer().get("value").asDouble()).isEqualTo(r.value());
            for (Map.Entry<String, Double> x : in.entrySet()) {
                double h = 1e-5;
                Map<String, Double> plus = new LinkedHashMap<>(in);
                Map<String, Double> minus = new LinkedHashMap<>(in);
                plus.put(x.getKey(), x.getValue() + h);
                minus.put(x.getKey(), x.getValue() - h);
                double numeric = (Backprop.run(expr, plus).value() - Backprop.run(expr, minus).value()) / (2 * h);
                double answer = e.answer().get("gradients").get(x.getKey()).asDouble();
                assertThat(answer).as(expr + " " + in + " ∂/∂" + x.getKey()).isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
                assertThat(answer).isEqualTo(r.gradients().get(x.getKey()));
            }
            assertThat(e.solution()).anyMatch(s -> s.startsWith("Forward")).anyMatch(s -> s.contains("∂f/∂"));
        }
        assertThat(expressions).contains("a*((x*y)+max(z,w))").hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void tutorialExampleThroughTheTopic() {
        Map<String, Double> in = new LinkedHashMap<>(Map.of("a", 2.0));
        in.put("x", 3.0);
        in.put("y", -4.0);
        in.put("z", 2.0);
        in.put("w", -1.0);
        Exercise e = BackpropTopic.exercise("a*((x*y)+max(z,w))", in, Backprop.run("a*((x*y)+max(z,w))", in));
        // f = 2·(−12 + 2) = −20; ∂f/∂a = −10, ∂f/∂x = 2·(−4), ∂f/∂y = 2·3, ∂f/∂z = 2, ∂f/∂w = 0
        assertThat(new BackpropTopic().check(e, "-20, -10, -8, 6, 2, 0").correct()).isTrue();
        assertThat(new BackpropTopic().check(e, "{\"value\": -20, \"gradients\": {\"a\": -10, \"x\": -8, \"y\": 6, \"z\": 2, \"w\": 0}}").correct()).isTrue();
        assertThat(new BackpropTopic().check(e, "-20, -10, -8, 6, 0, 2").correct()).isFalse();
    }

    private static final Pattern CONV = Pattern.compile("nn\\.Conv2d\\((\\d+), (\\d+), kernel_size=(\\d+)");
    private static final Pattern BN = Pattern.compile("nn\\.BatchNorm2d\\((\\d+)\\)");
    private static final Pattern LINEAR = Pattern.compile("nn\\.Linear\\((\\d+), (\\d+)\\)");

    @Test
    void sequentialShapeAgreesWithShapeInferenceAndAHandCount() {
        SequentialShapeTopic topic = new SequentialShapeTopic();
        for (long seed = 0; seed < SEEDS; seed++) {
            Exercise e = topic.generate(seed);
            String code = e.given().get("code").asText();
            List<Integer> input = new ArrayList<>();
            e.given().get("input").forEach(n -> input.add(n.asInt()));
            ShapeInference.Result r = ShapeInference.infer(PyTorchImporter.importCode(code).network(), input);
            assertThat(json(e.answer().get("outputShape"))).isEqualTo(r.outputShape());
            assertThat(e.answer().get("params").asLong()).isEqualTo(r.params());
            long hand = 0;
            int lastOut = -1;
            for (Matcher m = CONV.matcher(code); m.find(); ) {
                int in = Integer.parseInt(m.group(1));
                int out = Integer.parseInt(m.group(2));
                int k = Integer.parseInt(m.group(3));
                hand += (long) out * in * k * k + out;
            }
            for (Matcher m = BN.matcher(code); m.find(); ) {
                hand += 2L * Integer.parseInt(m.group(1));
            }
            for (Matcher m = LINEAR.matcher(code); m.find(); ) {
                int in = Integer.parseInt(m.group(1));
                lastOut = Integer.parseInt(m.group(2));
                hand += (long) in * lastOut + lastOut;
            }
            assertThat(e.answer().get("params").asLong()).as(code).isEqualTo(hand);
            assertThat(json(e.answer().get("outputShape"))).isEqualTo(List.of(1, lastOut));
        }
    }

    private static List<Integer> json(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    @Test
    void receptiveFieldAgreesWithAConvStackThroughShapeInference() {
        ReceptiveFieldTopic topic = new ReceptiveFieldTopic();
        for (long seed = 0; seed < SEEDS; seed++) {
            Exercise e = topic.generate(seed);
            List<LayerSpec> specs = new ArrayList<>();
            for (JsonNode l : e.given().get("layers")) {
                specs.add(LayerSpec.of("Conv2d", 1, 1, l.get("kernel").asInt(), l.get("stride").asInt()));
            }
            ShapeInference.Result r = ShapeInference.infer(Network.sequential(specs), List.of(1, 1, 512, 512));
            int side = r.layers().get(r.layers().size() - 1).receptiveFieldSide();
            assertThat(e.answer().get("receptiveField").asInt()).isEqualTo(side).isEqualTo(ReceptiveField.of(specs).side());
        }
    }

    @Test
    void receptiveFieldByHand() {
        // three 3×3 stride-1 convolutions see 7×7; a 2×2 stride-2 pool in front doubles the later steps: 2 + 2·2 + 2·2
        assertThat(ReceptiveFieldTopic.exercise(new int[][] {{3, 1}, {3, 1}, {3, 1}}).answer().get("receptiveField").asInt()).isEqualTo(7);
        assertThat(ReceptiveFieldTopic.exercise(new int[][] {{2, 2}, {3, 1}, {3, 1}}).answer().get("receptiveField").asInt()).isEqualTo(10);
    }

    @Test
    void convParamsAgreeWithShapeInference() {
        ConvParamsTopic topic = new ConvParamsTopic();
        for (long seed = 0; seed < SEEDS; seed++) {
            Exercise e = topic.generate(seed);
            JsonNode g = e.given();
            LayerSpec conv = LayerSpec.of("Conv2d", g.get("inChannels").asInt(), g.get("outChannels").asInt(),
                    g.get("kernel").asInt(), g.get("stride").asInt(), g.get("padding").asInt(), 1, 1, g.get("bias").asBoolean());
            List<Integer> input = List.of(1, g.get("inChannels").asInt(), g.get("height").asInt(), g.get("width").asInt());
            ShapeInference.Result r = ShapeInference.infer(Network.sequential(conv), input);
            assertThat(json(e.answer().get("outputShape"))).isEqualTo(r.outputShape().subList(1, 4));
            assertThat(e.answer().get("params").asLong()).isEqualTo(ShapeInference.params(conv)).isEqualTo(r.params());
            assertThat(e.answer().get("products").asLong()).isEqualTo(r.macs());
            assertThat(e.solution()).anyMatch(s -> s.contains("Fully-connected counterpart"));
        }
    }

    @Test
    void convParamsByHand() {
        // 3×32×32, 16 filters 3×3, padding 1: 16×32×32, 16·3·9 + 16 = 448, 16·32·32·27 = 442,368 products
        Exercise e = ConvParamsTopic.exercise(3, 16, 3, 32, 32, 1, 1, true);
        assertThat(new ConvParamsTopic().check(e, "16 32 32 448 442368").correct()).isTrue();
        // its FC counterpart: 3072 → 16384 with bias
        assertThat(e.solution()).anyMatch(s -> s.contains(String.valueOf(3072L * 16384 + 16384)));
    }

    @Test
    void rnnParamsAgreeWithShapeInference() {
        RnnParamsTopic topic = new RnnParamsTopic();
        Set<String> cells = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            Exercise e = topic.generate(seed);
            JsonNode g = e.given();
            cells.add(g.get("cell").asText());
            LayerSpec spec = LayerSpec.of(RnnParamsTopic.pytorchName(g.get("cell").asText()), List.of(),
                    Map.of("input_size", g.get("inputSize").asInt(), "hidden_size", g.get("hiddenSize").asInt(),
                            "bias", g.get("bias").asBoolean()));
            assertThat(e.answer().get("params").asLong()).as(g.toString()).isEqualTo(ShapeInference.params(spec));
        }
        assertThat(cells).containsExactlyInAnyOrder("rnn", "lstm", "gru");
        // nn.LSTM(10, 20): 4·20·(10 + 20) + 2·4·20 = 2560
        assertThat(RnnParamsTopic.exercise("lstm", 10, 20, true).answer().get("params").asLong()).isEqualTo(2560);
    }

    @Test
    void rnnStepsHandExample() {
        Exercise e = RnnStepsTopic.exercise(1, 2, -3, new double[] {1, 2, 0}, "relu");
        assertThat(json(e.answer().get("h"))).containsExactly(0, 4, 4);
        assertThat(new RnnStepsTopic().check(e, "0, 4, 4").correct()).isTrue();
        assertThat(new RnnStepsTopic().check(e, "{\"h\": [0, 4, 4]}").correct()).isTrue();
        assertThat(new RnnStepsTopic().check(e, "-1, 4, 4").correct()).isFalse();
        assertThat(e.solution().get(0)).contains("relu(-1)");
        Exercise t = RnnStepsTopic.exercise(0.5, 1, 0, new double[] {1, -1}, "tanh");
        double h1 = Math.tanh(1);
        assertThat(t.answer().get("h").get(0).asDouble()).isEqualTo(h1);
        assertThat(t.answer().get("h").get(1).asDouble()).isCloseTo(Math.tanh(0.5 * h1 - 1), within(1e-15));
    }

    @Test
    void perceptronExamStyleExampleEndsAtTheKnownWeights() {
        // Worked by hand (bias last, w0 = 0):
        // epoch 1: update on (0,0,1) → (0,0,-1,-1); (1,1,0) ok; update on (-1,-1,2) → (-1,-1,1,0); update on (-1,-1,-1) → (0,0,2,-1)
        // epoch 2: updates on (0,0,1) → (0,0,1,-2) and (-1,-1,2) → (-1,-1,3,-1)
        // epoch 3: update on (0,0,1) → (-1,-1,2,-2); epoch 4: update on (0,0,1) → (-1,-1,1,-3); epoch 5: no update
        double[][] x = {{0, 0, 1}, {1, 1, 0}, {-1, -1, 2}, {-1, -1, -1}};
        int[] y = {-1, -1, 1, -1};
        Exercise e = PerceptronTopic.exercise(x, y, 10);
        assertThat(e.answer().get("w").toString()).isEqualTo("[-1.0,-1.0,1.0,-3.0]");
        assertThat(e.answer().get("epochs").asInt()).isEqualTo(5);
        assertThat(new PerceptronTopic().check(e, "-1 -1 1 -3 5").correct()).isTrue();
        // the table: a header, 5 epochs × 4 samples, each row with t, x, y, wᵀx, y·wᵀx, w
        List<String> rows = e.solution().stream().filter(s -> s.matches("\\d+ \\|.*")).toList();
        assertThat(rows).hasSize(20);
        assertThat(rows.get(0)).isEqualTo("1 | (0, 0, 1, 1) | -1 | 0 | 0 ≤ 0, update | (0, 0, -1, -1)");
        assertThat(rows.get(19)).startsWith("20 | (-1, -1, -1, 1) | -1 | -2 | 2 > 0 | (-1, -1, 1, -3)");
        assertThat(e.solution()).anyMatch(s -> s.contains("Epoch 5 made no update"));
    }

    @Test
    void perceptronStopsAtTheEpochLimitOnXor() {
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        int[] y = {-1, 1, 1, -1};
        PerceptronTopic.Run r = PerceptronTopic.train(x, y, 7);
        assertThat(r.epochs()).isEqualTo(7);
        assertThat(PerceptronTopic.exercise(x, y, 7).solution()).anyMatch(s -> s.contains("the limit"));
        // AND is separable: converges with a separating w
        int[] and = {-1, -1, -1, 1};
        PerceptronTopic.Run a = PerceptronTopic.train(x, and, 50);
        for (int i = 0; i < 4; i++) {
            double dot = a.w()[0] * x[i][0] + a.w()[1] * x[i][1] + a.w()[2];
            assertThat(and[i] * dot).isPositive();
        }
        assertThat(a.epochs()).isLessThan(50);
    }

    @Test
    void mlpForwardHandExample() {
        List<Mlp.Layer> layers = List.of(
                new Mlp.Layer(new double[][] {{1, -1}, {0.5, 0.5}}, new double[] {0, 1}, "relu"),
                new Mlp.Layer(new double[][] {{2, 1}}, new double[] {-1}, "identity"));
        // z1 = (1 − 2, 0.5 + 1 + 1) = (−1, 2.5), a1 = (0, 2.5); out = 2·0 + 2.5 − 1 = 1.5
        Exercise e = MlpForwardTopic.exercise(new double[] {1, 2}, layers);
        assertThat(new MlpForwardTopic().check(e, "1.5").correct()).isTrue();
        assertThat(Mlp.forward(new double[] {0}, List.of(new Mlp.Layer(new double[][] {{1}}, new double[] {0}, "sigmoid"))).output()[0]).isEqualTo(0.5);
        MlpForwardTopic topic = new MlpForwardTopic();
        for (long seed = 0; seed < SEEDS; seed++) {
            Exercise g = topic.generate(seed);
            double[] x = Mlp.vector(g.given().get("x"));
            double[] out = Mlp.forward(x, Mlp.layers(g.given())).output();
            assertThat(Mlp.vector(g.answer().get("output"))).containsExactly(out);
        }
    }

    @Test
    void gdStepHandExample() {
        // one identity neuron: y = 0.5·1 − 1·2 = −1.5, L = (−1.5 − 1)² = 6.25, ∂L/∂y = −5
        // ∂L/∂w = (−5, −10), ∂L/∂b = −5; lr 0.1: w = (1, 0), b = 0.5
        Exercise e = GdStepTopic.exercise(new double[] {1, 2},
                List.of(new Mlp.Layer(new double[][] {{0.5, -1}}, new double[] {0}, "identity")), new double[] {1}, 0.1);
        assertThat(new GdStepTopic().check(e, "6.25, 1, 0, 0.5").correct()).isTrue();
        assertThat(new GdStepTopic().check(e, "{\"loss\": 6.25, \"layers\": [{\"weight\": [[1, 0]], \"bias\": [0.5]}]}").correct()).isTrue();
    }

    @Test
    void gdStepAgreesWithFiniteDifferencesOfTheLoss() {
        GdStepTopic topic = new GdStepTopic();
        for (long seed = 0; seed < SEEDS; seed++) {
            Exercise e = topic.generate(seed);
            double[] x = Mlp.vector(e.given().get("x"));
            double[] target = Mlp.vector(e.given().get("target"));
            double lr = e.given().get("lr").asDouble();
            List<Mlp.Layer> layers = Mlp.layers(e.given());
            assertThat(e.answer().get("loss").asDouble()).isEqualTo(Mlp.mse(Mlp.forward(x, layers).output(), target));
            JsonNode updated = e.answer().get("layers");
            for (int l = 0; l < layers.size(); l++) {
                Mlp.Layer p = layers.get(l);
                for (int i = 0; i < p.bias().length; i++) {
                    for (int j = 0; j <= p.weight()[i].length; j++) {
                        boolean bias = j == p.weight()[i].length;
                        double[] slot = bias ? p.bias() : p.weight()[i];
                        int k = bias ? i : j;
                        double old = slot[k];
                        double h = 1e-6;
                        slot[k] = old + h;
                        double plus = Mlp.mse(Mlp.forward(x, layers).output(), target);
                        slot[k] = old - h;
                        double minus = Mlp.mse(Mlp.forward(x, layers).output(), target);
                        slot[k] = old;
                        double grad = (plus - minus) / (2 * h);
                        double next = bias ? updated.get(l).get("bias").get(i).asDouble()
                                : updated.get(l).get("weight").get(i).get(j).asDouble();
                        assertThat(next).as("seed " + seed + " layer " + l + " [" + i + "," + j + "]")
                                .isCloseTo(old - lr * grad, within(1e-6 * Math.max(1, Math.abs(next))));
                    }
                }
            }
        }
    }

    @Test
    void quizHasThirtyWellFormedQuestions() {
        assertThat(QuizTopic.QUESTIONS).hasSizeGreaterThanOrEqualTo(60);
        Set<String> ids = new HashSet<>();
        for (QuizTopic.Question q : QuizTopic.QUESTIONS) {
            assertThat(ids.add(q.id())).as(q.id()).isTrue();
            assertThat(q.options()).hasSizeGreaterThanOrEqualTo(3)
                    .anyMatch(QuizTopic.Option::correct).anyMatch(o -> !o.correct())
                    .allSatisfy(o -> assertThat(o.why()).isNotBlank());
        }
        QuizTopic quiz = new QuizTopic();
        Exercise e = quiz.generate(11);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < e.given().get("options").size(); i++) {
            all.append(i == 0 ? "" : ",").append(i);
        }
        assertThat(quiz.check(e, all.toString()).correct()).isFalse(); // every question has a wrong option
        String right = e.answer().get("correct").toString().replaceAll("[\\[\\]]", "");
        assertThat(quiz.check(e, right).correct()).isTrue();
        assertThat(e.solution()).anyMatch(s -> s.contains("True:")).anyMatch(s -> s.contains("False:"));
    }
}
