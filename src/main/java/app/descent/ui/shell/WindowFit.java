package app.descent.ui.shell;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window goes: its saved (or default) bounds, made to fit inside the visual bounds of one screen (the
 * screen without its task bar or menu bar), so that the title row and the status bar are never off the edge.
 */
public final class WindowFit {
    private WindowFit() {
    }

    /**
     * @param saved   the saved bounds; x and y NaN when the window has no saved place (then it is centred)
     * @param screens the visual bounds of every screen
     * @param primary the visual bounds of the primary screen, used when the saved place is on no screen
     */
    public static Rectangle2D fit(ShellSettings.Bounds saved, List<Rectangle2D> screens, Rectangle2D primary) {
        boolean placed = !Double.isNaN(saved.x()) && !Double.isNaN(saved.y());
        Rectangle2D screen = placed ? mostOf(saved, screens) : null;
        if (screen == null) {
            screen = primary;
            placed = false;
        }
        double w = Math.min(Math.max(1, saved.width()), screen.getWidth());
        double h = Math.min(Math.max(1, saved.height()), screen.getHeight());
        double x = placed ? clamp(saved.x(), screen.getMinX(), screen.getMaxX() - w)
                : screen.getMinX() + (screen.getWidth() - w) / 2;
        double y = placed ? clamp(saved.y(), screen.getMinY(), screen.getMaxY() - h)
                : screen.getMinY() + (screen.getHeight() - h) / 2;
        return new Rectangle2D(x, y, w, h);
    }

    /** The screen that holds the largest part of the saved window, or null when it is on none. */
    private static Rectangle2D mostOf(ShellSettings.Bounds b, List<Rectangle2D> screens) {
        Rectangle2D best = null;
        double bestArea = 0;
        for (Rectangle2D s : screens) {
            double iw = Math.min(b.x() + b.width(), s.getMaxX()) - Math.max(b.x(), s.getMinX());
            double ih = Math.min(b.y() + b.height(), s.getMaxY()) - Math.max(b.y(), s.getMinY());
            double area = iw > 0 && ih > 0 ? iw * ih : 0;
            if (area > bestArea) {
                best = s;
                bestArea = area;
            }
        }
        return best;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(v, hi));
    }
}
