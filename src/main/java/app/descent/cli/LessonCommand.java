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
import picocli.CommandLine.Mixin;
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

    @Mixin
    Folders folders = new Folders();

    @Override
    public Integer call() {
        if (!list) {
            throw new ParameterException(spec.commandLine(), "give --list, or a command: show, check");
        }
        PrintWriter out = spec.commandLine().getOut();
        LessonCatalog catalog = LessonCatalog.load(folders.list);
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

    /** Whether the arguments only name lesson folders for the window: {@code --lessons DIR} (or =DIR), repeated. */
    public static boolean opensWindow(String... args) {
        if (args.length == 0) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--lessons=")) {
                continue;
            }
            if (!args[i].equals("--lessons") || ++i >= args.length) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code descent --lessons DIR…}: the window opens with these folders' lessons too (they add or replace lessons by
     * id, as with the lesson commands). Returns 0, or 2 after one line on stderr when a folder is missing.
     */
    public static int windowFolders(String... args) {
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            folders.add(args[i].startsWith("--lessons=") ? args[i].substring("--lessons=".length()) : args[++i]);
        }
        for (String f : folders) {
            if (!java.nio.file.Files.isDirectory(Path.of(f))) {
                PrintWriter err = Cli.commandLine().getErr();
                err.println("descent: --lessons " + f + ": no such folder of lessons");
                err.flush();
                return Cli.USAGE;
            }
        }
        System.setProperty(LessonCatalog.WINDOW_FOLDERS, String.join(java.io.File.pathSeparator,
                folders.stream().map(f -> Path.of(f).toAbsolutePath().normalize().toString()).toList()));
        return 0;
    }

    /** {@code --lessons DIR}, repeatable, before or after show and check: folders that add or replace lessons by id. */
    static final class Folders {
        @Option(names = "--lessons", paramLabel = "DIR",
                description = "A folder of lesson files that add or replace lessons by id.")
        List<Path> list = new ArrayList<>();
    }

    /** What show and check share: the lesson named by id or file, found among the folders given to either command. */
    abstract static class OneLesson {
        @Spec
        CommandSpec spec;

        @ParentCommand
        LessonCommand parent;

        @Mixin
        Folders folders = new Folders();

        @Parameters(paramLabel = "ID|FILE", description = "A lesson id or a lesson file.")
        String lesson;

        Lesson find() {
            List<Path> all = new ArrayList<>(parent.folders.list);
            all.addAll(folders.list);
            return LessonCatalog.load(all).find(lesson);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints the parsed lesson.")
    static final class Show extends OneLesson implements Callable<Integer> {
        @Option(names = "--json", description = "As JSON (the only form for now).")
        boolean json;

        @Override
        public Integer call() {
            Lesson l = find();
            PrintWriter out = spec.commandLine().getOut();
            out.println(Json.write(LessonJson.toJson(l)));
            out.flush();
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Runs every action of a lesson headless and verifies every check.",
                "Exit code 0 when all hold, 1 when a check or an action fails, 2 for an unknown id or a malformed file."})
    static final class Check extends OneLesson implements Callable<Integer> {
        @Option(names = "--json", description = "{\"id\", \"status\", \"steps\": [{\"title\", \"action\", \"checks\": "
                + "[{\"ask\", \"status\", \"expected\", \"got\"}]}]}.")
        boolean json;

        @Override
        public Integer call() {
            Lesson l = find();
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
