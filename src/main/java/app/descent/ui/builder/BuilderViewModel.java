package app.descent.ui.builder;

import app.descent.io.AtomicFiles;
import app.descent.UserInputException;
import app.descent.network.Container;
import app.descent.network.ImportResult;
import app.descent.network.Layer;
import app.descent.network.LayerSpec;
import app.descent.network.LayerType;
import app.descent.network.Network;
import app.descent.network.NetworkException;
import app.descent.network.NetworkJson;
import app.descent.network.NetworkNode;
import app.descent.network.PyTorchExporter;
import app.descent.network.PyTorchImporter;
import app.descent.network.ShapeInference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Builder: the network (immutable; every edit makes a new one), its input shape, and what shape
 * inference says about every layer. A layer that does not fit keeps the network as typed and is shown in red.
 */
public final class BuilderViewModel {

    /** One row of the layer table. {@code error} is set on the first layer that does not fit. */
    public record Row(int index, String path, String type, String layer, String outputShape, long params,
                      boolean trainable, long macs, Integer receptiveField, String error) {
    }

    private final ReadOnlyObjectWrapper<Network> network = new ReadOnlyObjectWrapper<>(Network.sequential(List.of()));
    private final StringProperty input = new SimpleStringProperty("1, 1, 28, 28");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ignored = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(true);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(64);
    private final ReadOnlyObjectWrapper<app.descent.network.ShapeFix.Fix> fix = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    // undo: the states before each edit, newest last; redo: the states undone, newest last
    private final java.util.Deque<Snapshot> history = new java.util.ArrayDeque<>();
    private final java.util.Deque<Snapshot> future = new java.util.ArrayDeque<>();
    // set while the model itself changes the input (undo, import, open): not an edit of the person's
    private boolean quiet;
    // true while the person goes on typing the input shape: the keystrokes are one edit to undo
    private boolean typingInput;
    // the network as last saved, opened or imported: anything else is work that replacing it would lose
    private Network clean = Network.sequential(List.of());
    private ShapeInference.Partial last;

    /** A network with the input it was built for, to go back to. */
    private record Snapshot(Network network, String input) {
    }

    private static final int HISTORY = 50;

    public BuilderViewModel() {
        input.addListener((o, a, b) -> {
            if (!quiet && !typingInput) {
                remember(new Snapshot(network.get(), a));
                typingInput = true;
            }
            refresh();
        });
        batchSize.addListener((o, a, b) -> refresh());
        network.addListener((o, a, b) -> {
            refresh();
            app.descent.ui.Session.builderNetwork().set(b);
        });
    }

    public ReadOnlyObjectProperty<Network> networkProperty() {
        return network.getReadOnlyProperty();
    }

    public StringProperty inputProperty() {
        return input;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ignoredProperty() {
        return ignored.getReadOnlyProperty();
    }

    /** Layers can be added, moved and removed in a plain nn.Sequential; zoo models are edited by freezing. */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public Network network() {
        return network.get();
    }

    /** The one added layer that would make the network fit its input (see {@link app.descent.network.ShapeFix}), or null. */
    public ReadOnlyObjectProperty<app.descent.network.ShapeFix.Fix> fixProperty() {
        return fix.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True when replacing the network would lose work: it has layers that were never saved, opened or imported. */
    public boolean hasUnsavedWork() {
        return !network.get().root().children().isEmpty() && !network.get().equals(clean);
    }

    /** Goes back to the network and input before the last edit (an import, a preset, a cleared network included). */
    public void undo() {
        step(history, future);
    }

    /** Does again the edit the last {@link #undo()} took back. */
    public void redo() {
        step(future, history);
    }

    private void step(java.util.Deque<Snapshot> from, java.util.Deque<Snapshot> to) {
        Snapshot s = from.pollLast();
        if (s == null) {
            return;
        }
        to.addLast(current());
        typingInput = false;
        quiet = true;
        try {
            input.set(s.input());
        } finally {
            quiet = false;
        }
        ignored.set("");
        network.set(s.network());
        updateHistoryFlags();
    }

    /** Adds the suggested layer. */
    public void applyFix() {
        app.descent.network.ShapeFix.Fix f = fix.get();
        if (f != null) {
            remember();
            network.set(f.network());
        }
    }

    /** The network and its input as text, to be kept between runs (WorkFiles). */
    public com.fasterxml.jackson.databind.node.ObjectNode state() {
        var n = app.descent.ui.WorkFiles.json().createObjectNode();
        n.put("input", input.get());
        n.put("network", NetworkJson.toJson(network.get(), null));
        return n;
    }

    /** Brings back what {@link #state()} kept; false (and nothing changed) when it cannot be read. */
    public boolean restoreState(com.fasterxml.jackson.databind.JsonNode n) {
        try {
            Network restored = NetworkJson.fromJson(n.path("network").asText()).network();
            setInputQuietly(n.path("input").asText(input.get()));
            network.set(restored);
            // what was kept (a session, the last run's network) is saved work: replacing it asks nothing
            clean = restored;
            return true;
        } catch (UserInputException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Keeps the state before an edit, to undo it; an edit ends what could be redone. */
    private void remember() {
        typingInput = false;
        remember(current());
    }

    private void remember(Snapshot before) {
        history.addLast(before);
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
        future.clear();
        updateHistoryFlags();
    }

    private Snapshot current() {
        return new Snapshot(network.get(), input.get());
    }

    private void updateHistoryFlags() {
        canUndo.set(!history.isEmpty());
        canRedo.set(!future.isEmpty());
    }

    /** The model's own change of the input (an import, a file): part of an edit already remembered. */
    private void setInputQuietly(String text) {
        quiet = true;
        try {
            input.set(text);
        } finally {
            quiet = false;
        }
    }

    // ------------------------------------------------------------------------------------------ commands

    /** Shows a mistake made by an edit until the next change. */
    public void fail(String message) {
        error.set(message);
    }

    /** Empties the network ("Clear network"); undo brings it back. */
    public void clear() {
        ignored.set("");
        if (!network.get().root().children().isEmpty()) {
            remember();
            network.set(Network.sequential(List.of()));
        }
        clean = network.get();
    }

    /** The person has left the input shape field: what they type next there is another edit to undo. */
    public void endInputEdit() {
        typingInput = false;
    }

    /** Adds a layer of {@code type} after {@code index} (-1: at the end), its sizes fitted to the shape there. */
    public void add(String type, int index) {
        List<NetworkNode> layers = layers();
        int at = index < 0 || index >= layers.size() ? layers.size() : index + 1;
        List<Integer> shape = shapeBefore(at);
        layers.add(at, new Layer("x", fitted(type, shape)));
        remember();
        setLayers(layers);
    }

    public void remove(int index) {
        List<NetworkNode> layers = layers();
        if (index >= 0 && index < layers.size()) {
            layers.remove(index);
            remember();
            setLayers(layers);
        }
    }

    public void move(int index, int delta) {
        List<NetworkNode> layers = layers();
        int to = index + delta;
        if (index >= 0 && index < layers.size() && to >= 0 && to < layers.size()) {
            layers.add(to, layers.remove(index));
            remember();
            setLayers(layers);
        }
    }

    /** Freezes or unfreezes a layer (any network, zoo models included). */
    public void setTrainable(String path, boolean trainable) {
        Network changed = network.get().setTrainable(path, trainable);
        if (!changed.equals(network.get())) {
            remember();
        }
        network.set(changed);
    }

    /** The arguments of a layer as Python literals, in PyTorch's order, for the property sheet. */
    public Map<String, String> arguments(int index) {
        Map<String, String> out = new LinkedHashMap<>();
        Network.Leaf leaf = network.get().leaves().get(index);
        leaf.layer().spec().args().forEach((k, v) -> out.put(k, PyTorchExporter.literal(v)));
        return out;
    }

    /** Sets a layer's arguments from Python literals; a mistake names the argument and leaves the layer as it was. */
    public void setArguments(int index, Map<String, String> literals) {
        Network.Leaf leaf = network.get().leaves().get(index);
        String call = "nn." + leaf.layer().type() + "(" + literals.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue().isBlank() ? "None" : e.getValue()))
                .collect(Collectors.joining(", ")) + ")";
        ImportResult r = PyTorchImporter.importCode("import torch.nn as nn\nnet = nn.Sequential(" + call + ")\n");
        LayerSpec spec = r.network().leaves().get(0).layer().spec();
        Layer changed = new Layer(leaf.layer().name(), spec, leaf.layer().trainable());
        Network edited = network.get().replace(leaf.path(), changed);
        if (!edited.equals(network.get())) {
            remember();
            network.set(edited);
        }
    }

    /** Pasted PyTorch code replaces the network (and the input shape, when the code creates one). */
    public void importCode(String text) {
        ImportResult r = PyTorchImporter.importCode(text);
        remember();
        r.inputShape().ifPresent(s -> setInputQuietly(s.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        network.set(r.network());
        clean = r.network();
        // one short line under the code: "Read as if the code began with: import torch.nn as nn; import torch"
        java.util.List<String> assumed = r.notes().stream()
                .map(n -> n.replaceFirst("^.*read as if '(.*)' were written$", "$1")).toList();
        String notes = assumed.isEmpty() ? "" : "Read as if the code began with: " + String.join("; ", assumed);
        String skipped = r.ignored().isEmpty() ? "" : "Ignored: " + r.ignored().stream()
                .map(l -> "line " + l.line() + " (" + l.text().strip() + ")").collect(Collectors.joining("; "));
        ignored.set(notes.isEmpty() || skipped.isEmpty() ? notes + skipped : notes + "\n" + skipped);
    }

    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file, NetworkJson.toJson(network.get(), inputShape()));
        clean = network.get();
    }

    public void open(Path file) {
        NetworkJson.Document doc = NetworkJson.load(file);
        remember();
        doc.input().ifPresent(s -> setInputQuietly(s.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        ignored.set("");
        network.set(doc.network());
        clean = doc.network();
    }

    // ------------------------------------------------------------------------------------------ internals

    private List<NetworkNode> layers() {
        Network n = network.get();
        if (!n.isFlatSequential()) {
            throw new NetworkException("layers of " + n.zoo().orElse("a nested network")
                    + " cannot be added or moved here; paste changed code instead");
        }
        return new ArrayList<>(n.root().children());
    }

    private void setLayers(List<NetworkNode> layers) {
        network.set(new Network(Container.sequential("", layers)));
    }

    /** The shape that reaches position {@code at}, or null if inference does not get that far. */
    private List<Integer> shapeBefore(int at) {
        if (last == null) {
            return null;
        }
        if (at == 0) {
            return parsedInputOrNull();
        }
        return at - 1 < last.layers().size() ? last.layers().get(at - 1).outputShape() : null;
    }

    /** Sensible arguments for a new layer: what PyTorch requires, fitted to the shape it receives. */
    static LayerSpec fitted(String type, List<Integer> shape) {
        LayerType t = LayerType.get(type);
        Integer channels = shape != null && shape.size() >= 2 ? shape.get(1) : null;
        Integer features = shape != null && !shape.isEmpty() ? shape.get(shape.size() - 1) : null;
        Map<String, Object> kw = new LinkedHashMap<>();
        for (LayerType.Param p : t.params()) {
            if (!p.required()) {
                continue;
            }
            Object v = switch (p.name()) {
                case "in_features", "input_size", "normalized_shape" -> features == null ? 16 : features;
                case "in_channels", "num_features" -> channels == null ? 1 : channels;
                case "out_features" -> 10;
                case "out_channels" -> 16;
                case "hidden_size" -> 32;
                case "kernel_size" -> type.contains("Pool") ? 2 : 3;
                case "output_size" -> 1;
                case "num_embeddings" -> 100;
                case "embedding_dim" -> 16;
                default -> 1;
            };
            kw.put(p.name(), v);
        }
        if (type.startsWith("Conv")) {
            kw.put("padding", 1);
        }
        if (type.equals("Softmax") || type.equals("LogSoftmax")) {
            kw.put("dim", 1);
        }
        return LayerSpec.of(type, List.of(), kw);
    }

    List<Integer> inputShape() {
        String[] parts = input.get().replace("(", "").replace(")", "").replace("[", "").replace("]", "").split("[,\\s×x]+");
        List<Integer> shape = new ArrayList<>();
        for (String p : parts) {
            if (p.isBlank()) {
                continue;
            }
            try {
                shape.add(Integer.parseInt(p.strip()));
            } catch (NumberFormatException e) {
                throw new NetworkException("input shape: '" + p.strip() + "' is not a whole number (write e.g. 1, 3, 32, 32)");
            }
        }
        if (shape.isEmpty()) {
            throw new NetworkException("input shape is empty (write e.g. 1, 3, 32, 32)");
        }
        return shape;
    }

    private List<Integer> parsedInputOrNull() {
        try {
            return inputShape();
        } catch (UserInputException e) {
            return null;
        }
    }

    private void refresh() {
        Network n = network.get();
        editable.set(n.isFlatSequential());
        code.set(exportOrMessage(n));
        List<Network.Leaf> leaves = n.leaves();
        List<Integer> shape;
        try {
            shape = inputShape();
        } catch (UserInputException e) {
            last = null;
            fix.set(null);
            error.set(e.getMessage());
            rows.setAll(plainRows(leaves, -1, null));
            totals.set("");
            memory.set("");
            return;
        }
        last = ShapeInference.inferPartial(n, shape);
        error.set(last.error() == null ? "" : last.error());
        fix.set(last.error() == null ? null : app.descent.network.ShapeFix.suggest(n, shape).orElse(null));
        List<Row> out = new ArrayList<>();
        long activations = 0;
        for (ShapeInference.LayerResult r : last.layers()) {
            out.add(new Row(r.index(), r.name(), r.type(), r.spec().toString(), shapeText(r.outputShape()), r.params(),
                    r.trainable(), r.macs(), r.receptiveFieldSide(), null));
            activations += perSample(r.outputShape());
        }
        if (last.failedIndex() >= 0) {
            // the failing layer and everything after it, without shapes
            for (int i = out.size(); i < leaves.size(); i++) {
                Network.Leaf leaf = leaves.get(i);
                out.add(new Row(i, leaf.path(), leaf.layer().type(), leaf.layer().spec().toString(), "—",
                        ShapeInference.params(leaf.layer().spec()), leaf.layer().trainable(), 0, null,
                        i == out.size() ? last.error() : null));
            }
        }
        rows.setAll(out);
        totals.set(String.format("%,d parameters · %,d trainable · %,d multiply-accumulates per sample",
                n.params(), n.trainableParams(), last.result() == null ? 0 : last.result().macs())
                + (last.result() == null ? "" : " · output " + shapeText(last.result().outputShape())));
        long batch = Math.max(1, batchSize.get());
        memory.set("Memory for batch " + batch + ": parameters " + bytes(n.params() * 4)
                + " (as much again for gradients, twice for Adam's moments), activations " + bytes(activations * batch * 4));
    }

    static String bytes(long b) {
        if (b < 1024 * 1024) {
            return String.format("%.1f KB", b / 1024.0);
        }
        if (b < 1024L * 1024 * 1024) {
            return String.format("%.1f MB", b / (1024.0 * 1024));
        }
        return String.format("%.2f GB", b / (1024.0 * 1024 * 1024));
    }

    private static long perSample(List<Integer> shape) {
        long n = 1;
        for (int i = 1; i < shape.size(); i++) {
            n *= shape.get(i);
        }
        return n;
    }

    private static List<Row> plainRows(List<Network.Leaf> leaves, int failed, String message) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            Network.Leaf l = leaves.get(i);
            out.add(new Row(i, l.path(), l.layer().type(), l.layer().spec().toString(), "—",
                    ShapeInference.params(l.layer().spec()), l.layer().trainable(), 0, null, i == failed ? message : null));
        }
        return out;
    }

    static String shapeText(List<Integer> shape) {
        return shape == null ? "—" : "(" + shape.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    private String exportOrMessage(Network n) {
        if (n.root().children().isEmpty()) {
            return "# add layers from the palette, or paste PyTorch code here and press Import";
        }
        try {
            return PyTorchExporter.export(n, parsedInputOrNull());
        } catch (UserInputException e) {
            return "# " + e.getMessage();
        }
    }
}
