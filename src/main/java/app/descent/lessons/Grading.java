package app.descent.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Compares numbers the way {@code descent practice} does: equal within a relative tolerance with an absolute floor;
 * choices all-or-nothing. Used by {@code descent lesson check} (stated answer against the engine's result) and by the
 * Learn workspace (the student's answer against the stated one).
 */
public final class Grading {
    private Grading() {
    }

    public static boolean close(double expected, double got, double tolerance) {
        if (!Double.isFinite(expected) || !Double.isFinite(got)) {
            return expected == got;
        }
        return Math.abs(expected - got) <= Math.max(tolerance * Math.abs(expected), Block.Check.ABSOLUTE_FLOOR);
    }

    /** Whether the stated answer equals a value of a result (a number, a list of numbers, nested lists flattened). */
    public static boolean matches(Block.Check check, JsonNode got) {
        List<Double> values = numbers(got);
        if (values == null) {
            return false;
        }
        if (check.hasChoices()) {
            return new TreeSet<>(check.answer()).equals(new TreeSet<>(values));
        }
        return matches(check.answer(), values, check.tolerance());
    }

    private static boolean matches(List<Double> expected, List<Double> got, double tolerance) {
        if (expected.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!close(expected.get(i), got.get(i), tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** Whether an observed value holds the check's bounds. */
    public static boolean holds(Block.Check check, double got) {
        return Double.isFinite(got) && (check.atLeast() == null || got >= check.atLeast())
                && (check.atMost() == null || got <= check.atMost());
    }

    /** The numbers of a JSON value in order (nested lists flattened), or null when it holds anything else. */
    public static List<Double> numbers(JsonNode v) {
        List<Double> out = new ArrayList<>();
        return collect(v, out) ? out : null;
    }

    private static boolean collect(JsonNode v, List<Double> out) {
        if (v == null) {
            return false;
        }
        if (v.isNumber()) {
            out.add(v.asDouble());
            return true;
        }
        if (v.isBoolean()) {
            out.add(v.asBoolean() ? 1.0 : 0.0);
            return true;
        }
        if (v.isArray()) {
            for (JsonNode x : v) {
                if (!collect(x, out)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The result of grading what a student typed or chose. */
    public record Verdict(boolean correct, String feedback) {
    }

    /**
     * Grades a student's typed answer: numbers separated by commas or spaces (for an observation, the number their own
     * run showed).
     */
    public static Verdict typed(Block.Check check, String text) {
        List<Double> got = new ArrayList<>();
        for (String part : text.strip().split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                got.add(Double.parseDouble(part.replace('−', '-')));
            } catch (NumberFormatException e) {
                return new Verdict(false, "'" + part + "' is not a number.");
            }
        }
        if (got.isEmpty()) {
            return new Verdict(false, "Type a number first.");
        }
        if (check.observation()) {
            if (got.size() != 1) {
                return new Verdict(false, "Type one number: the value your run shows.");
            }
            boolean ok = holds(check, got.get(0));
            return new Verdict(ok, ok ? "Yes: " + bounds(check) + "." : "Not quite: it should be " + bounds(check)
                    + ". Run it again (Show me) and read the value.");
        }
        if (got.size() != check.answer().size()) {
            return new Verdict(false, "Give " + check.answer().size() + (check.answer().size() == 1 ? " number" : " numbers")
                    + ", you gave " + got.size() + ".");
        }
        boolean ok = matches(check.answer(), got, check.tolerance());
        return new Verdict(ok, ok ? "Correct." : "Not quite. Try again, or take the hint.");
    }

    /** Grades the options a student ticked (0-based), all-or-nothing. */
    public static Verdict chosen(Block.Check check, List<Integer> picked) {
        if (picked.isEmpty()) {
            return new Verdict(false, "Choose an option first.");
        }
        TreeSet<Double> p = new TreeSet<>();
        picked.forEach(i -> p.add((double) i));
        boolean ok = p.equals(new TreeSet<>(check.answer()));
        return new Verdict(ok, ok ? "Correct." : check.answer().size() > 1
                ? "Not quite: several options are right, and all of them count." : "Not quite. Try again, or take the hint.");
    }

    public static String bounds(Block.Check check) {
        if (check.atLeast() != null && check.atMost() != null) {
            return "between " + fmt(check.atLeast()) + " and " + fmt(check.atMost());
        }
        return check.atLeast() != null ? "at least " + fmt(check.atLeast()) : "at most " + fmt(check.atMost());
    }

    static String fmt(double v) {
        return LessonParser.fmt(v).toLowerCase(Locale.ROOT);
    }
}
