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
}
