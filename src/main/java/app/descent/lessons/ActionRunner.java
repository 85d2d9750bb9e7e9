package app.descent.lessons;

import com.fasterxml.jackson.databind.JsonNode;

/** Runs an action headless and returns its result: the JSON the matching command prints. */
public interface ActionRunner {
    /**
     * @throws ActionFailed when the action runs but fails (a bad expression, a diverged run)
     * @throws LessonException when the action is malformed (a value that no option accepts)
     */
    JsonNode run(Block.Action action);

    /** The action ran but did not succeed; {@code result} is what it produced (may be null). */
    final class ActionFailed extends RuntimeException {
        private final transient JsonNode result;

        public ActionFailed(String message, JsonNode result) {
            super(message);
            this.result = result;
        }

        public JsonNode result() {
            return result;
        }
    }
}
