package ngdref.apps;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import ngdref.metric.MetricBounds;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The γ-sweep of the one-parameter family, Eq. (22):
 * <pre>  M(γ) = yyᵀ/(yᵀg) + α(I − ggᵀ/gᵀg),   α = γ·yᵀy/yᵀg,</pre>
 * at fixed angles ψ with ‖y‖/‖g‖ = 1 and g, y in a plane of R³ (so that λ_d = α is a genuine
 * eigenvalue, of multiplicity D − 2 = 1). Lemma 1 gives the two simple eigenvalues
 * λ± = (1/(2cos ψ))((1+γ) ± √((1+γ)² − 4γcos²ψ)) and λ_d = γ/cos ψ = α, with λ₋ &le; α &le; λ₊, so
 * κ = λ₊/λ₋ = (1+γ+√((1+γ)²−4γcos²ψ))²/(4γcos²ψ); it is minimal at γ = 1, where it equals
 * Proposition 1's κ_min = (1+|sin ψ|)/(1−|sin ψ|) (the optimal metric, Eq. (9)).
 *
 * <p>Every value plotted comes from the library ({@link OneParameterMetric#ofGamma},
 * {@link MetricSpectrum}); the CSV also records, per point, the largest relative deviation from
 * Lemma 1's closed forms (λ₋ in the cancellation-free form 2γcos ψ/((1+γ)+√(…)), from
 * λ₊λ₋ = γ) and from a dense eigen-decomposition of {@code M.toArray()}.
 * Files: {@code fig_gamma_sweep.csv}, {@code .png}, {@code .svg} (one panel per ψ).
 */
public final class GammaSweepFigure {

    /** The fixed angles, in degrees. */
    static final double[] PSI_DEGREES = {15.0, 45.0, 75.0};

    /** Grid points per decade of γ. */
    static final int PER_DECADE = 100;

    /** γ runs over 10^-DECADES … 10^DECADES. */
    static final int DECADES = 3;

    /** One grid point: the library's values and the deviations from the closed forms and from a dense solver. */
    public record Point(double psi, double gamma, double alpha, double lambdaPlus, double lambdaMinus,
                        double lambdaD, double kappa, double kappaMin, double closedFormRelError,
                        double denseRelError) {
    }

    private GammaSweepFigure() {
    }

    /**
     * γ_k = 10^(k/PER_DECADE), k = −DECADES·PER_DECADE … DECADES·PER_DECADE; the middle point
     * (k = 0) is exactly 1.
     *
     * @return the grid, increasing
     */
    public static double[] gammaGrid() {
        final int half = DECADES * PER_DECADE;
        final double[] gamma = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) {
            gamma[k + half] = Math.pow(10.0, k / (double) PER_DECADE);
        }
        return gamma;
    }

    /**
     * The sweep at one angle: g = (1, 0, 0), y = (cos ψ, sin ψ, 0).
     *
     * @param psi ψ in radians, |ψ| &lt; π/2
     * @param gammas the values of γ &gt; 0
     * @return one point per γ, in order
     */
    public static List<Point> sweep(double psi, double[] gammas) {
        final double[] g = {1.0, 0.0, 0.0};
        final double[] y = {Math.cos(psi), Math.sin(psi), 0.0};
        final double kappaMin = MetricBounds.minimumConditionNumber(OneParameterMetric.optimal(g, y).geometry());
        final List<Point> points = new ArrayList<>(gammas.length);
        for (double gamma : gammas) {
            final OneParameterMetric m = OneParameterMetric.ofGamma(g, y, gamma);
            final MetricSpectrum s = m.spectrum();
            final double plus = s.lambdaMax();
            final double minus = s.lambdaMin();
            final double d = s.lambdaD();
            // Lemma 1 with ‖y‖/‖g‖ = 1: scale 1/cos ψ; λ₋ from λ₊λ₋ = γ (no cancellation).
            final double c = Math.cos(psi);
            final double root = Math.sqrt((1 + gamma) * (1 + gamma) - 4 * gamma * c * c);
            final double closedPlus = ((1 + gamma) + root) / (2 * c);
            final double closedMinus = 2 * gamma * c / ((1 + gamma) + root);
            final double closed = Math.max(rel(plus, closedPlus),
                    Math.max(rel(minus, closedMinus), rel(d, gamma / c)));
            final double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(m.toArray(), false))
                    .getRealEigenvalues();
            Arrays.sort(ev);
            final double dense = Math.max(rel(ev[2], plus), Math.max(rel(ev[1], d), rel(ev[0], minus)));
            points.add(new Point(psi, gamma, m.alpha(), plus, minus, d, s.conditionNumber(), kappaMin,
                    closed, dense));
        }
        return points;
    }

    private static double rel(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }

    /**
     * Writes the CSV, PNG and SVG into {@code out}.
     *
     * @param out the directory
     * @return the summary line
     * @throws IOException on write failure
     */
    public static String write(Path out) throws IOException {
        final double[] gammas = gammaGrid();
        final Progress progress = new Progress("γ-sweep of M(γ)", PSI_DEGREES.length);
        final List<Object[]> rows = new ArrayList<>();
        final List<XYChart> charts = new ArrayList<>();
        final StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "gamma sweep: %d values of gamma in [1e-%d, 1e%d], |y|/|g| = 1;", gammas.length, DECADES, DECADES));
        double worstClosed = 0.0;
        double worstDense = 0.0;
        for (int p = 0; p < PSI_DEGREES.length; p++) {
            final List<Point> pts = sweep(Math.toRadians(PSI_DEGREES[p]), gammas);
            int best = 0;
            for (int k = 0; k < pts.size(); k++) {
                final Point x = pts.get(k);
                rows.add(new Object[] {PSI_DEGREES[p], x.psi(), x.gamma(), x.alpha(), x.lambdaPlus(),
                    x.lambdaMinus(), x.lambdaD(), x.kappa(), x.kappaMin(), x.closedFormRelError(),
                    x.denseRelError()});
                best = x.kappa() < pts.get(best).kappa() ? k : best;
                worstClosed = Math.max(worstClosed, x.closedFormRelError());
                worstDense = Math.max(worstDense, x.denseRelError());
            }
            final Point min = pts.get(best);
            summary.append(String.format(Locale.ROOT, " psi = %.0f deg: min kappa %.6g at gamma = %.6g"
                    + " (kappa_min = %.6g);", PSI_DEGREES[p], min.kappa(), min.gamma(), min.kappaMin()));
            charts.add(panel(PSI_DEGREES[p], pts));
            progress.update(p + 1);
        }
        Csv.write(out.resolve("fig_gamma_sweep.csv"), new String[] {"psi_degrees", "psi", "gamma", "alpha",
            "lambda_plus", "lambda_minus", "lambda_d", "kappa", "kappa_min_prop1", "closed_form_rel_error",
            "dense_eig_rel_error"}, rows);
        save(charts, out, "fig_gamma_sweep");
        progress.done("");
        summary.append(String.format(Locale.ROOT, " max rel. deviation from Lemma 1's closed forms %.2e,"
                + " from a dense eigen-decomposition %.2e", worstClosed, worstDense));
        return summary.toString();
    }

    private static XYChart panel(double psiDegrees, List<Point> pts) {
        final XYChart c = Plots.chart(String.format(Locale.ROOT, "M(γ), Eq. (22): ψ = %.0f°, ‖y‖/‖g‖ = 1",
                psiDegrees), "γ", "eigenvalue, κ", true);
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setMarkerSize(10);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        c.getStyler().setXAxisDecimalPattern("0.###");
        c.getStyler().setYAxisDecimalPattern("0.###");
        final double[] gamma = pts.stream().mapToDouble(Point::gamma).toArray();
        Plots.line(c, "κ", gamma, pts.stream().mapToDouble(Point::kappa).toArray(), 4, 2f)
                .setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {7f, 4f}, 0f));
        Plots.line(c, "λ₊", gamma, pts.stream().mapToDouble(Point::lambdaPlus).toArray(), 1, 2f);
        Plots.line(c, "λ_d = α", gamma, pts.stream().mapToDouble(Point::lambdaD).toArray(), 2, 2f);
        Plots.line(c, "λ₋", gamma, pts.stream().mapToDouble(Point::lambdaMinus).toArray(), 0, 2f);
        final double kappaMin = pts.get(0).kappaMin();
        final XYSeries mark = c.addSeries(String.format(Locale.ROOT, "κ_min = %.4g at γ = 1 (Prop. 1)", kappaMin),
                new double[] {1.0}, new double[] {kappaMin});
        mark.setMarker(SeriesMarkers.CIRCLE);
        mark.setMarkerColor(Plots.PALETTE[4]);
        mark.setLineStyle(SeriesLines.NONE);
        Plots.xRange(c, gamma[0], gamma[gamma.length - 1]);
        return c;
    }

    /** The panels side by side, as one PNG and one SVG. */
    private static void save(List<XYChart> charts, Path dir, String base) throws IOException {
        Files.createDirectories(dir);
        Plots.saveGrid(charts, 1, charts.size(), dir.resolve(base + ".png"));
        final VectorGraphics2D g = new VectorGraphics2D();
        int width = 0;
        for (XYChart c : charts) {
            g.translate(width, 0);
            c.paint(g, c.getWidth(), c.getHeight());
            g.translate(-width, 0);
            width += c.getWidth();
        }
        try (OutputStream svg = Files.newOutputStream(dir.resolve(base + ".svg"))) {
            Processors.get("svg").getDocument(g.getCommands(), new PageSize(width, charts.get(0).getHeight()))
                    .writeTo(svg);
        }
    }
}
