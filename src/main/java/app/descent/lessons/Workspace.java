package app.descent.lessons;

import app.descent.catalog.Optimizers;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The workspaces an action can drive, with the settings each accepts, named as the command line names them (a test
 * keeps these names equal to the options of the matching command).
 */
public enum Workspace {
    BACKPROP("backprop", "grad", List.of("expression"), List.of("expression", "values")),
    BUILDER("builder", "summary", List.of("code"), List.of("code", "input")),
    TRAINING("training", "train", List.of("model", "dataset"), concat(List.of("model", "dataset"), Keys.TRAIN)),
    COMPARE("compare", "study / compare", List.of(), concat(List.of("study", "model", "dataset", "vary"), Keys.TRAIN)),
    PATHS("paths", "path", List.of(), concat(List.of("function", "preset", "start", "optimizer", "lr", "steps"),
            Optimizers.options())),
    PRACTICE("practice", "practice", List.of("topic", "seed"), List.of("topic", "seed", "difficulty"));

    /** The options of {@code descent train} beyond the model and the dataset that an action may set. */
    static final class Keys {
        static final List<String> TRAIN = concat(concat(List.of("loss", "optimizer", "lr"), Optimizers.options()),
                List.of("batch-size", "epochs", "init", "schedule", "clip", "patience", "seed", "samples", "noise",
                        "train-size", "val-fraction", "device"));

        private Keys() {
        }
    }

    private final String id;
    private final String command;
    private final List<String> required;
    private final List<String> keys;

    Workspace(String id, String command, List<String> required, List<String> keys) {
        this.id = id;
        this.command = command;
        this.required = required;
        this.keys = keys;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    public String id() {
        return id;
    }

    /** The command whose output is this workspace's result. */
    public String command() {
        return command;
    }

    public List<String> keys() {
        return keys;
    }

    public List<String> required() {
        return required;
    }

    public Set<String> keySet() {
        return Set.copyOf(keys);
    }

    public static Workspace parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Workspace w : values()) {
            if (w.id.equals(t)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workspace '" + text + "' (known: "
                + Arrays.stream(values()).map(Workspace::id).collect(Collectors.joining(", ")) + ")");
    }
}
