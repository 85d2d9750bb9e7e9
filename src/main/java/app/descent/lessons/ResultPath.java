package app.descent.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path into an action's result: dot-separated keys and {@code [i]} indices, negative from the end, e.g.
 * {@code gradients.x}, {@code layers[3].outputShape}, {@code runs[-1].testAccuracy}.
 */
public final class ResultPath {
    private sealed interface Part permits Key, Index {
    }

    private record Key(String name) implements Part {
    }

    private record Index(int i) implements Part {
    }

    private final String text;
    private final List<Part> parts;

    private ResultPath(String text, List<Part> parts) {
        this.text = text;
        this.parts = parts;
    }

    /** Parses a path; an {@link IllegalArgumentException} says what is wrong with it. */
    public static ResultPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("'of' is empty; write a path such as gradients.x or runs[-1].testAccuracy");
        }
        String s = text.strip();
        List<Part> parts = new ArrayList<>();
        int i = 0;
        boolean expectKey = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '[') {
                int close = s.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'of: " + s + "': '[' without ']'");
                }
                String n = s.substring(i + 1, close).strip();
                try {
                    parts.add(new Index(Integer.parseInt(n)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'of: " + s + "': [" + n + "] is not an index (write [0], [2], [-1])");
                }
                i = close + 1;
                expectKey = false;
            } else if (c == '.') {
                if (expectKey) {
                    throw new IllegalArgumentException("'of: " + s + "': empty key before '.'");
                }
                i++;
                expectKey = true;
                if (i >= s.length()) {
                    throw new IllegalArgumentException("'of: " + s + "': ends with '.'");
                }
            } else {
                if (!expectKey) {
                    throw new IllegalArgumentException("'of: " + s + "': missing '.' before '" + s.substring(i) + "'");
                }
                int j = i;
                while (j < s.length() && s.charAt(j) != '.' && s.charAt(j) != '[') {
                    j++;
                }
                String key = s.substring(i, j).strip();
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("'of: " + s + "': empty key");
                }
                parts.add(new Key(key));
                i = j;
                expectKey = false;
            }
        }
        return new ResultPath(s, List.copyOf(parts));
    }

    /** The value at this path, or empty when the result has no such field (null values are present). */
    public Optional<JsonNode> find(JsonNode root) {
        JsonNode at = root;
        for (Part p : parts) {
            if (at == null) {
                return Optional.empty();
            }
            if (p instanceof Key k) {
                if (!at.isObject() || !at.has(k.name())) {
                    return Optional.empty();
                }
                at = at.get(k.name());
            } else {
                int i = ((Index) p).i();
                if (!at.isArray()) {
                    return Optional.empty();
                }
                int n = at.size();
                int index = i < 0 ? n + i : i;
                if (index < 0 || index >= n) {
                    return Optional.empty();
                }
                at = at.get(index);
            }
        }
        return Optional.ofNullable(at);
    }

    /** The longest prefix of this path that exists in root, to say where the path stops matching. */
    public String missingPart(JsonNode root) {
        JsonNode at = root;
        StringBuilder seen = new StringBuilder();
        for (Part p : parts) {
            String piece = p instanceof Key k ? (seen.length() == 0 ? "" : ".") + k.name() : "[" + ((Index) p).i() + "]";
            Optional<JsonNode> next = new ResultPath("", List.of(p)).find(at);
            if (next.isEmpty()) {
                String where = seen.length() == 0 ? "the result" : seen.toString();
                String has = at.isObject() ? "; it has " + String.join(", ", (Iterable<String>) at::fieldNames)
                        : at.isArray() ? "; it has " + at.size() + " elements" : "; it is " + at.getNodeType().name().toLowerCase();
                return "'" + piece.replaceFirst("^\\.", "") + "' is not in " + where + has;
            }
            seen.append(piece);
            at = next.get();
        }
        return "";
    }

    @Override
    public String toString() {
        return text;
    }
}
