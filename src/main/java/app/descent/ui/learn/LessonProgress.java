package app.descent.ui.learn;

import app.descent.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where each lesson was left: the step on screen and whether it was finished, in lessons-progress.json in Descent's
 * folder ({@code descent.home}, default ~/.descent). Written atomically; an unreadable file starts afresh.
 */
public final class LessonProgress {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;
    private final ObjectNode root;

    public record State(int step, boolean done) {
    }

    LessonProgress(Path file) {
        this.file = file;
        ObjectNode r;
        try {
            JsonNode n = Files.exists(file) ? MAPPER.readTree(file.toFile()) : null;
            r = n instanceof ObjectNode o ? o : MAPPER.createObjectNode();
        } catch (IOException e) {
            r = MAPPER.createObjectNode();
        }
        root = r;
    }

    public static LessonProgress standard() {
        String home = System.getProperty("descent.home", System.getProperty("user.home") + "/.descent");
        return new LessonProgress(Path.of(home, "lessons-progress.json"));
    }

    public synchronized State get(String id) {
        JsonNode n = root.path(id);
        return new State(Math.max(0, n.path("step").asInt(0)), n.path("done").asBoolean(false));
    }

    public synchronized void save(String id, State s) {
        root.putObject(id).put("step", s.step()).put("done", s.done());
        try {
            AtomicFiles.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            // progress is a convenience: a full disk must not stop the lesson
        }
    }
}
