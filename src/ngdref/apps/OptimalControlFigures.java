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
import ngdref.dense.MetricCheck;
import ngdref.metric.MetricBounds;
import ngdref.metric.UpdateGeometry;
import org.knowm.xchart.XYChart;

/**
 * Writes the optimal-control seed's figures and CSVs ({@link OptimalControlExperiment}) into one
 * directory, with a {@code summary.txt} of the numbers quoted in {@code docs/FIGURES.md}:
 * <pre>  java -cp target/classes:$(cat /tmp/cp.txt) ngdref.apps.OptimalControlFigures [DIR]</pre>
 * (default DIR docs/figures/optimal-control); {@link Figures} runs the same stage.
 */
public final class OptimalControlFigures {

    /** Fig. 2d's curvatures and step size: H₂₂/H₁₁ = 4, ηk = 1. */
    private static final double H1 = 1.0;
    private static final double H2 = 4.0;
    private static final double ETA_K = 1.0;

    private final Path out;
    private final List<String> summary = new ArrayList<>();

    private OptimalControlFigures(Path out) {
        this.out = out;
    }

    /**
     * Writes everything.
     *
     * @param args optional output directory
     * @throws IOException on write failure
     */
    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        final Path dir = args.length > 0 ? Paths.get(args[0]) : Paths.get("docs", "figures", "optimal-control");
        write(dir).forEach(System.out::println);
        System.out.println("wrote " + dir.toAbsolutePath());
    }

    /**
     * Writes the figures, CSVs and summary.txt into dir.
     *
     * @param dir the output directory
     * @return the summary lines
     * @throws IOException on write failure
     */
    public static List<String> write(Path dir) throws IOException {
        final OptimalControlFigures f = new OptimalControlFigures(dir);
        Files.createDirectories(dir);
        f.rateRatio();
        f.metricOfTheRule();
        f.discretisation();
        f.escape();
        f.discountSweep();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("summary.txt"), StandardCharsets.UTF_8))) {
            f.summary.forEach(w::println);
        }
        return f.summary;
    }

    /** The seed's Fig. 2d: r₂/r₁ against γ_d with its two limits. */
    private void rateRatio() throws IOException {
        final int n = 241;
        final double[] gamma = new double[n];
        final double[] ratio = new double[n];
        final List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            gamma[k] = Math.pow(10.0, -4.0 + 8.0 * k / (n - 1));   // 10⁻⁴ … 10⁴
            final double[] r = OptimalControlRule.of(new double[] {H1, H2}, ETA_K, gamma[k]).rates();
            ratio[k] = r[1] / r[0];
            rows.add(new Object[] {gamma[k], r[0], r[1], ratio[k]});
        }
        Csv.write(out.resolve("oc_rate_ratio.csv"), new String[] {"discount_rate", "r1", "r2", "r2_over_r1"}, rows);
        final XYChart c = Plots.chart("Optimal-control rates, H₂₂/H₁₁ = 4, ηk = 1", "discount rate γ_d (log)",
                "r₂/r₁", false);
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setXAxisDecimalPattern("0E0");
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        Plots.line(c, "r₂/r₁", gamma, ratio, 0, 2.2f);
        Plots.line(c, "γ_d ≫ 1: H₂₂/H₁₁ = 4 (gradient descent)", gamma, constant(n, 4.0), 1, 1.2f);
        Plots.line(c, "γ_d → 0: √(H₂₂/H₁₁) = 2 (ballistic)", gamma, constant(n, 2.0), 2, 1.2f);
        Plots.xRange(c, gamma[0], gamma[n - 1]);
        c.getStyler().setYAxisMin(1.8);
        c.getStyler().setYAxisMax(4.2);
        Plots.save(c, out, "oc_rate_ratio");
        summary.add(String.format(Locale.ROOT, "rate ratio (H = diag(1, 4), etaK = 1): r2/r1 = %.12f at gamma_d = 1e-4,"
                + " %.6f at gamma_d = 1, %.12f at gamma_d = 1e4; at gamma_d = 0: %.17g",
                ratio[0], ratio[(n - 1) / 2], ratio[n - 1],
                OptimalControlExperiment.rateRatio(H1, H2, ETA_K, 0.0)));
    }

    private static double[] constant(int n, double v) {
        final double[] c = new double[n];
        java.util.Arrays.fill(c, v);
        return c;
    }

    /** The rule's metric P graded by MetricCheck against Props. 1–3 at one state, for several γ_d. */
    private void metricOfTheRule() throws IOException {
        final double[] theta = {1.0, 1.0};
        final List<Object[]> rows = new ArrayList<>();
        final StringBuilder s = new StringBuilder("rule metric P = diag(H/r) at theta = (1, 1), H = diag(1, 4):");
        for (double gd : new double[] {0.0, 0.1, 1.0, 10.0, 100.0}) {
            final OptimalControlRule rule = OptimalControlRule.of(new double[] {H1, H2}, ETA_K, gd);
            final double[] g = rule.update(theta);
            final double[] y = rule.negativeGradient(theta);
            final MetricCheck check = MetricCheck.of(rule.metric(), g, y);
            final double kappaP = check.lambdaMax() / check.lambdaMin();
            final double kappaMin = MetricBounds.minimumConditionNumber(UpdateGeometry.of(g, y));
            final boolean passes = check.passes(MetricCheck.DEFAULT_TOLERANCE);
            rows.add(new Object[] {gd, rule.rates()[0], rule.rates()[1], check.lambdaMin(), check.lambdaMax(), kappaP,
                kappaMin, check.mgResidual(), passes});
            s.append(String.format(Locale.ROOT, " gamma_d = %s: kappa(P) = %.6f >= kappa_min = %.6f (checks %s);",
                    gd, kappaP, kappaMin, passes ? "pass" : "FAIL"));
        }
        Csv.write(out.resolve("oc_rule_metric.csv"), new String[] {"discount_rate", "r1", "r2", "lambda_min_P",
            "lambda_max_P", "kappa_P", "kappa_min_prop1", "Pg_minus_y_residual", "metric_check_passes"}, rows);
        summary.add(s.toString());
    }

    /** The discretised J's minimiser against e^{−rt}, at halving step sizes. */
    private void discretisation() throws IOException {
        final double[] h = {H1, H2};
        final double[] theta0 = {1.0, 1.0};
        final double gd = 0.5;
        final List<Object[]> rows = new ArrayList<>();
        final StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "discretised J (H = diag(1, 4), etaK = 1, gamma_d = %.1f, T = 80): max |theta_h - theta(0)e^{-rt}|", gd));
        double previous = Double.NaN;
        for (double dt : new double[] {0.04, 0.02, 0.01, 0.005}) {
            final OptimalControlExperiment.QuadraticCheck c =
                    OptimalControlExperiment.quadraticCheck(h, theta0, ETA_K, gd, dt, 80.0);
            rows.add(new Object[] {dt, c.steps(), c.maxError(), previous / c.maxError(), c.residual(), c.newtonSteps()});
            s.append(String.format(Locale.ROOT, " dt = %s: %.4e%s;", dt, c.maxError(),
                    Double.isNaN(previous) ? "" : String.format(Locale.ROOT, " (ratio %.4f)", previous / c.maxError())));
            previous = c.maxError();
        }
        Csv.write(out.resolve("oc_discretisation.csv"), new String[] {"dt", "steps", "max_error", "error_ratio_to_previous",
            "euler_lagrange_residual", "newton_steps"}, rows);
        summary.add(s.toString());
    }

    /** The escape from the shallow minimum and its step-by-step analysis. */
    private void escape() throws IOException {
        final OptimalControlExperiment.Config config = OptimalControlExperiment.Config.figure();
        final OptimalControlExperiment.Escape e = OptimalControlExperiment.escape(config);
        final List<OptimalControlExperiment.Step> st = e.steps();
        final int m = e.window();
        final double[] loss = e.losses();
        final List<Object[]> rows = new ArrayList<>();
        for (OptimalControlExperiment.Step x : st) {
            rows.add(new Object[] {x.step(), x.t(), x.theta()[0], x.theta()[1], x.loss(), x.yDotG(), x.effective(),
                x.psi(), x.normRatio(), x.kappa(), x.lambdaMax(), x.lambdaMin(), x.windowEffective(), x.windowKappa(),
                x.ocKappa(), x.ocMetricResidual()});
        }
        Csv.write(out.resolve("oc_escape.csv"), new String[] {"step", "t", "theta_0", "theta_1", "loss", "yTg",
            "effective", "psi", "norm_ratio", "kappa_opt", "lambda_max_opt", "lambda_min_opt",
            "window_effective", "window_kappa_bar", "kappa_oc_local", "oc_local_metric_residual"}, rows);

        final double[] t = st.stream().mapToDouble(OptimalControlExperiment.Step::t).toArray();
        final double[] l = st.stream().mapToDouble(OptimalControlExperiment.Step::loss).toArray();
        final double[] avg = Windows.average(loss, m);
        final double[] centre = new double[avg.length];
        for (int k = 0; k < avg.length; k++) {
            centre[k] = (k + 0.5 * (m - 1)) * config.dt();
        }
        final double tMax = 6.0;
        final XYChart a = Plots.chart("Optimal escape from the shallow well: loss", "t", "L(θ(t))", false);
        Plots.line(a, "L(θ_t)", t, l, 0, 2f);
        Plots.line(a, "window average, m* = " + m + " steps (at window centre)", centre, avg, 1, 2f);
        Plots.xRange(a, 0, tMax);
        Plots.save(a, out, "oc_escape_loss");

        final XYChart b = Plots.chart("Optimal escape: yᵀg per step (g = θ_{t+1} − θ_t, y = −∇L(θ_t))", "t",
                "yᵀg", false);
        Plots.line(b, "yᵀg", t, st.stream().mapToDouble(OptimalControlExperiment.Step::yDotG).toArray(), 0, 2f);
        Plots.line(b, "0", t, constant(t.length, 0.0), 7, 0.8f);
        Plots.xRange(b, 0, tMax);
        Plots.save(b, out, "oc_escape_ytg");

        final XYChart c = Plots.chart("Optimal escape: condition numbers", "t", "κ", true);
        Plots.line(c, "κ(M_opt), step with yᵀg > 0", t,
                st.stream().mapToDouble(OptimalControlExperiment.Step::kappa).toArray(), 0, 2f);
        Plots.line(c, "κ(M̄), window step θ_t → θ_{t+m*}", t,
                st.stream().mapToDouble(OptimalControlExperiment.Step::windowKappa).toArray(), 1, 1.5f);
        segments(c, "κ(P(θ_t)), rule at local ∇²L ≻ 0", t,
                st.stream().mapToDouble(OptimalControlExperiment.Step::ocKappa).toArray(), 2, 1.5f);
        Plots.xRange(c, 0, config.analysisHorizon());
        Plots.save(c, out, "oc_escape_kappa");

        final XYChart p = Plots.chart("Optimal escape: path in the plane", "θ₀", "θ₁", false);
        final double[][] path = e.optimum().path();
        final int na = st.size();
        final double[] x0 = new double[na + 1];
        final double[] x1 = new double[na + 1];
        for (int k = 0; k <= na; k++) {
            x0[k] = path[k][0];
            x1[k] = path[k][1];
        }
        Plots.line(p, "θ(t), t ≤ " + config.analysisHorizon(), x0, x1, 0, 2f);
        Plots.save(p, out, "oc_escape_path");
        summary.add(escapeSummary(e, loss));
    }

    /** J_h of the escaping and the staying local optimum against γ_d. */
    private void discountSweep() throws IOException {
        final double[] rates = {0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.8, 1.0};
        final List<OptimalControlExperiment.Choice> choices =
                OptimalControlExperiment.discountSweep(OptimalControlExperiment.Config.figure(), rates);
        final List<Object[]> rows = new ArrayList<>();
        final StringBuilder s = new StringBuilder("discount sweep (same loss, theta(0), etaK, h; T = max(40, 30/gamma_d)):"
                + " gamma_d: J_h from the escaping guess [theta_0(T)] vs J_h from the staying guess [theta_0(T)];");
        final double[] esc = new double[rates.length];
        final double[] stay = new double[rates.length];
        for (int k = 0; k < rates.length; k++) {
            final OptimalControlExperiment.Choice c = choices.get(k);
            final double[][] pe = c.fromEscape().path();
            final double[][] ps = c.fromStay().path();
            esc[k] = c.fromEscape().value();
            stay[k] = c.fromStay().value();
            rows.add(new Object[] {c.discountRate(), c.horizon(), esc[k], pe[pe.length - 1][0], c.fromEscape().residual(),
                c.fromEscape().hessianPositiveDefinite(), stay[k], ps[ps.length - 1][0], c.fromStay().residual(),
                c.fromStay().hessianPositiveDefinite()});
            s.append(String.format(Locale.ROOT, " %s: %.6f [%.4f] vs %.6f [%.4f];", c.discountRate(), esc[k],
                    pe[pe.length - 1][0], stay[k], ps[ps.length - 1][0]));
        }
        Csv.write(out.resolve("oc_discount_sweep.csv"), new String[] {"discount_rate", "horizon", "J_from_escape_guess",
            "theta0_T_from_escape_guess", "residual_escape", "hessian_pd_escape", "J_from_stay_guess",
            "theta0_T_from_stay_guess", "residual_stay", "hessian_pd_stay"}, rows);
        final XYChart c = Plots.chart("Escape or stay: J_h of the two local optima", "discount rate γ_d", "J_h", false);
        Plots.line(c, "from the escaping initial path", rates, esc, 0, 2f);
        Plots.line(c, "from the staying initial path", rates, stay, 1, 2f);
        Plots.xRange(c, 0, rates[rates.length - 1]);
        Plots.save(c, out, "oc_discount_sweep");
        summary.add(s.toString());
    }

    /** A line per run of finite values, so that a gap of NaNs is not bridged; one legend entry. */
    private static void segments(XYChart c, String name, double[] x, double[] y, int color, float width) {
        int start = 0;
        int part = 0;
        while (start < y.length) {
            while (start < y.length && !Double.isFinite(y[start])) {
                start++;
            }
            int end = start;
            while (end < y.length && Double.isFinite(y[end])) {
                end++;
            }
            if (end > start) {
                final var s = Plots.line(c, part == 0 ? name : name + " (" + part + ")",
                        java.util.Arrays.copyOfRange(x, start, end), java.util.Arrays.copyOfRange(y, start, end),
                        color, width);
                s.setShowInLegend(part == 0);
                part++;
            }
            start = end;
        }
    }

    private static String escapeSummary(OptimalControlExperiment.Escape e, double[] loss) {
        final OptimalControlExperiment.Config c = e.config();
        final List<OptimalControlExperiment.Step> st = e.steps();
        final int m = e.window();
        int ineffective = 0;
        int ineffectiveWindowed = 0;
        double firstIneffective = Double.NaN;
        double lastIneffective = Double.NaN;
        double maxLoss = loss[0];
        double tMax = 0.0;
        double kappaEffMin = Double.POSITIVE_INFINITY;
        double kappaEffMax = 0.0;
        double windowKappaMax = 0.0;
        int lossIncreases = 0;
        for (OptimalControlExperiment.Step x : st) {
            if (!x.effective()) {
                ineffective++;
                ineffectiveWindowed += x.windowEffective() ? 1 : 0;
                firstIneffective = Double.isNaN(firstIneffective) ? x.t() : firstIneffective;
                lastIneffective = x.t();
            } else {
                kappaEffMin = Math.min(kappaEffMin, x.kappa());
                kappaEffMax = Math.max(kappaEffMax, x.kappa());
            }
            if (x.windowEffective()) {
                windowKappaMax = Math.max(windowKappaMax, x.windowKappa());
            }
            if (x.loss() > maxLoss) {
                maxLoss = x.loss();
                tMax = x.t();
            }
            if (loss[x.step() + 1] >= loss[x.step()]) {
                lossIncreases++;
            }
        }
        final OptimalControlExperiment.Step last = st.get(st.size() - 1);
        final double[][] path = e.optimum().path();
        return String.format(Locale.ROOT, "escape: tilted double well tau = %.2f, b = %.1f, theta(0) = (%.2f, %.2f),"
                + " etaK = %.1f, gamma_d = %.2f, h = %.3f, T = %.0f; shallow min theta0 = %.6f, barrier %.6f, deep min %.6f;"
                + " J_h(escape) = %.6f (residual %.1e, %d Newton steps, Hessian PD %b) < J_h(stay) = %.6f (residual %.1e,"
                + " Hessian PD %b); theta(T) = (%.6f, %.2e); analysed t in [0, %.0f] (%d steps): L from %.6f up to %.6f at"
                + " t = %.2f, %d steps increase L; %d steps with yTg <= 0 (t in [%.2f, %.2f]), all %d effective over the"
                + " window m* = %d steps (%.2f time units), the smallest m with L(t+m) < L(t) for all t; window metric"
                + " kappa-bar up to %.4g; kappa(M_opt) on effective steps in [%.4g, %.4g]; at t = %.2f kappa(M_opt) = %.6f,"
                + " kappa(P local) = %.6f, |P g/h - y|/|y| = %.2e",
                c.tilt(), c.stiffness(), c.theta0()[0], c.theta0()[1], c.etaK(), c.discountRate(), c.dt(), c.horizon(),
                e.loss().shallowMinimum(), e.loss().barrier(), e.loss().deepMinimum(),
                e.optimum().value(), e.optimum().residual(), e.optimum().iterations(), e.optimum().hessianPositiveDefinite(),
                e.stay().value(), e.stay().residual(), e.stay().hessianPositiveDefinite(),
                path[path.length - 1][0], path[path.length - 1][1], c.analysisHorizon(), st.size(), loss[0], maxLoss,
                tMax, lossIncreases, ineffective, firstIneffective, lastIneffective, ineffectiveWindowed, m, m * c.dt(),
                windowKappaMax, kappaEffMin, kappaEffMax, last.t(), last.kappa(), last.ocKappa(), last.ocMetricResidual());
    }
}
