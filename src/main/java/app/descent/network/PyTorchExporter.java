package app.descent.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a network as runnable PyTorch code that {@link PyTorchImporter} reads back to the same layers:
 * nn.Sequential code for sequential networks (nested Sequentials allowed); for torchvision networks the
 * {@code models.xxx()} call followed by replacement lines ({@code model.classifier[6] = nn.Linear(4096, 10)}) and
 * freezing loops. Layer arguments: required ones positional, others as keywords when they differ from the default.
 */
public final class PyTorchExporter {
    private PyTorchExporter() {
    }

    public static String export(Network network) {
        return export(network, null);
    }

    /** @param input an input shape for a {@code x = torch.randn(...)} line, or null */
    public static String export(Network network, List<Integer> input) {
        StringBuilder sb = new StringBuilder("import torch\nfrom torch import nn\n");
        String var;
        Network fresh = null;
        if (network.zooModel() != null) {
            sb.append("import torchvision.models as models\n\n");
            var = "model";
            sb.append(var).append(" = models.").append(network.zooModel())
                    .append(network.numClasses() == 1000 ? "()" : "(num_classes=" + network.numClasses() + ")").append('\n');
            fresh = ModelZoo.create(network.zooModel(), network.numClasses());
            diff(fresh.root(), network.root(), "", var, sb);
        } else {
            if (!sequentialOnly(network.root())) {
                throw new NetworkException("only nn.Sequential networks and torchvision models can be exported as PyTorch code");
            }
            var = "net";
            sb.append('\n').append(var).append(" = ").append(sequential(network.root(), "")).append('\n');
        }
        freezing(network.root(), "", var, true, sb);
        if (input != null) {
            sb.append("\nx = torch.randn(").append(input.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(")\n");
        }
        return sb.toString();
    }

    /** A script that builds the network and loads weights saved by Descent (an .npz keyed like state_dict). */
    public static String loadScript(Network network, String npzFile) {
        String code = export(network, null);
        String var = network.zooModel() != null ? "model" : "net";
        return code.replace("import torch\n", "import numpy as np\nimport torch\n")
                + "\n# weights trained by Descent\n"
                + "state = {k: torch.from_numpy(v) for k, v in np.load(" + literal(npzFile) + ").items()}\n"
                + var + ".load_state_dict(state, strict=False)\n"
                + var + ".eval()\n";
    }

    private static boolean sequentialOnly(NetworkNode n) {
        return n instanceof Layer || n instanceof Container c && c.kind() == Container.Kind.SEQUENTIAL
                && c.children().stream().allMatch(PyTorchExporter::sequentialOnly);
    }

    private static String sequential(NetworkNode n, String indent) {
        if (n instanceof Layer l) {
            return l.spec().layerType().export().code(l.spec(), "nn.");
        }
        Container c = (Container) n;
        if (c.children().isEmpty()) {
            return "nn.Sequential()";
        }
        String inner = indent + "    ";
        return "nn.Sequential(\n" + c.children().stream().map(ch -> inner + sequential(ch, inner))
                .collect(Collectors.joining(",\n")) + ",\n" + indent + ")";
    }

    private static void diff(NetworkNode fresh, NetworkNode actual, String path, String var, StringBuilder sb) {
        if (fresh instanceof Layer f && actual instanceof Layer a && f.spec().equals(a.spec())) {
            return;
        }
        if (fresh instanceof Container f && actual instanceof Container a && f.kind() == a.kind()
                && f.children().stream().map(NetworkNode::name).toList().equals(a.children().stream().map(NetworkNode::name).toList())
                && java.util.Objects.equals(f.shortcut(), a.shortcut()) && java.util.Objects.equals(f.after(), a.after())
                && java.util.Objects.equals(f.flattenBefore(), a.flattenBefore())) {
            for (int i = 0; i < f.children().size(); i++) {
                NetworkNode child = a.children().get(i);
                diff(f.children().get(i), child, path.isEmpty() ? child.name() : path + "." + child.name(), var, sb);
            }
            return;
        }
        if (!sequentialOnly(actual) || path.isEmpty()) {
            throw new NetworkException("cannot export the change at '" + path + "' as PyTorch code");
        }
        sb.append(pyPath(var, path)).append(" = ").append(sequential(actual, "")).append('\n');
    }

    /** "features.0" → model.features[0]; "layer1.0.conv1" → model.layer1[0].conv1. */
    public static String pyPath(String var, String path) {
        StringBuilder sb = new StringBuilder(var);
        if (path.isEmpty()) {
            return var;
        }
        for (String seg : path.split("\\.")) {
            if (seg.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(seg).append(']');
            } else {
                sb.append('.').append(seg);
            }
        }
        return sb.toString();
    }

    /** Emits requires_grad loops (as few as possible) so the parameters end up as in the network, starting from all trainable. */
    private static void freezing(NetworkNode n, String path, String var, boolean inherited, StringBuilder sb) {
        int[] counts = new int[2]; // frozen, trainable (leaves with parameters)
        count(n, counts);
        if (counts[0] + counts[1] == 0) {
            return;
        }
        boolean state;
        if (counts[0] == 0 || counts[1] == 0) {
            state = counts[1] > 0;
        } else {
            int[] same = cost(n, inherited);
            int[] other = cost(n, !inherited);
            state = same[0] <= other[0] + 1 ? inherited : !inherited;
        }
        if (state != inherited) {
            sb.append("for param in ").append(pyPath(var, path)).append(".parameters(): param.requires_grad = ")
                    .append(state ? "True" : "False").append('\n');
        }
        if (counts[0] > 0 && counts[1] > 0 && n instanceof Container c) {
            for (NetworkNode child : c.children()) {
                freezing(child, path.isEmpty() ? child.name() : path + "." + child.name(), var, state, sb);
            }
        }
    }

    /** Lines needed for the children of a mixed node when the node's state is {@code state}; {line count}. */
    private static int[] cost(NetworkNode n, boolean state) {
        int total = 0;
        if (n instanceof Container c) {
            for (NetworkNode child : c.children()) {
                total += best(child, state);
            }
        }
        return new int[] {total};
    }

    private static int best(NetworkNode n, boolean inherited) {
        int[] counts = new int[2];
        count(n, counts);
        if (counts[0] + counts[1] == 0) {
            return 0;
        }
        if (counts[0] == 0 || counts[1] == 0) {
            return (counts[1] > 0) == inherited ? 0 : 1;
        }
        return Math.min(cost(n, inherited)[0], 1 + cost(n, !inherited)[0]);
    }

    private static void count(NetworkNode n, int[] counts) {
        if (n instanceof Layer l) {
            if (ShapeInference.params(l.spec()) > 0) {
                counts[l.trainable() ? 1 : 0]++;
            }
        } else {
            for (NetworkNode c : ((Container) n).children()) {
                count(c, counts);
            }
        }
    }

    /** e.g. {@code nn.Conv2d(3, 16, kernel_size=3, padding=1)} with prefix "nn.". */
    public static String constructor(LayerSpec spec, String prefix) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : spec.explicitArgs().entrySet()) {
            LayerType.Param p = spec.layerType().param(e.getKey()).orElseThrow();
            if (p.required()) {
                parts.add(literal(e.getValue()));
            } else {
                parts.add(e.getKey() + "=" + literal(e.getValue()));
            }
        }
        return prefix + spec.type() + "(" + String.join(", ", parts) + ")";
    }

    /** A Python literal for an argument value. */
    public static String literal(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return pyFloat(d);
        }
        if (v instanceof Float f) {
            return pyFloat(f.doubleValue());
        }
        if (v instanceof Number) {
            return v.toString();
        }
        if (v instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
        }
        if (v instanceof List<?> l) {
            String inner = l.stream().map(PyTorchExporter::literal).collect(Collectors.joining(", "));
            return l.size() == 1 ? "(" + inner + ",)" : "(" + inner + ")";
        }
        return v.toString(); // dotted names such as torch.float32
    }

    static String pyFloat(double d) {
        if (Double.isNaN(d)) {
            return "float('nan')";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "float('inf')" : float_neg_inf();
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mant = s.substring(0, e);
        if (mant.endsWith(".0")) {
            mant = mant.substring(0, mant.length() - 2);
        }
        int exp = Integer.parseInt(s.substring(e + 1));
        return mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    private static String float_neg_inf() {
        return "float('-inf')";
    }
}
