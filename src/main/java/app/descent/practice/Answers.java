package app.descent.practice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reading and comparing answers, and small JSON helpers shared by the topics. */
public final class Answers {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    public static final double RELATIVE = 1e-4;
    public static final double ABSOLUTE = 1e-6;

    private Answers() {
    }

    /** Whether two numbers agree within the tolerance of the graders. */
    public static boolean close(double expected, double actual) {
        return Math.abs(expected - actual) <= Math.max(ABSOLUTE, RELATIVE * Math.abs(expected));
    }

    /** A numeric leaf of an answer: its path (e.g. {@code gradients.x}) and value. */
    record Leaf(String path, double value) {
    }

    /** The numeric leaves of a node, depth first, in key/array order (the answer's natural order). */
    static List<Leaf> leaves(JsonNode node) {
        List<Leaf> out = new ArrayList<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, List<Leaf> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", out);
            }
        } else if (node.isNumber()) {
            out.add(new Leaf(path, node.asDouble()));
        } else if (node.isBoolean()) {
            out.add(new Leaf(path, node.asBoolean() ? 1 : 0));
        }
    }

    /** The numbers of the answer text, in the expected answer's natural order. */
    static double[] read(Exercise exercise, String text) {
        List<Leaf> expected = leaves(exercise.answer());
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new PracticeException(exercise.topic() + ": the answer is empty");
        }
        if (t.startsWith("{")) {
            double[] values = new double[expected.size()];
            JsonNode node;
            try {
                node = MAPPER.readTree(t);
            } catch (JsonProcessingException e) {
                throw new PracticeException(exercise.topic() + ": the answer is not valid JSON (column "
                        + e.getLocation().getColumnNr() + ")");
            }
            for (int i = 0; i < expected.size(); i++) {
                String path = expected.get(i).path();
                JsonNode v = at(node, path);
                if (v == null || !(v.isNumber() || v.isBoolean())) {
                    throw new PracticeException(exercise.topic() + ": the answer has no number at \"" + path + "\" ("
                            + exercise.labels().get(i) + ")");
                }
                values[i] = v.isBoolean() ? (v.asBoolean() ? 1 : 0) : v.asDouble();
            }
            return values;
        }
        String[] parts = t.replace('[', ' ').replace(']', ' ').replace('(', ' ').replace(')', ' ')
                .strip().split("[,;\\s]+");
        double[] parsed = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            parsed[i] = number(exercise.topic(), parts[i]);
        }
        if (parts.length != expected.size()) {
            throw new PracticeException(exercise.topic() + ": expected " + expected.size() + " numbers ("
                    + names(exercise.labels()) + "), got " + parts.length);
        }
        return parsed;
    }

    /**
     * The numbers of an answer typed one per field, in the order of {@link Exercise#labels()}; a field that is empty
     * or not a number is named by its label.
     */
    static double[] read(Exercise exercise, List<String> fields) {
        List<String> labels = exercise.labels();
        if (fields.size() != labels.size()) {
            throw new PracticeException(exercise.topic() + ": expected " + labels.size() + " numbers ("
                    + names(labels) + "), got " + fields.size());
        }
        double[] values = new double[labels.size()];
        for (int i = 0; i < values.length; i++) {
            String text = fields.get(i) == null ? "" : fields.get(i).strip();
            if (text.isEmpty()) {
                throw new PracticeException(labels.get(i) + " is empty");
            }
            values[i] = number(labels.get(i), text);
        }
        return values;
    }

    /** A number of the answer; {@code where} names the answer (its topic) or the field (its label). */
    private static double number(String where, String text) {
        double v;
        try {
            v = Double.parseDouble(text.replace('−', '-'));
        } catch (NumberFormatException e) {
            throw new PracticeException(where + ": '" + text + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new PracticeException(where + ": '" + text + "' is not a finite number");
        }
        return v;
    }

    private static String names(List<String> labels) {
        String s = String.join(", ", labels);
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            if (!key.isEmpty()) {
                n = n == null ? null : n.get(key);
            }
            if (bracket >= 0) {
                for (String idx : part.substring(bracket + 1, part.length() - 1).split("\\]\\[")) {
                    n = n == null || !n.isArray() ? null : n.get(Integer.parseInt(idx));
                }
            }
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /** Compares every number of the answer with the expected one within the tolerance. */
    static Grade compare(Exercise exercise, String text) {
        return compare(exercise, read(exercise, text));
    }

    /** As {@link #compare(Exercise, String)} for an answer typed one number per labelled field. */
    static Grade compare(Exercise exercise, List<String> fields) {
        return compare(exercise, read(exercise, fields));
    }

    private static Grade compare(Exercise exercise, double[] got) {
        List<Leaf> expected = leaves(exercise.answer());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (!close(expected.get(i).value(), got[i])) {
                wrong.add(exercise.labels().get(i));
            }
        }
        if (wrong.isEmpty()) {
            return new Grade(true, "Correct: all " + expected.size() + (expected.size() == 1 ? " number matches." : " numbers match."));
        }
        return new Grade(false, "Not quite: " + String.join(", ", wrong) + (wrong.size() == 1 ? " is" : " are")
                + " off (" + (expected.size() - wrong.size()) + " of " + expected.size() + " right).", wrong);
    }

    // ------------------------------------------------------------------------------------------ labels

    /**
     * Names for the numbers of an answer from its keys, counting from 1 as questions do: {@code h[1]} → "h2",
     * {@code outputShape[0]} → "output shape 1", {@code iterationsPerEpoch} → "iterations per epoch".
     */
    static List<String> defaultLabels(JsonNode answer) {
        List<String> out = new ArrayList<>();
        label(answer, "", out);
        return out;
    }

    private static void label(JsonNode node, String name, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String word = words(e.getKey());
                label(e.getValue(), name.isEmpty() ? word : name + " " + word, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                label(node.get(i), node.size() == 1 ? name : indexed(name, i + 1), out);
            }
        } else if (node.isNumber() || node.isBoolean()) {
            out.add(name);
        }
    }

    /** "h" and 2 → "h2"; "output shape" and 2 → "output shape 2"; "w1" and 2 → "w1,2". */
    static String indexed(String name, int n) {
        if (name.isEmpty()) {
            return String.valueOf(n);
        }
        char last = name.charAt(name.length() - 1);
        boolean shortName = name.length() == 1 || name.charAt(name.length() - 2) == ' ';
        if (Character.isDigit(last)) {
            return name + "," + n;
        }
        return shortName ? name + n : name + " " + n;
    }

    private static String words(String key) {
        if (key.equals("params")) {
            return "parameters";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
                sb.append(' ').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ helpers

    static String fmt(double v) {
        return app.descent.graph.ComputationGraph.format(v);
    }

    static ArrayNode array(double... values) {
        ArrayNode a = F.arrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    static ArrayNode ints(List<Integer> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }

    static ArrayNode matrix(double[][] m) {
        ArrayNode a = F.arrayNode();
        for (double[] row : m) {
            a.add(array(row));
        }
        return a;
    }

    static ObjectNode object() {
        return F.objectNode();
    }

    static String vec(double[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(fmt(v[i]));
        }
        return sb.append(")").toString();
    }

    static String mat(double[][] m) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m.length; i++) {
            sb.append(i == 0 ? "" : "; ");
            for (int j = 0; j < m[i].length; j++) {
                sb.append(j == 0 ? "" : " ").append(fmt(m[i][j]));
            }
        }
        return sb.append("]").toString();
    }

    /** A half-integer in [lo, hi] (both multiples of 0.5). */
    static double half(java.util.SplittableRandom r, double lo, double hi) {
        return r.nextInt((int) Math.round(2 * lo), (int) Math.round(2 * hi) + 1) / 2.0;
    }
}
