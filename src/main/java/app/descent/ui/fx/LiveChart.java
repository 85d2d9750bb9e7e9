package app.descent.ui.fx;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A JFreeChart line chart that takes points in batches: series are changed silently and the chart redraws once per
 * batch. Mouse wheel and drag zoom; hovering a point shows its exact value; the y axis can switch to log scale.
 */
public final class LiveChart {
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final String yLabel;
    /** Each series' colour index in the {@link FigurePalette}'s series colours (they change with the theme). */
    private final java.util.List<Integer> colorOf = new java.util.ArrayList<>();

    /** Series colour {@code i} of the palette on now, for legends and labels beside a chart. */
    public static Color color(int i) {
        return FigurePalette.awt(FigurePalette.current().series(i));
    }

    public LiveChart(String title, String xLabel, String yLabel, String... series) {
        this.yLabel = yLabel;
        for (String s : series) {
            XYSeries x = new XYSeries(s, false, true);
            data.addSeries(x);
        }
        chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, true, false);
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 14));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        // one path per series instead of a line per pair of points: a tenth of the drawing calls on long curves
        r.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < series.length; i++) {
            colorOf.add(i);
            r.setSeriesStroke(i, new BasicStroke(2f));
            // per-epoch series get markers so that a single epoch is visible
            markers.put(i, series[i].startsWith("val") || series[i].contains("epoch"));
            r.setSeriesShapesVisible(i, markers.get(i));
        }
        r.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: {1} → {2}",
                new java.text.DecimalFormat("#,##0.###"), new java.text.DecimalFormat("0.#####")));
        plot.setRenderer(r);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        viewer = new Viewer(chart, this);
        // the hover readout needs an entity (and a tooltip string) per point; made on every redraw of a live chart
        // they were most of its cost, so they are made only while the pointer is over the chart
        r.setDefaultCreateEntities(false);
        viewer.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            r.setDefaultCreateEntities(true);
            viewer.getCanvas().draw();
        });
        viewer.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> r.setDefaultCreateEntities(false));
        viewer.setPrefSize(520, 260);
        viewer.setMinSize(200, 150);
        FigurePalette.follow(viewer, this::paint);
        FigureExport.install(viewer, this);
    }

    /** Colours from the palette: background, plot, grid, axes, text, legend and every series. */
    private void paint(FigurePalette p) {
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        chart.setBackgroundPaint(FigurePalette.awt(p.background()));
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(FigurePalette.awt(p.text()));
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(FigurePalette.awt(p.plot()));
        plot.setOutlinePaint(FigurePalette.awt(p.axis()));
        plot.setDomainGridlinePaint(FigurePalette.awt(p.grid()));
        plot.setRangeGridlinePaint(FigurePalette.awt(p.grid()));
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            paintAxis(plot.getDomainAxis(i), p);
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            paintAxis(plot.getRangeAxis(i), p);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.LegendTitle legend) {
                legend.setBackgroundPaint(FigurePalette.awt(p.background()));
                legend.setItemPaint(FigurePalette.awt(p.text()));
            } else if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                t.setPaint(FigurePalette.awt(p.muted()));
            }
        }
        // a legend of the caller's own (one item per run) is coloured by position, as its series are
        org.jfree.chart.LegendItemCollection fixed = plot.getFixedLegendItems();
        if (fixed != null) {
            for (int i = 0; i < fixed.getItemCount(); i++) {
                fixed.get(i).setFillPaint(FigurePalette.awt(p.series(i)));
                fixed.get(i).setLinePaint(FigurePalette.awt(p.series(i)));
                fixed.get(i).setLabelPaint(FigurePalette.awt(p.text()));
            }
        }
        if (plot.getRenderer() instanceof XYLineAndShapeRenderer r) {
            for (int i = 0; i < colorOf.size(); i++) {
                r.setSeriesPaint(i, FigurePalette.awt(p.series(colorOf.get(i))), false);
            }
        }
        chart.setNotify(notify);
        if (notify) {
            chart.fireChartChanged();
        }
    }

    private static void paintAxis(org.jfree.chart.axis.Axis axis, FigurePalette p) {
        if (axis == null) {
            return;
        }
        axis.setLabelPaint(FigurePalette.awt(p.text()));
        axis.setTickLabelPaint(FigurePalette.awt(p.muted()));
        axis.setAxisLinePaint(FigurePalette.awt(p.axis()));
        axis.setTickMarkPaint(FigurePalette.awt(p.axis()));
    }

    /** The palette's colours again, after a caller added a series, a legend or an axis of its own. */
    public void repaint() {
        paint(FigurePalette.current());
    }

    /**
     * Font sizes for normal use (1) or a projector (1.8, which makes the smallest, the tick labels, 18 px); the
     * chart follows its window's presentation mode by itself.
     */
    public void scale(double factor) {
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, (int) Math.round(14 * factor)));
        XYPlot plot = chart.getXYPlot();
        for (var axis : new org.jfree.chart.axis.Axis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelFont(new Font("SansSerif", Font.PLAIN, (int) Math.round(12 * factor)));
            axis.setTickLabelFont(new Font("SansSerif", Font.PLAIN, (int) Math.round(10 * factor)));
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, (int) Math.round(11 * factor)));
        }
    }

    /** The factor that brings the chart's smallest text to {@link Presentation#MIN_FONT_PX} pixels. */
    static final double PRESENTATION_SCALE = Presentation.MIN_FONT_PX / 10;

    /** The smallest font the chart draws with, in pixels on screen. */
    public double smallestFontPx() {
        XYPlot plot = chart.getXYPlot();
        double smallest = chart.getTitle() == null || !chart.getTitle().isVisible() ? Double.POSITIVE_INFINITY
                : chart.getTitle().getFont().getSize2D();
        for (var axis : new org.jfree.chart.axis.Axis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            if (axis.isVisible()) {
                smallest = Math.min(smallest, axis.getTickLabelFont().getSize2D());
                if (axis.getLabel() != null && !axis.getLabel().isEmpty()) {
                    smallest = Math.min(smallest, axis.getLabelFont().getSize2D());
                }
            }
        }
        if (chart.getLegend() != null && chart.getLegend().isVisible()) {
            smallest = Math.min(smallest, chart.getLegend().getItemFont().getSize2D());
        }
        return smallest * Figure.screenScale(viewer);
    }

    /** The chart on screen: a figure that reports its fonts and follows presentation mode. */
    private static final class Viewer extends ChartViewer implements Figure {
        private final LiveChart owner;

        Viewer(JFreeChart chart, LiveChart owner) {
            super(chart);
            this.owner = owner;
            Presentation.follow(this, on -> owner.scale(on ? PRESENTATION_SCALE : 1));
        }

        @Override
        public double smallestFontPx() {
            return owner.smallestFontPx();
        }
    }

    public void domainLabel(String label) {
        chart.getXYPlot().getDomainAxis().setLabel(label);
    }

    public ChartViewer viewer() {
        return viewer;
    }

    public XYSeries series(int i) {
        return data.getSeries(i);
    }

    public void add(int series, double x, double y) {
        add(series, x, y, false);
    }

    /**
     * Keeps at most about {@code 2 * points} points per series however long a run: when a series reaches twice
     * that, every other point goes and from then on only every other new one is kept, so the curve's density stays
     * even along its length. A few hundred points per curve are all a chart of this size can show, and a software
     * renderer's time per frame grows with the number of segments. 0 keeps every point.
     */
    public void capPoints(int points) {
        cap = points;
    }

    private int cap;
    /** Series that want a marker on each point; shown while a series is sparse enough for markers to help. */
    private final java.util.Map<Integer, Boolean> markers = new java.util.HashMap<>();
    static final int MOST_MARKERS = 100;
    /** Per series: points offered since it was emptied, the stride kept, and the x values that must stay. */
    private final java.util.Map<Integer, Thinning> thinning = new java.util.HashMap<>();

    private static final class Thinning {
        long offered;
        long stride = 1;
        long pinsOffered;
        long pinStride = 1;
        final java.util.Set<Double> kept = new java.util.HashSet<>();
    }

    /** @param keep a point that must stay whatever the thinning (the end of an epoch) */
    public void add(int series, double x, double y, boolean keep) {
        if (!Double.isFinite(y)) {
            return;
        }
        XYSeries s = data.getSeries(series);
        Thinning t = thinning.computeIfAbsent(series, k -> new Thinning());
        if (s.getItemCount() == 0) {
            t.offered = 0;
            t.stride = 1;
            t.pinsOffered = 0;
            t.pinStride = 1;
            t.kept.clear();
        }
        // pinned points are thinned on a stride of their own, so a run of thousands of short epochs stays even
        keep = keep && t.pinsOffered++ % t.pinStride == 0;
        boolean onStride = t.offered++ % t.stride == 0;
        if (cap <= 0 || onStride || keep) {
            s.add(x, y, false);
            if (keep) {
                t.kept.add(x);
            }
        }
        if (cap > 0 && s.getItemCount() >= 2 * cap) {
            thin(s, t);
        }
    }

    private void thin(XYSeries s, Thinning t) {
        java.util.List<org.jfree.data.xy.XYDataItem> items = new java.util.ArrayList<>(s.getItems());
        if (t.kept.size() > cap / 2) {
            java.util.List<Double> pins = new java.util.ArrayList<>(t.kept);
            java.util.Collections.sort(pins);
            t.kept.clear();
            for (int i = 0; i < pins.size(); i += 2) {
                t.kept.add(pins.get(i));
            }
            t.pinStride *= 2;
        }
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        s.clear();
        int position = 0;
        for (org.jfree.data.xy.XYDataItem item : items) {
            boolean pinned = t.kept.contains(item.getXValue());
            // points on the old stride alternate between kept and dropped; pinned ones stay without counting
            if (pinned || position++ % 2 == 0) {
                s.add(item, false);
            }
        }
        t.stride *= 2;
        chart.setNotify(notify);
    }

    /** One redraw for all points added since the last call (not one per series). */
    public void commit() {
        chart.setNotify(false);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        boolean anyData = false;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            anyData |= data.getSeries(i).getItemCount() > 0;
        }
        for (int i = 0; i < data.getSeriesCount(); i++) {
            // a curve not drawn (e.g. no run selected to compare) leaves the legend, unless none is drawn yet
            r.setSeriesVisibleInLegend(i, !anyData || data.getSeries(i).getItemCount() > 0, false);
            if (markers.getOrDefault(i, false)) {
                // thousands of markers hide the curve and cost the renderer more than the curve itself
                r.setSeriesShapesVisible(i, data.getSeries(i).getItemCount() <= MOST_MARKERS);
            }
            data.getSeries(i).fireSeriesChanged();
        }
        keepAxesOpen();
        chart.setNotify(true);
    }

    /**
     * An axis whose data is one value (one epoch's point, a flat curve) would zoom to JFreeChart's minimum span of
     * 1e-8 and label every tick alike ("1.13E2 1.13E2 …"): it spans at least a tenth of the value's size instead,
     * so that its ticks are distinct and read in the data's units.
     */
    private void keepAxesOpen() {
        XYPlot plot = chart.getXYPlot();
        double xMax = 0;
        double yMax = 0;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            XYSeries s = data.getSeries(i);
            if (s.getItemCount() > 0) {
                xMax = Math.max(xMax, Math.max(Math.abs(s.getMinX()), Math.abs(s.getMaxX())));
                yMax = Math.max(yMax, Math.max(Math.abs(s.getMinY()), Math.abs(s.getMaxY())));
            }
        }
        if (plot.getDomainAxis() instanceof NumberAxis x) {
            x.setAutoRangeMinimumSize(minimumSpan(xMax));
        }
        if (plot.getRangeAxis() instanceof NumberAxis y) {
            y.setAutoRangeMinimumSize(minimumSpan(yMax));
        }
    }

    static double minimumSpan(double largest) {
        return Double.isFinite(largest) && largest > 0 ? Math.max(largest / 10, 1e-6) : 1;
    }

    public void clear() {
        for (int i = 0; i < data.getSeriesCount(); i++) {
            data.getSeries(i).clear();
        }
    }

    public int points() {
        int n = 0;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            n += data.getSeries(i).getItemCount();
        }
        return n;
    }

    public JFreeChart chart() {
        return chart;
    }

    public int seriesCount() {
        return data.getSeriesCount();
    }

    /**
     * Adds a series drawn in colour {@code color} of the {@link FigurePalette}'s series; dashed for a second curve of the same run
     * (validation beside training), with markers where points are sparse.
     */
    public int addSeries(String name, int color, boolean dashed, boolean markers) {
        data.addSeries(new XYSeries(name, false, true));
        int i = data.getSeriesCount() - 1;
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        while (colorOf.size() <= i) {
            colorOf.add(colorOf.size());
        }
        colorOf.set(i, color);
        r.setSeriesPaint(i, color(color));
        r.setSeriesStroke(i, dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f) : new BasicStroke(2f));
        this.markers.put(i, markers);
        r.setSeriesShapesVisible(i, markers);
        return i;
    }

    public void removeAllSeries() {
        data.removeAllSeries();
        colorOf.clear();
        markers.clear();
        thinning.clear();
    }

    /** Every point as {@code series,x,y} rows, for "export data". */
    public String csv() {
        app.descent.io.Csv.Table t = app.descent.io.Csv.table("series",
                chart.getXYPlot().getDomainAxis().getLabel(), yLabel);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            XYSeries s = data.getSeries(i);
            for (int k = 0; k < s.getItemCount(); k++) {
                t.row(String.valueOf(s.getKey()), s.getX(k), s.getY(k));
            }
        }
        return t.toString();
    }

    public void logScale(boolean on) {
        logScale(on, 1e-6);
    }

    /** Log scale with values below {@code smallest} left out (a loss never needs more than 1e-6; a vanishing gradient does). */
    public void logScale(boolean on, double smallest) {
        XYPlot plot = chart.getXYPlot();
        if (on) {
            LogAxis axis = new LogAxis(yLabel);
            axis.setSmallestValue(smallest);
            plot.setRangeAxis(axis);
        } else {
            NumberAxis axis = new NumberAxis(yLabel);
            axis.setAutoRangeIncludesZero(false);
            plot.setRangeAxis(axis);
            keepAxesOpen();
        }
        paintAxis(plot.getRangeAxis(), FigurePalette.current());
    }
}
