package app.descent.graph;

/** The text of an expression, turning an offset into a line, a column and a caret display. */
record Source(String text) {

    ExpressionException error(String message, int offset) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        if (offset == 0) {
            lineStart = 0;
        }
        int lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        int line = (int) text.substring(0, lineStart).chars().filter(ch -> ch == '\n').count() + 1;
        int column = offset - lineStart + 1;
        boolean multiLine = text.indexOf('\n') >= 0;
        String where = multiLine ? " at line " + line + ", column " + column : " at column " + column;
        return new ExpressionException(message + where, text.substring(lineStart, lineEnd), line, column);
    }
}
