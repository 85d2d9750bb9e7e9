package app.descent.cli;

import app.descent.lessons.Lesson;
import app.descent.lessons.LessonCatalog;
import app.descent.lessons.LessonCheck;
import app.descent.lessons.LessonJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "lesson", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {LessonCommand.Show.class, LessonCommand.Check.class},
        description = {"The course's lessons: guided, checked walk-throughs (docs/lessons.md describes the file format).",
            "Shipped lessons, then ~/.descent/lessons, then each --lessons DIR: a lesson with the same id replaces one "
                    + "before it.",
            "Example: descent lesson --list; descent lesson check backprop-basics"})
public final class LessonCommand implements Callable<Integer> {
    /** A check failed, or an action failed or diverged. */
    public static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "The lessons: id, title, course, minutes, steps.")
    boolean list;

    @Option(names = "--json", description = "With --list: [{\"id\", \"title\", \"course\", \"minutes\", \"stepCount\"}].")
    boolean json;

    @Option(names = "--lessons", paramLabel = "DIR", description = "A folder of lesson files that add or replace lessons by id.")
    List<Path> folders = new ArrayList<>();

    @Override
    public Integer call() {
        if (!list) {
            throw new ParameterException(spec.commandLine(), "give --list, or a command: show, check");
        }
        PrintWriter out = spec.commandLine().getOut();
        LessonCatalog catalog = LessonCatalog.load(folders);
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (LessonCatalog.Entry e : catalog.entries()) {
            ObjectNode o = a.addObject().put("id", e.id());
            if (e.broken()) {
                o.put("file", e.origin()).put("error", e.error());
            } else {
                Lesson l = e.lesson();
                o.put("title", l.title()).put("course", l.course()).put("minutes", l.minutes())
                        .put("stepCount", l.steps().size());
            }
            if (!json) {
                out.println(e.broken() ? String.format("%-28s error: %s", e.id(), e.error())
                        : String.format("%-28s %-18s %3d min  %2d steps  %s", e.id(), e.lesson().course(),
                                e.lesson().minutes(), e.lesson().steps().size(), e.lesson().title()));
            }
        }
        if (json) {
            out.println(Json.write(a));
        }
        out.flush();
        return 0;
    }

    Lesson find(String idOrFile, List<Path> more) {
        List<Path> all = new ArrayList<>(folders);
        all.addAll(more);
        return LessonCatalog.load(all).find(idOrFile);
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints the parsed lesson.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        LessonCommand parent;

        @Option(names = "--json", description = "As JSON (the only form for now).")
        boolean json;

        @Option(names = "--lessons", paramLabel = "DIR", description = "A folder of lesson files that add or replace lessons by id.")
        List<Path> folders = new ArrayList<>();

        @Parameters(paramLabel = "ID|FILE", description = "A lesson id or a lesson file.")
        String lesson;

        @Override
        public Integer call() {
            Lesson l = parent.find(lesson, folders);
            PrintWriter out = spec.commandLine().getOut();
            out.println(Json.write(LessonJson.toJson(l)));
            out.flush();
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Runs every action of a lesson headless and verifies every check.",
                "Exit code 0 when all hold, 1 when a check or an action fails, 2 for an unknown id or a malformed file."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        LessonCommand parent;

        @Option(names = "--json", description = "{\"id\", \"status\", \"steps\": [{\"title\", \"action\", \"checks\": "
                + "[{\"ask\", \"status\", \"expected\", \"got\"}]}]}.")
        boolean json;

        @Option(names = "--lessons", paramLabel = "DIR", description = "A folder of lesson files that add or replace lessons by id.")
        List<Path> folders = new ArrayList<>();

        @Parameters(paramLabel = "ID|FILE", description = "A lesson id or a lesson file.")
        String lesson;

        @Override
        public Integer call() {
            Lesson l = parent.find(lesson, folders);
            LessonCheck.Report r = LessonCheck.run(l, new LessonActions());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(r.toJson()));
            } else {
                out.println(l.id() + ": " + (r.ok() ? "ok" : "failed"));
                for (LessonCheck.StepResult s : r.steps()) {
                    out.println((s.ok() ? "  ok      " : "  FAILED  ") + s.title()
                            + (s.action().equals("ok") ? "" : "  (action: " + s.action() + ")"));
                    for (LessonCheck.CheckResult c : s.checks()) {
                        if (!c.status().equals("ok")) {
                            out.println("          " + c.status() + ": " + c.ask() + "  expected " + c.expected()
                                    + ", got " + c.got());
                        }
                    }
                }
            }
            out.flush();
            return r.ok() ? 0 : FAILED;
        }
    }
}
