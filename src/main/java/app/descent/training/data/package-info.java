/**
 * Datasets: the shipped IDX image sets (MNIST, Fashion-MNIST), seeded 2-D toy problems, and CSV files.
 * Plain Java: no JavaFX and no DJL, so loaders are tested in milliseconds.
 */
package app.descent.training.data;
