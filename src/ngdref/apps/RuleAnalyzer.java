package ngdref.apps;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import ngdref.dense.DenseMetrics;
import ngdref.discrete.DiscreteGradient;
import ngdref.discrete.DiscreteStep;
import ngdref.discrete.HessianCorrectedMetric;
import ngdref.discrete.Loss;
import ngdref.discrete.MidpointDiscreteGradient;
import ngdref.discrete.TaylorDiscreteGradient;
import ngdref.discrete.TwiceDifferentiableLoss;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;
import ngdref.numerics.SymmetricPositiveDefinite;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * "Is my learning rule natural gradient descent, and with what metric?" For each step
 * θ_{t+1} = θ_t + ηg_t of a rule on a loss (or of a recorded trajectory) the analyzer reports:
 * <ul>
 * <li>continuous time: yᵀg with y = −∇L(θ_t), the angle ψ, whether the step is effective
 *   (yᵀg &gt; 0), and then M_opt (Eq. (9)): κ = (1+|sin ψ|)/(1−|sin ψ|) and λ_max, λ_min, λ_d;</li>
 * <li>discrete time (Section 2.2): ȳ = −∇̄L(θ_t, θ_{t+1}) (13) with the Taylor discrete gradient
 *   (16) when the loss has a Hessian and the midpoint one otherwise (for a recorded trajectory the
 *   endpoint one, {@link Trajectory#endpointDiscreteGradient}); when L decreases, the discrete
 *   metric M̄ (14) and its spectrum (library {@link DiscreteStep});</li>
 * <li>with a Hessian: the learning-rate bound η &lt; (1/h)(‖ȳ‖/‖g‖)cos ψ̄ of Eq. (17) (library
 *   {@link HessianCorrectedMetric}), and whether the corrected metric M̄ + ηH, for the first γ in
 *   {1, 10, 100, 10⁴} whose bound holds, makes the step natural gradient descent (18),
 *   g = −(M̄ + ηH)⁻¹∇L(θ_t) (checked by {@link DenseMetrics#isNaturalGradient});</li>
 * <li>for a preconditioned rule g = −P⁻¹d ({@link PreconditionedRule}: Adam, RMSProp, AdaGrad,
 *   Newton), the rule's own metric P graded against (g, y) by {@link PreconditionerAnalysis}: κ(P),
 *   κ_min = κ(M_opt) (Prop. 1), whether P is a valid metric for (g, y), and its canonical
 *   decomposition (6). Adam's P = diag(√v̂) + ε maps g to −m̂, not to y = −∇L: it is the rule's
 *   metric for the pair (g, −m̂), and for (g, y) only when m̂ = ∇L (its first step);</li>
 * <li>the rule's energy where it has one (heavy ball, {@link Rule#energy});</li>
 * <li>whether the step is resolution-limited ({@link #isResolutionLimited}); the summary's
 *   fractions are over the other steps;</li>
 * <li>windowed effectiveness (3): L(t+m) &lt; L(t).</li>
 * </ul>
 * Momentum, one treatment for every rule: heavy ball, Nesterov and Adam are all analysed on θ with
 * the loss L, y = −∇L(θ_t) and g_t = (θ_{t+1} − θ_t)/η; the velocity or moments are the rule's
 * memory, which makes g depend on t as Eq. (1)/(2) allow. (The paper's footnote also allows heavy
 * ball as a first-order rule on [θ, v] with the energy E = L + ½‖v‖²; Nesterov's and Adam's memory
 * have no such energy, so that view cannot be applied to all three. E is reported in its own
 * column.)
 */
@Command(name = "rule-analyzer", mixinStandardHelpOptions = true,
        description = "Analyse a learning rule as natural gradient descent, step by step.")
public final class RuleAnalyzer implements Callable<Integer> {

    /** Hessian-based columns are computed up to this dimension (dense D×D work per step). */
    static final int MAX_HESSIAN_DIMENSION = 200;
    /** The γ values tried for the Hessian-corrected metric, from the optimal one upward (Prop. 2). */
    private static final double[] CORRECTION_GAMMAS = {1.0, 10.0, 100.0, 1e4};
    /** Relative tolerance of the natural-gradient check of Eq. (18). */
    static final double NGD_TOLERANCE = 1e-6;

    /**
     * One analysed step. NaN marks a quantity that does not exist for this step; {@code energy} is
     * the rule's energy ({@link Rule#energy}, heavy ball only), {@code resolutionLimited} whether
     * the step is below numerical resolution ({@link #isResolutionLimited}), {@code preconditioner}
     * the rule's own metric (null for rules without one).
     */
    public record Row(int t, double loss, double lossNext, double energy, double yDotG, double psi,
                      double normRatio, boolean effective, double kappa, double lambdaMax, double lambdaMin,
                      double lambdaD, boolean discreteEffective, double psiBar, double kappaBar,
                      double lambdaMaxBar, double lambdaMinBar, double lambdaDBar, double eta, double etaBound,
                      double correctedGamma, Boolean correctedIsNaturalGradient, double stepRounding,
                      double ngdRoundingBound, boolean resolutionLimited, PreconditionerAnalysis preconditioner) {
    }

    /** The analysis of a run: its rows, window and summary. */
    public static final class Analysis {
        private final String title;
        private final int window;
        private final List<Row> rows;

        Analysis(String title, int window, List<Row> rows) {
            this.title = title;
            this.window = window;
            this.rows = List.copyOf(rows);
        }

        /**
         * The title (loss and rule).
         *
         * @return the title
         */
        public String title() {
            return title;
        }

        /**
         * The rows.
         *
         * @return an unmodifiable list
         */
        public List<Row> rows() {
            return rows;
        }

        /**
         * The window m of the windowed-effectiveness column.
         *
         * @return m
         */
        public int window() {
            return window;
        }

        /**
         * L(θ_0) … L(θ_T).
         *
         * @return T + 1 values
         */
        public double[] losses() {
            final double[] l = new double[rows.size() + 1];
            for (int t = 0; t < rows.size(); t++) {
                l[t] = rows.get(t).loss();
            }
            l[rows.size()] = rows.get(rows.size() - 1).lossNext();
            return l;
        }

        /**
         * Whether L(t+m) &lt; L(t), for t + m &le; T; null beyond.
         *
         * @param t step
         * @return the windowed effectiveness of step t
         */
        public Boolean windowEffective(int t) {
            final double[] l = losses();
            return t + window < l.length ? l[t + window] < l[t] : null;
        }

        /**
         * The number of resolution-limited steps ({@link RuleAnalyzer#isResolutionLimited}).
         *
         * @return the count
         */
        public long resolutionLimitedSteps() {
            return rows.stream().filter(Row::resolutionLimited).count();
        }

        /**
         * The fraction of the resolved (not resolution-limited) steps with yᵀg &gt; 0.
         *
         * @return in [0, 1], NaN if every step is resolution-limited
         */
        public double fractionEffective() {
            return fractionOfResolved(Row::effective);
        }

        /**
         * The fraction of the resolved (not resolution-limited) steps that decrease L.
         *
         * @return in [0, 1], NaN if every step is resolution-limited
         */
        public double fractionDecreasing() {
            return fractionOfResolved(Row::discreteEffective);
        }

        private double fractionOfResolved(java.util.function.Predicate<Row> pass) {
            final long resolved = rows.size() - resolutionLimitedSteps();
            return resolved == 0 ? Double.NaN
                    : rows.stream().filter(r -> !r.resolutionLimited() && pass.test(r)).count() / (double) resolved;
        }

        /**
         * The median of κ(M_opt) over the effective steps.
         *
         * @return the median, NaN if none
         */
        public double medianKappa() {
            final double[] k = rows.stream().filter(Row::effective).mapToDouble(Row::kappa).sorted().toArray();
            return k.length == 0 ? Double.NaN : k[k.length / 2];
        }

        /**
         * A one-line summary.
         *
         * @return the summary
         */
        public String summary() {
            final double[] l = losses();
            return String.format("%s: %d steps (%d resolution-limited), L %.4g -> %.4g, of the resolved steps:"
                    + " effective (yTg>0) %.1f%%, L decreasing %.1f%%; median kappa(M_opt) %.3g,"
                    + " smallest effective window m* = %d",
                    title, rows.size(), resolutionLimitedSteps(), l[0], l[l.length - 1], 100 * fractionEffective(),
                    100 * fractionDecreasing(), medianKappa(), Windows.smallestEffectiveWindow(l, l.length - 1));
        }

        /** The CSV columns. */
        static final String[] HEADER = {
            "t", "loss", "loss_next", "decrease", "energy", "yTg", "psi", "norm_ratio", "effective", "kappa",
            "lambda_max", "lambda_min", "lambda_d", "discrete_effective", "psi_bar", "kappa_bar",
            "lambda_max_bar", "lambda_min_bar", "lambda_d_bar", "eta", "eta_bound", "eta_within_bound",
            "corrected_gamma", "corrected_is_ngd", "step_rounding", "ngd_rounding_bound", "resolution_limited",
            "P_maps_g_to", "kappa_P", "P_spd", "kappa_min", "kappa_min_P_pair", "P_residual", "P_valid",
            "canonical_reconstruction_error", "canonical_mprime_g_residual", "window_effective",
        };

        /**
         * Writes the rows as CSV (NaN as empty fields, booleans as 1/0).
         *
         * @param file the CSV file
         * @throws IOException on write failure
         */
        public void writeCsv(Path file) throws IOException {
            final List<Object[]> out = new ArrayList<>();
            for (Row r : rows) {
                final PreconditionerAnalysis p = r.preconditioner();
                out.add(new Object[] {
                    r.t(), r.loss(), r.lossNext(), r.loss() - r.lossNext(), r.energy(), r.yDotG(), r.psi(),
                    r.normRatio(), r.effective(), r.kappa(), r.lambdaMax(), r.lambdaMin(), r.lambdaD(),
                    r.discreteEffective(), r.psiBar(), r.kappaBar(), r.lambdaMaxBar(), r.lambdaMinBar(),
                    r.lambdaDBar(), r.eta(), r.etaBound(),
                    Double.isNaN(r.etaBound()) ? null : (Object) (r.eta() < r.etaBound()),
                    r.correctedGamma(), r.correctedIsNaturalGradient(), r.stepRounding(), r.ngdRoundingBound(),
                    r.resolutionLimited(),
                    p == null ? null : p.target(), p == null ? null : p.kappaP(), p == null ? null : p.spd(),
                    p == null ? null : p.kappaMin(), p == null ? null : p.kappaMinTarget(),
                    p == null ? null : p.residual(), p == null ? null : p.valid(),
                    p == null ? null : p.canonicalError(), p == null ? null : p.canonicalMPrimeG(),
                    windowEffective(r.t()),
                });
            }
            Csv.write(file, HEADER, out);
        }

        /**
         * Summary plots: L(θ_t) (and the energy E for heavy ball), κ(M_opt) and κ(M̄) (and κ(P) for a
         * preconditioned rule), and the spectrum of M_opt, as PNG and SVG. Steps with yᵀg &le; 0, where
         * no metric exists, are drawn as markers: at L(θ_t) on the loss plot, at κ = 1 (the lower
         * bound of every condition number) on the κ plot, at ‖y‖/‖g‖ on the spectrum plot; where
         * that value is 0 or undefined (L = 0, g = 0), at the smallest positive value of the series.
         *
         * @param dir directory
         * @param base file name stem
         * @throws IOException on write failure
         */
        public void plot(Path dir, String base) throws IOException {
            final double[] t = rows.stream().mapToDouble(Row::t).toArray();
            final double[] loss = rows.stream().mapToDouble(Row::loss).toArray();
            final double[] energy = rows.stream().mapToDouble(Row::energy).toArray();
            final boolean hasEnergy = Arrays.stream(energy).anyMatch(Double::isFinite);
            final XYChart lossChart = Plots.chart(title + ": loss", "step t",
                    hasEnergy ? "L(θ_t); energy E = L + ½‖v‖²" : "L(θ_t)", true);
            Plots.line(lossChart, "L(θ_t)", t, loss, 0, 1.5f);
            if (hasEnergy) {
                Plots.line(lossChart, "E = L + ½‖v‖² (energy)", t, energy, 2, 1.0f);
            }
            Plots.markers(lossChart, INEFFECTIVE, t, markerHeights(loss), 1);
            final XYChart kappa = Plots.chart(title + ": condition numbers", "step t", "κ", true);
            Plots.line(kappa, "κ(M_opt), continuous", t, rows.stream().mapToDouble(Row::kappa).toArray(), 0, 1.5f);
            Plots.line(kappa, "κ(M̄), discrete", t, rows.stream().mapToDouble(Row::kappaBar).toArray(), 1, 1.0f);
            if (rows.stream().anyMatch(r -> r.preconditioner() != null)) {
                Plots.line(kappa, "κ(P), the rule's preconditioner", t, rows.stream().mapToDouble(r ->
                        r.preconditioner() == null ? Double.NaN : r.preconditioner().kappaP()).toArray(), 2, 1.0f);
            }
            Plots.markers(kappa, INEFFECTIVE + " (at κ = 1)", t, ineffectiveAt(constant(1.0)), 3);
            final XYChart spec = Plots.chart(title + ": spectrum of M_opt", "step t", "eigenvalue", true);
            Plots.line(spec, "λ_max", t, rows.stream().mapToDouble(Row::lambdaMax).toArray(), 1, 1.5f);
            Plots.line(spec, "λ_d", t, rows.stream().mapToDouble(Row::lambdaD).toArray(), 2, 1.5f);
            Plots.line(spec, "λ_min", t, rows.stream().mapToDouble(Row::lambdaMin).toArray(), 0, 1.5f);
            Plots.markers(spec, INEFFECTIVE + " (at ‖y‖/‖g‖)", t,
                    markerHeights(rows.stream().mapToDouble(Row::normRatio).toArray()), 3);
            Plots.save(lossChart, dir, base + "_loss");
            Plots.save(kappa, dir, base + "_kappa");
            Plots.save(spec, dir, base + "_spectrum");
        }

        /** The legend of the ineffective-step markers. */
        static final String INEFFECTIVE = "yᵀg ≤ 0: no metric";

        /**
         * v at the steps with yᵀg &le; 0, NaN elsewhere (for {@link Plots#markers}).
         *
         * @param v one value per step
         * @return a new array
         */
        double[] ineffectiveAt(double[] v) {
            final double[] out = new double[rows.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rows.get(i).effective() ? Double.NaN : v[i];
            }
            return out;
        }

        /**
         * Marker heights for the steps with yᵀg &le; 0 on a logarithmic plot of v: v there, or the
         * smallest positive value of v where v is 0 or undefined; NaN at the other steps.
         *
         * @param v one value per step
         * @return a new array
         */
        double[] markerHeights(double[] v) {
            return ineffectiveAt(orBottom(v));
        }

        /** v with its non-positive or non-finite entries replaced by its smallest positive one (1 if none). */
        private static double[] orBottom(double[] v) {
            double bottom = Double.POSITIVE_INFINITY;
            for (double x : v) {
                if (x > 0.0 && x < bottom) {
                    bottom = x;
                }
            }
            final double floor = Double.isInfinite(bottom) ? 1.0 : bottom;
            final double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = v[i] > 0.0 && Double.isFinite(v[i]) ? v[i] : floor;
            }
            return out;
        }

        private double[] constant(double c) {
            final double[] out = new double[rows.size()];
            Arrays.fill(out, c);
            return out;
        }
    }

    /**
     * Runs a rule on a problem and analyses every step.
     *
     * @param problem the loss and θ₀
     * @param rule the rule (fresh: it is advanced)
     * @param steps T
     * @param window m for windowed effectiveness
     * @return the analysis
     */
    public static Analysis run(BuiltinLosses.Problem problem, Rule rule, int steps, int window) {
        return run(problem, rule, steps, window, null);
    }

    /**
     * Runs a rule on a problem and analyses every step, reporting progress.
     *
     * @param problem the loss and θ₀
     * @param rule the rule (fresh: it is advanced)
     * @param steps T
     * @param window m for windowed effectiveness
     * @param progress called with the number of steps done (may be null)
     * @return the analysis
     */
    public static Analysis run(BuiltinLosses.Problem problem, Rule rule, int steps, int window,
                               java.util.function.IntConsumer progress) {
        final Loss analysed = problem.loss();
        final double eta = rule.learningRate();
        double[] state = problem.start().clone();
        final boolean hessian = analysed instanceof TwiceDifferentiableLoss
                && state.length <= MAX_HESSIAN_DIMENSION;
        final DiscreteGradient dg = hessian ? new TaylorDiscreteGradient() : new MidpointDiscreteGradient();
        final List<Row> rows = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            final double loss = analysed.value(state);
            final double energy = rule.energy(analysed, state);
            final double[] grad = analysed.gradient(state);
            final double[] g = rule.update(analysed, state);
            final double[] next = Matrices.along(state, eta, g);
            final double lossNext = analysed.value(next);
            if (!Double.isFinite(lossNext) || !Double.isFinite(Matrices.maxAbs(next))) {
                throw new ArithmeticException(problem.name() + "/" + rule.name() + " diverged at step " + t
                        + " (η = " + eta + " too large?)");
            }
            final PreconditionerAnalysis p = rule instanceof PreconditionedRule
                    ? PreconditionerAnalysis.of(((PreconditionedRule) rule).preconditioning(), g,
                            Matrices.negate(grad))
                    : null;
            rows.add(step(t, eta, analysed, dg, hessian, state, loss, grad, g, lossNext, energy, p));
            state = next;
            if (progress != null) {
                progress.accept(t + 1);
            }
        }
        return new Analysis(problem.name() + " / " + rule.name() + " (η = " + eta + ")", window, rows);
    }

    /** The analysis of one built-in step. */
    static Row step(int t, double eta, Loss loss, DiscreteGradient dg, boolean hessian, double[] theta,
                    double lossNow, double[] grad, double[] g, double lossNext, double energy,
                    PreconditionerAnalysis preconditioner) {
        final double[] y = Matrices.negate(grad);
        final Continuous c = continuous(g, y);
        double[] discrete = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        double etaBound = Double.NaN;
        double correctedGamma = Double.NaN;
        Boolean isNgd = null;
        double ngdRoundingBound = Double.NaN;
        final double rounding = stepRounding(theta, eta, g);
        final boolean decreases = lossNext < lossNow;
        if (decreases && Matrices.maxAbs(g) > 0.0) {
            try {
                final DiscreteStep dm = DiscreteStep.of(loss, dg, theta, eta, g, 1.0);
                discrete = spectrum(dm.metric());
                if (hessian) {
                    final TwiceDifferentiableLoss l2 = (TwiceDifferentiableLoss) loss;
                    final double[] yBar = dm.yBar();
                    final double lambda = ((TaylorDiscreteGradient) dg).meanValueParameter(l2, theta, dm.next());
                    final double[][] h = Matrices.scale(l2.hessian(Matrices.along(theta, lambda * eta, g)), 0.5);
                    etaBound = HessianCorrectedMetric.learningRateBound(g, yBar, h);
                    for (double gamma : CORRECTION_GAMMAS) {
                        try {
                            final HessianCorrectedMetric hc = HessianCorrectedMetric.of(g, yBar, h, eta, gamma);
                            correctedGamma = gamma;
                            isNgd = DenseMetrics.isNaturalGradient(hc.toArray(), g, grad, NGD_TOLERANCE);
                            ngdRoundingBound = eta * normInfOfSolve(hc.toArray(), h) * rounding;
                            break;
                        } catch (IllegalArgumentException e) {
                            // η violates this γ's bound λ_min(M̄(γ))/h, or M̄ + ηH is not SPD: next γ.
                            continue;
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                // ȳᵀg <= 0 in floating point although L decreased (a decrease below rounding).
                discrete = new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            }
        }
        return new Row(t, lossNow, lossNext, energy, c.yg, c.psi, c.ratio, c.effective, c.kappa, c.max, c.min,
                c.d, decreases && !Double.isNaN(discrete[0]), discrete[0], discrete[1], discrete[2], discrete[3],
                discrete[4], eta, etaBound, correctedGamma, isNgd, rounding, ngdRoundingBound,
                isResolutionLimited(lossNow, lossNext, ngdRoundingBound), preconditioner);
    }

    /** ‖M⁻¹H‖∞ (max row sum of |M⁻¹H|) for an SPD M, column by column (library solve). */
    private static double normInfOfSolve(double[][] m, double[][] h) {
        final int d = m.length;
        final double[] rowSums = new double[d];
        for (int j = 0; j < d; j++) {
            final double[] col = new double[d];
            for (int i = 0; i < d; i++) {
                col[i] = h[i][j];
            }
            final double[] x = SymmetricPositiveDefinite.solve(m, col, "(M̄ + ηH)⁻¹H");
            for (int i = 0; i < d; i++) {
                rowSums[i] += Math.abs(x[i]);
            }
        }
        double max = 0.0;
        for (double v : rowSums) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * Whether a step is below numerical resolution, so that its effectiveness or its
     * natural-gradient check says nothing about the rule: either
     * <ol>
     * <li>the loss change is below the resolution of a correctly rounded loss,
     *   |L(θ_{t+1}) − L(θ_t)| &le; ulp(max(|L(θ_t)|, |L(θ_{t+1})|)) for the computed values. A
     *   correctly rounded value is within ½ulp of the exact one, so two values within one ulp of
     *   each other (equal or adjacent doubles) leave the sign of the exact change undetermined
     *   even if L were evaluated with a single rounding. Our losses round more than once: this
     *   marks only the steps that no evaluation in double could resolve, not every step whose
     *   change is lost in our own rounding; or</li>
     * <li>the natural-gradient check of Eq. (18) is below the resolution of θ:
     *   {@code ngdRoundingBound} = η·‖(M̄ + ηH)⁻¹H‖∞·ρ &ge; τ = {@link #NGD_TOLERANCE}, with
     *   ρ = {@link #stepRounding}. The discrete gradient sees the step p = fl(θ + ηg) − θ actually
     *   taken, not ηg; with the Taylor discrete gradient (16), ȳ = −∇L(θ_t) − Hp, and
     *   (M̄ + ηH)g = ȳ + ηHg, so exactly g + (M̄ + ηH)⁻¹∇L(θ_t) = (M̄ + ηH)⁻¹H(ηg − p), whose
     *   ∞-norm relative to ‖g‖∞ is at most η‖(M̄ + ηH)⁻¹H‖∞·ρ since ‖ηg − p‖∞ = ρ‖ηg‖∞. The check
     *   passes when that relative residual is &le; τ; when the bound reaches τ the rounding of
     *   θ_{t+1} alone can make it fail, and the outcome says nothing about the rule.
     *   ({@link #stepRounding} is exact when |ηgᵢ| &le; |θᵢ| (Fast2Sum) and within 2u otherwise.)</li>
     * </ol>
     *
     * @param loss L(θ_t) as computed
     * @param lossNext L(θ_{t+1}) as computed
     * @param ngdRoundingBound η‖(M̄ + ηH)⁻¹H‖∞·ρ (NaN when no natural-gradient check was made)
     * @return whether the step is resolution-limited
     */
    static boolean isResolutionLimited(double loss, double lossNext, double ngdRoundingBound) {
        final double resolution = Math.ulp(Math.max(Math.abs(loss), Math.abs(lossNext)));
        return Math.abs(lossNext - loss) <= resolution || ngdRoundingBound >= NGD_TOLERANCE;
    }

    /**
     * ‖(fl(θ + ηg) − θ) − ηg‖∞/‖ηg‖∞: how far the step actually taken differs from ηg in floating
     * point. The discrete gradient sees p = θ_{t+1} − θ_t, so Eq. (17), (M̄ + ηH)g = −∇L(θ_t),
     * holds only to about this relative accuracy; when the step is tiny against θ (near
     * convergence) it dominates the natural-gradient check.
     */
    static double stepRounding(double[] theta, double eta, double[] g) {
        double err = 0.0;
        double size = 0.0;
        for (int i = 0; i < theta.length; i++) {
            final double step = eta * g[i];
            err = Math.max(err, Math.abs((theta[i] + step) - theta[i] - step));
            size = Math.max(size, Math.abs(step));
        }
        return size == 0.0 ? Double.NaN : err / size;
    }

    /** Continuous-time quantities of (g, y). */
    private record Continuous(double yg, double psi, double ratio, boolean effective, double kappa,
                              double max, double min, double d) {
    }

    private static Continuous continuous(double[] g, double[] y) {
        final double yg = Matrices.dot(y, g);
        if (Matrices.maxAbs(g) == 0.0 || Matrices.maxAbs(y) == 0.0) {
            return new Continuous(yg, Double.NaN, Double.NaN, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        final double psiSigned = Math.atan2(Matrices.norm(Matrices.along(y, -yg / Matrices.dot(g, g), g)),
                yg / Matrices.norm(g));   // the angle in [0, π], also for yᵀg <= 0
        try {
            final UpdateGeometry geo = UpdateGeometry.of(g, y);
            final MetricSpectrum s = OneParameterMetric.optimal(g, y).spectrum();
            return new Continuous(geo.yDotG(), geo.psi(), geo.normRatio(), true, s.conditionNumber(),
                    s.lambdaMax(), s.lambdaMin(), s.lambdaD());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return new Continuous(yg, psiSigned, Matrices.norm(y) / Matrices.norm(g), false, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /** ψ̄, κ̄, λ̄_max, λ̄_min, λ̄_d of a discrete metric. */
    private static double[] spectrum(OneParameterMetric m) {
        final MetricSpectrum s = m.spectrum();
        return new double[] {m.geometry().psi(), s.conditionNumber(), s.lambdaMax(), s.lambdaMin(), s.lambdaD()};
    }

    /**
     * Analyses a recorded trajectory: g_t = (θ_{t+1} − θ_t)/η, y_t = −∇L_t, ȳ from the endpoint
     * discrete gradient; no Hessian columns.
     *
     * @param trajectory θ_t, L_t, ∇L_t
     * @param eta η used to turn steps into updates (1 if unknown: g is then the step itself)
     * @param window m
     * @param title a title
     * @return the analysis of the T steps
     */
    public static Analysis trajectory(Trajectory trajectory, double eta, int window, String title) {
        if (!(eta > 0.0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta = " + eta + " must be finite and > 0");
        }
        final List<Row> rows = new ArrayList<>();
        for (int t = 0; t + 1 < trajectory.size(); t++) {
            final double[] theta = trajectory.theta(t);
            final double[] g = Matrices.scale(Matrices.subtract(trajectory.theta(t + 1), theta), 1.0 / eta);
            final double[] y = Matrices.negate(trajectory.grad(t));
            final Continuous c = continuous(g, y);
            final double loss = trajectory.loss(t);
            final double lossNext = trajectory.loss(t + 1);
            double[] discrete = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            final boolean decreases = lossNext < loss;
            if (decreases && Matrices.maxAbs(g) > 0.0) {
                try {
                    discrete = spectrum(OneParameterMetric.optimal(g, Matrices.negate(trajectory.endpointDiscreteGradient(t))));
                } catch (IllegalArgumentException e) {
                    // ȳᵀg <= 0 in floating point: leave the discrete columns empty.
                }
            }
            rows.add(new Row(t, loss, lossNext, Double.NaN, c.yg, c.psi, c.ratio, c.effective, c.kappa, c.max,
                    c.min, c.d, decreases && !Double.isNaN(discrete[0]), discrete[0], discrete[1], discrete[2],
                    discrete[3], discrete[4], eta, Double.NaN, Double.NaN, null, Double.NaN, Double.NaN,
                    isResolutionLimited(loss, lossNext, Double.NaN), null));
        }
        return new Analysis(title, window, rows);
    }

    /**
     * Records a run of a rule on a problem as a trajectory of (θ_t, L_t, ∇L_t).
     *
     * @param problem the problem
     * @param rule a fresh rule
     * @param steps T
     * @return T + 1 points
     */
    public static Trajectory record(BuiltinLosses.Problem problem, Rule rule, int steps) {
        final Loss analysed = problem.loss();
        double[] state = problem.start().clone();
        final List<double[]> th = new ArrayList<>();
        final List<double[]> gr = new ArrayList<>();
        final double[] ls = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            th.add(state.clone());
            gr.add(analysed.gradient(state));
            ls[t] = analysed.value(state);
            if (t < steps) {
                state = Matrices.along(state, rule.learningRate(), rule.update(analysed, state));
            }
        }
        return new Trajectory(th, ls, gr);
    }

    // ---- command line ------------------------------------------------------------------------

    @Option(names = "--loss", description = "quadratic, rosenbrock, double-well, logistic or mnist (default: ${DEFAULT-VALUE})")
    String lossName = "rosenbrock";

    @Option(names = "--rule", split = ",", description = "one or more of gd, heavy-ball, nesterov, adam, rmsprop, adagrad, newton, sign-gd, fa"
            + " (default: all but fa)")
    List<String> ruleNames = new ArrayList<>(Arrays.asList("gd", "heavy-ball", "nesterov", "adam", "rmsprop", "adagrad",
            "newton", "sign-gd"));

    @Option(names = "--trajectory", description = "analyse a recorded trajectory (CSV with theta_i, loss, grad_i columns, or JSONL) instead")
    Path trajectoryFile;

    @Option(names = "--eta", description = "learning rate η (default: per rule and loss; 1 for a trajectory)")
    Double eta;

    @Option(names = "--steps", description = "number of steps (default: ${DEFAULT-VALUE})")
    int steps = 300;

    @Option(names = "--window", description = "window m of L(t+m) < L(t) (default: ${DEFAULT-VALUE})")
    int window = 10;

    @Option(names = "--out", description = "output directory (default: ${DEFAULT-VALUE})")
    Path out = Paths.get("analysis");

    @Option(names = "--no-plots", description = "write only the CSV files")
    boolean noPlots;

    @Override
    public Integer call() throws IOException {
        final List<Analysis> analyses = new ArrayList<>();
        if (trajectoryFile != null) {
            final Trajectory tr = Trajectory.read(trajectoryFile);
            analyses.add(trajectory(tr, eta == null ? 1.0 : eta, window, trajectoryFile.getFileName().toString()));
        } else {
            final BuiltinLosses.Problem problem;
            if ("mnist".equals(lossName)) {
                final MnistData data = MnistData.locate(Paths.get(""), 10000).orElseThrow(() ->
                        new IllegalStateException("no MNIST data: run docs/fetch-data.sh first"));
                problem = BuiltinLosses.mnistNetwork(data, 256, 64, 20240924L);
            } else {
                problem = BuiltinLosses.named(lossName);
            }
            for (String name : ruleNames) {
                final double e = eta != null ? eta : Rules.defaultLearningRate(name, lossName);
                final Progress progress = new Progress(lossName + "/" + name, steps);
                analyses.add(run(problem, Rules.named(name, e), steps, window, progress::update));
                progress.done("");
            }
        }
        for (Analysis a : analyses) {
            final String base = a.title().replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("_+$", "");
            a.writeCsv(out.resolve(base + ".csv"));
            if (!noPlots) {
                a.plot(out, base);
            }
            System.out.println(a.summary());
        }
        System.out.println("wrote " + out.toAbsolutePath());
        return 0;
    }

    /**
     * The command line: {@code --loss NAME --rule R1,R2 [--eta η] [--steps T] [--window m] [--out DIR]}
     * or {@code --trajectory FILE [--eta η]}.
     *
     * @param args arguments
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new RuleAnalyzer()).execute(args));
    }
}
