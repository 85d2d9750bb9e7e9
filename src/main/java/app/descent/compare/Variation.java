package app.descent.compare;

import app.descent.UserInputException;
import app.descent.catalog.Activation;
import app.descent.network.LayerSpec;
import app.descent.network.LayerType;
import app.descent.training.Initializer;
import app.descent.network.Layer;
import app.descent.training.OptimizerSpec;
import app.descent.training.TrainingRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One setting and the values it takes in a comparison ({@code lr=0.001,0.01,0.1}); every other setting is shared.
 * Values are kept normalised: a String for activation (PyTorch's class name), optimizer and init, an Integer for
 * batch-size, hidden, depth and epochs, a Double for lr, dropout and weight-decay; {@code texts} keeps them as
 * typed, which is how labels and JSON name a named value ("relu", not "ReLU").
 */
public record Variation(Key key, List<Object> values, List<String> texts) {

    public enum Key {
        ACTIVATION("activation"), OPTIMIZER("optimizer"), INIT("init"), LR("lr"), BATCH_SIZE("batch-size"),
        HIDDEN("hidden"), DROPOUT("dropout"), WEIGHT_DECAY("weight-decay"), DEPTH("depth"), EPOCHS("epochs");

        private final String text;

        Key(String text) {
            this.text = text;
        }

        /** The name on the command line and in JSON ("batch-size"). */
        public String text() {
            return text;
        }

        /** Whether the values are numbers (JSON numbers, a numeric axis in a chart). */
        public boolean numeric() {
            return this != ACTIVATION && this != OPTIMIZER && this != INIT;
        }

        public static Key parse(String name) {
            String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Key k : values()) {
                if (k.text.equals(n) || k.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(n)) {
                    return k;
                }
            }
            if (n.equals("wd")) {
                return WEIGHT_DECAY;
            }
            throw new CompareException("unknown setting '" + name.strip() + "' to vary; choose one of " + names());
        }

        public static String names() {
            return String.join(", ", Arrays.stream(values()).map(Key::text).toList());
        }
    }

    /**
     * One value applied: the network and settings of one run.
     *
     * @param note what was changed beyond the obvious (Dropout inserted), or null
     */
    public record Variant(int index, Key key, Object value, String typed, List<Layer> layers,
                          TrainingRun.Settings settings, String note) {
        public Variant {
            layers = List.copyOf(layers);
        }

        /** {@code lr=0.01}: how errors and tables name the variant. */
        public String label() {
            return key.text() + "=" + text();
        }

        /** The value as typed for a name, or as a number prints. */
        public String text() {
            return key.numeric() ? Variation.text(value) : typed;
        }
    }

    public Variation {
        values = List.copyOf(values);
        texts = List.copyOf(texts);
        if (values.isEmpty()) {
            throw new CompareException("give at least one value to vary " + key.text());
        }
        if (texts.size() != values.size()) {
            throw new IllegalArgumentException(texts.size() + " texts for " + values.size() + " values");
        }
    }

    /** {@code KEY=V1,V2,...} as typed on the command line. */
    public static Variation parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new CompareException("'" + text + "' is not KEY=V1,V2,...; write e.g. lr=0.001,0.01,0.1 (keys: "
                    + Key.names() + ")");
        }
        Key key = Key.parse(text.substring(0, eq));
        List<Object> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String v : text.substring(eq + 1).split(",", -1)) {
            values.add(value(key, v));
            texts.add(v.strip());
        }
        return new Variation(key, values, texts);
    }

    /** The values given as numbers or strings, checked and normalised as {@link #parse(String)} does. */
    public static Variation of(Key key, Object... values) {
        List<Object> out = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Object v : values) {
            out.add(value(key, String.valueOf(v)));
            texts.add(String.valueOf(v).strip());
        }
        return new Variation(key, out, texts);
    }

    public int size() {
        return values.size();
    }

    /** A value as text: names as they are, numbers without a trailing ".0" ({@code 0.001}, {@code 1e-5}, {@code 2.5e-7}, 32). */
    public static String text(Object value) {
        if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            String t = d.toString();
            int e = t.indexOf('E');
            if (e < 0) {
                return t;
            }
            String mantissa = t.substring(0, e);
            return (mantissa.endsWith(".0") ? mantissa.substring(0, mantissa.length() - 2) : mantissa) + "e"
                    + t.substring(e + 1);
        }
        return String.valueOf(value);
    }

    private static Object value(Key key, String raw) {
        String v = raw.strip();
        if (v.isEmpty()) {
            throw new CompareException(key.text() + ": an empty value; write e.g. " + key.text() + "=" + example(key));
        }
        switch (key) {
            case ACTIVATION -> {
                try {
                    return Activation.parse(v).torchName();
                } catch (UserInputException e) {
                    throw new CompareException("activation '" + v + "' is not one of " + Activation.ids());
                }
            }
            case OPTIMIZER -> {
                OptimizerSpec.of(v, 0.01);
                return v.toLowerCase(Locale.ROOT);
            }
            case INIT -> {
                try {
                    Initializer.parse(v);
                } catch (UserInputException e) {
                    throw new CompareException("init value '" + v + "': " + e.getMessage());
                }
                return v.toLowerCase(Locale.ROOT);
            }
            case LR -> {
                return number(key, v, d -> d > 0, "a positive number");
            }
            case DROPOUT -> {
                return number(key, v, d -> d >= 0 && d <= 1, "a probability from 0 to 1");
            }
            case WEIGHT_DECAY -> {
                return number(key, v, d -> d >= 0, "a number of at least 0");
            }
            case BATCH_SIZE, HIDDEN, EPOCHS -> {
                return whole(key, v, 1);
            }
            case DEPTH -> {
                return whole(key, v, 0);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static String example(Key key) {
        return switch (key) {
            case ACTIVATION -> "relu,sigmoid";
            case OPTIMIZER -> "sgd,adam";
            case INIT -> "default,xavier,kaiming";
            case LR -> "0.001,0.01,0.1";
            case BATCH_SIZE -> "16,64,256";
            case HIDDEN -> "8,32,128";
            case DROPOUT -> "0,0.2,0.5";
            case WEIGHT_DECAY -> "0,0.0001,0.01";
            case DEPTH -> "1,2,4";
            case EPOCHS -> "5,10,20";
        };
    }

    private static Double number(Key key, String v, java.util.function.DoublePredicate ok, String what) {
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new CompareException(key.text() + " value '" + v + "' is not a number");
        }
        if (!Double.isFinite(d) || !ok.test(d)) {
            throw new CompareException(key.text() + " value '" + v + "' must be " + what);
        }
        return d;
    }

    private static Integer whole(Key key, String v, int min) {
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new CompareException(key.text() + " value '" + v + "' is not a whole number");
        }
        if (n < min) {
            throw new CompareException(key.text() + " value '" + v + "' must be at least " + min);
        }
        return n;
    }

    /** Every value applied to the base, in order. */
    public List<Variant> apply(List<Layer> layers, TrainingRun.Settings settings, boolean lrGiven) {
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(apply(i, layers, settings, lrGiven));
        }
        return out;
    }

    /**
     * The base network and settings with value {@code index} applied.
     *
     * @param lrGiven whether the base learning rate was chosen by the person; if not, a varied optimizer starts
     *                at its own default rate (1e-3 for Adam, 0.01 for SGD), as {@code descent train} would
     */
    public Variant apply(int index, List<Layer> layers, TrainingRun.Settings settings, boolean lrGiven) {
        Object value = values.get(index);
        String typed = texts.get(index);
        String label = key.text() + "=" + (key.numeric() ? text(value) : typed);
        try {
            return switch (key) {
                case ACTIVATION -> new Variant(index, key, value, typed, activation(layers, (String) value),
                        settings, null);
                case HIDDEN -> new Variant(index, key, value, typed, hidden(layers, (Integer) value), settings,
                        null);
                case DEPTH -> new Variant(index, key, value, typed, depth(layers, (Integer) value), settings,
                        null);
                case DROPOUT -> dropout(index, value, typed, layers, settings);
                case OPTIMIZER -> new Variant(index, key, value, typed, layers,
                        with(settings, optimizer(settings.optimizer(), (String) value, lrGiven), settings.init(),
                                settings.batchSize(), settings.epochs()), null);
                case INIT -> new Variant(index, key, value, typed, layers, with(settings, settings.optimizer(),
                        Initializer.parse((String) value), settings.batchSize(), settings.epochs()), null);
                case LR -> new Variant(index, key, value, typed, layers, with(settings,
                        settings.optimizer().withLr((Double) value), settings.init(), settings.batchSize(),
                        settings.epochs()), null);
                case WEIGHT_DECAY -> new Variant(index, key, value, typed, layers, with(settings,
                        settings.optimizer().withWeightDecay((Double) value), settings.init(), settings.batchSize(),
                        settings.epochs()), null);
                case BATCH_SIZE -> new Variant(index, key, value, typed, layers, with(settings, settings.optimizer(),
                        settings.init(), (Integer) value, settings.epochs()), null);
                case EPOCHS -> new Variant(index, key, value, typed, layers, with(settings, settings.optimizer(),
                        settings.init(), settings.batchSize(), (Integer) value), null);
            };
        } catch (CompareException e) {
            throw e.getMessage().startsWith(label) ? e : new CompareException(label + ": " + e.getMessage());
        } catch (UserInputException e) {
            throw new CompareException(label + ": " + e.getMessage());
        }
    }

    private static TrainingRun.Settings with(TrainingRun.Settings s, OptimizerSpec o, Initializer init, int batch,
                                             int epochs) {
        return new TrainingRun.Settings(s.loss(), o, init, batch, epochs, s.seed(), s.schedule(), s.clipNorm(),
                s.patience(), s.device());
    }

    /**
     * The new optimizer with PyTorch's defaults, keeping what the person chose for the base: the learning rate
     * if given, a momentum other than the default (for momentum and nesterov), a weight decay other than the
     * base optimizer's default.
     */
    static OptimizerSpec optimizer(OptimizerSpec base, String name, boolean lrGiven) {
        OptimizerSpec fresh = OptimizerSpec.of(name, lrGiven ? base.lr() : OptimizerSpec.defaultLr(name));
        OptimizerSpec baseDefaults = OptimizerSpec.of(base.name(), base.lr());
        if (base.momentum() != baseDefaults.momentum() && fresh.momentum() > 0) {
            fresh = fresh.withMomentum(base.momentum());
        }
        if (base.weightDecay() != baseDefaults.weightDecay()) {
            fresh = fresh.withWeightDecay(base.weightDecay());
        }
        return fresh;
    }

    // ------------------------------------------------------------------------------------------- network rewriting

    private static boolean weighted(Layer l) {
        return l.type().equals("Linear") || l.type().startsWith("Conv");
    }

    private static boolean isActivation(Layer l) {
        if (l.type().equals("Softmax") || l.type().equals("LogSoftmax")) {
            return false;
        }
        try {
            return LayerType.get(l.type()).category() == LayerType.Category.ACTIVATION;
        } catch (UserInputException e) {
            return false;
        }
    }

    /** Activations before the last weighted layer: an output Sigmoid or Softmax belongs to the loss, not the net. */
    private static boolean[] hiddenActivations(List<Layer> layers) {
        int last = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (weighted(layers.get(i))) {
                last = i;
            }
        }
        boolean[] hidden = new boolean[layers.size()];
        for (int i = 0; i < last; i++) {
            hidden[i] = isActivation(layers.get(i));
        }
        return hidden;
    }

    static List<Layer> activation(List<Layer> layers, String type) {
        boolean[] hidden = hiddenActivations(layers);
        List<Layer> out = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (hidden[i]) {
                out.add(new Layer(l.name(), LayerSpec.kw(type, Map.of())));
                any = true;
            } else {
                out.add(l);
            }
        }
        if (!any) {
            throw new CompareException("the network has no hidden activation layer to replace");
        }
        return out;
    }

    private static List<Integer> linears(List<Layer> layers) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).type().equals("Linear")) {
                idx.add(i);
            }
        }
        return idx;
    }

    private static Layer withArg(Layer l, String arg, Object value) {
        return new Layer(l.name(), l.spec().with(arg, value));
    }

    /** Every Linear but the last gets {@code width} outputs; whatever reads those outputs follows. */
    static List<Layer> hidden(List<Layer> layers, int width) {
        List<Integer> lin = linears(layers);
        if (lin.size() < 2) {
            throw new CompareException("the network has no hidden Linear layer to resize (it needs at least two Linear)");
        }
        int lastLinear = lin.get(lin.size() - 1);
        List<Layer> out = new ArrayList<>(layers);
        boolean follow = false;
        for (int i = 0; i < out.size(); i++) {
            Layer l = out.get(i);
            if (l.type().equals("Linear")) {
                if (follow) {
                    l = withArg(l, "in_features", width);
                }
                if (i != lastLinear) {
                    l = withArg(l, "out_features", width);
                }
                follow = i != lastLinear;
            } else if (follow) {
                l = resized(l, width);
            }
            out.set(i, l);
        }
        return out;
    }

    private static Layer resized(Layer l, int width) {
        if (l.type().equals("BatchNorm1d")) {
            return withArg(l, "num_features", width);
        }
        if (l.type().equals("LayerNorm")) {
            Object shape = l.args().get("normalized_shape");
            if (shape instanceof Integer || shape instanceof List<?> s && s.size() == 1) {
                return withArg(l, "normalized_shape", shape instanceof Integer ? (Object) width : List.of(width));
            }
        }
        return l;
    }

    /**
     * {@code blocks} hidden blocks: a hidden block is a Linear that is not the last one with the layers up to the
     * next Linear (its activation, dropout, normalization). Fewer removes blocks from the end, more repeats the
     * last block at its own width.
     */
    static List<Layer> depth(List<Layer> layers, int blocks) {
        List<Integer> lin = linears(layers);
        if (lin.isEmpty()) {
            throw new CompareException("the network has no Linear layer, so it has no hidden blocks to count");
        }
        List<Layer> prefix = layers.subList(0, lin.get(0));
        List<List<Layer>> hidden = new ArrayList<>();
        for (int k = 0; k + 1 < lin.size(); k++) {
            hidden.add(layers.subList(lin.get(k), lin.get(k + 1)));
        }
        List<Layer> tail = layers.subList(lin.get(lin.size() - 1), layers.size());
        if (hidden.isEmpty() && blocks > 0) {
            throw new CompareException("the network has no hidden block (Linear, activation) to repeat");
        }
        Object inputWidth = layers.get(lin.get(0)).args().get("in_features");
        List<List<Layer>> kept = new ArrayList<>(hidden.subList(0, Math.min(blocks, hidden.size())));
        while (kept.size() < blocks) {
            List<Layer> last = kept.get(kept.size() - 1);
            List<Layer> copy = new ArrayList<>(last);
            copy.set(0, withArg(last.get(0), "in_features", last.get(0).args().get("out_features")));
            kept.add(copy);
        }
        List<Layer> out = new ArrayList<>(prefix);
        kept.forEach(out::addAll);
        Object width = kept.isEmpty() ? inputWidth : kept.get(kept.size() - 1).get(0).args().get("out_features");
        out.add(withArg(tail.get(0), "in_features", width));
        out.addAll(tail.subList(1, tail.size()));
        return renamed(out, layers);
    }

    private Variant dropout(int index, Object value, String typed, List<Layer> layers,
                            TrainingRun.Settings settings) {
        double p = (Double) value;
        boolean has = layers.stream().anyMatch(l -> l.type().equals("Dropout"));
        if (has) {
            List<Layer> out = new ArrayList<>();
            for (Layer l : layers) {
                out.add(l.type().equals("Dropout") ? withArg(l, "p", p) : l);
            }
            return new Variant(index, key, value, typed, out, settings, null);
        }
        boolean[] hidden = hiddenActivations(layers);
        List<Layer> out = new ArrayList<>();
        int added = 0;
        for (int i = 0; i < layers.size(); i++) {
            out.add(layers.get(i));
            if (hidden[i]) {
                out.add(new Layer(layers.get(i).name() + "_dropout", LayerSpec.kw("Dropout", Map.of("p", p))));
                added++;
            }
        }
        if (added == 0) {
            throw new CompareException("the network has neither a Dropout layer nor a hidden activation to put one after");
        }
        return new Variant(index, key, value, typed, renamed(out, layers), settings,
                "the network had no Dropout: Dropout(p=" + text(value) + ") inserted after each of its " + added
                        + " hidden activations");
    }

    /** Numbered names again when the base was a plain nn.Sequential numbered 0, 1, 2, …, so saved weights load. */
    private static List<Layer> renamed(List<Layer> layers, List<Layer> base) {
        for (int i = 0; i < base.size(); i++) {
            if (!base.get(i).name().equals(String.valueOf(i))) {
                return uniqueNames(layers);
            }
        }
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            out.add(l.withName(String.valueOf(i)));
        }
        return out;
    }

    private static List<Layer> uniqueNames(List<Layer> layers) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Layer> out = new ArrayList<>();
        for (Layer l : layers) {
            String name = l.name();
            for (int k = 1; !seen.add(name); k++) {
                name = l.name() + "_" + k;
            }
            out.add(l.withName(name));
        }
        return out;
    }
}
