package app.descent.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A module with named children.
 * <ul>
 * <li>{@link Kind#SEQUENTIAL}: nn.Sequential, children named "0", "1", ... run in order; supports slices.</li>
 * <li>{@link Kind#MODULE}: a custom module (torchvision's VGG, ResNet) whose forward runs the children in order;
 * {@code flattenBefore} names the child before which {@code torch.flatten(x, 1)} happens in forward
 * (not a module, so not listed).</li>
 * <li>{@link Kind#RESIDUAL}: a residual block (torchvision BasicBlock): the children other than {@code shortcut},
 * run in order, form the main path, {@code shortcut} (may be null = identity) runs on the block input, the two are
 * added, then the child named {@code after} (may be null) runs again on the sum (BasicBlock reuses its relu).</li>
 * </ul>
 */
public record Container(String name, Kind kind, List<NetworkNode> children, String shortcut, String after,
                        String flattenBefore) implements NetworkNode {

    public enum Kind { SEQUENTIAL, MODULE, RESIDUAL }

    public Container {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        children = List.copyOf(children);
        Set<String> names = new HashSet<>();
        for (NetworkNode c : children) {
            if (!names.add(c.name())) {
                throw new NetworkException("duplicate child name '" + c.name() + "' in " + (name.isEmpty() ? "network" : name));
            }
        }
        for (String ref : new String[] {shortcut, after, flattenBefore}) {
            if (ref != null && !names.contains(ref)) {
                throw new NetworkException("container " + name + " refers to missing child '" + ref + "'");
            }
        }
    }

    /** nn.Sequential of the given nodes, renamed "0", "1", ... */
    public static Container sequential(String name, List<? extends NetworkNode> nodes) {
        List<NetworkNode> renamed = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            renamed.add(nodes.get(i).withName(String.valueOf(i)));
        }
        return new Container(name, Kind.SEQUENTIAL, renamed, null, null, null);
    }

    /** nn.Sequential of freshly built trainable layers named "0", "1", ... */
    public static Container sequentialOf(String name, List<LayerSpec> specs) {
        List<NetworkNode> nodes = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            nodes.add(new Layer(String.valueOf(i), specs.get(i)));
        }
        return new Container(name, Kind.SEQUENTIAL, nodes, null, null, null);
    }

    public static Container module(String name, List<NetworkNode> children, String flattenBefore) {
        return new Container(name, Kind.MODULE, children, null, null, flattenBefore);
    }

    public static Container residual(String name, List<NetworkNode> children, String shortcut, String after) {
        return new Container(name, Kind.RESIDUAL, children, shortcut, after, null);
    }

    public NetworkNode child(String childName) {
        for (NetworkNode c : children) {
            if (c.name().equals(childName)) {
                return c;
            }
        }
        return null;
    }

    public Container withChildren(List<NetworkNode> newChildren) {
        return new Container(name, kind, newChildren, shortcut, after, flattenBefore);
    }

    @Override
    public Container withName(String newName) {
        return new Container(newName, kind, children, shortcut, after, flattenBefore);
    }

    @Override
    public Container withTrainable(boolean t) {
        return withChildren(children.stream().map(c -> c.withTrainable(t)).toList());
    }
}
