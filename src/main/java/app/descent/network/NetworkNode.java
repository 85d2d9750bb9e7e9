package app.descent.network;

/**
 * A node of a network tree: a leaf {@link Layer} or a {@link Container} of named children. {@link #name()} is the
 * local name inside the parent ("0", "features", "conv1"); the dotted path ("features.0") comes from the tree.
 */
public sealed interface NetworkNode permits Layer, Container {
    String name();

    /** The same node under another local name. */
    NetworkNode withName(String name);

    /** The same subtree with every layer's trainable flag set. */
    NetworkNode withTrainable(boolean trainable);
}
