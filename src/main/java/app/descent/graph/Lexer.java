package app.descent.graph;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens, remembering where each starts. */
final class Lexer {
    enum Type { NUMBER, NAME, PLUS, MINUS, STAR, SLASH, POWER, LPAREN, RPAREN, COMMA, ASSIGN, NEWLINE, END }

    record Token(Type type, String text, double number, int offset) {
    }

    private Lexer() {
    }

    static List<Token> tokens(Source source) {
        String s = source.text();
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n' || c == ';') {
                out.add(new Token(Type.NEWLINE, String.valueOf(c), 0, i));
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                // an exponent only when digits follow: "2e" stays 2 times e
                if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int j = i + 1;
                    if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                        j++;
                    }
                    if (j < s.length() && Character.isDigit(s.charAt(j))) {
                        i = j;
                        while (i < s.length() && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                    }
                }
                String text = s.substring(start, i);
                double value;
                try {
                    value = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw source.error("'" + text + "' is not a number", start);
                }
                if (Double.isInfinite(value)) {
                    throw source.error("the number " + text + " is too large (it overflows to infinity)", start);
                }
                out.add(new Token(Type.NUMBER, text, value, start));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Type.NAME, s.substring(start, i), 0, start));
            } else {
                Type t = switch (c) {
                    case '+' -> Type.PLUS;
                    case '-', '−' -> Type.MINUS;
                    case '*', '×', '·' -> Type.STAR;
                    case '/' -> Type.SLASH;
                    case '^' -> Type.POWER;
                    case '(' -> Type.LPAREN;
                    case ')' -> Type.RPAREN;
                    case ',' -> Type.COMMA;
                    case '=' -> Type.ASSIGN;
                    default -> null;
                };
                if (t == null) {
                    throw source.error("unexpected character '" + c + "'", i);
                }
                if (t == Type.STAR && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                    out.add(new Token(Type.POWER, "**", 0, i));
                    i += 2;
                } else {
                    out.add(new Token(t, String.valueOf(c), 0, i));
                    i++;
                }
            }
        }
        out.add(new Token(Type.END, "", 0, s.length()));
        return out;
    }
}
