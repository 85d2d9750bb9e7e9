/**
 * Comparisons of training runs: runs that differ in one setting, interleaved on the training thread, the course's
 * study presets and hyperparameter search. Core: no JavaFX, no DJL (it reaches the engine through training).
 */
package app.descent.compare;
