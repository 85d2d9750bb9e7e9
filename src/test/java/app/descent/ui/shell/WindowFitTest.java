package app.descent.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowFitTest {
    /** A 1366×768 laptop with a 40 px task bar at the bottom. */
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);
    private static final double NAN = Double.NaN;

    private static ShellSettings.Bounds bounds(double x, double y, double w, double h) {
        return new ShellSettings.Bounds(x, y, w, h, false);
    }

    @Test
    void theFirstStartOnASmallLaptopFitsAndCentres() {
        Rectangle2D r = WindowFit.fit(ShellSettings.Bounds.DEFAULT, List.of(LAPTOP), LAPTOP);
        assertThat(r).isEqualTo(new Rectangle2D(43, 0, 1280, 728));
    }

    @Test
    void savedBoundsAboveTheTopAndTallerThanTheScreenComeBackInside() {
        // what the issue saw: 1280×800 at y = −11 on a 1366×768 screen
        Rectangle2D r = WindowFit.fit(bounds(43, -11, 1280, 800), List.of(LAPTOP), LAPTOP);
        assertThat(r).isEqualTo(new Rectangle2D(43, 0, 1280, 728));
    }

    @Test
    void boundsThatFitStayExactlyWhereTheyWere() {
        assertThat(WindowFit.fit(bounds(40, 30, 1000, 600), List.of(LAPTOP), LAPTOP))
                .isEqualTo(new Rectangle2D(40, 30, 1000, 600));
    }

    @Test
    void aWindowHangingOffTheRightEdgeMovesLeft() {
        assertThat(WindowFit.fit(bounds(1000, 100, 800, 500), List.of(LAPTOP), LAPTOP))
                .isEqualTo(new Rectangle2D(566, 100, 800, 500));
    }

    @Test
    void aMenuBarAtTheTopIsLeftFree() {
        Rectangle2D mac = new Rectangle2D(0, 25, 1280, 695);
        assertThat(WindowFit.fit(bounds(0, 0, 1280, 800), List.of(mac), mac)).isEqualTo(new Rectangle2D(0, 25, 1280, 695));
    }

    @Test
    void onTwoScreensTheWindowStaysOnTheOneThatHoldsMostOfIt() {
        Rectangle2D right = new Rectangle2D(1366, 0, 1920, 1040);
        Rectangle2D r = WindowFit.fit(bounds(1300, 50, 1280, 800), List.of(LAPTOP, right), LAPTOP);
        assertThat(r).isEqualTo(new Rectangle2D(1366, 50, 1280, 800));
    }

    @Test
    void aWindowSavedOnAScreenThatIsGoneOpensCentredOnThePrimary() {
        Rectangle2D r = WindowFit.fit(bounds(3000, 100, 1280, 800), List.of(LAPTOP), LAPTOP);
        assertThat(r).isEqualTo(new Rectangle2D(43, 0, 1280, 728));
        assertThat(WindowFit.fit(bounds(NAN, NAN, 800, 600), List.of(LAPTOP), LAPTOP))
                .isEqualTo(new Rectangle2D(283, 64, 800, 600));
    }
}
