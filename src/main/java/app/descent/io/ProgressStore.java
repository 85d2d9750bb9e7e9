package app.descent.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A student's progress, one JSON file per user (progress.json in Descent's folder): one section per workspace that
 * keeps some (Practice's results, the lessons' steps). Each change re-reads the file, changes its own section and
 * writes the whole file atomically, so two workspaces saving never undo each other. An unreadable file starts afresh;
 * a full disk loses the change, never the lesson or the exercise.
 */
public final class ProgressStore {
    public static final String FILE = "progress.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** One lock for every store in the process: read, change and write never interleave. */
    private static final Object LOCK = new Object();

    private final Path file;
    private final String section;
    /** The file the section came from, to delete once it is saved in the store; null when none. */
    private Path legacy;
    private ObjectNode data;

    /**
     * The section of the given file; {@code legacy}, if there, is read as the section when the file has none, and
     * deleted once the section is saved.
     */
    public ProgressStore(Path file, String section, Path legacy) {
        this.file = file;
        this.section = section;
        synchronized (LOCK) {
            ObjectNode all = read(file);
            JsonNode mine = all.get(section);
            if (mine == null && legacy != null && !legacy.equals(file) && Files.isRegularFile(legacy)) {
                mine = read(legacy);
                this.legacy = legacy;
            }
            data = mine instanceof ObjectNode o ? o : MAPPER.createObjectNode();
        }
    }

    public ProgressStore(Path file, String section) {
        this(file, section, null);
    }

    /**
     * The section of the user's progress.json in Descent's folder; {@code legacyName}: the file the section was
     * kept in before (lessons-progress.json, practice-progress.json), read once when progress.json has no section.
     */
    public static ProgressStore standard(String section, String legacyName) {
        return new ProgressStore(Logs.home().resolve(FILE), section, Logs.home().resolve(legacyName));
    }

    /** This section as last read or written (read it on the calling thread; change it only through update). */
    public JsonNode data() {
        synchronized (LOCK) {
            return data.deepCopy();
        }
    }

    /** Changes this section and saves the file atomically, keeping the other sections as they are on disk. */
    public void update(Consumer<ObjectNode> change) {
        synchronized (LOCK) {
            change.accept(data);
            ObjectNode all = read(file);
            all.set(section, data);
            try {
                AtomicFiles.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all));
                if (legacy != null) {
                    // moved into the store: read once, never again
                    Files.deleteIfExists(legacy);
                    legacy = null;
                }
            } catch (IOException e) {
                // progress is a convenience: an unwritable folder must not stop the student
            }
        }
    }

    private static ObjectNode read(Path file) {
        try {
            JsonNode n = Files.isRegularFile(file) ? MAPPER.readTree(file.toFile()) : null;
            return n instanceof ObjectNode o ? o : MAPPER.createObjectNode();
        } catch (IOException | RuntimeException e) {
            return MAPPER.createObjectNode();
        }
    }
}
