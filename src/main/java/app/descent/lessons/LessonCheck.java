package app.descent.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code descent lesson check}: runs every action of a lesson and verifies every check against the results. A stated
 * answer with {@code of} must equal the result; an observation must hold for the action as written. An {@code of}
 * that names no field of the result is a malformed lesson ({@link LessonException}).
 */
public final class LessonCheck {
    /** A check's outcome: ok, failed, or stated (an answer with no {@code of}: nothing to run it against). */
    public record CheckResult(String ask, String status, JsonNode expected, JsonNode got) {
    }

    public record StepResult(String title, String action, List<CheckResult> checks) {
        public boolean ok() {
            return action.equals("ok") && checks.stream().noneMatch(c -> c.status().equals("failed"));
        }
    }

    public record Report(String id, List<StepResult> steps) {
        public boolean ok() {
            return steps.stream().allMatch(StepResult::ok);
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("id", id);
            o.put("status", ok() ? "ok" : "failed");
            ArrayNode a = o.putArray("steps");
            for (StepResult s : steps) {
                ObjectNode so = a.addObject().put("title", s.title()).put("action", s.action());
                ArrayNode cs = so.putArray("checks");
                for (CheckResult c : s.checks()) {
                    ObjectNode co = cs.addObject().put("ask", c.ask()).put("status", c.status());
                    co.set("expected", c.expected());
                    co.set("got", c.got());
                }
            }
            return o;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LessonCheck() {
    }

    public static Report run(Lesson lesson, ActionRunner runner) {
        List<StepResult> steps = new ArrayList<>();
        for (Step step : lesson.steps()) {
            Map<Block.Action, JsonNode> results = new IdentityHashMap<>();
            String actionStatus = "ok";
            for (Block.Action a : step.actions()) {
                try {
                    results.put(a, runner.run(a));
                } catch (ActionRunner.ActionFailed f) {
                    if (actionStatus.equals("ok")) {
                        actionStatus = f.getMessage();
                    }
                }
            }
            List<CheckResult> checks = new ArrayList<>();
            for (Block.Check c : step.checks()) {
                checks.add(check(lesson, c, c.action() == null ? null : results.get(c.action())));
            }
            steps.add(new StepResult(step.title(), actionStatus, List.copyOf(checks)));
        }
        return new Report(lesson.id(), List.copyOf(steps));
    }

    private static CheckResult check(Lesson lesson, Block.Check c, JsonNode result) {
        JsonNode expected = expected(c);
        if (c.of() == null) {
            return new CheckResult(c.ask(), "stated", expected, null);
        }
        if (result == null) {
            return new CheckResult(c.ask(), "failed", expected, null);
        }
        Optional<JsonNode> got = c.of().find(result);
        if (got.isEmpty()) {
            throw LessonException.at(lesson.file(), c.line(), "'of: " + c.of() + "' names no field of the "
                    + c.action().workspace().id() + " result: " + c.of().missingPart(result));
        }
        JsonNode value = got.get();
        boolean ok;
        if (c.observation()) {
            ok = value.isNumber() && Grading.holds(c, value.asDouble());
        } else {
            ok = Grading.matches(c, value);
        }
        return new CheckResult(c.ask(), ok ? "ok" : "failed", expected, value);
    }

    static JsonNode expected(Block.Check c) {
        if (c.observation()) {
            ObjectNode o = MAPPER.createObjectNode();
            if (c.atLeast() != null) {
                o.put("at-least", c.atLeast());
            }
            if (c.atMost() != null) {
                o.put("at-most", c.atMost());
            }
            return o;
        }
        if (c.single()) {
            return number(c.answer().get(0));
        }
        ArrayNode a = MAPPER.createArrayNode();
        c.answer().forEach(v -> a.add(number(v)));
        return a;
    }

    private static JsonNode number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? JsonNodeFactory.instance.numberNode((long) v)
                : JsonNodeFactory.instance.numberNode(v);
    }
}
