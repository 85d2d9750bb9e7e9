package app.descent.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The lexer of {@link PyTorchImporter}: Python source into logical lines of tokens (brackets join physical lines,
 * comments dropped, strings and numbers read as Python reads them). Errors that make the code unreadable (a bracket
 * never closed, an unterminated string, a number too large) are {@link NetworkException}s naming the line.
 */
final class PyLexer {

    enum T { NAME, NUMBER, STRING, OP, ERROR }

    record Tok(T kind, String text, Object value, int line, int col) {
        boolean is(String s) {
            return (kind == T.OP || kind == T.NAME) && text.equals(s);
        }
    }

    /** A logical line: its tokens, the first physical line, the indentation, the text. */
    record Stmt(List<Tok> toks, int line, int indent, String text) {
    }

    static final int MAX_DEPTH = 200;

    private final String code;
    private final String[] physical;

    PyLexer(String code) {
        this.code = code.replace("\r\n", "\n").replace('\r', '\n');
        this.physical = this.code.split("\n", -1);
    }

    /** The logical lines of the code, a line holding several statements (a; b) split into one per statement. */
    List<Stmt> statements() {
        List<Stmt> stmts = new ArrayList<>();
        for (Stmt s : tokenize()) {
            stmts.addAll(splitSemicolons(s));
        }
        return stmts;
    }

    private List<Stmt> tokenize() {
        List<Stmt> out = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        Deque<Tok> brackets = new ArrayDeque<>();
        int i = 0;
        int line = 1;
        int lineStart = 0;
        String s = code;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int col = i - lineStart;
            if (c == '\n') {
                if (brackets.isEmpty() && !cur.isEmpty()) {
                    out.add(stmt(cur));
                    cur = new ArrayList<>();
                }
                i++;
                line++;
                lineStart = i;
            } else if (c == ' ' || c == '\t' || c == '\f') {
                i++;
            } else if (c == '#') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\\' && i + 1 < n && s.charAt(i + 1) == '\n') {
                i += 2;
                line++;
                lineStart = i;
            } else if (Character.isJavaIdentifierStart(c) && c != '$') {
                int j = i;
                while (j < n && Character.isJavaIdentifierPart(s.charAt(j)) && s.charAt(j) != '$') {
                    j++;
                }
                String word = s.substring(i, j);
                if (j < n && (s.charAt(j) == '\'' || s.charAt(j) == '"') && word.length() <= 2
                        && word.toLowerCase().chars().allMatch(ch -> "rbfu".indexOf(ch) >= 0)) {
                    int[] end = new int[2];
                    String str = readString(s, j, line, end, word.toLowerCase().contains("r"));
                    cur.add(new Tok(T.STRING, s.substring(i, end[0]), word.toLowerCase().contains("f") ? null : str, line, col));
                    for (int k = i; k < end[0]; k++) {
                        if (s.charAt(k) == '\n') {
                            line++;
                            lineStart = k + 1;
                        }
                    }
                    i = end[0];
                } else {
                    cur.add(new Tok(T.NAME, word, null, line, col));
                    i = j;
                }
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                int j = i;
                boolean isFloat = false;
                if (c == '0' && j + 1 < n && "xXoObB".indexOf(s.charAt(j + 1)) >= 0) {
                    j += 2;
                    while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                        j++;
                    }
                } else {
                    while (j < n) {
                        char d = s.charAt(j);
                        if (Character.isDigit(d) || d == '_') {
                            j++;
                        } else if (d == '.') {
                            isFloat = true;
                            j++;
                        } else if ((d == 'e' || d == 'E') && j + 1 < n && (Character.isDigit(s.charAt(j + 1))
                                || (s.charAt(j + 1) == '-' || s.charAt(j + 1) == '+') && j + 2 < n && Character.isDigit(s.charAt(j + 2)))) {
                            isFloat = true;
                            j += 2;
                        } else {
                            break;
                        }
                    }
                }
                String text = s.substring(i, j);
                cur.add(new Tok(T.NUMBER, text, number(text, isFloat, line), line, col));
                i = j;
            } else if (c == '\'' || c == '"') {
                int[] end = new int[2];
                String str = readString(s, i, line, end, false);
                cur.add(new Tok(T.STRING, s.substring(i, end[0]), str, line, col));
                for (int k = i; k < end[0]; k++) {
                    if (s.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = end[0];
            } else if ("([{".indexOf(c) >= 0) {
                Tok t = new Tok(T.OP, String.valueOf(c), null, line, col);
                if (brackets.size() > MAX_DEPTH) {
                    throw new NetworkException("line " + line + ": brackets nested too deeply");
                }
                brackets.push(t);
                cur.add(t);
                i++;
            } else if (")]}".indexOf(c) >= 0) {
                if (brackets.isEmpty()) {
                    throw new NetworkException("line " + line + ": unmatched '" + c + "'");
                }
                Tok open = brackets.pop();
                char want = open.text.equals("(") ? ')' : open.text.equals("[") ? ']' : '}';
                if (c != want) {
                    throw new NetworkException("line " + line + ": closing '" + c + "' does not match '" + open.text + "' on line " + open.line);
                }
                cur.add(new Tok(T.OP, String.valueOf(c), null, line, col));
                i++;
            } else {
                String op = null;
                for (String cand : new String[] {"**=", "//=", "...", "**", "//", "==", "!=", "<=", ">=", "->", "+=", "-=", "*=", "/=",
                        "%=", ":=", "<<", ">>"}) {
                    if (s.startsWith(cand, i)) {
                        op = cand;
                        break;
                    }
                }
                if (op == null && "+-*/%@=<>,:;.~&|^".indexOf(c) >= 0) {
                    op = String.valueOf(c);
                }
                if (op == null) {
                    cur.add(new Tok(T.ERROR, String.valueOf(c), null, line, col));
                    i++;
                } else {
                    cur.add(new Tok(T.OP, op, null, line, col));
                    i += op.length();
                }
            }
        }
        if (!brackets.isEmpty()) {
            Tok open = brackets.pop();
            throw new NetworkException("line " + open.line + ": '" + open.text + "' is never closed");
        }
        if (!cur.isEmpty()) {
            out.add(stmt(cur));
        }
        return out;
    }

    private Stmt stmt(List<Tok> toks) {
        int first = toks.get(0).line;
        int last = toks.get(toks.size() - 1).line;
        StringBuilder text = new StringBuilder();
        for (int l = first; l <= last && l - 1 < physical.length; l++) {
            String p = physical[l - 1].strip();
            if (!p.isEmpty()) {
                text.append(text.length() == 0 ? "" : " ").append(p);
            }
        }
        return new Stmt(List.copyOf(toks), first, toks.get(0).col, text.toString());
    }

    private static Object number(String text, boolean isFloat, int line) {
        String t = text.replace("_", "");
        try {
            if (isFloat) {
                return Double.parseDouble(t);
            }
            String lower = t.toLowerCase();
            if (lower.startsWith("0x")) {
                return Long.parseLong(t.substring(2), 16);
            }
            if (lower.startsWith("0o")) {
                return Long.parseLong(t.substring(2), 8);
            }
            if (lower.startsWith("0b")) {
                return Long.parseLong(t.substring(2), 2);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new NetworkException("line " + line + ": bad or too large number '" + text + "'");
        }
    }

    private static String readString(String s, int start, int line, int[] end, boolean raw) {
        char q = s.charAt(start);
        boolean triple = s.startsWith(String.valueOf(q).repeat(3), start);
        int i = start + (triple ? 3 : 1);
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw new NetworkException("line " + line + ": unterminated string");
            }
            char c = s.charAt(i);
            if (triple ? s.startsWith(String.valueOf(q).repeat(3), i) : c == q) {
                end[0] = i + (triple ? 3 : 1);
                return sb.toString();
            }
            if (c == '\n' && !triple) {
                throw new NetworkException("line " + line + ": unterminated string");
            }
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(i + 1);
                if (raw) {
                    sb.append(c).append(e);
                } else {
                    sb.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                }
                i += 2;
                continue;
            }
            sb.append(c);
            i++;
        }
    }


    private static List<Stmt> splitSemicolons(Stmt s) {
        List<Stmt> out = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        int depth = 0;
        for (Tok t : s.toks) {
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
            }
            if (t.is(";") && depth == 0) {
                if (!cur.isEmpty()) {
                    out.add(new Stmt(List.copyOf(cur), s.line, s.indent, s.text));
                }
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        if (!cur.isEmpty()) {
            out.add(new Stmt(List.copyOf(cur), s.line, s.indent, s.text));
        }
        return out;
    }

    static boolean endsWithColon(Stmt s) {
        return s.toks.get(s.toks.size() - 1).is(":");
    }

    static int topLevel(List<Tok> toks, String op) {
        int depth = 0;
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
            } else if (depth == 0 && t.is(op)) {
                return i;
            }
        }
        return -1;
    }
}
