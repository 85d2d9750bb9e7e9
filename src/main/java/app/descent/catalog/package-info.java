/**
 * The registries: one entry per concept (an activation, a graph op's function, an optimizer, a layer type) holding
 * everything the rest of the program knows about it, so that adding one touches one place. Every core package
 * (graph, network, training, compare, practice, lessons) and the UI and CLI may read it; it uses no other project
 * package except the root package and {@code app.descent.io}, and no JavaFX or DJL (what needs DJL, such as an
 * activation's DJL block, stays in training, keyed by the registry's id). ArchitectureTest enforces this.
 */
package app.descent.catalog;
