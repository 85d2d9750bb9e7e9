package app.descent.cli;

import app.descent.session.SessionDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code descent session show [--json] FILE}: what a saved {@code .descent} session holds. */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = {"Sessions saved by the window (File > Save): one .descent file with every workspace's state.",
            "Example: descent session show --json lecture.descent"},
        subcommands = SessionCommand.Show.class)
public final class SessionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: show");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Prints the session's version, when it was saved, and each workspace's settings (in the"
                    + " command line's names).",
                "Example: descent session show --json lecture.descent"})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print {\"version\", \"savedAt\", \"workspaces\": {...}} as JSON.")
        boolean json;

        @Parameters(index = "0", paramLabel = "FILE", description = "A .descent session file.")
        Path file;

        @Override
        public Integer call() {
            SessionDocument doc = SessionDocument.read(file);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(json(doc)));
            } else {
                summary(doc).forEach(out::println);
            }
            out.flush();
            return 0;
        }
    }

    /** What --json prints: exactly version, savedAt and the workspaces the file holds. */
    static ObjectNode json(SessionDocument doc) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("version", SessionDocument.VERSION);
        o.put("savedAt", doc.savedAt().toString());
        ObjectNode ws = o.putObject("workspaces");
        doc.workspaces().forEach(ws::set);
        return o;
    }

    /** A few lines a person reads: when, then one line per workspace with its plain settings. */
    static List<String> summary(SessionDocument doc) {
        List<String> lines = new ArrayList<>();
        lines.add("Descent session (version " + SessionDocument.VERSION + "), saved " + doc.savedAt());
        if (doc.workspaces().isEmpty()) {
            lines.add("  no workspace state");
        }
        for (Map.Entry<String, ObjectNode> w : doc.workspaces().entrySet()) {
            List<String> parts = new ArrayList<>();
            w.getValue().fields().forEachRemaining(f -> parts.add(f.getKey() + " " + brief(f.getValue())));
            lines.add(String.format("  %-9s %s", w.getKey(), parts.isEmpty() ? "(as new)" : String.join(", ",
                    parts)));
        }
        if (!doc.files().all().isEmpty()) {
            long bytes = doc.files().all().values().stream().mapToLong(b -> b.length).sum();
            lines.add("  " + doc.files().all().size() + " data entries, " + bytes + " bytes");
        }
        return lines;
    }

    private static String brief(JsonNode v) {
        if (v.isValueNode()) {
            String text = v.isTextual() ? v.asText() : v.toString();
            text = text.replace('\n', ' ');
            return text.length() > 40 ? text.substring(0, 39) + "…" : text;
        }
        if (v.isObject() && v.size() <= 6 && java.util.stream.StreamSupport.stream(v.spliterator(), false)
                .allMatch(JsonNode::isValueNode)) {
            List<String> pairs = new ArrayList<>();
            v.fields().forEachRemaining(f -> pairs.add(f.getKey() + "=" + f.getValue().asText()));
            return "{" + String.join(" ", pairs) + "}";
        }
        return v.isArray() ? "[" + v.size() + " items]" : "{" + v.size() + " settings}";
    }
}
