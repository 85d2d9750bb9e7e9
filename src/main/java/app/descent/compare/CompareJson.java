package app.descent.compare;

import app.descent.session.JsonFields;
import app.descent.training.OptimizerSpec;
import app.descent.training.TrainingJson;
import app.descent.training.data.DataSplit;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compare's studies, reports and optimizer paths in a session's JSON: settings by the command line's names, figures
 * as plain numbers. Reading checks every field and names the one it refuses.
 */
public final class CompareJson {
    private CompareJson() {
    }

    /** The variation as {@code --vary} writes it, the values as they were typed. */
    public static String varyText(Variation v) {
        return v.key().text() + "=" + String.join(",", v.texts());
    }

    /**
     * A study: {@code {"preset": ID}} for one of the course's, else the whole grid: {@code title}, {@code source},
     * {@code effect}, {@code kind}, {@code dataset}, {@code data} ({@code samples}, {@code noise}, {@code seed},
     * {@code train-size}, {@code val-fraction}), {@code model} (PyTorch code), {@code settings} (descent train's
     * names), {@code vary}, {@code lr-given} and {@code target}.
     */
    public static ObjectNode study(Study s) {
        ObjectNode o = JsonFields.object();
        if (Study.PRESETS.contains(s)) {
            o.put("preset", s.id());
            return o;
        }
        o.put("id", s.id());
        o.put("title", s.title());
        o.put("source", s.source());
        o.put("effect", s.effect());
        o.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
        o.put("dataset", s.dataset());
        ObjectNode d = o.putObject("data");
        d.put("samples", s.data().samples());
        JsonFields.put(d, "noise", s.data().noise());
        d.put("seed", s.data().seed());
        d.put("train-size", s.data().trainSize());
        d.put("val-fraction", s.data().validationFraction());
        o.put("model", s.code());
        o.set("settings", TrainingJson.settings(s.settings()));
        o.put("vary", varyText(s.variation()));
        o.put("lr-given", s.lrGiven());
        JsonFields.put(o, "target", s.target());
        return o;
    }

    public static Study study(JsonFields f) {
        if (f.has("preset")) {
            String id = f.text("preset");
            return TrainingJson.checked(f, "preset", () -> Study.byId(id));
        }
        String kindText = f.text("kind");
        Study.Kind kind;
        try {
            kind = Study.Kind.valueOf(kindText.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw f.error("kind", "unknown kind '" + kindText + "'");
        }
        JsonFields d = f.object("data");
        DataSplit.Options data = TrainingJson.checked(d, "samples", () -> new DataSplit.Options(d.integer("samples"),
                d.number("noise"), d.longInteger("seed"), d.integer("train-size"), d.number("val-fraction")));
        String code = f.text("model");
        TrainingJson.checked(f, "model", () -> app.descent.network.PyTorchImporter.importCode(code).network());
        String vary = f.text("vary");
        Variation variation = TrainingJson.checked(f, "vary", () -> Variation.parse(vary));
        return new Study(f.text("id"), f.text("title"), f.text("source"), f.text("effect"), kind, f.text("dataset"),
                data, code, TrainingJson.settings(f.object("settings")), variation, f.bool("lr-given"),
                f.number("target"));
    }

    /** A study's report: {@code headline}, {@code columns}, {@code rows} ({@code label}, {@code values}, {@code note}), {@code best}. */
    public static ObjectNode report(Study.Report r) {
        ObjectNode o = JsonFields.object();
        o.put("headline", r.headline());
        o.set("columns", JsonFields.texts(r.columns()));
        ArrayNode rows = o.putArray("rows");
        for (Study.Row row : r.rows()) {
            ObjectNode x = rows.addObject();
            x.put("label", row.label());
            x.set("values", JsonFields.numbers(row.values()));
            x.put("note", row.note());
        }
        o.put("best", r.best());
        return o;
    }

    public static Study.Report report(JsonFields f) {
        List<String> columns = f.texts("columns");
        List<Study.Row> rows = new ArrayList<>();
        for (JsonFields x : f.objects("rows")) {
            double[] values = x.numbers("values");
            if (values.length != columns.size()) {
                throw x.error("values", columns.size() + " numbers expected, one per column, not " + values.length);
            }
            rows.add(new Study.Row(x.text("label"), values, x.optionalText("note")));
        }
        int best = f.integer("best");
        if (best < -1 || best >= rows.size()) {
            throw f.error("best", "no row " + best);
        }
        return new Study.Report(f.text("headline"), columns, rows, best);
    }

    /** A surface's window and start (a preset, or the settings a race ran with). */
    public static ObjectNode window(Surface.Preset p) {
        ObjectNode o = JsonFields.object();
        o.put("id", p.id());
        o.put("title", p.title());
        o.put("function", p.expression());
        o.put("x-min", p.xMin());
        o.put("x-max", p.xMax());
        o.put("y-min", p.yMin());
        o.put("y-max", p.yMax());
        o.put("start-x", p.startX());
        o.put("start-y", p.startY());
        o.put("lesson", p.lesson());
        ObjectNode lrs = o.putObject("lr");
        new java.util.TreeMap<>(p.learningRates()).forEach(lrs::put);
        o.put("steps", p.steps());
        return o;
    }

    public static Surface.Preset window(JsonFields f) {
        String function = f.text("function");
        TrainingJson.checked(f, "function", () -> Surface.parse(function));
        Map<String, Double> lrs = new LinkedHashMap<>();
        JsonFields l = f.object("lr");
        l.node().fieldNames().forEachRemaining(k -> lrs.put(k, l.number(k)));
        double xMin = f.number("x-min");
        double xMax = f.number("x-max");
        double yMin = f.number("y-min");
        double yMax = f.number("y-max");
        if (!(xMin < xMax)) {
            throw f.error("x-max", "must be above x-min");
        }
        if (!(yMin < yMax)) {
            throw f.error("y-max", "must be above y-min");
        }
        int steps = f.integer("steps");
        if (steps < 1) {
            throw f.error("steps", "must be at least 1, not " + steps);
        }
        return new Surface.Preset(f.text("id"), f.text("title"), function, xMin, xMax, yMin, yMax,
                f.number("start-x"), f.number("start-y"), f.text("lesson"), lrs, steps);
    }

    /**
     * One optimizer's path: the optimizer by descent path's names ({@code optimizer}, {@code lr}, its options),
     * {@code points} as [x, y] pairs from the start, {@code stopped-at} and {@code reason} if it stopped, {@code final}.
     */
    public static ObjectNode path(PathRace.Path p) {
        ObjectNode o = TrainingJson.optimizer(p.spec(), JsonFields.object());
        o.set("points", JsonFields.rows(List.of(p.points())));
        if (p.stopped()) {
            o.put("stopped-at", p.stoppedAt());
            o.put("reason", p.reason());
        }
        JsonFields.put(o, "final", p.finalValue());
        return o;
    }

    public static PathRace.Path path(JsonFields f) {
        OptimizerSpec spec = TrainingJson.optimizer(f);
        double[][] points = f.rows("points", 2);
        if (points.length == 0) {
            throw f.error("points", "a path starts somewhere: no points");
        }
        Integer stoppedAt = f.has("stopped-at") ? f.integer("stopped-at") : null;
        return new PathRace.Path(spec, points, stoppedAt, stoppedAt == null ? null : f.text("reason"),
                f.number("final"));
    }
    /**
     * One search trial: {@code number}, {@code lr}, {@code weight-decay}, {@code batch-size}, {@code status}
     * (waiting, running, done, pruned, diverged), {@code val-loss}, {@code val-accuracy} (NaN as text),
     * {@code val-losses} (one per epoch run) and {@code reason} (absent when none).
     */
    public static ObjectNode trial(Search.Trial t) {
        ObjectNode o = JsonFields.object();
        o.put("number", t.number());
        o.put("lr", t.params().lr());
        o.put("weight-decay", t.params().weightDecay());
        o.put("batch-size", t.params().batchSize());
        o.put("status", t.status().name().toLowerCase(java.util.Locale.ROOT));
        JsonFields.put(o, "val-loss", t.valLoss());
        JsonFields.put(o, "val-accuracy", t.valAccuracy());
        ArrayNode losses = o.putArray("val-losses");
        for (double v : t.valLosses()) {
            JsonFields.add(losses, v);
        }
        if (t.reason() != null) {
            o.put("reason", t.reason());
        }
        return o;
    }

    public static Search.Trial trial(JsonFields f) {
        int number = f.integer("number");
        if (number < 0) {
            throw f.error("number", "must be at least 0, not " + number);
        }
        double lr = f.number("lr");
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw f.error("lr", "a learning rate is a positive number, not " + lr);
        }
        double decay = f.number("weight-decay");
        if (!(decay >= 0) || !Double.isFinite(decay)) {
            throw f.error("weight-decay", "must be a number of at least 0, not " + decay);
        }
        int batch = f.integer("batch-size");
        if (batch < 1) {
            throw f.error("batch-size", "must be at least 1, not " + batch);
        }
        String statusText = f.text("status");
        Search.Status status;
        try {
            status = Search.Status.valueOf(statusText.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw f.error("status", "unknown status '" + statusText + "'; choose one of waiting, running, done, "
                    + "pruned, diverged");
        }
        List<Double> losses = new ArrayList<>();
        for (double v : f.numbers("val-losses")) {
            losses.add(v);
        }
        return new Search.Trial(number, new Search.Params(lr, decay, batch), status, f.number("val-loss"),
                f.number("val-accuracy"), losses.size(), List.copyOf(losses), f.optionalText("reason"));
    }

    /**
     * The initializers compared ({@code InitStudy.Result}): {@code activation}, {@code widths}, {@code batch-size},
     * {@code seed}, {@code input-std} and {@code curves}, one per initializer ({@code initializer}, {@code loss},
     * {@code activation-std}, {@code dead-fraction}, {@code gradient-std}, {@code gradient-norm}: per depth).
     */
    public static ObjectNode initStudy(InitStudy.Result r) {
        ObjectNode o = JsonFields.object();
        o.put("activation", r.activation());
        ArrayNode widths = o.putArray("widths");
        r.widths().forEach(widths::add);
        o.put("batch-size", r.batchSize());
        o.put("seed", r.seed());
        JsonFields.put(o, "input-std", r.inputStd());
        ArrayNode curves = o.putArray("curves");
        for (InitStudy.Curve c : r.curves()) {
            ObjectNode x = curves.addObject();
            x.put("initializer", c.initializer());
            JsonFields.put(x, "loss", c.loss());
            x.set("activation-std", numbers(c.activationStd()));
            x.set("dead-fraction", numbers(c.deadFraction()));
            x.set("gradient-std", numbers(c.gradientStd()));
            x.set("gradient-norm", numbers(c.gradientNorm()));
        }
        return o;
    }

    private static ArrayNode numbers(List<Double> values) {
        return JsonFields.numbers(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    public static InitStudy.Result initStudy(JsonFields f) {
        String activation = f.text("activation");
        TrainingJson.checked(f, "activation", () -> app.descent.catalog.Activation.parse(activation));
        List<Integer> widths = new ArrayList<>();
        double[] w = f.numbers("widths");
        for (int i = 0; i < w.length; i++) {
            if (w[i] < 1 || w[i] != Math.rint(w[i])) {
                throw f.error("widths[" + i + "]", "expected a width of at least 1, not " + w[i]);
            }
            widths.add((int) w[i]);
        }
        if (widths.size() < 2) {
            throw f.error("widths", "an input and an output width at least, not " + widths);
        }
        int batch = f.integer("batch-size");
        if (batch < 1) {
            throw f.error("batch-size", "must be at least 1, not " + batch);
        }
        long seed = f.longInteger("seed");
        double inputStd = f.number("input-std");
        int hidden = widths.size() - 2;
        int linear = widths.size() - 1;
        List<InitStudy.Curve> curves = new ArrayList<>();
        for (JsonFields x : f.objects("curves")) {
            String init = x.text("initializer");
            TrainingJson.checked(x, "initializer", () -> app.descent.training.Initializer.parse(init));
            double[] std = x.numbers("activation-std");
            double[] dead = x.numbers("dead-fraction");
            double[] gstd = x.numbers("gradient-std");
            double[] gnorm = x.numbers("gradient-norm");
            if (std.length != hidden) {
                throw x.error("activation-std", hidden + " numbers expected, one per hidden layer, not " + std.length);
            }
            if (dead.length != hidden) {
                throw x.error("dead-fraction", hidden + " numbers expected, one per hidden layer, not " + dead.length);
            }
            if (gstd.length != linear) {
                throw x.error("gradient-std", linear + " numbers expected, one per Linear layer, not " + gstd.length);
            }
            if (gnorm.length != linear) {
                throw x.error("gradient-norm", linear + " numbers expected, one per Linear layer, not " + gnorm.length);
            }
            curves.add(new InitStudy.Curve(init, x.number("loss"), list(std), list(dead), list(gstd), list(gnorm)));
        }
        if (curves.isEmpty()) {
            throw f.error("curves", "at least one initializer compared");
        }
        return new InitStudy.Result(activation, widths, batch, seed, inputStd, curves);
    }
}
