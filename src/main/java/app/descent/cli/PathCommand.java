package app.descent.cli;

import app.descent.UserInputException;
import app.descent.compare.PathRace;
import app.descent.compare.Surface;
import app.descent.graph.Backprop;
import app.descent.graph.ComputationGraph;
import app.descent.training.OptimizerSpec;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "path", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = OptimizerOptions.class,
        description = {"The path of one optimizer on f(x, y), as torch.optim takes it on p = torch.tensor([x, y]):",
            "float32, PyTorch's update rules and defaults. Prints {\"points\": [[x0, y0], …]} (steps + 1 points).",
            "Example: descent path --json --function '(1-x)**2 + 100*(y-x**2)**2' --start x=-1.5,y=2 --optimizer adam "
                    + "--lr 0.05 --steps 100",
            "Exit code 3 when the path stops early (f undefined at the point, or the point left float32): the points",
            "so far are printed with \"stoppedAt\" (the step that failed) and \"reason\". Exit code 2 for a bad option."})
public final class PathCommand implements Callable<Integer> {
    /** The path could not take every step. */
    public static final int STOPPED = 3;
    static final int MAX_STEPS = 1_000_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print {\"points\": [[x0, y0], [x1, y1], …]} (steps + 1 points).")
    boolean json;

    @Option(names = "--function", paramLabel = "EXPR",
            description = "f(x, y) in the Backprop syntax, e.g. 'x**2 - y**2' (required unless --preset gives it).")
    String function;

    @Option(names = "--preset", paramLabel = "ID",
            description = "A surface of the course: valley, steep-optimum, rosenbrock, saddle, bumpy-bowl. It gives "
                    + "the function, the start, the optimizer's learning rate and the steps; options given override them.")
    String preset;

    @Option(names = "--start", paramLabel = "x=A,y=B", description = "The start, e.g. x=-1.5,y=2 (either order).")
    String start;

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "NAME",
            description = "The optimizer (default ${DEFAULT-VALUE}): ${COMPLETION-CANDIDATES}.",
            completionCandidates = OptimizerNames.class)
    String optimizer;

    @Option(names = "--lr", paramLabel = "F", description = "Learning rate (default 0.01, or the preset's).")
    Double lr;

    @Option(names = "--steps", paramLabel = "N", description = "Default 100, or the preset's.")
    Integer steps;

    @Override
    public Integer call() {
        PathRace.Path path = compute();
        Surface surface = Surface.parse(function != null ? function : Surface.preset(preset).expression());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(json(path)));
        } else {
            table(out, surface, path);
        }
        out.flush();
        return path.stopped() ? STOPPED : 0;
    }

    /** The path as the options say (the lessons' paths result is {@link #json} of it). */
    PathRace.Path compute() {
        Surface.Preset p = preset == null ? null : Surface.preset(preset);
        if (function == null && p == null) {
            throw new UserInputException("--function EXPR is required, e.g. --function '(1-x)**2 + 100*(y-x**2)**2'");
        }
        Surface surface = Surface.parse(function != null ? function : p.expression());
        double[] at = start != null ? start(start) : p != null ? new double[] {p.startX(), p.startY()} : null;
        if (at == null) {
            throw new UserInputException("--start x=A,y=B is required, e.g. --start x=-1.5,y=2");
        }
        int n = steps != null ? steps : p != null ? p.steps() : 100;
        if (n < 0 || n > MAX_STEPS) {
            throw new UserInputException("--steps must be between 0 and " + MAX_STEPS + ", not " + n);
        }
        OptimizerSpec opt = spec(p);
        // a start where f is undefined is a mistake in the options, not a path that stopped
        surface.value((float) at[0], (float) at[1]);
        return PathRace.path(surface, at[0], at[1], opt, n);
    }

    private OptimizerSpec spec(Surface.Preset p) {
        String name = optimizer.strip().toLowerCase(Locale.ROOT);
        return OptimizerOptions.apply(spec, OptimizerSpec.of(name, lr != null ? lr : p != null ? p.lr(name) : 0.01));
    }

    /** {@code x=A,y=B} in either order, each exactly once. */
    static double[] start(String text) {
        Map<String, Double> values;
        try {
            values = Backprop.parseAssignments(Arrays.stream(text.split(",", -1)).map(String::strip).toList());
        } catch (UserInputException e) {
            throw new UserInputException("--start: " + e.getMessage() + "; write x=A,y=B, e.g. x=-1.5,y=2");
        }
        for (String name : values.keySet()) {
            if (!name.equals("x") && !name.equals("y")) {
                throw new UserInputException("--start: unknown variable '" + name + "'; write x=A,y=B, e.g. x=-1.5,y=2");
            }
        }
        if (values.size() != 2) {
            throw new UserInputException("--start needs both x and y, not '" + text + "'; write x=A,y=B, e.g. x=-1.5,y=2");
        }
        return new double[] {values.get("x"), values.get("y")};
    }

    static ObjectNode json(PathRace.Path path) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode points = o.putArray("points");
        for (double[] p : path.points()) {
            points.addArray().add(p[0]).add(p[1]);
        }
        if (path.stopped()) {
            o.put("stoppedAt", path.stoppedAt());
            o.put("reason", path.reason());
        }
        return o;
    }

    private static void table(PrintWriter out, Surface surface, PathRace.Path path) {
        OptimizerSpec s = path.spec();
        out.printf("%s, lr %s on f = %s%n", s.name(), s.lr(), surface.expression().replace('\n', ';'));
        out.printf("%6s %16s %16s %16s%n", "step", "x", "y", "f(x, y)");
        double[][] pts = path.points();
        for (int k = 0; k < pts.length; k++) {
            out.printf("%6d %16s %16s %16s%n", k, Float.toString((float) pts[k][0]), Float.toString((float) pts[k][1]),
                    value(surface, pts[k]));
        }
        if (path.stopped()) {
            out.printf("stopped at step %d: %s%n", path.stoppedAt(), path.reason());
        }
    }

    private static String value(Surface surface, double[] p) {
        try {
            return ComputationGraph.format(surface.value(p[0], p[1]), 8);
        } catch (UserInputException e) {
            return "undefined";
        }
    }
}
