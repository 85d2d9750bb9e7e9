package app.descent.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
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
