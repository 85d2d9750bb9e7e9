package app.descent.ui.compare;

import app.descent.ui.fx.LiveChart;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.plot.XYPlot;

/** Reading chart coordinates under the mouse. */
final class Charts {
    private Charts() {
    }

    /** The domain value at pixel {@code x} of the chart's canvas, or NaN outside the plot. */
    static double domainValue(LiveChart chart, double x) {
        var info = chart.viewer().getCanvas().getRenderingInfo();
        if (info == null) {
            return Double.NaN;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        if (x < area.getMinX() || x > area.getMaxX()) {
            return Double.NaN;
        }
        XYPlot plot = chart.chart().getXYPlot();
        return plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge());
    }
}
