package app.descent.graph;

import java.util.List;

/** The parsed form of an expression, before it becomes a graph. Offsets point into the source text. */
final class Syntax {
    private Syntax() {
    }

    sealed interface Expr permits Num, Var, Apply {
        int offset();
    }

    record Num(double value, String text, int offset) implements Expr {
    }

    record Var(String name, int offset) implements Expr {
    }

    /** An operation applied to its arguments: binary operators, unary minus and function calls alike. */
    record Apply(Op op, List<Expr> args, int offset) implements Expr {
    }

    record Definition(String name, Expr expr, int offset) {
    }

    record Program(List<Definition> definitions, Expr output, Source source) {
    }
}
