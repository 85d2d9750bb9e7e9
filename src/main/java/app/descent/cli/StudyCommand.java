package app.descent.cli;

import app.descent.compare.Study;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "study", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one of the course's study presets (runs that differ in one setting) and prints its "
                + "figures; --list names them."})
public final class StudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object: {\"id\", \"title\", \"source\", \"effect\", \"headline\", "
            + "\"columns\", \"rows\": [{\"label\", \"values\", \"note\"}], \"best\"}.")
    boolean json;

    @Option(names = "--list", description = "The presets: id, source and title.")
    boolean list;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "The preset to run.")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list || id == null) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            for (Study s : Study.PRESETS) {
                a.addObject().put("id", s.id()).put("source", s.source()).put("title", s.title());
                if (!json) {
                    out.printf("%-16s %-14s %s%n", s.id(), s.source(), s.title());
                }
            }
            if (json) {
                out.println(Json.write(a));
            }
            out.flush();
            return 0;
        }
        Study s = Study.byId(id);
        Study.Report r = s.run();
        if (json) {
            ObjectNode o = json(s, r);
            out.println(Json.write(o));
        } else {
            out.println(s.title() + " (" + s.source() + ")");
            out.println(r.headline());
            StringBuilder h = new StringBuilder(String.format("  %-22s", ""));
            r.columns().forEach(c -> h.append(String.format("  %14s", c.length() > 14 ? c.substring(0, 14) : c)));
            out.println(h);
            for (int i = 0; i < r.rows().size(); i++) {
                Study.Row row = r.rows().get(i);
                StringBuilder b = new StringBuilder(String.format("%s %-22s", i == r.best() ? "*" : " ", row.label()));
                for (double x : row.values()) {
                    b.append(String.format("  %14s", Double.isFinite(x) ? String.format("%.4g", x) : "-"));
                }
                if (row.note() != null) {
                    b.append("  ").append(row.note());
                }
                out.println(b);
            }
        }
        out.flush();
        return 0;
    }

    /** What --json prints for a preset's report (the lessons' compare result with a study). */
    static ObjectNode json(Study s, Study.Report r) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("id", s.id()).put("title", s.title())
                .put("source", s.source()).put("effect", s.effect()).put("headline", r.headline());
        ArrayNode cols = o.putArray("columns");
        r.columns().forEach(cols::add);
        ArrayNode rows = o.putArray("rows");
        for (Study.Row row : r.rows()) {
            ObjectNode ro = rows.addObject().put("label", row.label());
            ArrayNode v = ro.putArray("values");
            for (double x : row.values()) {
                if (Double.isFinite(x)) {
                    v.add(x);
                } else {
                    v.addNull();
                }
            }
            if (row.note() != null) {
                ro.put("note", row.note());
            } else {
                ro.putNull("note");
            }
        }
        o.put("best", r.best());
        return o;
    }
}
