package app.descent.graph;

import app.descent.UserInputException;

/**
 * A mistake in an expression or its values. When it concerns a place in the text it carries the line and column
 * (1-based) and can draw a caret under it.
 */
public final class ExpressionException extends UserInputException {
    /** The most characters of the source line shown above the caret. */
    static final int CARET_WIDTH = 72;

    private final String sourceLine;
    private final int line;
    private final int column;

    public ExpressionException(String message) {
        this(message, null, 0, 0);
    }

    ExpressionException(String message, String sourceLine, int line, int column) {
        super(message);
        this.sourceLine = sourceLine;
        this.line = line;
        this.column = column;
    }

    /** 1-based column of the mistake, or 0 when it is not at a place in the text. */
    public int column() {
        return column;
    }

    /** 1-based line of the mistake (definitions come on lines before the expression), or 0. */
    public int line() {
        return line;
    }

    @Override
    public String detail() {
        return caret();
    }

    /** The offending line with a caret under the column, or an empty string. */
    public String caret() {
        if (sourceLine == null || column <= 0) {
            return "";
        }
        int at = Math.min(column - 1, sourceLine.length());
        if (sourceLine.length() <= CARET_WIDTH) {
            return sourceLine + "\n" + " ".repeat(at) + "^";
        }
        // a line of thousands of terms: the stretch around the column, cut with ellipses
        int from = Math.max(0, Math.min(at - CARET_WIDTH / 2, sourceLine.length() - CARET_WIDTH));
        int to = Math.min(sourceLine.length(), from + CARET_WIDTH);
        String lead = from > 0 ? "…" : "";
        return lead + sourceLine.substring(from, to) + (to < sourceLine.length() ? "…" : "") + "\n"
                + " ".repeat(lead.length() + at - from) + "^";
    }
}
