package app.descent.cli;

import app.descent.UserInputException;
import app.descent.Versions;
import app.descent.training.ComputeEngine;
import app.descent.training.ComputeEngine.EngineStatus;
import app.descent.training.data.ShippedDataset;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Proves the installation works: versions, compute devices, shipped datasets, "
                + "and a real computation on the engine. Exit code 0 when everything is ok.")
public final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        EngineStatus engine = ComputeEngine.probe();
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("java", Versions.java());
        out.put("javafx", Versions.javafx());
        out.put("djl", ComputeEngine.djlVersion());
        out.put("platform", ComputeEngine.platform());
        out.put("engine", engine.engine());
        out.put("engineVersion", engine.engineVersion());
        ArrayNode devices = out.putArray("devices");
        engine.devices().forEach(devices::add);
        ArrayNode datasets = out.putArray("datasets");
        String problem = engine.ok() ? null : engine.detail();
        for (ShippedDataset d : ShippedDataset.values()) {
            ObjectNode entry = datasets.addObject().put("name", d.id());
            try {
                entry.put("train", d.trainCount()).put("test", d.testCount());
            } catch (UserInputException e) {
                entry.put("error", e.getMessage());
                problem = problem == null ? e.getMessage() : problem;
            }
        }
        out.put("check", problem == null ? "ok" : "failed: " + problem);

        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.write(out));
        } else {
            printText(w, out);
        }
        w.flush();
        return problem == null ? 0 : 1;
    }

    private static void printText(PrintWriter w, ObjectNode out) {
        w.printf("Java        %s%n", out.get("java").asText());
        w.printf("JavaFX      %s%n", out.get("javafx").asText());
        w.printf("DJL         %s%n", out.get("djl").asText());
        w.printf("Platform    %s%n", out.get("platform").asText());
        w.printf("Engine      %s %s%n", out.get("engine").asText(), out.get("engineVersion").asText());
        w.printf("Devices     %s%n", devicesText(out));
        for (var d : out.get("datasets")) {
            if (d.has("error")) {
                w.printf("Dataset     %-14s %s%n", d.get("name").asText(), d.get("error").asText());
            } else {
                w.printf("Dataset     %-14s %,d train / %,d test%n", d.get("name").asText(),
                        d.get("train").asLong(), d.get("test").asLong());
            }
        }
        w.printf("Check       %s%n", out.get("check").asText());
    }

    private static String devicesText(ObjectNode out) {
        StringBuilder b = new StringBuilder();
        out.get("devices").forEach(d -> b.append(b.length() == 0 ? "" : ", ").append(d.asText()));
        return b.toString();
    }
}
