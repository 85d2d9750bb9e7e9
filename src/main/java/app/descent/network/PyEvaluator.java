package app.descent.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static app.descent.network.PySyntax.*;

/**
 * Gives values to {@link PySyntax} expressions: numbers and arithmetic, names bound by earlier statements, nn layers
 * (through the layers registry: {@link LayerSpec}), nn.Sequential, OrderedDict, torchvision constructors, tensor
 * factories, parts of a network ({@code model.features[-6:]}) and the module methods that do not change it. What it
 * does not model is {@link NotUnderstood} (the statement is ignored); wrong code for a network is a
 * {@link NetworkException} naming the line.
 */
class PyEvaluator {
    /** A dotted name that is not a value of its own: a module like torch.nn or an unknown attribute. */
    record Qual(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A part of a module variable: var + selector ("features[-6:]", "" for all). */
    record ModRef(String var, String selector) {
    }

    record Tensor(List<Integer> shape) {
    }

    record NamedModules(List<NetworkNode> modules) {
    }

    /** The result of something the importer understands but does not model (a forward pass output). */
    record Opaq(String what) {
    }

    static final class NotUnderstood extends RuntimeException {
        NotUnderstood(String message) {
            super(message, null, false, false);
        }
    }

    final Map<String, Object> vars = new HashMap<>();

    String networkVar;

    List<Integer> lastTensor;

    List<Integer> forwardInput;

    int line;

    NetworkException error(String message) {
        return new NetworkException("line " + line + ": " + message);
    }

    NetworkException located(NetworkException e) {
        return e.getMessage().startsWith("line ") ? e : new NetworkException("line " + line + ": " + e.getMessage(), e);
    }

    String index(Node idx) {
        Object v = idx instanceof Slice sl ? null : eval(idx);
        if (idx instanceof Slice sl) {
            if (sl.step() != null) {
                throw new NotUnderstood("slice with a step");
            }
            Long a = sl.start() == null ? null : asLong(eval(sl.start()));
            Long b = sl.end() == null ? null : asLong(eval(sl.end()));
            return "[" + (a == null ? "" : a) + ":" + (b == null ? "" : b) + "]";
        }
        Long i = asLong(v);
        return "[" + i + "]";
    }

    static Long asLong(Object v) {
        if (v instanceof Long l) {
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new NotUnderstood("index too large");
            }
            return l;
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        throw new NotUnderstood("index is not an integer");
    }

    static String join(String a, String b) {
        return a.isEmpty() ? b : a + "." + b;
    }

    Network network(String var) {
        Object v = vars.get(var);
        if (v instanceof Network n) {
            return n;
        }
        throw new NotUnderstood(var + " is not a network");
    }

    NetworkNode resolve(ModRef r) {
        Object v = vars.get(r.var());
        if (v instanceof Layer l) {
            if (r.selector().isEmpty()) {
                return l;
            }
            throw error(r.var() + " is a single layer and has no submodule " + r.selector());
        }
        Network net = network(r.var());
        if (r.selector().contains(":")) {
            List<NetworkNode> nodes = new ArrayList<>();
            for (String p : net.select(r.selector())) {
                nodes.add(net.node(p));
            }
            return Container.sequential("", nodes);
        }
        return net.node(r.selector());
    }

    void apply(ModRef ref, boolean trainable) {
        Object v = vars.get(ref.var());
        if (v instanceof Layer l && ref.selector().isEmpty()) {
            vars.put(ref.var(), l.withTrainable(trainable));
            return;
        }
        Network net = network(ref.var());
        vars.put(ref.var(), net.setTrainable(ref.selector(), trainable));
        networkVar = ref.var();
    }

    Object eval(Node node) {
        if (node instanceof Lit l) {
            return l.value();
        }
        if (node instanceof Name n) {
            if (!vars.containsKey(n.id())) {
                throw new NotUnderstood("name '" + n.id() + "' is not defined");
            }
            Object v = vars.get(n.id());
            if (v instanceof Network || v instanceof Layer) {
                return new ModRef(n.id(), "");
            }
            return v;
        }
        if (node instanceof Attr a) {
            Object base = eval(a.target());
            if (base instanceof Qual q) {
                return new Qual(q.name() + "." + a.name());
            }
            if (base instanceof ModRef r) {
                return new ModRef(r.var(), join(r.selector(), a.name()));
            }
            throw new NotUnderstood("attribute ." + a.name() + " not understood");
        }
        if (node instanceof Sub s) {
            Object base = eval(s.target());
            if (base instanceof ModRef r) {
                return new ModRef(r.var(), r.selector() + index(s.index()));
            }
            if (base instanceof List<?> list && !(s.index() instanceof Slice)) {
                long i = asLong(eval(s.index()));
                int size = list.size();
                int real = (int) (i < 0 ? i + size : i);
                if (real < 0 || real >= size) {
                    throw error("index " + i + " out of range");
                }
                return list.get(real);
            }
            throw new NotUnderstood("subscript not understood");
        }
        if (node instanceof Seq s) {
            List<Object> out = new ArrayList<>();
            for (Node item : s.items()) {
                if (item instanceof Star) {
                    throw new NotUnderstood("unpacking not understood");
                }
                out.add(eval(item));
            }
            return out;
        }
        if (node instanceof Unary u) {
            Object v = eval(u.operand());
            if (u.op().equals("-")) {
                if (v instanceof Long l) {
                    return Math.negateExact(l);
                }
                if (v instanceof Double d) {
                    return -d;
                }
            } else if (u.op().equals("+") && (v instanceof Long || v instanceof Double)) {
                return v;
            }
            throw new NotUnderstood("operator " + u.op() + " not understood here");
        }
        if (node instanceof Bin b) {
            return arithmetic(b.op(), eval(b.left()), eval(b.right()));
        }
        if (node instanceof Call c) {
            return call(c);
        }
        if (node instanceof Opaque o) {
            throw new NotUnderstood(o.what() + " not understood");
        }
        if (node instanceof Slice) {
            throw new NotUnderstood("slice not understood here");
        }
        throw new NotUnderstood("expression not understood");
    }

    Object arithmetic(String op, Object a, Object b) {
        if (a instanceof Boolean x) {
            a = x ? 1L : 0L;
        }
        if (b instanceof Boolean x) {
            b = x ? 1L : 0L;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && op.equals("+")) {
            List<Object> out = new ArrayList<>(la);
            out.addAll(lb);
            return out;
        }
        if (!(a instanceof Long || a instanceof Double) || !(b instanceof Long || b instanceof Double)) {
            throw new NotUnderstood("operator " + op + " on values that are not numbers");
        }
        try {
            if (a instanceof Long x && b instanceof Long y) {
                switch (op) {
                    case "+":
                        return Math.addExact(x, y);
                    case "-":
                        return Math.subtractExact(x, y);
                    case "*":
                        return Math.multiplyExact(x, y);
                    case "//":
                        if (y == 0) {
                            throw error("integer division by zero");
                        }
                        return Math.floorDiv(x, y);
                    case "%":
                        if (y == 0) {
                            throw error("integer modulo by zero");
                        }
                        return Math.floorMod(x, y);
                    case "/":
                        if (y == 0) {
                            throw error("division by zero");
                        }
                        return (double) x / y;
                    case "**":
                        if (y < 0) {
                            return Math.pow(x, y);
                        }
                        long r = 1;
                        for (long k = 0; k < y; k++) {
                            r = Math.multiplyExact(r, x);
                            if (r == 0 || r == 1 && x == 1) {
                                break;
                            }
                            if (k > 64 && (x == -1)) {
                                return y % 2 == 0 ? 1L : -1L;
                            }
                        }
                        return r;
                    default:
                        throw new NotUnderstood("operator " + op + " not understood");
                }
            }
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            switch (op) {
                case "+":
                    return x + y;
                case "-":
                    return x - y;
                case "*":
                    return x * y;
                case "/":
                    if (y == 0) {
                        throw error("float division by zero");
                    }
                    return x / y;
                case "//":
                    if (y == 0) {
                        throw error("float floor division by zero");
                    }
                    return Math.floor(x / y);
                case "%":
                    if (y == 0) {
                        throw error("float modulo by zero");
                    }
                    return x - Math.floor(x / y) * y;
                case "**":
                    return Math.pow(x, y);
                default:
                    throw new NotUnderstood("operator " + op + " not understood");
            }
        } catch (ArithmeticException e) {
            throw error("number too large in arithmetic");
        }
    }

    static final java.util.Set<String> TENSOR_FACTORIES = java.util.Set.of("randn", "rand", "zeros", "ones", "empty",
            "randint", "full");

    static final java.util.Set<String> MODULE_NO_OPS = java.util.Set.of("to", "cuda", "cpu", "eval", "train", "float",
            "double", "half", "requires_grad_", "zero_grad");

    Object call(Call c) {
        if (c.fn() instanceof Attr a) {
            Object owner;
            try {
                owner = eval(a.target());
            } catch (NotUnderstood e) {
                owner = null;
            }
            if (owner instanceof ModRef r) {
                if (MODULE_NO_OPS.contains(a.name())) {
                    if (a.name().equals("requires_grad_")) {
                        boolean flag = true;
                        if (!c.args().isEmpty() || c.kwargs().containsKey("requires_grad")) {
                            Object v = eval(c.args().isEmpty() ? c.kwargs().get("requires_grad") : c.args().get(0));
                            if (!(v instanceof Boolean b)) {
                                throw new NotUnderstood("requires_grad_ needs True or False");
                            }
                            flag = b;
                        }
                        apply(r, flag);
                    } else {
                        resolve(r);
                    }
                    return r;
                }
                throw new NotUnderstood("method ." + a.name() + "() not understood");
            }
        }
        if (c.fn() instanceof Name n && !vars.containsKey(n.id())) {
            throw new NotUnderstood(n.id() + "(...) is not read");
        }
        Object fn = eval(c.fn());
        if (fn instanceof ModRef r) {
            // a forward pass: net(x)
            if (c.args().size() == 1) {
                Object arg = eval(c.args().get(0));
                if (arg instanceof Tensor t && r.selector().isEmpty() && r.var().equals(networkVar)) {
                    forwardInput = t.shape();
                }
            }
            return new Opaq("forward pass");
        }
        if (!(fn instanceof Qual q)) {
            throw new NotUnderstood("call not understood");
        }
        String name = q.name();
        int dot = name.lastIndexOf('.');
        String module = dot < 0 ? "" : name.substring(0, dot);
        String simple = name.substring(dot + 1);
        if (module.equals("torch.nn") || module.equals("torch.nn.modules()")) {
            return nnCall(c, simple);
        }
        if (module.equals("torchvision.models")) {
            return zooCall(c, simple);
        }
        if (module.equals("torch") && TENSOR_FACTORIES.contains(simple)) {
            return tensor(c, simple);
        }
        if (name.equals("collections.OrderedDict") || name.equals("OrderedDict")) {
            return orderedDict(c);
        }
        if (name.equals("int") && c.args().size() == 1 && c.kwargs().isEmpty()) {
            Object v = eval(c.args().get(0));
            if (v instanceof Long) {
                return v;
            }
            if (v instanceof Double d && Double.isFinite(d) && Math.abs(d) < 9e18) {
                return (long) (double) d;
            }
        }
        throw new NotUnderstood(name + "(...) not understood");
    }

    Object nnCall(Call c, String simple) {
        if (simple.equals("Sequential")) {
            if (!c.kwargs().isEmpty()) {
                throw error("nn.Sequential takes no keyword arguments");
            }
            List<NetworkNode> children = new ArrayList<>();
            if (c.args().size() == 1) {
                Object only = inNn(c.args().get(0), "nn.Sequential");
                if (only instanceof NamedModules nm) {
                    return new Container("", Container.Kind.SEQUENTIAL, nm.modules(), null, null, null);
                }
                children.add(module(only, "nn.Sequential", 0));
            } else {
                for (int i = 0; i < c.args().size(); i++) {
                    children.add(module(inNn(c.args().get(i), "nn.Sequential"), "nn.Sequential", i));
                }
            }
            return Container.sequential("", children);
        }
        if (LayerType.find(simple).isEmpty()) {
            throw error("nn." + simple + " is not supported (supported layers: "
                    + String.join(", ", LayerType.catalog().stream().map(LayerType::name).toList()) + ", Sequential)");
        }
        List<Object> args = new ArrayList<>();
        for (Node a : c.args()) {
            args.add(argValue(inNn(a, "nn." + simple)));
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : c.kwargs().entrySet()) {
            kwargs.put(e.getKey(), argValue(inNn(e.getValue(), "nn." + simple)));
        }
        try {
            return new Layer("0", LayerSpec.of(simple, args, kwargs));
        } catch (NetworkException e) {
            throw error(e.getMessage());
        }
    }

    static Object argValue(Object v) {
        if (v instanceof Qual q) {
            return new Qual(q.name()); // device=..., dtype=torch.float32
        }
        return v;
    }

    Object inNn(Node n, String where) {
        if (n instanceof Star) {
            throw error("unpacking (*args) in " + where + " is not supported");
        }
        try {
            return eval(n);
        } catch (NotUnderstood e) {
            throw error(e.getMessage() + " in " + where);
        }
    }

    NetworkNode module(Object v, String where, int i) {
        if (v instanceof NetworkNode nn) {
            return nn;
        }
        if (v instanceof Network net) {
            return net.root();
        }
        if (v instanceof ModRef r) {
            return resolve(r);
        }
        throw error("argument " + (i + 1) + " of " + where + " is not a module: " + PyTorchExporter.literal(v));
    }

    Object orderedDict(Call c) {
        if (c.args().size() != 1 || !c.kwargs().isEmpty()) {
            throw new NotUnderstood("OrderedDict form not understood");
        }
        Object v = eval(c.args().get(0));
        if (!(v instanceof List<?> items)) {
            throw new NotUnderstood("OrderedDict form not understood");
        }
        List<NetworkNode> mods = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof String key)) {
                throw new NotUnderstood("OrderedDict items must be (name, module) pairs");
            }
            NetworkNode m = module(pair.get(1), "OrderedDict", 0);
            if (key.isEmpty() || key.contains(".")) {
                throw error("module name '" + key + "' must be non-empty and contain no dot");
            }
            for (NetworkNode other : mods) {
                if (other.name().equals(key)) {
                    throw error("module name '" + key + "' appears twice");
                }
            }
            mods.add(m.withName(key));
        }
        return new NamedModules(mods);
    }

    Object zooCall(Call c, String simple) {
        if (!ModelZoo.isTorchvision(simple)) {
            throw error("torchvision model '" + simple + "' is not in the model zoo (known: " + String.join(", ", ModelZoo.TORCHVISION) + ")");
        }
        int numClasses = 1000;
        for (Map.Entry<String, Node> e : c.kwargs().entrySet()) {
            switch (e.getKey()) {
                case "num_classes" -> {
                    Object v = inNn(e.getValue(), "models." + simple);
                    if (!(v instanceof Long l) || l < 1 || l > Integer.MAX_VALUE) {
                        throw error("models." + simple + " num_classes must be a positive integer");
                    }
                    numClasses = (int) (long) l;
                }
                case "pretrained", "weights", "progress", "aux_logits", "init_weights", "dropout" -> {
                    // architecture only: weights are not loaded
                }
                default -> throw error("models." + simple + " got an unexpected keyword argument '" + e.getKey() + "'");
            }
        }
        if (c.args().size() > 2) {
            throw error("models." + simple + " takes keyword arguments only");
        }
        return ModelZoo.create(simple, numClasses);
    }

    Tensor tensor(Call c, String simple) {
        List<Object> sizes = new ArrayList<>();
        List<Node> args = c.args();
        if (simple.equals("randint")) {
            // randint(high, size) or randint(low, high, size)
            Node size = c.kwargs().get("size");
            if (size == null && !args.isEmpty()) {
                size = args.get(args.size() - 1);
            }
            if (size == null) {
                throw new NotUnderstood("torch.randint without size");
            }
            sizes.add(eval(size));
        } else if (simple.equals("full")) {
            Node size = c.kwargs().containsKey("size") ? c.kwargs().get("size") : args.isEmpty() ? null : args.get(0);
            if (size == null) {
                throw new NotUnderstood("torch.full without size");
            }
            sizes.add(eval(size));
        } else if (c.kwargs().containsKey("size")) {
            sizes.add(eval(c.kwargs().get("size")));
        } else {
            for (Node a : args) {
                sizes.add(eval(a));
            }
        }
        if (sizes.size() == 1 && sizes.get(0) instanceof List<?> l) {
            sizes = new ArrayList<>(l);
        }
        List<Integer> shape = new ArrayList<>();
        for (Object s : sizes) {
            if (!(s instanceof Long l)) {
                throw new NotUnderstood("tensor size is not an integer");
            }
            if (l < 0 || l > Integer.MAX_VALUE) {
                throw error("tensor size " + l + " out of range");
            }
            shape.add((int) (long) l);
        }
        return new Tensor(List.copyOf(shape));
    }
}
