package app.descent.ui;

import app.descent.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a workspace keeps between runs (the Backprop expression, the Builder's network): one small JSON file per
 * workspace in {@code work/} under the Descent folder ({@code descent.home}, default ~/.descent), written atomically.
 * An unreadable file is as good as none: the workspace starts afresh.
 */
public final class WorkFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkFiles() {
    }

    /** The folder of these files. */
    public static Path folder() {
        String home = System.getProperty("descent.home", System.getProperty("user.home") + "/.descent");
        return Path.of(home, "work");
    }

    public static Optional<JsonNode> read(String name) {
        Path file = folder().resolve(name);
        try {
            return Files.exists(file) ? Optional.of(JSON.readTree(file.toFile())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes {@code data}; a folder that cannot be written must not stop the work, so failures are ignored. */
    public static void write(String name, JsonNode data) {
        try {
            AtomicFiles.writeString(folder().resolve(name), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(data));
        } catch (IOException e) {
            // keeping work between runs is a convenience
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
