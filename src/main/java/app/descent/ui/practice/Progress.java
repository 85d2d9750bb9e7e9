package app.descent.ui.practice;

import app.descent.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Results per topic across sessions, and the questions missed, in a small JSON file under the user's Descent folder
 * ({@code descent.home}, default ~/.descent). Written atomically; an unreadable file starts afresh.
 */
public final class Progress {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final ObjectNode data;

    public record Tally(int attempted, int correct) {
    }

    public Progress(Path file) {
        this.file = file;
        ObjectNode loaded;
        try {
            JsonNode n = Files.exists(file) ? JSON.readTree(file.toFile()) : null;
            loaded = n instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (IOException e) {
            loaded = JSON.createObjectNode();
        }
        data = loaded;
    }

    public static Progress standard() {
        String home = System.getProperty("descent.home", System.getProperty("user.home") + "/.descent");
        return new Progress(Path.of(home, "practice-progress.json"));
    }

    public Tally tally(String topic) {
        JsonNode t = data.path("topics").path(topic);
        // a file edited by hand may hold anything: counts are never negative, and never more correct than tried
        int attempted = Math.max(0, t.path("attempted").asInt(0));
        return new Tally(attempted, Math.min(attempted, Math.max(0, t.path("correct").asInt(0))));
    }

    /** A missed exercise, enough to bring it back: its topic and seed. */
    public record Missed(String topic, long seed, String question) {
        @Override
        public String toString() {
            return topic + " · " + (question.length() > 70 ? question.substring(0, 69) + "…" : question);
        }
    }

    void record(String topic, boolean correct, String question) {
        record(topic, correct, question, 0);
    }

    void record(String topic, boolean correct, String question, long seed) {
        ObjectNode t = data.withObjectProperty("topics").withObjectProperty(topic);
        t.put("attempted", t.path("attempted").asInt(0) + 1);
        t.put("correct", t.path("correct").asInt(0) + (correct ? 1 : 0));
        if (!correct) {
            var missed = data.withArray("missed");
            missed.addObject().put("topic", topic).put("seed", seed).put("question", question);
            while (missed.size() > 50) {
                missed.remove(0);
            }
        }
        try {
            AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(data));
        } catch (IOException e) {
            // progress is a convenience: an unwritable folder must not stop practising
        }
    }

    /** The exercises missed most recently, newest first. */
    public java.util.List<Missed> missed() {
        java.util.List<Missed> out = new java.util.ArrayList<>();
        data.path("missed").forEach(m -> out.add(0, new Missed(m.path("topic").asText(), m.path("seed").asLong(),
                m.path("question").asText())));
        return out;
    }
}
