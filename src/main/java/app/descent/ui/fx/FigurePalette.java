package app.descent.ui.fx;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.paint.Color;

/**
 * The colours of every figure (charts, canvases, drawings, typeset math), one set for the light theme and one for
 * the dark. The shell says which theme is on ({@link #dark(boolean)}); a figure {@link #follow follows} the palette and
 * repaints when it changes, so a figure never keeps white on a dark window.
 *
 * <p>Series colours are Okabe and Ito's colour-blind-safe set, in two lightnesses: on white deepened where needed to
 * reach a contrast of 3:1 (orange; vermillion a little redder to stay apart from the deepened orange), and
 * lightened on the dark background. Their sky blue is left out (beside blue it reads as the same colour on a map),
 * and their yellow is an olive brown on white (pale yellow cannot be 3:1 there); a violet is added. The same index is the same hue in both, so a run keeps its colour across themes.
 *
 * @param background behind the whole figure
 * @param plot       behind the data (a chart's plot area)
 * @param grid       grid lines
 * @param axis       axis lines, frames and tick marks
 * @param text       titles, labels and legend text
 * @param muted      secondary text (tick labels, captions, figures under a title)
 * @param legend     the legend's box over a map
 * @param series     colours of series, classes and runs, by index
 */
public record FigurePalette(String name, Color background, Color plot, Color grid, Color axis, Color text, Color muted,
                            Color legend, List<Color> series) {

    public static final FigurePalette LIGHT = new FigurePalette("light",
            Color.web("#ffffff"), Color.web("#ffffff"), Color.web("#d0d7de"), Color.web("#6e7781"),
            Color.web("#1f2328"), Color.web("#57606a"), Color.web("#ffffff", 0.88),
            List.of(Color.web("#0072b2"), Color.web("#bf8300"), Color.web("#009e73"), Color.web("#c8411b"),
                    Color.web("#cc79a7"), Color.web("#882255"), Color.web("#6a3d9a"), Color.web("#4d4d4d")));

    /** GitHub's dark canvas (the window's Primer Dark), so that a figure sits in the window without a seam. */
    public static final FigurePalette DARK = new FigurePalette("dark",
            Color.web("#0d1117"), Color.web("#161b22"), Color.web("#30363d"), Color.web("#8b949e"),
            Color.web("#e6edf3"), Color.web("#b1bac4"), Color.web("#0d1117", 0.85),
            List.of(Color.web("#56b4e9"), Color.web("#f5b731"), Color.web("#2fc99b"), Color.web("#ff7f45"),
                    Color.web("#e896c6"), Color.web("#a8e05f"), Color.web("#b392f0"), Color.web("#c9d1d9")));

    private static final ReadOnlyObjectWrapper<FigurePalette> CURRENT = new ReadOnlyObjectWrapper<>(LIGHT);
    private static final String FOLLOWER = "descent.figure-palette";

    /** The palette of the theme on now. */
    public static FigurePalette current() {
        return CURRENT.get();
    }

    public static ReadOnlyObjectProperty<FigurePalette> currentProperty() {
        return CURRENT.getReadOnlyProperty();
    }

    /** Called by the shell when the theme changes (on the FX thread): every following figure repaints. */
    public static void dark(boolean on) {
        CURRENT.set(on ? DARK : LIGHT);
    }

    public boolean isDark() {
        return this == DARK;
    }

    /** Series colour {@code i} (any integer: wraps around). */
    public Color series(int i) {
        return series.get(Math.floorMod(i, series.size()));
    }

    /** Series colour {@code i} as the colour of text naming that series: deeper on white, as is on dark. */
    public Color tint(int i) {
        return isDark() ? series(i) : series(i).darker();
    }

    /** {@code c} as AWT's colour, for JFreeChart and Graphics2D. */
    public static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    /** {@code c} as CSS/SVG text ({@code #rrggbb}). */
    public static String web(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /**
     * Calls {@code apply} with the current palette now and again whenever it changes, for as long as {@code figure}
     * lives: the palette holds the figure only weakly, so a figure that is thrown away is not kept by it.
     */
    public static void follow(Node figure, Consumer<FigurePalette> apply) {
        apply.accept(current());
        InvalidationListener l = o -> apply.accept(current());
        @SuppressWarnings("unchecked")
        List<InvalidationListener> held = (List<InvalidationListener>) figure.getProperties()
                .computeIfAbsent(FOLLOWER, k -> new java.util.ArrayList<InvalidationListener>());
        held.add(l);
        CURRENT.addListener(new WeakInvalidationListener(l));
    }
}
