package app.descent.ui.practice;

import app.descent.io.ProgressStore;
import app.descent.ui.fx.MathText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Results per topic across sessions, and the questions missed: the "practice" section of the user's progress store
 * ({@link ProgressStore}, saved atomically beside the lessons' progress).
 */
public final class Progress {
    static final String SECTION = "practice";
    private final ProgressStore store;

    public record Tally(int attempted, int correct) {
    }

    /** The practice section of the given file. */
    public Progress(Path file) {
        this(new ProgressStore(file, SECTION));
    }

    private Progress(ProgressStore store) {
        this.store = store;
    }

    public static Progress standard() {
        return new Progress(ProgressStore.standard(SECTION, "practice-progress.json"));
    }

    public Tally tally(String topic) {
        JsonNode t = store.data().path("topics").path(topic);
        // a file edited by hand may hold anything: counts are never negative, and never more correct than tried
        int attempted = Math.max(0, t.path("attempted").asInt(0));
        return new Tally(attempted, Math.min(attempted, Math.max(0, t.path("correct").asInt(0))));
    }

    /** A missed exercise, enough to bring it back: its topic and seed. */
    public record Missed(String topic, long seed, String question) {
        @Override
        public String toString() {
            return topic + " · " + MathText.shorten(question, 70);
        }
    }

    void record(String topic, boolean correct, String question) {
        record(topic, correct, question, 0);
    }

    void record(String topic, boolean correct, String question, long seed) {
        store.update(data -> {
            ObjectNode t = objectAt(objectAt(data, "topics"), topic);
            t.put("attempted", t.path("attempted").asInt(0) + 1);
            t.put("correct", t.path("correct").asInt(0) + (correct ? 1 : 0));
            if (!correct) {
                ArrayNode missed = data.get("missed") instanceof ArrayNode a ? a : data.putArray("missed");
                missed.addObject().put("topic", topic).put("seed", seed).put("question", question);
                while (missed.size() > 50) {
                    missed.remove(0);
                }
            }
        });
    }

    /** The member as an object, replacing whatever else a hand-edited file put there. */
    private static ObjectNode objectAt(ObjectNode parent, String key) {
        return parent.get(key) instanceof ObjectNode o ? o : parent.putObject(key);
    }

    /** The exercises missed most recently, newest first. */
    public List<Missed> missed() {
        List<Missed> out = new ArrayList<>();
        store.data().path("missed").forEach(m -> out.add(0, new Missed(m.path("topic").asText(),
                m.path("seed").asLong(), m.path("question").asText())));
        return out;
    }
}
