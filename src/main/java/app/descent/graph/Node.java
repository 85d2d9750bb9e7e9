package app.descent.graph;

import java.util.List;

/**
 * A node of a computational graph: an input variable, a constant, or an operation on earlier nodes.
 * {@code name} is the variable's name or the name a definition gave the node (h1 = …), else null.
 */
public record Node(int id, Op op, List<Integer> inputs, String name, double constant, int line, int column) {

    /** What the node shows: the variable or defined name, the constant, or the operation's symbol. */
    public String label() {
        if (op == Op.INPUT) {
            return name;
        }
        if (op == Op.CONSTANT) {
            return ComputationGraph.format(constant);
        }
        return name == null ? op.symbol() : name + " = " + op.symbol();
    }

    public boolean isLeaf() {
        return op == Op.INPUT || op == Op.CONSTANT;
    }
}
