/**
 * Comparisons the course teaches with: activations and their slopes, optimizer paths on 2-D surfaces, per-layer
 * statistics at initialization, and grids of runs that differ in one setting. No JavaFX, no DJL: runs go through training.
 */
package app.descent.compare;
