package app.descent.ui.fx;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * LaTeX typeset with JLaTeXMath into images for JavaFX. Drawn at twice the size and shown at half, so formulas stay
 * sharp; cached, since the same formula is shown again and again.
 */
public final class MathImages {
    /** How much larger the image is drawn than it is shown. */
    public static final double SCALE = 2;
    /** A typeset formula; depth is how far it reaches below the baseline, in image pixels. */
    public record Rendered(Image image, double depth) {
    }

    private static final Map<String, Rendered> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Rendered> e) {
            return size() > 300;
        }
    };

    private MathImages() {
    }

    /** The formula as an image (shown at width/SCALE), or empty when the TeX does not parse. */
    public static synchronized Optional<Rendered> render(String tex, double size, boolean display, javafx.scene.paint.Color color) {
        String key = tex + '\u0000' + size + display + color;
        Rendered cached = CACHE.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            TeXFormula formula = new TeXFormula(tex);
            TeXIcon icon = formula.createTeXIcon(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT,
                    (float) (size * SCALE));
            Color fg = new Color((float) color.getRed(), (float) color.getGreen(), (float) color.getBlue());
            icon.setForeground(fg);
            int w = Math.max(1, icon.getIconWidth());
            int h = Math.max(1, icon.getIconHeight());
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            icon.paintIcon(null, g, 0, 0);
            g.dispose();
            Rendered r = new Rendered(SwingFXUtils.toFXImage(img, null), icon.getIconDepth());
            CACHE.put(key, r);
            return Optional.of(r);
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
