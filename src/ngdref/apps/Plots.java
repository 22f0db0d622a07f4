package ngdref.apps;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart line plots saved as PNG and SVG. */
final class Plots {

    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    };

    private Plots() {
    }

    static XYChart chart(String title, String xLabel, String yLabel, boolean logY) {
        final XYChart c = new XYChartBuilder().width(720).height(480).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        final var st = c.getStyler();
        st.setYAxisLogarithmic(logY);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(0xe6e6e6));
        st.setPlotGridLinesStroke(new BasicStroke(0.6f));
        st.setXAxisDecimalPattern("#,##0.##");
        st.setLegendBorderColor(new Color(0xbbbbbb));
        st.setMarkerSize(0);
        st.setPlotMargin(4);
        st.setAntiAlias(true);
        return c;
    }

    /** At most this many points per plotted series (every k-th point beyond; the CSVs keep all). */
    static final int MAX_POINTS = 1000;

    /**
     * Adds a line, dropping NaN points (and non-positive ones on a logarithmic axis), in the
     * palette's colour number {@code color}; long series are thinned to every k-th point so that
     * at most {@link #MAX_POINTS} remain (the SVG files stay small).
     */
    static XYSeries line(XYChart c, String name, double[] x, double[] y, int color, float width) {
        final boolean log = c.getStyler().isYAxisLogarithmic();
        final List<Double> xs = new ArrayList<>();
        final List<Double> ys = new ArrayList<>();
        final int stride = (x.length + MAX_POINTS - 1) / MAX_POINTS;
        for (int i = 0; i < x.length; i += stride) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!log || y[i] > 0)) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        if (xs.isEmpty()) {
            xs.add(Double.NaN);
            ys.add(Double.NaN);
        }
        final XYSeries s = c.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(PALETTE[color % PALETTE.length]);
        s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return s;
    }

    /**
     * Adds the finite points of y as markers without a line (for isolated events such as steps
     * with yᵀg &le; 0, which a line with NaN gaps would hide); adds nothing when there are none.
     * Turns on the chart's marker size (lines added by {@link #line} have no markers).
     */
    static XYSeries markers(XYChart c, String name, double[] x, double[] y, int color) {
        final boolean log = c.getStyler().isYAxisLogarithmic();
        final List<Double> xs = new ArrayList<>();
        final List<Double> ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!log || y[i] > 0)) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        if (xs.isEmpty()) {
            return null;
        }
        c.getStyler().setMarkerSize(7);
        final XYSeries s = c.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.DIAMOND);
        s.setMarkerColor(PALETTE[color % PALETTE.length]);
        return s;
    }

    /** Fixes the x range (XChart then places its ticks on round values inside it). */
    static void xRange(XYChart c, double min, double max) {
        c.getStyler().setXAxisMin(min);
        c.getStyler().setXAxisMax(max);
    }

    /** Saves dir/base.png only. */
    static void savePng(XYChart c, Path dir, String base) throws IOException {
        Files.createDirectories(dir);
        ImageIO.write(BitmapEncoder.getBufferedImage(c), "png", dir.resolve(base + ".png").toFile());
    }

    /** Saves dir/base.png and dir/base.svg. */
    static void save(XYChart c, Path dir, String base) throws IOException {
        Files.createDirectories(dir);
        ImageIO.write(BitmapEncoder.getBufferedImage(c), "png", dir.resolve(base + ".png").toFile());
        // SVG through VectorGraphics2D, as XChart's VectorGraphicsEncoder does.
        final VectorGraphics2D g = new VectorGraphics2D();
        c.paint(g, c.getWidth(), c.getHeight());
        try (OutputStream svg = Files.newOutputStream(dir.resolve(base + ".svg"))) {
            Processors.get("svg").getDocument(g.getCommands(), new PageSize(c.getWidth(), c.getHeight()))
                    .writeTo(svg);
        }
    }

    /** Saves several charts as one PNG in a grid. */
    static void saveGrid(List<XYChart> charts, int rows, int cols, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream png = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(charts, rows, cols, png, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    static double[] range(int n) {
        final double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
