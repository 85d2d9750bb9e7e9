package app.descent.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The lessons on offer: those shipped in {@code lessons/} on the class path (in the order of
 * {@code lessons/index.txt}), then each instructor folder's {@code *.md} files, which add lessons or replace a shipped
 * one with the same id. A broken instructor file is an entry with an error, never a failure of the whole list.
 */
public final class LessonCatalog {
    public static final String INDEX = "lessons/index.txt";

    /** A lesson on the list, or a file that could not be read as one ({@code lesson} null, {@code error} set). */
    public record Entry(String id, Lesson lesson, String error, String origin) {
        public boolean broken() {
            return lesson == null;
        }
    }

    private final List<Entry> entries;

    private LessonCatalog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The instructor's folder: {@code descent.home}/lessons, default ~/.descent/lessons. */
    public static Path homeFolder() {
        String home = System.getProperty("descent.home", System.getProperty("user.home") + "/.descent");
        return Path.of(home, "lessons");
    }

    /**
     * The system property naming the folders the window was started with ({@code descent --lessons DIR}), separated
     * as the platform separates paths.
     */
    public static final String WINDOW_FOLDERS = "descent.lessons";

    /** The folders the window was started with ({@link #WINDOW_FOLDERS}); none when it names none. */
    public static List<Path> windowFolders() {
        String v = System.getProperty(WINDOW_FOLDERS, "");
        List<Path> out = new ArrayList<>();
        for (String p : v.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
            if (!p.isBlank()) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    /** Shipped lessons, then the home folder, then each extra folder in order (later ones win by id). */
    public static LessonCatalog load(List<Path> extraFolders) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (String name : shippedNames()) {
            String resource = "lessons/" + name;
            Lesson l = LessonParser.parseResource(resource);
            byId.put(l.id(), new Entry(l.id(), l, null, resource));
        }
        List<Path> folders = new ArrayList<>();
        folders.add(homeFolder());
        folders.addAll(extraFolders);
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                if (extraFolders.contains(folder)) {
                    throw new LessonException(folder + ": no such folder of lessons");
                }
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p)).sorted().toList();
            } catch (IOException e) {
                throw new LessonException(folder + ": cannot be read (" + e.getMessage() + ")");
            }
            for (Path f : files) {
                try {
                    Lesson l = LessonParser.parseFile(f);
                    byId.put(l.id(), new Entry(l.id(), l, null, f.toString()));
                } catch (LessonException e) {
                    String stem = f.getFileName().toString().replaceFirst("\\.md$", "");
                    byId.put("file:" + f, new Entry(stem, null, e.getMessage(), f.toString()));
                }
            }
        }
        return new LessonCatalog(new ArrayList<>(byId.values()));
    }

    /** The file names listed in lessons/index.txt (one a line, # comments). */
    public static List<String> shippedNames() {
        try (InputStream in = LessonCatalog.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        } catch (IOException e) {
            throw new LessonException(INDEX + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<Lesson> lessons() {
        return entries.stream().filter(e -> !e.broken()).map(Entry::lesson).toList();
    }

    /** A lesson by id, or by file when the text names an existing file or ends in .md. */
    public Lesson find(String idOrFile) {
        Path p = Path.of(idOrFile);
        if (idOrFile.endsWith(".md") || idOrFile.contains("/") || Files.isRegularFile(p)) {
            return LessonParser.parseFile(p);
        }
        for (Entry e : entries) {
            if (e.id().equals(idOrFile) && !e.broken()) {
                return e.lesson();
            }
        }
        throw new LessonException("unknown lesson '" + idOrFile + "' (known: "
                + String.join(", ", lessons().stream().map(Lesson::id).toList()) + ")");
    }
}
