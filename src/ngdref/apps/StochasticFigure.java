package ngdref.apps;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The stochastic case (Eqs. 19–20) on real data: runs {@link StochasticExperiment} and writes
 * {@code stochastic_mnist.csv} (one row per rule and analysed step) and
 * {@code stochastic_mnist.png}/{@code .svg} (six panels) under {@code docs/figures/}:
 * <pre>  mvn -B -q compile exec:exec -Dexec.executable=java "-Dexec.args=-cp %classpath ngdref.apps.StochasticFigure"</pre>
 * Options: {@code --out DIR} (default docs/figures), {@code --data auto|npm|fashion},
 * {@code --steps N}, {@code --stride k}, {@code --train-size N}.
 */
public final class StochasticFigure {

    /** The CSV columns. */
    static final String[] HEADER = {
        "rule", "step", "full_loss", "mean_loss_change", "mean_loss_change_se", "update_vs_full_batch", "discrete_gradient_residual",
        "mean_lambda", "samples", "yBar_dot_g", "hg_dot_g", "hg_dot_g_se", "psi", "kappa_bar", "eta", "eta_bound",
        "eta_within_bound", "bound_refusal", "valid", "refusal", "kappa", "lambda_min", "lambda_max",
        "yBar_rel_se", "hg_rel_se",
    };

    private StochasticFigure() {
    }

    /**
     * Runs the experiment and writes the files.
     *
     * @param args see the class comment
     * @throws IOException on write failure or unreadable data
     */
    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path out = Paths.get("docs", "figures");
        String data = "auto";
        final StochasticExperiment.Config f = StochasticExperiment.Config.figure();
        int steps = f.steps();
        int stride = f.stride();
        int trainSize = f.trainSize();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Paths.get(args[++i]);
                case "--data" -> data = args[++i];
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--stride" -> stride = Integer.parseInt(args[++i]);
                case "--train-size" -> trainSize = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: StochasticFigure [--out DIR] [--data auto|npm|fashion] [--steps N]"
                            + " [--stride k] [--train-size N]");
                    System.exit(2);
                }
            }
        }
        final long start = System.nanoTime();
        final MnistData mnist = load(data);
        final StochasticExperiment.Config config = new StochasticExperiment.Config(f.hidden(), f.batchSize(),
                f.learningRate(), steps, stride, trainSize, f.seed());
        final int analysed = 2 * ((steps + stride - 1) / stride);
        final Progress progress = new Progress("stochastic (Eqs. 19-20)", analysed);
        final StochasticExperiment e = StochasticExperiment.run(mnist, config, progress::update);
        progress.done("");
        write(e, config, out);
        final String summary = summary(e, config);
        System.out.println(summary);
        System.out.println(String.format(Locale.ROOT, "wall time %.1f s; wrote %s", (System.nanoTime() - start) / 1e9,
                out.toAbsolutePath()));
    }

    private static MnistData load(String which) throws IOException {
        final Path root = Paths.get("");
        return switch (which) {
            case "npm" -> MnistData.readNpmJson(root.resolve(MnistData.NPM_DIGITS));
            case "fashion" -> MnistData.readIdx(MnistData.FASHION_DIR.resolve("train-images-idx3-ubyte.gz"),
                    MnistData.FASHION_DIR.resolve("train-labels-idx1-ubyte.gz"), 10000,
                    "Fashion-MNIST (Debian dataset-fashion-mnist)");
            case "auto" -> MnistData.locate(root, 10000).orElseThrow(() -> new IOException(
                    "no real data set installed; run docs/fetch-data.sh"));
            default -> throw new IllegalArgumentException("--data must be auto, npm or fashion; got " + which);
        };
    }

    /** The CSV and the six-panel figure. */
    static void write(StochasticExperiment e, StochasticExperiment.Config config, Path out) throws IOException {
        final List<Object[]> rows = new ArrayList<>();
        for (StochasticExperiment.Step s : e.steps()) {
            final StochasticAnalysis.Result a = s.analysis();
            rows.add(new Object[] {s.rule(), s.step(), s.fullLoss(), s.meanLossChange(),
                s.meanLossChangeStandardError(), s.updateDeviation(),
                s.discreteGradientResidual(), s.meanLambda(), a.samples(), a.yBarDotG(), a.hgDotG(),
                a.hgDotGStandardError(), a.psi(), a.kappaBar(), a.eta(), a.etaBound(), a.etaWithinBound(),
                a.boundRefusal(), a.valid(), a.refusal(), a.kappa(), a.lambdaMin(), a.lambdaMax(),
                a.yBarRelativeStandardError(), a.hgRelativeStandardError()});
        }
        Csv.write(out.resolve("stochastic_mnist.csv"), HEADER, rows);

        final XYChart kappa = Plots.chart("κ of the stochastic metrics, " + e.dataSource(), "training step", "κ", true);
        final XYChart bound = Plots.chart("η against the bound of (19) (+∞ not drawn)", "training step", "η", true);
        bound.getStyler().setMarkerSize(7);
        final XYChart loss = Plots.chart("full-batch loss L(θ_t) on the " + config.trainSize() + " training images",
                "training step", "cross-entropy", false);
        final XYChart psi = Plots.chart("ψ between ⟨g⟩ and ⟨ȳ⟩", "training step", "ψ (rad)", false);
        final XYChart average = Plots.chart("−⟨ΔL⟩/(η⟨ȳ⟩ᵀ⟨g⟩) = ⟨ȳᵀg⟩/(⟨ȳ⟩ᵀ⟨g⟩), ΔL = L(θ_t + ηg) − L(θ_t)",
                "training step", "ratio", false);
        final XYChart z = Plots.chart("⟨Hg⟩ᵀ⟨g⟩ in Monte-Carlo standard errors (sign of the bound's case)",
                "training step", "⟨Hg⟩ᵀ⟨g⟩ / SE", false);
        int colour = 0;
        for (StochasticExperiment.Rule rule : StochasticExperiment.Rule.values()) {
            final List<StochasticExperiment.Step> st = e.steps(rule);
            final double[] t = st.stream().mapToDouble(StochasticExperiment.Step::step).toArray();
            final String r = rule.name();
            Plots.line(kappa, r + ": κ(M), Eq. (19)", t, st.stream().mapToDouble(s -> s.analysis().kappa()).toArray(),
                    colour, 2.5f);
            Plots.line(kappa, r + ": κ(M̄)", t, st.stream().mapToDouble(s -> s.analysis().kappaBar()).toArray(),
                    colour + 2, 1.0f);
            final long infinite = st.stream().filter(s -> s.analysis().etaBound() == Double.POSITIVE_INFINITY).count();
            Plots.line(bound, r + ": bound (+∞ at " + infinite + " of " + st.size() + ")", t,
                    st.stream().mapToDouble(s -> s.analysis().etaBound()).toArray(), colour, 0f)
                    .setMarker(SeriesMarkers.CIRCLE).setMarkerColor(Plots.PALETTE[colour]).setLineStyle(SeriesLines.NONE);
            Plots.line(loss, r, t, st.stream().mapToDouble(StochasticExperiment.Step::fullLoss).toArray(), colour, 1.5f);
            Plots.line(psi, r, t, st.stream().mapToDouble(s -> s.analysis().psi()).toArray(), colour, 1.5f);
            Plots.line(average, r, t, st.stream().mapToDouble(s -> -s.meanLossChange()
                    / (config.learningRate() * s.analysis().yBarDotG())).toArray(), colour, 1.5f);
            Plots.line(z, r, t, st.stream().mapToDouble(s -> s.analysis().hgDotG()
                    / s.analysis().hgDotGStandardError()).toArray(), colour, 1.5f);
            colour++;
        }
        final double[] ends = {0, config.steps()};
        Plots.line(bound, "η = " + config.learningRate(), ends, new double[] {config.learningRate(), config.learningRate()},
                7, 1.5f);
        Plots.line(average, "0", ends, new double[] {0, 0}, 7, 1f);
        Plots.line(z, "±2", ends, new double[] {2, 2}, 7, 1f);
        Plots.line(z, "−2", ends, new double[] {-2, -2}, 7, 1f).setShowInLegend(false);
        final List<XYChart> charts = List.of(kappa, bound, loss, psi, average, z);
        for (XYChart c : charts) {
            Plots.xRange(c, 0, config.steps());
        }
        saveGrid(charts, 2, out, "stochastic_mnist");
    }

    /** Saves the charts in a grid of {@code cols} columns as dir/base.png and dir/base.svg. */
    private static void saveGrid(List<XYChart> charts, int cols, Path dir, String base) throws IOException {
        Files.createDirectories(dir);
        final int w = charts.get(0).getWidth();
        final int h = charts.get(0).getHeight();
        final int rows = (charts.size() + cols - 1) / cols;
        final BufferedImage image = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, cols * w, rows * h);
        final VectorGraphics2D v = new VectorGraphics2D();
        for (int i = 0; i < charts.size(); i++) {
            final int x = (i % cols) * w;
            final int y = (i / cols) * h;
            g.translate(x, y);
            charts.get(i).paint(g, w, h);
            g.translate(-x, -y);
            v.translate(x, y);
            charts.get(i).paint(v, w, h);
            v.translate(-x, -y);
        }
        g.dispose();
        ImageIO.write(image, "png", dir.resolve(base + ".png").toFile());
        try (OutputStream svg = Files.newOutputStream(dir.resolve(base + ".svg"))) {
            Processors.get("svg").getDocument(v.getCommands(), new PageSize(cols * w, rows * h)).writeTo(svg);
        }
    }

    /** The numbers quoted in docs/FIGURES.md. */
    static String summary(StochasticExperiment e, StochasticExperiment.Config config) {
        final StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "stochastic: data %s; network %d-%d-10 (D = %d); N = %d training images,"
                + " B = %d (K = %d draws per analysed step), eta = %s, %d steps, every %d-th analysed",
                e.dataSource(), MnistData.PIXELS, config.hidden(), e.parameterCount(), config.trainSize(),
                config.batchSize(), config.trainSize() / config.batchSize(), config.learningRate(), config.steps(),
                config.stride()));
        for (StochasticExperiment.Rule rule : StochasticExperiment.Rule.values()) {
            final List<StochasticExperiment.Step> st = e.steps(rule);
            final long valid = st.stream().filter(s -> s.analysis().valid()).count();
            final long effective = st.stream().filter(s -> s.analysis().yBarDotG() > 0.0).count();
            final long infinite = st.stream().filter(s -> s.analysis().etaBound() == Double.POSITIVE_INFINITY).count();
            final long decreasing = st.stream().filter(s -> s.meanLossChange() < 0.0).count();
            final long increasing2se = st.stream()
                    .filter(s -> s.meanLossChange() > 2.0 * s.meanLossChangeStandardError()).count();
            final long undecided = st.stream()
                    .filter(s -> Math.abs(s.analysis().hgDotG()) <= 2.0 * s.analysis().hgDotGStandardError()).count();
            final long within = st.stream().filter(s -> Boolean.TRUE.equals(s.analysis().etaWithinBound())).count();
            final long refusedBound = st.stream().filter(s -> s.analysis().boundRefusal() != null).count();
            final double[] finiteBounds = st.stream().mapToDouble(s -> s.analysis().etaBound())
                    .filter(Double::isFinite).sorted().toArray();
            final double[] kappa = st.stream().mapToDouble(s -> s.analysis().kappa()).filter(Double::isFinite)
                    .sorted().toArray();
            final double[] kappaBar = st.stream().mapToDouble(s -> s.analysis().kappaBar()).filter(Double::isFinite)
                    .sorted().toArray();
            b.append(String.format(Locale.ROOT, "%n  %s: %d analysed steps; valid (library accepts) %d; <yBar>T<g> > 0 %d;"
                    + " <L(t+1) - L(t)> < 0 %d (> 2 SE above 0: %d); |<Hg>T<g>| within 2 SE of 0: %d;"
                    + " <Hg>T<g> > 0 (bound +inf) %d; eta below bound %d; bound refused %d; finite bounds %d"
                    + " (min %s, median %s); kappa(M) min %s median %s max %s; kappa(Mbar) median %s;"
                    + " first step: psi %.4f, kappa(M) %s; L %.4f -> %.4f (final, after %d steps);"
                    + " max |<g> - g_full|/|g_full| %.2e; max discrete-gradient residual %.2e;"
                    + " median rel. SE of <Hg> %s; max %s",
                    rule, st.size(), valid, effective, decreasing, increasing2se, undecided, infinite, within, refusedBound, finiteBounds.length,
                    at(finiteBounds, 0.0), at(finiteBounds, 0.5), at(kappa, 0.0), at(kappa, 0.5), at(kappa, 1.0),
                    at(kappaBar, 0.5), st.get(0).analysis().psi(), st.get(0).analysis().kappa(),
                    st.get(0).fullLoss(), e.finalLoss(rule), config.steps(),
                    st.stream().mapToDouble(StochasticExperiment.Step::updateDeviation).max().orElse(Double.NaN),
                    st.stream().mapToDouble(StochasticExperiment.Step::discreteGradientResidual).max().orElse(Double.NaN),
                    at(st.stream().mapToDouble(s -> s.analysis().hgRelativeStandardError()).sorted().toArray(), 0.5),
                    at(st.stream().mapToDouble(s -> s.analysis().hgRelativeStandardError()).sorted().toArray(), 1.0)));
            st.stream().filter(s -> !s.analysis().valid()).limit(3).forEach(s -> b.append(String.format(Locale.ROOT,
                    "%n    refused at step %d: %s", s.step(), s.analysis().refusal())));
        }
        return b.toString();
    }

    /** The element at fraction q of a sorted array (q = 0.5: the upper median), as text; "-" if empty. */
    private static String at(double[] sorted, double q) {
        if (sorted.length == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.4g", sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
    }
}
