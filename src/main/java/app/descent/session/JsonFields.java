package app.descent.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of a workspace's part of a session, each check naming the field by its path
 * ({@code training.runs[0].lr}) when the value is missing or of the wrong type; writes arrays of numbers.
 */
public final class JsonFields {
    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The object at {@code path}; anything else is a damaged session. */
    public static JsonFields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new SessionException(path + ": expected an object");
        }
        return new JsonFields(node, path);
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public JsonNode node() {
        return node;
    }

    public String path() {
        return path;
    }

    /** The path of a field, for messages. */
    public String at(String field) {
        return path + "." + field;
    }

    public boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    public SessionException error(String field, String problem) {
        return new SessionException(at(field) + ": " + problem);
    }

    private JsonNode required(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(field, "missing");
        }
        return v;
    }

    public String text(String field) {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw error(field, "expected text, not " + v);
        }
        return v.asText();
    }

    /** The text, or null when the field is absent or null. */
    public String optionalText(String field) {
        return has(field) ? text(field) : null;
    }

    public double number(String field) {
        return number(required(field), field);
    }

    private double number(JsonNode v, String field) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        // JSON has no NaN or infinity: they are written as text
        if (v.isTextual() && (v.asText().equals("NaN") || v.asText().equals("Infinity")
                || v.asText().equals("-Infinity"))) {
            return Double.parseDouble(v.asText());
        }
        throw error(field, "expected a number, not " + v);
    }

    public int integer(String field) {
        JsonNode v = required(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw error(field, "expected a whole number, not " + v);
        }
        return v.intValue();
    }

    public long longInteger(String field) {
        JsonNode v = required(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw error(field, "expected a whole number, not " + v);
        }
        return v.longValue();
    }

    public boolean bool(String field) {
        JsonNode v = required(field);
        if (!v.isBoolean()) {
            throw error(field, "expected true or false, not " + v);
        }
        return v.booleanValue();
    }

    public JsonFields object(String field) {
        return of(required(field), at(field));
    }

    /** The elements of an array field. */
    public List<JsonNode> list(String field) {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw error(field, "expected an array, not " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** The objects of an array field, each named by its index. */
    public List<JsonFields> objects(String field) {
        List<JsonNode> items = list(field);
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(of(items.get(i), at(field) + "[" + i + "]"));
        }
        return out;
    }

    public double[] numbers(String field) {
        List<JsonNode> items = list(field);
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(items.get(i), field + "[" + i + "]");
        }
        return out;
    }

    public List<String> texts(String field) {
        List<JsonNode> items = list(field);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isTextual()) {
                throw error(field + "[" + i + "]", "expected text, not " + items.get(i));
            }
            out.add(items.get(i).asText());
        }
        return out;
    }

    /** An array of rows of numbers ({@code [[step, loss], …]}), each row of {@code width} numbers. */
    public double[][] rows(String field, int width) {
        List<JsonNode> items = list(field);
        double[][] out = new double[items.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonNode row = items.get(i);
            if (!row.isArray() || row.size() != width) {
                throw error(field + "[" + i + "]", "expected " + width + " numbers, not " + row);
            }
            out[i] = new double[width];
            for (int k = 0; k < width; k++) {
                out[i][k] = number(row.get(k), field + "[" + i + "][" + k + "]");
            }
        }
        return out;
    }

    /** A number as JSON holds it: NaN and infinities as text. */
    public static void put(ObjectNode into, String field, double v) {
        if (Double.isFinite(v)) {
            into.put(field, v);
        } else {
            into.put(field, Double.toString(v));
        }
    }

    public static void add(ArrayNode into, double v) {
        if (Double.isFinite(v)) {
            into.add(v);
        } else {
            into.add(Double.toString(v));
        }
    }

    public static ArrayNode numbers(double[] values) {
        ArrayNode a = array();
        for (double v : values) {
            add(a, v);
        }
        return a;
    }

    public static ArrayNode rows(List<double[]> rows) {
        ArrayNode a = array();
        for (double[] r : rows) {
            a.add(numbers(r));
        }
        return a;
    }

    public static ArrayNode texts(List<String> values) {
        ArrayNode a = array();
        values.forEach(a::add);
        return a;
    }
}
