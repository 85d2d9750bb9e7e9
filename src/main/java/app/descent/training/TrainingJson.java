package app.descent.training;

import app.descent.UserInputException;
import app.descent.catalog.Optimizers;
import app.descent.session.JsonFields;
import app.descent.session.SessionException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Training settings and a run's figures in a session's JSON. Settings use {@code descent train}'s option names
 * ({@code loss}, {@code optimizer}, {@code lr}, the optimizer's own options such as {@code momentum} or {@code betas},
 * {@code batch-size}, {@code epochs}, {@code init}, {@code schedule}, {@code clip}, {@code patience}, {@code seed},
 * {@code device}); a value that descent train would refuse is refused here too, naming the field.
 */
public final class TrainingJson {
    /** The keys of {@link #settings(TrainingRun.Settings)} besides the optimizer's own options. */
    public static final List<String> SETTINGS = List.of("loss", "optimizer", "lr", "batch-size", "epochs", "init",
            "schedule", "clip", "patience", "seed", "device");

    private TrainingJson() {
    }

    public static ObjectNode settings(TrainingRun.Settings s) {
        ObjectNode o = JsonFields.object();
        o.put("loss", s.loss().name().toLowerCase(java.util.Locale.ROOT));
        optimizer(s.optimizer(), o);
        o.put("batch-size", s.batchSize());
        o.put("epochs", s.epochs());
        o.put("init", s.init().toString());
        o.put("schedule", s.schedule().text());
        o.put("clip", s.clipNorm());
        o.put("patience", s.patience());
        o.put("seed", s.seed());
        o.put("device", s.device());
        return o;
    }

    /** {@code optimizer}, {@code lr} and the optimizer's own options by their command-line names, into {@code o}. */
    public static ObjectNode optimizer(OptimizerSpec spec, ObjectNode o) {
        o.put("optimizer", spec.name());
        o.put("lr", spec.lr());
        for (String option : options(spec)) {
            List<Optimizers.Hyperparameter> parts = Optimizers.HYPERPARAMETERS.stream()
                    .filter(h -> h.option().equals(option)).toList();
            if (parts.size() == 1) {
                o.put(option, spec.get(parts.get(0).id()));
            } else {
                ArrayNode a = o.putArray(option);
                parts.forEach(h -> a.add(spec.get(h.id())));
            }
        }
        return o;
    }

    /** The options (command-line names) of an optimizer's hyperparameters, in the registry's order. */
    private static List<String> options(OptimizerSpec spec) {
        List<String> out = new ArrayList<>();
        for (Optimizers.Hyperparameter h : Optimizers.HYPERPARAMETERS) {
            if (spec.has(h.id()) && !out.contains(h.option())) {
                out.add(h.option());
            }
        }
        return out;
    }

    /** The settings of {@link #settings(TrainingRun.Settings)}; a bad or unknown field is an error naming it. */
    public static TrainingRun.Settings settings(JsonFields f) {
        java.util.Iterator<String> names = f.node().fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!SETTINGS.contains(key) && !Optimizers.options().contains(key)) {
                throw f.error(key, "unknown setting");
            }
        }
        OptimizerSpec optimizer = optimizer(f);
        Losses.Kind loss = checked(f, "loss", () -> Losses.Kind.parse(f.text("loss")));
        Initializer init = checked(f, "init", () -> Initializer.parse(f.text("init")));
        Schedule schedule = checked(f, "schedule", () -> Schedule.parse(f.text("schedule")));
        String device = f.text("device");
        if (!device.equals("cpu") && !device.equals("gpu")) {
            throw f.error("device", "expected cpu or gpu, not '" + device + "'");
        }
        int batch = f.integer("batch-size");
        int epochs = f.integer("epochs");
        double clip = f.number("clip");
        int patience = f.integer("patience");
        long seed = f.longInteger("seed");
        if (batch < 1) {
            throw f.error("batch-size", "must be at least 1, not " + batch);
        }
        if (epochs < 1) {
            throw f.error("epochs", "must be at least 1, not " + epochs);
        }
        if (!(clip >= 0)) {
            throw f.error("clip", "must be at least 0, not " + clip);
        }
        if (patience < 0) {
            throw f.error("patience", "must be at least 0, not " + patience);
        }
        return checked(f, "batch-size", () -> new TrainingRun.Settings(loss, optimizer, init, batch, epochs, seed,
                schedule, clip, patience, device));
    }

    /** The optimizer of {@link #optimizer(OptimizerSpec, ObjectNode)}; other fields of {@code f} are not looked at. */
    public static OptimizerSpec optimizer(JsonFields f) {
        String name = f.text("optimizer");
        double lr = f.number("lr");
        OptimizerSpec opt = checked(f, "optimizer", () -> OptimizerSpec.of(name, OptimizerSpec.defaultLr(name)));
        opt = checked(f, "lr", withLr(opt, lr));
        for (String option : Optimizers.options()) {
            if (!f.has(option)) {
                continue;
            }
            JsonNode v = f.node().get(option);
            String text;
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.asText()));
                text = String.join(",", parts);
            } else if (v.isNumber()) {
                text = v.asText();
            } else {
                throw f.error(option, "expected a number, not " + v);
            }
            OptimizerSpec base = opt;
            opt = checked(f, option, () -> {
                OptimizerSpec s = base;
                for (Map.Entry<String, Double> h : Optimizers.parse(option, text).entrySet()) {
                    s = s.with(h.getKey(), h.getValue());
                }
                return s;
            });
        }
        return opt;
    }

    private static Supplier<OptimizerSpec> withLr(OptimizerSpec opt, double lr) {
        return () -> opt.withLr(lr);
    }

    /** Runs {@code make}, turning a refusal into an error naming {@code field}. */
    public static <T> T checked(JsonFields f, String field, Supplier<T> make) {
        try {
            return make.get();
        } catch (SessionException e) {
            throw e;
        } catch (UserInputException e) {
            throw f.error(field, e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ a run's log

    /**
     * A run's figures: {@code steps-per-epoch}, {@code train-loss} as [step, loss] pairs, {@code epochs} as objects
     * ({@code epoch}, {@code step}, {@code train-loss}, {@code train-accuracy}, {@code val-loss},
     * {@code val-accuracy}, {@code seconds}), {@code test} ({@code loss}, {@code accuracy}, {@code steps},
     * {@code seconds}, {@code reason}) once it finished, {@code diverged} ({@code step}, {@code reason}),
     * {@code confusion} ({@code classes}, {@code counts}), {@code mistakes} (the misclassified test examples shown:
     * {@code indices} in the run's test set and the classes {@code predicted}) and {@code boundary} ({@code classes}, {@code grid},
     * {@code probabilities}).
     */
    public static ObjectNode log(RunLog log, ObjectNode o) {
        o.put("steps-per-epoch", log.stepsPerEpoch());
        o.set("train-loss", JsonFields.rows(log.steps()));
        ArrayNode epochs = o.putArray("epochs");
        for (RunLog.EpochAt at : log.epochs()) {
            TrainingEvent.Epoch e = at.epoch();
            ObjectNode x = epochs.addObject();
            x.put("epoch", e.epoch());
            x.put("step", at.step());
            JsonFields.put(x, "train-loss", e.trainLoss());
            JsonFields.put(x, "train-accuracy", e.trainAccuracy());
            JsonFields.put(x, "val-loss", e.valLoss());
            JsonFields.put(x, "val-accuracy", e.valAccuracy());
            JsonFields.put(x, "seconds", e.seconds());
        }
        if (log.done() != null) {
            ObjectNode t = o.putObject("test");
            JsonFields.put(t, "loss", log.done().testLoss());
            JsonFields.put(t, "accuracy", log.done().testAccuracy());
            t.put("steps", log.done().steps());
            JsonFields.put(t, "seconds", log.done().seconds());
            t.put("reason", log.done().reason());
        }
        if (log.diverged() != null) {
            ObjectNode d = o.putObject("diverged");
            d.put("step", log.diverged().step());
            d.put("reason", log.diverged().reason());
        }
        if (log.confusion() != null) {
            ObjectNode c = o.putObject("confusion");
            c.set("classes", JsonFields.texts(log.classNames()));
            ArrayNode rows = c.putArray("counts");
            for (int[] row : log.confusion()) {
                ArrayNode r = rows.addArray();
                for (int v : row) {
                    r.add(v);
                }
            }
        }
        if (log.mistakes() != null) {
            ObjectNode m = o.putObject("mistakes");
            ArrayNode indices = m.putArray("indices");
            ArrayNode predicted = m.putArray("predicted");
            for (int i = 0; i < log.mistakes().length; i++) {
                indices.add(log.mistakes()[i]);
                predicted.add(log.mistakesPredicted()[i]);
            }
        }
        if (log.boundary() != null) {
            ObjectNode b = o.putObject("boundary");
            b.put("classes", log.boundaryClasses());
            b.put("grid", log.boundaryGrid());
            ArrayNode p = b.putArray("probabilities");
            for (float v : log.boundary()) {
                p.add(v);
            }
        }
        return o;
    }

    /** The log of run {@code run} from {@link #log(RunLog, ObjectNode)}'s fields in {@code f}. */
    public static RunLog log(int run, JsonFields f) {
        RunLog log = new RunLog(run);
        long perEpoch = f.longInteger("steps-per-epoch");
        if (perEpoch < 1) {
            throw f.error("steps-per-epoch", "must be at least 1, not " + perEpoch);
        }
        log.stepsPerEpoch(perEpoch);
        double[][] steps = f.rows("train-loss", 2);
        List<JsonFields> epochs = f.objects("epochs");
        // events in the order they came: each epoch after the steps up to the step it ended on
        int k = 0;
        for (JsonFields e : epochs) {
            long at = e.longInteger("step");
            while (k < steps.length && steps[k][0] <= at) {
                log.add(new TrainingEvent.Step(run, (long) steps[k][0], 0, steps[k][1], Double.NaN));
                k++;
            }
            if (log.lastStep() != at) {
                throw e.error("step", "no training step " + at + " before this epoch");
            }
            log.add(new TrainingEvent.Epoch(run, e.integer("epoch"), e.number("train-loss"),
                    e.number("train-accuracy"), e.number("val-loss"), e.number("val-accuracy"), e.number("seconds")));
        }
        for (; k < steps.length; k++) {
            log.add(new TrainingEvent.Step(run, (long) steps[k][0], 0, steps[k][1], Double.NaN));
        }
        if (f.has("test")) {
            JsonFields t = f.object("test");
            log.add(new TrainingEvent.Done(run, t.number("loss"), t.number("accuracy"), t.longInteger("steps"),
                    t.number("seconds"), t.optionalText("reason")));
        }
        if (f.has("diverged")) {
            JsonFields d = f.object("diverged");
            log.add(new TrainingEvent.Diverged(run, d.longInteger("step"), d.text("reason")));
        }
        if (f.has("confusion")) {
            JsonFields c = f.object("confusion");
            List<String> classes = c.texts("classes");
            List<JsonNode> rows = c.list("counts");
            if (rows.size() != classes.size()) {
                throw c.error("counts", classes.size() + " rows expected, one per class, not " + rows.size());
            }
            int[][] counts = new int[rows.size()][];
            for (int i = 0; i < counts.length; i++) {
                JsonNode r = rows.get(i);
                if (!r.isArray() || r.size() != classes.size()) {
                    throw c.error("counts[" + i + "]", classes.size() + " counts expected, not " + r);
                }
                counts[i] = new int[r.size()];
                for (int j = 0; j < counts[i].length; j++) {
                    if (!r.get(j).canConvertToInt() || !r.get(j).isIntegralNumber() || r.get(j).intValue() < 0) {
                        throw c.error("counts[" + i + "][" + j + "]", "expected a count, not " + r.get(j));
                    }
                    counts[i][j] = r.get(j).intValue();
                }
            }
            log.confusion(counts, classes);
        }
        if (f.has("mistakes")) {
            JsonFields m = f.object("mistakes");
            if (log.confusion() == null) {
                throw m.error("indices", "misclassified examples need the confusion matrix they come from");
            }
            int[] indices = counts(m, "indices", Integer.MAX_VALUE);
            int[] predicted = counts(m, "predicted", log.classNames().size());
            if (predicted.length != indices.length) {
                throw m.error("predicted", indices.length + " predictions expected, one per index, not "
                        + predicted.length);
            }
            log.mistakes(indices, predicted);
        }
        if (f.has("boundary")) {
            JsonFields b = f.object("boundary");
            int classes = b.integer("classes");
            int grid = b.integer("grid");
            double[] p = b.numbers("probabilities");
            if (classes < 1 || grid < 2 || p.length == 0 || p.length % ((long) grid * grid) != 0) {
                throw b.error("probabilities", "expected a multiple of grid × grid = " + (long) grid * grid
                        + " numbers, not " + p.length);
            }
            float[] probabilities = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                probabilities[i] = (float) p[i];
            }
            log.boundary(probabilities, classes, grid);
        }
        return log;
    }

    /** An array of whole numbers from 0 to {@code below} - 1. */
    private static int[] counts(JsonFields f, String field, int below) {
        List<JsonNode> items = f.list(field);
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = items.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0 || v.intValue() >= below) {
                throw f.error(field + "[" + i + "]", below == Integer.MAX_VALUE ? "expected an index, not " + v
                        : "expected a class from 0 to " + (below - 1) + ", not " + v);
            }
            out[i] = v.intValue();
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ inspections

    /**
     * An inspection ({@code step}, {@code loss-kind}, {@code loss}, {@code batch-size}, {@code layers}), each layer
     * with its output's statistics and histogram and its weight's and gradient's where it has a weight.
     */
    public static ObjectNode inspection(Inspection in) {
        ObjectNode o = JsonFields.object();
        o.put("step", in.step());
        o.put("loss-kind", in.lossKind().name().toLowerCase(java.util.Locale.ROOT));
        JsonFields.put(o, "loss", in.loss());
        o.put("batch-size", in.batchSize());
        ArrayNode layers = o.putArray("layers");
        for (Inspection.Layer l : in.layers()) {
            ObjectNode x = layers.addObject();
            x.put("index", l.index());
            x.put("name", l.name());
            x.put("type", l.type());
            ArrayNode shape = x.putArray("output-shape");
            for (long d : l.outputShape()) {
                shape.add(d);
            }
            x.set("output", stats(l.output()));
            x.set("output-histogram", histogram(l.outputHistogram()));
            if (l.weight() != null) {
                x.set("weight", stats(l.weight()));
                x.set("weight-histogram", histogram(l.weightHistogram()));
            }
            if (l.gradient() != null) {
                x.set("gradient", stats(l.gradient()));
            }
            JsonFields.put(x, "dead-fraction", l.deadFraction());
        }
        return o;
    }

    public static Inspection inspection(JsonFields f) {
        Losses.Kind kind = checked(f, "loss-kind", () -> Losses.Kind.parse(f.text("loss-kind")));
        List<Inspection.Layer> layers = new ArrayList<>();
        for (JsonFields x : f.objects("layers")) {
            double[] shape = x.numbers("output-shape");
            long[] dims = new long[shape.length];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = (long) shape[i];
            }
            layers.add(new Inspection.Layer(x.integer("index"), x.text("name"), x.text("type"), dims,
                    stats(x.object("output")), histogram(x.object("output-histogram")),
                    x.has("weight") ? stats(x.object("weight")) : null,
                    x.has("weight-histogram") ? histogram(x.object("weight-histogram")) : null,
                    x.has("gradient") ? stats(x.object("gradient")) : null, x.number("dead-fraction")));
        }
        return new Inspection(f.longInteger("step"), kind, f.number("loss"), f.integer("batch-size"), layers);
    }

    private static ObjectNode stats(Inspection.Stats s) {
        ObjectNode o = JsonFields.object();
        o.put("count", s.count());
        JsonFields.put(o, "mean", s.mean());
        JsonFields.put(o, "std", s.std());
        JsonFields.put(o, "norm", s.norm());
        JsonFields.put(o, "min", s.min());
        JsonFields.put(o, "max", s.max());
        return o;
    }

    private static Inspection.Stats stats(JsonFields f) {
        return new Inspection.Stats(f.longInteger("count"), f.number("mean"), f.number("std"), f.number("norm"),
                f.number("min"), f.number("max"));
    }

    private static ObjectNode histogram(Inspection.Histogram h) {
        ObjectNode o = JsonFields.object();
        JsonFields.put(o, "min", h.min());
        JsonFields.put(o, "max", h.max());
        ArrayNode c = o.putArray("counts");
        for (long v : h.counts()) {
            c.add(v);
        }
        return o;
    }

    private static Inspection.Histogram histogram(JsonFields f) {
        double[] c = f.numbers("counts");
        long[] counts = new long[c.length];
        for (int i = 0; i < c.length; i++) {
            if (!(c[i] >= 0) || c[i] != Math.rint(c[i])) {
                throw f.error("counts[" + i + "]", "expected a count, not " + c[i]);
            }
            counts[i] = (long) c[i];
        }
        return new Inspection.Histogram(f.number("min"), f.number("max"), counts);
    }

    /** Names by field of a map, for settings given as text (a lesson's, the command line's). */
    public static Map<String, String> texts(JsonFields f) {
        Map<String, String> out = new LinkedHashMap<>();
        f.node().fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isArray()
                ? String.join(",", java.util.stream.StreamSupport.stream(e.getValue().spliterator(), false)
                        .map(JsonNode::asText).toList()) : e.getValue().asText()));
        return out;
    }
}
