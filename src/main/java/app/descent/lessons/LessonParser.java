package app.descent.lessons;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a lesson file (see docs/lessons.md); every mistake is a {@link LessonException} naming file and line. */
public final class LessonParser {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FRONT_KEYS = Set.of("id", "title", "course", "minutes");
    private static final Set<String> CHECK_KEYS = Set.of("ask", "answer", "choices", "tolerance", "of", "at-least",
            "at-most", "hint", "explain");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\(([^)\\s]+)\\)");

    private final String file;
    private final Optional<Path> folder;
    private final Function<String, Optional<URL>> resolve;
    private final String[] lines;

    private LessonParser(String text, String file, Optional<Path> folder, Function<String, Optional<URL>> resolve) {
        this.file = file;
        this.folder = folder;
        this.resolve = resolve;
        this.lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    }

    /** Parses a lesson file on disk; its folder resolves images and relative file paths. */
    public static Lesson parseFile(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new LessonException(path + ": " + (Files.exists(path) ? "cannot be read (" + e.getMessage() + ")"
                    : "no such file"));
        }
        Path dir = path.toAbsolutePath().getParent();
        return parse(text, path.toString(), Optional.of(dir), rel -> {
            Path p = dir.resolve(rel).normalize();
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            try {
                return Optional.of(p.toUri().toURL());
            } catch (MalformedURLException e) {
                return Optional.empty();
            }
        });
    }

    /** Parses a lesson shipped on the class path, e.g. {@code lessons/backprop-basics.md}. */
    public static Lesson parseResource(String resource) {
        String text;
        try (InputStream in = LessonParser.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new LessonException(resource + ": no such lesson resource");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LessonException(resource + ": cannot be read (" + e.getMessage() + ")");
        }
        String base = resource.contains("/") ? resource.substring(0, resource.lastIndexOf('/') + 1) : "";
        return parse(text, resource, Optional.empty(),
                rel -> Optional.ofNullable(LessonParser.class.getClassLoader().getResource(normalize(base + rel))));
    }

    private static String normalize(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..") && !out.isEmpty()) {
                out.remove(out.size() - 1);
            } else if (!part.equals(".") && !part.isEmpty()) {
                out.add(part);
            }
        }
        return String.join("/", out);
    }

    /**
     * A short text such as a check's hint or explanation, split into paragraphs and display math ($inline$ math,
     * \$, **bold**, `code`); text with unbalanced dollars comes back as one plain paragraph.
     */
    public static List<Block> text(String s) {
        List<Block> out = new ArrayList<>();
        try {
            new LessonParser("", "text", Optional.empty(), p -> Optional.empty()).inline(s, 0, out);
        } catch (LessonException e) {
            out.clear();
            out.add(new Block.Paragraph(0, List.of(new Inline.Text(s, Inline.Style.PLAIN))));
        }
        return out;
    }

    public static Lesson parse(String text, String file, Optional<Path> folder, Function<String, Optional<URL>> resolve) {
        return new LessonParser(text, file, folder, resolve).lesson();
    }

    private LessonException error(int line, String what) {
        return LessonException.at(file, line, what);
    }

    private Lesson lesson() {
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i >= lines.length || !lines[i].strip().equals("---")) {
            throw error(i < lines.length ? i + 1 : 1, "a lesson starts with YAML front matter between '---' lines "
                    + "(id, title, course, minutes)");
        }
        int open = i;
        int close = -1;
        for (int k = open + 1; k < lines.length; k++) {
            if (lines[k].strip().equals("---")) {
                close = k;
                break;
            }
        }
        if (close < 0) {
            throw error(open + 1, "the front matter has no closing '---'");
        }
        JsonNode front = yaml(open, close);
        if (!front.isObject()) {
            throw error(open + 2, "the front matter must be keys and values (id, title, course, minutes)");
        }
        checkKeys((ObjectNode) front, FRONT_KEYS, open, close, "front-matter key");
        String id = requiredText(front, "id", open, close);
        if (!ID.matcher(id).matches()) {
            throw error(keyLine("id", open, close), "id '" + id + "' must be lower-case letters, digits and '-'");
        }
        String title = requiredText(front, "title", open, close);
        String course = requiredText(front, "course", open, close);
        JsonNode m = front.get("minutes");
        if (m == null) {
            throw error(open + 1, "the front matter has no 'minutes'");
        }
        if (!m.canConvertToInt() || !m.isIntegralNumber() || m.asInt() < 1) {
            throw error(keyLine("minutes", open, close), "minutes must be a positive whole number, not '" + m.asText() + "'");
        }

        List<Block> intro = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        List<Block> current = intro;
        String stepTitle = null;
        int stepLine = 0;
        List<String> para = new ArrayList<>();
        int paraLine = 0;
        for (int k = close + 1; k < lines.length; k++) {
            String line = lines[k];
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                flush(para, paraLine, current);
                String fence = stripped.substring(0, 3);
                String info = stripped.substring(3).strip();
                int end = -1;
                for (int j = k + 1; j < lines.length; j++) {
                    if (lines[j].strip().equals(fence)) {
                        end = j;
                        break;
                    }
                }
                if (end < 0) {
                    throw error(k + 1, "the fenced block opened here is never closed with " + fence);
                }
                if (info.equals("descent-action")) {
                    current.add(action(k, end));
                } else if (info.equals("descent-check")) {
                    if (stepTitle == null) {
                        throw error(k + 1, "a descent-check belongs in a step (after a '## ' heading)");
                    }
                    current.add(check(k, end, lastAction(current)));
                } else if (info.startsWith("descent")) {
                    throw error(k + 1, "unknown block '" + info + "' (known: descent-action, descent-check)");
                } else {
                    StringBuilder code = new StringBuilder();
                    for (int j = k + 1; j < end; j++) {
                        code.append(lines[j]).append('\n');
                    }
                    current.add(new Block.Paragraph(k + 1, List.of(new Inline.Text(code.toString(), Inline.Style.CODE))));
                }
                k = end;
            } else if (line.startsWith("## ")) {
                flush(para, paraLine, current);
                if (stepTitle != null) {
                    steps.add(new Step(stepTitle, stepLine, List.copyOf(current)));
                }
                stepTitle = line.substring(3).strip();
                if (stepTitle.isEmpty()) {
                    throw error(k + 1, "a step heading needs a title after '## '");
                }
                stepLine = k + 1;
                current = new ArrayList<>();
            } else if (line.startsWith("# ") && stepTitle == null) {
                flush(para, paraLine, current); // the title heading is the front matter's title
            } else if (stripped.isEmpty()) {
                flush(para, paraLine, current);
            } else {
                if (para.isEmpty()) {
                    paraLine = k + 1;
                }
                para.add(line);
            }
        }
        flush(para, paraLine, current);
        if (stepTitle != null) {
            steps.add(new Step(stepTitle, stepLine, List.copyOf(current)));
        }
        if (steps.isEmpty()) {
            throw error(close + 2, "the lesson has no steps (a step starts with a '## ' heading)");
        }
        for (Block b : intro) {
            if (b instanceof Block.Action a) {
                throw error(a.line(), "a descent-action belongs in a step (after a '## ' heading)");
            }
        }
        return new Lesson(id, title, course, m.asInt(), file, List.copyOf(intro), List.copyOf(steps));
    }

    private static Block.Action lastAction(List<Block> blocks) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (blocks.get(i) instanceof Block.Action a) {
                return a;
            }
        }
        return null;
    }

    private String requiredText(JsonNode node, String key, int open, int close) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw error(open + 1, "the front matter has no '" + key + "'");
        }
        if (!v.isValueNode()) {
            throw error(keyLine(key, open, close), "'" + key + "' must be text");
        }
        return v.asText().strip();
    }

    /** YAML between lines open and close (0-based, both excluded). */
    private JsonNode yaml(int open, int close) {
        StringBuilder b = new StringBuilder();
        for (int k = open + 1; k < close; k++) {
            b.append(lines[k]).append('\n');
        }
        if (b.toString().isBlank()) {
            throw error(open + 1, "the block is empty");
        }
        try {
            JsonNode n = YAML.readTree(b.toString());
            if (n == null || n.isMissingNode()) {
                throw error(open + 1, "the block is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            String msg = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML").strip();
            if (msg.contains("mapping values are not allowed")) {
                msg += " (a value that contains ': ' needs quotes, or a block scalar: key: | and the text indented below)";
            }
            throw error(open + 1 + line, "YAML error: " + msg);
        }
    }

    /** The file line (1-based) of a top-level key inside the block between open and close, else the opening line. */
    private int keyLine(String key, int open, int close) {
        Pattern p = Pattern.compile("^" + Pattern.quote(key) + "\\s*:");
        for (int k = open + 1; k < close; k++) {
            if (p.matcher(lines[k]).find()) {
                return k + 1;
            }
        }
        return open + 1;
    }

    private void checkKeys(ObjectNode node, Set<String> known, int open, int close, String what) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!known.contains(key)) {
                throw error(keyLine(key, open, close), "unknown " + what + " '" + key + "' (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private Block.Action action(int open, int close) {
        JsonNode node = yaml(open, close);
        if (!node.isObject()) {
            throw error(open + 2, "a descent-action is keys and values, starting with workspace:");
        }
        ObjectNode settings = ((ObjectNode) node).deepCopy();
        JsonNode ws = settings.remove("workspace");
        if (ws == null) {
            throw error(open + 1, "the action has no 'workspace:' (backprop, builder, training, compare, paths, practice)");
        }
        Workspace workspace;
        try {
            workspace = Workspace.parse(ws.asText());
        } catch (IllegalArgumentException e) {
            throw error(keyLine("workspace", open, close), e.getMessage());
        }
        Iterator<String> names = settings.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!workspace.keySet().contains(key)) {
                throw error(keyLine(key, open, close), "unknown key '" + key + "' for workspace " + workspace.id()
                        + " (known: " + String.join(", ", workspace.keys()) + ")");
            }
        }
        for (String key : workspace.required()) {
            if (!settings.has(key)) {
                throw error(open + 1, "the " + workspace.id() + " action needs '" + key + "'");
            }
        }
        if (workspace == Workspace.COMPARE) {
            boolean study = settings.has("study");
            if (study && settings.size() > 1) {
                String other = "";
                for (Iterator<String> it = settings.fieldNames(); it.hasNext();) {
                    String k = it.next();
                    if (!k.equals("study")) {
                        other = k;
                        break;
                    }
                }
                throw error(keyLine(other, open, close), "a compare action with 'study' takes no other key ('" + other
                        + "'); the preset fixes everything");
            }
            if (!study) {
                for (String key : List.of("model", "dataset", "vary")) {
                    if (!settings.has(key)) {
                        throw error(open + 1, "a compare action needs 'study', or 'model', 'dataset' and 'vary' ('" + key
                                + "' is missing)");
                    }
                }
            }
        }
        if (workspace == Workspace.PATHS && !settings.has("function") && !settings.has("preset")) {
            throw error(open + 1, "a paths action needs 'function' (or a 'preset')");
        }
        for (Iterator<java.util.Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext();) {
            var e = it.next();
            JsonNode v = e.getValue();
            boolean mapAllowed = e.getKey().equals("values") || e.getKey().equals("start") || e.getKey().equals("vary");
            if (v.isNull() || (v.isObject() && !mapAllowed)) {
                throw error(keyLine(e.getKey(), open, close), "'" + e.getKey() + "' needs a value"
                        + (v.isObject() ? ", not a map" : ""));
            }
        }
        return new Block.Action(open + 1, workspace, settings, folder, file);
    }

    private Block.Check check(int open, int close, Block.Action action) {
        JsonNode node = yaml(open, close);
        if (!node.isObject()) {
            throw error(open + 2, "a descent-check is keys and values, starting with ask:");
        }
        ObjectNode o = (ObjectNode) node;
        checkKeys(o, CHECK_KEYS, open, close, "check key");
        String ask = text(o, "ask", open, close);
        if (ask == null || ask.isBlank()) {
            throw error(open + 1, "the check has no 'ask:' (the question the student reads)");
        }
        List<String> choices = null;
        if (o.has("choices")) {
            JsonNode c = o.get("choices");
            if (!c.isArray() || c.isEmpty()) {
                throw error(keyLine("choices", open, close), "'choices' must be a list of options");
            }
            choices = new ArrayList<>();
            for (JsonNode x : c) {
                choices.add(x.asText());
            }
        }
        ResultPath of = null;
        if (o.has("of")) {
            if (!o.get("of").isTextual()) {
                throw error(keyLine("of", open, close), "'of' must be one path such as gradients.x, not a list or map");
            }
            try {
                of = ResultPath.parse(o.get("of").asText());
            } catch (IllegalArgumentException e) {
                throw error(keyLine("of", open, close), e.getMessage());
            }
            if (action == null) {
                throw error(keyLine("of", open, close), "'of' needs a descent-action above this check in the same step");
            }
        }
        Double atLeast = number(o, "at-least", open, close);
        Double atMost = number(o, "at-most", open, close);
        List<Double> answer = null;
        boolean single = false;
        if (o.has("answer")) {
            if (atLeast != null || atMost != null) {
                throw error(keyLine("answer", open, close), "a check has either 'answer' or 'at-least'/'at-most', not both");
            }
            JsonNode a = o.get("answer");
            answer = new ArrayList<>();
            single = !a.isArray();
            for (JsonNode x : a.isArray() ? a : List.of(a)) {
                Double v = toNumber(x);
                if (v == null) {
                    throw error(keyLine("answer", open, close), "'answer' must be a number or a list of numbers, not '"
                            + x.asText() + "'");
                }
                answer.add(v);
            }
            if (answer.isEmpty()) {
                throw error(keyLine("answer", open, close), "'answer' is an empty list");
            }
            if (choices != null) {
                for (double v : answer) {
                    if (v != Math.rint(v) || v < 0 || v >= choices.size()) {
                        throw error(keyLine("answer", open, close), "with 'choices', 'answer' lists the 0-based indices"
                                + " of the right ones (0 to " + (choices.size() - 1) + "), not " + fmt(v));
                    }
                }
            }
        } else {
            if (atLeast == null && atMost == null) {
                throw error(open + 1, "the check needs 'answer', or 'of' with 'at-least'/'at-most'");
            }
            if (of == null) {
                throw error(open + 1, "an observation ('at-least'/'at-most') needs 'of': the result it reads");
            }
            if (choices != null) {
                throw error(keyLine("choices", open, close), "'choices' needs an 'answer' (the right indices)");
            }
        }
        double tolerance = Block.Check.DEFAULT_TOLERANCE;
        if (o.has("tolerance")) {
            Double t = toNumber(o.get("tolerance"));
            if (t == null || !(t >= 0)) {
                throw error(keyLine("tolerance", open, close), "'tolerance' must be a number at least 0");
            }
            tolerance = t;
        }
        return new Block.Check(open + 1, ask.strip(), answer == null ? null : List.copyOf(answer), single,
                choices == null ? null : List.copyOf(choices), tolerance, of, atLeast, atMost,
                text(o, "hint", open, close), text(o, "explain", open, close), action);
    }

    private String text(ObjectNode o, String key, int open, int close) {
        JsonNode v = o.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isValueNode()) {
            throw error(keyLine(key, open, close), "'" + key + "' must be text");
        }
        return v.asText().strip();
    }

    private Double number(ObjectNode o, String key, int open, int close) {
        if (!o.has(key)) {
            return null;
        }
        Double v = toNumber(o.get(key));
        if (v == null) {
            throw error(keyLine(key, open, close), "'" + key + "' must be a number, not '" + o.get(key).asText() + "'");
        }
        return v;
    }

    /** A YAML number, or text that reads as one (YAML 1.1 reads 1e-3 as text). */
    static Double toNumber(JsonNode x) {
        if (x.isNumber()) {
            return x.asDouble();
        }
        if (x.isTextual()) {
            try {
                double v = Double.parseDouble(x.asText().strip());
                return Double.isFinite(v) ? v : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    // ---- text ----

    private void flush(List<String> para, int line, List<Block> into) {
        if (para.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < para.size(); i++) {
            String l = para.get(i).strip();
            if (i > 0) {
                text.append(l.matches("^([-*] |\\d+\\. ).*") ? "\n" : " ");
            }
            text.append(l);
        }
        para.clear();
        inline(text.toString(), line, into);
    }

    /** Splits a paragraph into text, $inline$ math, $$display$$ math and images. */
    private void inline(String s, int line, List<Block> into) {
        List<Inline> parts = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
                plain.append('$');
                i += 2;
            } else if (s.startsWith("$$", i)) {
                int end = s.indexOf("$$", i + 2);
                if (end < 0) {
                    throw error(line, "'$$' opens display math that is never closed (write \\$ for a dollar sign)");
                }
                text(plain, parts, line);
                if (!parts.isEmpty()) {
                    into.add(new Block.Paragraph(line, List.copyOf(parts)));
                    parts.clear();
                }
                String tex = s.substring(i + 2, end).strip();
                if (tex.isEmpty()) {
                    throw error(line, "empty display math '$$$$'");
                }
                into.add(new Block.DisplayMath(line, tex));
                i = end + 2;
            } else if (c == '$') {
                int end = closingDollar(s, i + 1);
                if (end < 0) {
                    throw error(line, "'$' opens math that is never closed (write \\$ for a dollar sign)");
                }
                text(plain, parts, line);
                String tex = s.substring(i + 1, end).strip();
                if (tex.isEmpty()) {
                    throw error(line, "empty math '$$'");
                }
                parts.add(new Inline.Math(tex));
                i = end + 1;
            } else {
                plain.append(c);
                i++;
            }
        }
        text(plain, parts, line);
        if (!parts.isEmpty()) {
            into.add(new Block.Paragraph(line, List.copyOf(parts)));
        }
    }

    private static int closingDollar(String s, int from) {
        for (int j = from; j < s.length(); j++) {
            if (s.charAt(j) == '\\' && j + 1 < s.length()) {
                j++;
            } else if (s.charAt(j) == '$') {
                return j;
            }
        }
        return -1;
    }

    /** Plain text with images, **bold** and `code`. */
    private void text(StringBuilder plain, List<Inline> parts, int line) {
        if (plain.length() == 0) {
            return;
        }
        String s = plain.toString();
        plain.setLength(0);
        Matcher m = IMAGE.matcher(s);
        int at = 0;
        while (m.find()) {
            styled(s.substring(at, m.start()), parts);
            String path = m.group(2);
            URL url = resolve.apply(path).orElseThrow(() -> error(line, "image '" + path + "' not found next to the lesson"));
            parts.add(new Inline.Image(m.group(1), path, url));
            at = m.end();
        }
        styled(s.substring(at), parts);
    }

    private static void styled(String s, List<Inline> parts) {
        int i = 0;
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            if (s.startsWith("**", i)) {
                int end = s.indexOf("**", i + 2);
                if (end > i + 2) {
                    add(b, parts);
                    parts.add(new Inline.Text(s.substring(i + 2, end), Inline.Style.BOLD));
                    i = end + 2;
                    continue;
                }
            } else if (s.charAt(i) == '`') {
                int end = s.indexOf('`', i + 1);
                if (end > i + 1) {
                    add(b, parts);
                    parts.add(new Inline.Text(s.substring(i + 1, end), Inline.Style.CODE));
                    i = end + 1;
                    continue;
                }
            }
            b.append(s.charAt(i));
            i++;
        }
        add(b, parts);
    }

    private static void add(StringBuilder b, List<Inline> parts) {
        if (b.length() > 0) {
            parts.add(new Inline.Text(b.toString(), Inline.Style.PLAIN));
            b.setLength(0);
        }
    }
}
