package app.descent.cli;

import app.descent.graph.Backprop;
import app.descent.graph.BackwardStep;
import app.descent.graph.ComputationGraph;
import app.descent.graph.ExpressionException;
import app.descent.graph.ForwardStep;
import app.descent.graph.GradResult;
import app.descent.graph.Node;
import app.descent.UserInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "grad", mixinStandardHelpOptions = true,
        description = {"Value and gradients of an expression, with the backward pass step by step.",
            "Example: descent grad '2*((x*y)+max(z,w))' x=3 y=-4 z=2 w=-1"})
public final class GradCommand implements Callable<Integer> {
    /** The largest --batch file read (a command line holds 128 KiB; a batch of long expressions a little more). */
    static final long MAX_BATCH_BYTES = 256L << 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print {\"value\", \"gradients\"} as JSON.")
    boolean json;

    @Option(names = "--batch", paramLabel = "FILE",
            description = "A JSON array of {\"expr\", \"inputs\"}; prints an array of results, in the same order.")
    Path batch;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EXPR", description = "The expression, in quotes.")
    String expression;

    @Parameters(index = "1..*", paramLabel = "NAME=VALUE", description = "A value for each variable.")
    List<String> assignments = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (batch != null) {
            if (expression != null) {
                throw new ExpressionException("give either --batch FILE or an expression, not both");
            }
            out.println(Json.write(runBatch(batch)));
        } else {
            if (expression == null) {
                throw new ExpressionException("an expression is required, for example: descent grad 'x*y' x=3 y=-4");
            }
            GradResult r = Backprop.run(expression, Backprop.parseAssignments(assignments));
            if (json) {
                out.println(Json.write(result(r)));
            } else {
                printTable(out, r);
            }
        }
        out.flush();
        return 0;
    }

    /** What --json prints for one expression (the lessons' backprop result too). */
    static ObjectNode result(GradResult r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("value", r.value());
        ObjectNode g = o.putObject("gradients");
        r.gradients().forEach(g::put);
        return o;
    }

    private static ArrayNode runBatch(Path file) {
        JsonNode cases;
        try {
            if (Files.size(file) > MAX_BATCH_BYTES) {
                throw new UserInputException(file + ": larger than " + (MAX_BATCH_BYTES >> 20) + " MB");
            }
            cases = Json.MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": file not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UserInputException(file + ": not UTF-8 text");
        } catch (JsonProcessingException e) {
            throw new UserInputException(file + ": not valid JSON" + (e.getLocation() == null
                    ? " (" + e.getOriginalMessage() + ")"
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (cases == null || !cases.isArray()) {
            throw new UserInputException(file + ": expected a JSON array of {\"expr\", \"inputs\"}");
        }
        ArrayNode results = Json.MAPPER.createArrayNode();
        int index = 0;
        for (JsonNode c : cases) {
            try {
                results.add(result(Backprop.run(text(c, index), inputs(c, index))));
            } catch (ExpressionException e) {
                results.addObject().put("error", e.getMessage());
            }
            index++;
        }
        return results;
    }

    private static String text(JsonNode c, int index) {
        JsonNode expr = c.get("expr");
        if (expr == null || !expr.isTextual()) {
            throw new ExpressionException("case " + index + " has no \"expr\" string");
        }
        return expr.asText();
    }

    private static Map<String, Double> inputs(JsonNode c, int index) {
        Map<String, Double> values = new LinkedHashMap<>();
        JsonNode inputs = c.get("inputs");
        if (inputs == null) {
            return values;
        }
        if (!inputs.isObject()) {
            throw new ExpressionException("case " + index + ": \"inputs\" must be an object of numbers");
        }
        var fields = inputs.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().isNumber()) {
                throw new ExpressionException("the value of " + e.getKey() + " is not a number: " + e.getValue());
            }
            values.put(e.getKey(), e.getValue().asDouble());
        }
        return values;
    }

    private static void printTable(PrintWriter out, GradResult r) {
        ComputationGraph g = r.graph();
        out.println("Forward pass");
        for (ForwardStep s : r.forward()) {
            out.printf("  %s%n", s.text().replaceFirst("^Forward: ", ""));
        }
        out.printf("  f = %s%n%n", ComputationGraph.format(r.value()));
        out.println("Backward pass (downstream = upstream × local)");
        out.printf("  %-22s %-14s %12s %12s %12s%n", "node", "input", "upstream", "local", "downstream");
        for (BackwardStep s : r.backward()) {
            Node n = g.nodes().get(s.node());
            for (BackwardStep.Flow f : s.flows()) {
                out.printf("  %-22s %-14s %12s %12s %12s%n", clip(g.text(n.id()), 22), clip(g.text(f.input()), 14),
                        ComputationGraph.format(s.upstream()), ComputationGraph.format(f.local()),
                        ComputationGraph.format(f.downstream()));
            }
        }
        out.println();
        out.printf("  %-10s %16s %16s%n", "gradient", "backprop", "central diff.");
        r.gradients().forEach((name, value) -> out.printf("  %-10s %16s %16s%n", "∂f/∂" + name,
                ComputationGraph.format(value), ComputationGraph.format(r.numericGradients().get(name))));
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
