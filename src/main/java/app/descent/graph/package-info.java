/**
 * The backprop engine: expression parser, computational graph, and the forward and backward passes as steps a
 * student can replay. Double precision, checked against PyTorch autograd. No JavaFX, no DJL.
 */
package app.descent.graph;
