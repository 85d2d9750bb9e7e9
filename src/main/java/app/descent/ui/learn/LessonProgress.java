package app.descent.ui.learn;

import app.descent.io.ProgressStore;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where each lesson was left: the step on screen and whether it was finished, the "lessons" section of the user's
 * progress store ({@link ProgressStore}, saved atomically beside Practice's results).
 */
public final class LessonProgress {
    static final String SECTION = "lessons";
    private final ProgressStore store;

    public record State(int step, boolean done) {
    }

    LessonProgress(ProgressStore store) {
        this.store = store;
    }

    public static LessonProgress standard() {
        return new LessonProgress(ProgressStore.standard(SECTION, "lessons-progress.json"));
    }

    public State get(String id) {
        JsonNode n = store.data().path(id);
        return new State(Math.max(0, n.path("step").asInt(0)), n.path("done").asBoolean(false));
    }

    public void save(String id, State s) {
        store.update(data -> data.putObject(id).put("step", s.step()).put("done", s.done()));
    }
}
