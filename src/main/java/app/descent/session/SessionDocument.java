package app.descent.session;

import app.descent.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A session as one {@code .descent} file: a zip holding a pretty-printed {@code session.json} and the workspaces'
 * binary entries under {@code files/}. The document:
 * <pre>
 * {"format": "descent-session", "version": 1, "savedAt": "2026-12-04T20:30:00Z",
 *  "workspaces": {"backprop": {...}, "builder": {...}, ...}, "files": ["run-1.npz", ...]}
 * </pre>
 * Reading refuses a file it cannot take whole with one line ({@link SessionException}) and builds nothing.
 */
public final class SessionDocument {
    /** The value of "format" that marks a Descent session. */
    public static final String FORMAT = "descent-session";
    /** The version this Descent writes and the newest it reads. */
    public static final int VERSION = 1;
    /** The document's name inside the zip. */
    public static final String JSON_ENTRY = "session.json";
    /** The folder of binary entries inside the zip. */
    public static final String FILES = "files/";
    /** The file name's extension. */
    public static final String EXTENSION = ".descent";
    /** The workspaces a session holds, in the order they are shown and printed. */
    public static final List<String> WORKSPACES = List.of("backprop", "builder", "training", "compare", "practice",
            "lessons");
    /** The largest session.json read (a document, not data: weights go to entries). */
    static final long MAX_JSON_BYTES = 64L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instant savedAt;
    private final Map<String, ObjectNode> workspaces;
    private final SessionFiles files;

    public SessionDocument(Instant savedAt, Map<String, ObjectNode> workspaces, SessionFiles files) {
        for (String id : workspaces.keySet()) {
            if (!WORKSPACES.contains(id)) {
                throw new IllegalArgumentException("no workspace '" + id + "' in a session");
            }
        }
        this.savedAt = savedAt;
        Map<String, ObjectNode> ordered = new LinkedHashMap<>();
        for (String id : WORKSPACES) {
            if (workspaces.containsKey(id)) {
                ordered.put(id, workspaces.get(id));
            }
        }
        this.workspaces = Collections.unmodifiableMap(ordered);
        this.files = files;
    }

    public Instant savedAt() {
        return savedAt;
    }

    /** The workspaces' states by id, in {@link #WORKSPACES} order. */
    public Map<String, ObjectNode> workspaces() {
        return workspaces;
    }

    public SessionFiles files() {
        return files;
    }

    /** The JSON document as written into session.json. */
    public ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("savedAt", savedAt.toString());
        ObjectNode ws = root.putObject("workspaces");
        workspaces.forEach(ws::set);
        ArrayNode names = root.putArray("files");
        files.all().keySet().forEach(names::add);
        return root;
    }

    /** Writes the file atomically: the old file stays whole until the new one is complete on disk. */
    public void write(Path file) throws IOException {
        byte[] document = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json());
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry(JSON_ENTRY));
            zip.write(document);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> e : files.all().entrySet()) {
                zip.putNextEntry(new ZipEntry(FILES + e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * Reads a session file. A missing file, a file that is not a zip, has no session.json, bad JSON, another
     * format, a newer version or a missing entry is refused with one line naming the file.
     */
    public static SessionDocument read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new SessionException(name + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new SessionException(name + ": not a file");
        }
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry doc = zip.getEntry(JSON_ENTRY);
            if (doc == null) {
                throw new SessionException(name + ": not a Descent session (the zip holds no " + JSON_ENTRY + ")");
            }
            JsonNode root = parse(name, readEntry(zip, doc, name));
            if (!root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
                throw new SessionException(name + ": not a Descent session (its " + JSON_ENTRY
                        + " has no \"format\": \"" + FORMAT + "\")");
            }
            JsonNode v = root.get("version");
            if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
                throw new SessionException(name + ": \"version\" must be a whole number from 1, not "
                        + (v == null ? "missing" : v.toString()));
            }
            if (v.asInt() > VERSION) {
                throw new SessionException(name + ": saved by a newer Descent: session version " + v.asInt()
                        + ", this one reads up to " + VERSION);
            }
            Instant savedAt;
            try {
                savedAt = Instant.parse(root.path("savedAt").asText(""));
            } catch (DateTimeParseException e) {
                throw new SessionException(name + ": \"savedAt\" is not an ISO-8601 time: "
                        + root.path("savedAt").toString());
            }
            JsonNode ws = root.get("workspaces");
            if (ws == null || !ws.isObject()) {
                throw new SessionException(name + ": \"workspaces\" must be an object");
            }
            Map<String, ObjectNode> states = new LinkedHashMap<>();
            for (var it = ws.fields(); it.hasNext();) {
                var e = it.next();
                if (!WORKSPACES.contains(e.getKey())) {
                    throw new SessionException(name + ": unknown workspace '" + e.getKey() + "' (known: "
                            + String.join(", ", WORKSPACES) + ")");
                }
                if (!e.getValue().isObject()) {
                    throw new SessionException(name + ": the state of " + e.getKey() + " must be an object");
                }
                states.put(e.getKey(), (ObjectNode) e.getValue());
            }
            SessionFiles files = new SessionFiles();
            JsonNode listed = root.path("files");
            if (!listed.isMissingNode() && !listed.isArray()) {
                throw new SessionException(name + ": \"files\" must be a list of entry names");
            }
            for (JsonNode n : listed) {
                String entry = n.asText();
                ZipEntry z = zip.getEntry(FILES + entry);
                if (!n.isTextual() || z == null) {
                    throw new SessionException(name + ": the session file lacks its entry " + FILES + entry);
                }
                String stored = files.put(entry, readEntry(zip, z, name));
                if (!stored.equals(entry)) {
                    throw new SessionException(name + ": the entry name " + FILES + entry + " is not valid");
                }
            }
            return new SessionDocument(savedAt, states, files);
        } catch (ZipException e) {
            throw new SessionException(name + ": not a Descent session (not a zip file: damaged or another kind"
                    + " of file)");
        } catch (IOException e) {
            throw new SessionException(name + ": cannot be read: " + e.getMessage());
        }
    }

    private static byte[] readEntry(ZipFile zip, ZipEntry entry, String name) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, MAX_JSON_BYTES * 64));
            if (entry.getName().equals(JSON_ENTRY) && data.length > MAX_JSON_BYTES) {
                throw new SessionException(name + ": " + JSON_ENTRY + " is larger than " + (MAX_JSON_BYTES >> 20)
                        + " MB");
            }
            return data;
        } catch (ZipException e) {
            throw new SessionException(name + ": damaged: the entry " + entry.getName() + " cannot be unpacked ("
                    + e.getMessage() + ")");
        }
    }

    private static JsonNode parse(String name, byte[] data) {
        try {
            JsonNode root = JSON.readTree(data);
            if (root == null) {
                throw new SessionException(name + ": " + JSON_ENTRY + " is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new SessionException(name + ": " + JSON_ENTRY + " is not valid JSON" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new SessionException(name + ": " + JSON_ENTRY + " cannot be read: " + e.getMessage());
        }
    }

    /** The JSON mapper of sessions (workspaces make their ObjectNodes with it). */
    public static ObjectMapper mapper() {
        return JSON;
    }
}
