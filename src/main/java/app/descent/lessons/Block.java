package app.descent.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a lesson's intro or step holds, in the order of the file. */
public sealed interface Block {
    /** The line of the file where the block starts (1-based). */
    int line();

    record Paragraph(int line, List<Inline> parts) implements Block {
    }

    /** {@code $$tex$$} in the file. */
    record DisplayMath(int line, String tex) implements Block {
    }

    /**
     * A descent-action block: the workspace and its settings as written (YAML values as JSON), and the folder of the
     * lesson file when it is a file (relative file paths resolve there).
     */
    record Action(int line, Workspace workspace, ObjectNode settings, Optional<Path> folder, String file)
            implements Block {
        public Optional<JsonNode> setting(String key) {
            return Optional.ofNullable(settings.get(key));
        }

        /**
         * A setting as the command line writes it (what {@code descent lesson check} passes to the command and the
         * workspaces are set up with): scalars as written, lists comma-separated, {@code vary}'s one-key map as
         * {@code KEY=V1,V2}, other maps as {@code k=v} pairs.
         */
        public String option(String key) {
            JsonNode v = settings.get(key);
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.asText()));
                return String.join(",", parts);
            }
            if (v.isObject()) {
                if (key.equals("vary")) {
                    if (v.size() != 1) {
                        throw LessonException.at(file, line, "vary: give one setting to vary, e.g. vary: {activation: "
                                + "[relu, sigmoid]}");
                    }
                    var e = v.fields().next();
                    JsonNode values = e.getValue();
                    List<String> parts = new ArrayList<>();
                    if (values.isArray()) {
                        values.forEach(x -> parts.add(x.asText()));
                    } else {
                        parts.add(values.asText());
                    }
                    return e.getKey() + "=" + String.join(",", parts);
                }
                return String.join(",", pairs(key));
            }
            return v.asText();
        }

        /** Every setting as {@link #option} writes it, in the order of the file. */
        public Map<String, String> options() {
            Map<String, String> out = new LinkedHashMap<>();
            settings.fieldNames().forEachRemaining(k -> out.put(k, option(k)));
            return out;
        }

        /** A map setting ({@code values: {x: 3, y: -4}}) as {@code name=number} pairs. */
        public List<String> pairs(String key) {
            JsonNode v = settings.get(key);
            if (v == null || !v.isObject()) {
                throw LessonException.at(file, line, key + ": give a map of names to numbers, e.g. {x: 3, y: -4}");
            }
            List<String> out = new ArrayList<>();
            v.fields().forEachRemaining(e -> out.add(e.getKey() + "=" + e.getValue().asText()));
            return out;
        }
    }

    /**
     * A descent-check block. Either {@code answer} (numbers in order, or with choices the right indices) or an
     * observation with {@code atLeast}/{@code atMost}; {@code of} is the path into the result of the nearest action
     * above (may be null for a stated answer). {@code action} is that action (null when none).
     */
    record Check(int line, String ask, List<Double> answer, boolean single, List<String> choices, double tolerance,
            ResultPath of, Double atLeast, Double atMost, String hint, String explain, Action action)
            implements Block {
        public static final double DEFAULT_TOLERANCE = 1e-4;
        public static final double ABSOLUTE_FLOOR = 1e-6;

        public boolean observation() {
            return answer == null;
        }

        public boolean hasChoices() {
            return choices != null && !choices.isEmpty();
        }
    }
}
