/**
 * Training through DJL on the PyTorch engine: the only package that imports ai.djl. No JavaFX here.
 */
package app.descent.training;
