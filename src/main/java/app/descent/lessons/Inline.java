package app.descent.lessons;

/** A piece of a paragraph: text (plain, bold or code), inline math, or an image. */
public sealed interface Inline {
    enum Style { PLAIN, BOLD, CODE }

    record Text(String text, Style style) implements Inline {
    }

    /** {@code $tex$} in the file. */
    record Math(String tex) implements Inline {
    }

    /** {@code ![alt](path)}; location is resolved against the lesson file (a file or class-path URL). */
    record Image(String alt, String path, java.net.URL location) implements Inline {
    }
}
