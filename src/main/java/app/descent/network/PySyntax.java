package app.descent.network;

import app.descent.network.PyLexer.Tok;

import java.util.LinkedHashMap;
import java.util.List;

/** The syntax tree of the Python expressions {@link PyParser} reads; {@link PyEvaluator} gives them values. */
final class PySyntax {
    private PySyntax() {
    }

    sealed interface Node permits Lit, Name, Attr, Call, Sub, Seq, Bin, Unary, Slice, Opaque, Star {
    }

    record Lit(Object value) implements Node {
    }

    record Name(String id, Tok tok) implements Node {
    }

    record Attr(Node target, String name) implements Node {
    }

    record Call(Node fn, List<Node> args, LinkedHashMap<String, Node> kwargs, int line) implements Node {
    }

    record Sub(Node target, Node index) implements Node {
    }

    record Seq(List<Node> items, boolean tuple) implements Node {
    }

    record Bin(String op, Node left, Node right) implements Node {
    }

    record Unary(String op, Node operand) implements Node {
    }

    record Slice(Node start, Node end, Node step) implements Node {
    }

    /** Valid Python the importer does not evaluate (comparisons, dicts, lambdas, f-strings). */
    record Opaque(String what) implements Node {
    }

    record Star(Node inner, boolean dict) implements Node {
    }

    static final class SyntaxError extends RuntimeException {
        final Tok at;

        SyntaxError(String message, Tok at) {
            super(message, null, false, false);
            this.at = at;
        }
    }
}
