package app.descent.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A network as a tree: a root {@link Container} (local name "") with leaf {@link Layer}s. Immutable; editing
 * operations return a new network. Leaves are addressed by dotted paths like PyTorch's {@code named_modules()}
 * ("features.0", "classifier.6", "layer1.0.conv1"); selectors also accept Python's indexing and slices
 * ("features[-6:]", "classifier[6]", "layer1[0].conv1"). The empty selector "" means the whole network.
 *
 * @param root     the top module
 * @param zooModel the torchvision constructor this network came from ("vgg16"), or null
 * @param numClasses num_classes passed to the torchvision constructor (1000 by default; ignored without zooModel)
 */
public record Network(Container root, String zooModel, int numClasses) {

    public Network {
        Objects.requireNonNull(root);
        if (!root.name().isEmpty()) {
            root = root.withName("");
        }
    }

    public Network(Container root) {
        this(root, null, 1000);
    }

    /** An nn.Sequential of the given layers, all trainable. */
    public static Network sequential(List<LayerSpec> layers) {
        return new Network(Container.sequentialOf("", layers));
    }

    public static Network sequential(LayerSpec... layers) {
        return sequential(List.of(layers));
    }

    /** A leaf with its dotted path. */
    public record Leaf(String path, Layer layer) {
    }

    /** Whether the whole tree is a single nn.Sequential of leaves (exportable as plain nn.Sequential code). */
    public boolean isFlatSequential() {
        return root.kind() == Container.Kind.SEQUENTIAL && root.children().stream().allMatch(c -> c instanceof Layer);
    }

    /**
     * The layers of a plain nn.Sequential network, in order, each named by its path ("0", "1", ...): what training
     * takes. A network with branches or nested parts, or without layers, is a {@link NetworkException}.
     */
    public List<Layer> sequentialLayers() {
        if (!isFlatSequential()) {
            throw new NetworkException("only nn.Sequential networks can be trained so far"
                    + zoo().map(z -> " (" + z + " has branches or nested parts)").orElse(""));
        }
        List<Layer> layers = new ArrayList<>();
        for (Leaf leaf : leaves()) {
            layers.add(leaf.layer().withName(leaf.path()));
        }
        if (layers.isEmpty()) {
            throw new NetworkException("the network has no layers");
        }
        return List.copyOf(layers);
    }

    public Optional<String> zoo() {
        return Optional.ofNullable(zooModel);
    }

    /** Every leaf once, in definition order (named_modules order). */
    public List<Leaf> leaves() {
        List<Leaf> out = new ArrayList<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(NetworkNode node, String path, List<Leaf> out) {
        if (node instanceof Layer l) {
            out.add(new Leaf(path, l));
        } else {
            for (NetworkNode c : ((Container) node).children()) {
                collect(c, path.isEmpty() ? c.name() : path + "." + c.name(), out);
            }
        }
    }

    public long params() {
        return leaves().stream().mapToLong(l -> ShapeInference.params(l.layer().spec())).sum();
    }

    public long trainableParams() {
        return leaves().stream().filter(l -> l.layer().trainable()).mapToLong(l -> ShapeInference.params(l.layer().spec())).sum();
    }

    // -------------------------------------------------------------------------------------------- selection

    private sealed interface Step permits Name, Index, Slice {
    }

    private record Name(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private record Slice(Integer start, Integer end) implements Step {
    }

    private static List<Step> parse(String selector) {
        List<Step> steps = new ArrayList<>();
        String s = selector.trim();
        if (s.startsWith("model.") || s.startsWith("net.")) {
            s = s.substring(s.indexOf('.') + 1);
        }
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int close = s.indexOf(']', i);
                if (close < 0) {
                    throw new NetworkException("bad selector '" + selector + "': missing ]");
                }
                String inside = s.substring(i + 1, close).trim();
                try {
                    int colon = inside.indexOf(':');
                    if (colon >= 0) {
                        String a = inside.substring(0, colon).trim();
                        String b = inside.substring(colon + 1).trim();
                        steps.add(new Slice(a.isEmpty() ? null : Integer.parseInt(a), b.isEmpty() ? null : Integer.parseInt(b)));
                    } else {
                        steps.add(new Index(Integer.parseInt(inside)));
                    }
                } catch (NumberFormatException e) {
                    throw new NetworkException("bad selector '" + selector + "': [" + inside + "] is not an index or slice");
                }
                i = close + 1;
            } else {
                int j = i;
                while (j < s.length() && s.charAt(j) != '.' && s.charAt(j) != '[') {
                    j++;
                }
                steps.add(new Name(s.substring(i, j).trim()));
                i = j;
            }
        }
        for (int k = 0; k < steps.size() - 1; k++) {
            if (steps.get(k) instanceof Slice) {
                throw new NetworkException("bad selector '" + selector + "': a slice must come last");
            }
        }
        return steps;
    }

    private static int childIndex(Container c, Step step, String selector) {
        if (step instanceof Name n) {
            for (int i = 0; i < c.children().size(); i++) {
                if (c.children().get(i).name().equals(n.name())) {
                    return i;
                }
            }
            throw new NetworkException("no module '" + n.name() + "' in " + where(c) + " (selector '" + selector + "')");
        }
        int idx = ((Index) step).index();
        int size = c.children().size();
        int real = idx < 0 ? idx + size : idx;
        if (real < 0 || real >= size) {
            throw new NetworkException("index " + idx + " out of range for " + where(c) + " with " + size + " modules (selector '" + selector + "')");
        }
        return real;
    }

    private static String where(Container c) {
        return c.name().isEmpty() ? "the network" : "'" + c.name() + "'";
    }

    private static int[] sliceRange(Slice s, int size) {
        int start = s.start() == null ? 0 : s.start() < 0 ? Math.max(0, s.start() + size) : Math.min(s.start(), size);
        int end = s.end() == null ? size : s.end() < 0 ? Math.max(0, s.end() + size) : Math.min(s.end(), size);
        return new int[] {start, Math.max(start, end)};
    }

    /** The node at a path (no slices); the empty path is the root. */
    public NetworkNode node(String path) {
        NetworkNode cur = root;
        for (Step step : parse(path)) {
            if (!(cur instanceof Container c)) {
                throw new NetworkException("'" + cur.name() + "' is a layer and has no submodules (selector '" + path + "')");
            }
            if (step instanceof Slice) {
                throw new NetworkException("selector '" + path + "' is a slice, not a single module");
            }
            cur = c.children().get(childIndex(c, step, path));
        }
        return cur;
    }

    /** The dotted paths of the subtrees a selector covers (one, or several for a slice). */
    public List<String> select(String selector) {
        List<String> out = new ArrayList<>();
        List<Step> steps = parse(selector);
        NetworkNode cur = root;
        String path = "";
        for (int k = 0; k < steps.size(); k++) {
            Step step = steps.get(k);
            if (!(cur instanceof Container c)) {
                throw new NetworkException("'" + path + "' is a layer and has no submodules (selector '" + selector + "')");
            }
            if (step instanceof Slice s) {
                int[] r = sliceRange(s, c.children().size());
                for (int i = r[0]; i < r[1]; i++) {
                    out.add(join(path, c.children().get(i).name()));
                }
                return out;
            }
            cur = c.children().get(childIndex(c, step, selector));
            path = join(path, cur.name());
        }
        out.add(path);
        return out;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "." + b;
    }

    /** Applies an operation to every subtree the selector covers. */
    public Network update(String selector, UnaryOperator<NetworkNode> op) {
        List<Step> steps = parse(selector);
        NetworkNode updated = update(root, steps, 0, op, selector);
        return new Network((Container) updated, zooModel, numClasses);
    }

    private static NetworkNode update(NetworkNode node, List<Step> steps, int k, UnaryOperator<NetworkNode> op, String selector) {
        if (k == steps.size()) {
            NetworkNode r = op.apply(node);
            return r.withName(node.name());
        }
        if (!(node instanceof Container c)) {
            throw new NetworkException("'" + node.name() + "' is a layer and has no submodules (selector '" + selector + "')");
        }
        List<NetworkNode> children = new ArrayList<>(c.children());
        Step step = steps.get(k);
        if (step instanceof Slice s) {
            int[] r = sliceRange(s, children.size());
            for (int i = r[0]; i < r[1]; i++) {
                children.set(i, op.apply(children.get(i)).withName(children.get(i).name()));
            }
        } else {
            int i = childIndex(c, step, selector);
            children.set(i, update(children.get(i), steps, k + 1, op, selector));
        }
        return c.withChildren(children);
    }

    /** requires_grad for every parameter under the selector ("" = all, "features", "features[-6:]", "classifier.6"). */
    public Network setTrainable(String selector, boolean trainable) {
        return update(selector, n -> n.withTrainable(trainable));
    }

    public Network freeze(String selector) {
        return setTrainable(selector, false);
    }

    public Network unfreeze(String selector) {
        return setTrainable(selector, true);
    }

    /** Replaces the module at a path (like {@code model.classifier[6] = nn.Linear(4096, 10)}); keeps the local name. */
    public Network replace(String path, NetworkNode replacement) {
        for (Step s : parse(path)) {
            if (s instanceof Slice) {
                throw new NetworkException("cannot assign a module to slice '" + path + "'");
            }
        }
        if (parse(path).isEmpty()) {
            if (replacement instanceof Container c) {
                return new Network(c, null, 1000);
            }
            return new Network(Container.sequential("", List.of(replacement)));
        }
        return update(path, n -> replacement);
    }

    /** Adds a child module under a container (like {@code model.extra = nn.ReLU()} or Sequential.append). */
    public Network append(String containerPath, NetworkNode child) {
        return update(containerPath, n -> {
            if (!(n instanceof Container c)) {
                throw new NetworkException("'" + containerPath + "' is a layer, cannot add a module to it");
            }
            List<NetworkNode> children = new ArrayList<>(c.children());
            String name = c.kind() == Container.Kind.SEQUENTIAL ? String.valueOf(children.size()) : child.name();
            children.add(child.withName(name));
            return c.withChildren(children);
        });
    }
}
