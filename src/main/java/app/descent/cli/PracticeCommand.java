package app.descent.cli;

import app.descent.practice.Exercise;
import app.descent.practice.Grade;
import app.descent.practice.PracticeException;
import app.descent.practice.Topic;
import app.descent.practice.Topics;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "practice", mixinStandardHelpOptions = true,
        description = {"Generated exercises with worked solutions, and grading of your answers.",
            "Example: descent practice --topic backprop --seed 7",
            "         descent practice --topic backprop --seed 7 --answer '{\"value\": 6, \"gradients\": {...}}'",
            "         descent practice --topic quiz --seed 3 --answer 0,2"})
public final class PracticeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "List the topics.")
    boolean list;

    @Option(names = "--json", description = "Print JSON: the topic list, the exercise, or the grade.")
    boolean json;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "The topic id (see --list).")
    String topic;

    @Option(names = "--seed", paramLabel = "N",
            description = "The exercise number: the same seed gives the same exercise (random when omitted).")
    Long seed;

    @Option(names = "--difficulty", paramLabel = "LEVEL",
            description = "easy, normal or hard: how much working the exercise takes (default: any).")
    String difficulty;

    @Option(names = "--answer", paramLabel = "TEXT",
            description = "Grade this answer: JSON like the exercise's answer, or numbers separated by commas or spaces"
                    + " (quiz: option indices such as 0,2). Needs --seed.")
    String answer;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            printList(out);
        } else {
            if (topic == null) {
                throw new PracticeException("a topic is required: --topic TOPIC (see --list)");
            }
            Topic t = Topics.get(topic);
            if (answer != null && seed == null) {
                throw new PracticeException("--answer needs the --seed of the exercise it answers");
            }
            long n = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1_000_000);
            Exercise e = exercise(t, n);
            if (answer != null) {
                printGrade(out, t, e, t.check(e, answer));
            } else {
                printExercise(out, e, n);
            }
        }
        out.flush();
        return 0;
    }

    /** The exercise of this seed at the chosen difficulty. */
    Exercise exercise(Topic t, long n) {
        return difficulty == null ? t.generate(n) : app.descent.practice.Difficulty.parse(difficulty).generate(t, n);
    }

    /** What --json prints for an exercise (the lessons' practice result). */
    static ObjectNode exerciseJson(Exercise e) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("topic", e.topic());
        o.put("question", e.question());
        o.set("given", e.given());
        o.set("answer", e.answer());
        ArrayNode steps = o.putArray("solution");
        e.solution().forEach(steps::add);
        ArrayNode labels = o.putArray("labels");
        e.labels().forEach(labels::add);
        return o;
    }

    private void printList(PrintWriter out) {
        if (json) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            for (Topic t : Topics.all()) {
                a.addObject().put("topic", t.id()).put("title", t.title());
            }
            out.println(Json.write(a));
        } else {
            for (Topic t : Topics.all()) {
                out.printf("  %-18s %s%n", t.id(), t.title());
            }
        }
    }

    private void printExercise(PrintWriter out, Exercise e, long n) {
        if (json) {
            out.println(Json.write(exerciseJson(e)));
            return;
        }
        out.println(e.topic() + " (seed " + n + ")");
        out.println();
        out.println(e.question());
        out.println();
        out.println("Solution");
        for (String s : e.solution()) {
            out.println("  " + s);
        }
        out.println();
        out.println("Answer: " + Json.write(e.answer()));
    }

    private void printGrade(PrintWriter out, Topic t, Exercise e, Grade g) {
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("correct", g.correct());
            o.put("feedback", g.feedback());
            o.put("topic", t.id());
            o.put("seed", seed);
            o.set("expected", e.answer());
            ArrayNode off = o.putArray("off");
            g.off().forEach(off::add);
            out.println(Json.write(o));
        } else {
            out.println(g.feedback());
            if (!g.correct()) {
                out.println("Run the same command without --answer to see the worked solution.");
            }
        }
    }
}
