package app.descent.cli;

import app.descent.training.Bench;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Training throughput: the Descent trainer against a bare DJL loop (MLP 784-128-10 on MNIST,",
            "Adam 1e-3, batch 64) and against the limit, libtorch's rate on the step's own matrix products",
            "(measured in the same rounds), and steps per second of a 2-8-8-2 tanh net on a toy set (batch 10, SGD)."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--seconds", defaultValue = "5", description = "Length of each measurement after warm-up (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--window", description = {"Also time the Training workspace in a window: steps, boundary pictures",
        "and rendered frames per second while the toy net trains on xor (headless, software-rendered, without a display)."})
    boolean window;

    @Option(names = "--startup", description = {"Time to the first frame of the main window instead: the median of",
        "--runs fresh starts, against the smallest JavaFX window started the same way (same Java, options, jars)."})
    boolean startup;

    @Option(names = "--runs", defaultValue = "5", description = "Starts of each window for --startup (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--workspace", description = "The workspace the window opens on for --startup "
            + "(backprop, builder, training, compare, practice; default: the one left open).")
    String workspace;

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0 && seconds <= 600)) {
            throw new app.descent.UserInputException("--seconds must be between 0 and 600, not " + seconds);
        }
        if (startup) {
            return startup();
        }
        if (workspace != null) {
            throw new app.descent.UserInputException("--workspace goes with --startup");
        }
        Bench.Result r = Bench.run(seconds);
        app.descent.WindowService.WindowBenchResult w = window ? app.descent.WindowService.get().benchWindow(seconds) : null;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("samplesPerSecond", Math.round(r.samplesPerSecond()));
            o.put("bareDjlSamplesPerSecond", Math.round(r.bareDjlSamplesPerSecond()));
            o.put("ratioToBareDjl", Math.round(r.ratio() * 1000) / 1000.0);
            o.put("stagedBareDjlSamplesPerSecond", Math.round(r.stagedBareDjlSamplesPerSecond()));
            o.put("ratioToStagedBareDjl", Math.round(r.ratioToStaged() * 1000) / 1000.0);
            o.put("libtorchThreads", Bench.threads());
            o.put("toyStepsPerSecond", Math.round(r.toyStepsPerSecond()));
            o.put("flopsPerSample", r.limit().flopsPerSample());
            o.put("achievedGflops", Math.round(r.limit().achievedGflops() * 100) / 100.0);
            o.put("matmulGflops", Math.round(r.limit().matmulGflops() * 100) / 100.0);
            o.put("shareOfLimit", Math.round(r.limit().shareOfLimit() * 1000) / 1000.0);
            if (w != null) {
                o.put("windowStepsPerSecond", Math.round(w.stepsPerSecond()));
                o.put("boundaryPicturesPerSecond", Math.round(w.picturesPerSecond() * 10) / 10.0);
                o.put("renderedFramesPerSecond", Math.round(w.framesPerSecond() * 10) / 10.0);
                o.put("windowHeadless", w.headless());
                o.put("renderer", w.renderer());
                // share of one core each thread used while measured: where a slow window spends its time
                ObjectNode load = o.putObject("threadLoad");
                w.threadLoad().forEach(load::put);
            }
            o.put("batchSize", Bench.BATCH);
            o.put("cpus", Runtime.getRuntime().availableProcessors());
            o.put("seconds", Math.round(r.seconds() * 10) / 10.0);
            out.println(Json.write(o));
        } else {
            out.printf("Descent trainer   %,10.0f samples/s  (MLP 784-128-10, Adam, batch %d)%n", r.samplesPerSecond(), Bench.BATCH);
            out.printf("bare DJL loop     %,10.0f samples/s  (ratio %.3f)%n", r.bareDjlSamplesPerSecond(), r.ratio());
            out.printf("bare, staged      %,10.0f samples/s  (ratio %.3f; batches in reused native memory, as the trainer)%n",
                    r.stagedBareDjlSamplesPerSecond(), r.ratioToStaged());
            out.printf("toy 2-8-8-2 net   %,10.0f steps/s    (batch 10, SGD)%n", r.toyStepsPerSecond());
            out.printf("the limit         %,10.1f GFLOP/s   (libtorch multiplying the step's own matrices, forward and "
                    + "backward, %d thread%s)%n", r.limit().matmulGflops(), Bench.threads(), Bench.threads() == 1 ? "" : "s");
            out.printf("trainer achieves  %,10.1f GFLOP/s   (%,d FLOPs per sample; share of the limit %.3f, median of rounds)%n",
                    r.limit().achievedGflops(), r.limit().flopsPerSample(), r.limit().shareOfLimit());
            if (w != null) {
                out.printf("in the window     %,10.0f steps/s    with %.1f boundary pictures/s and %.1f rendered frames/s (%s%s)%n",
                        w.stepsPerSecond(), w.picturesPerSecond(), w.framesPerSecond(),
                        w.headless() ? "headless, " : "", "renderer " + w.renderer());
                out.printf("  threads (share of a core): %s%n", w.threadLoad());
            }
        }
        out.flush();
        return 0;
    }

    private int startup() throws Exception {
        if (runs < 1 || runs > 50) {
            throw new app.descent.UserInputException("--runs must be between 1 and 50, not " + runs);
        }
        if (window) {
            throw new app.descent.UserInputException("--window and --startup are separate benchmarks; choose one");
        }
        StartupBench.Result r = StartupBench.run(runs, workspace);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("startupMillis", r.startupMillis());
            o.put("baselineMillis", r.baselineMillis());
            o.put("startupRatio", r.ratio());
            o.put("workspace", r.workspace());
            o.put("runs", runs);
            var s = o.putArray("startupRunsMillis");
            for (long v : r.startupRuns()) {
                s.add(v);
            }
            var b = o.putArray("baselineRunsMillis");
            for (long v : r.baselineRuns()) {
                b.add(v);
            }
            o.put("cpus", Runtime.getRuntime().availableProcessors());
            out.println(Json.write(o));
        } else {
            out.printf("Descent's window  %,6d ms to its first frame (median of %d starts; workspace %s)%n",
                    r.startupMillis(), runs, r.workspace());
            out.printf("bare JavaFX       %,6d ms (one Stage, same Java, options and jars)%n", r.baselineMillis());
            out.printf("ratio             %6.2f%n", r.ratio());
        }
        out.flush();
        return 0;
    }
}
