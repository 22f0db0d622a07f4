package ngdref.apps;

import java.util.ArrayList;
import java.util.List;
import ngdref.discrete.AverageVectorFieldDiscreteGradient;
import ngdref.discrete.DiscreteStep;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;

/**
 * The optimal-control seed (Vastola, Gershman, Rajan, "Gradient Descent as Loss Landscape
 * Navigation") read through this paper. Three computations, each on the discounted objective
 * J = ∫ e^{−γ_d t}[L + ‖θ̇‖²/(2ηk)] dt (γ_d the temporal discount rate, never the family parameter
 * γ of Eq. (22)):
 * <ol>
 * <li>{@link #rateRatio}: the seed's Fig. 2d, the ratio r₂/r₁ of the optimal convergence rates
 *   ({@link OptimalControlRule}) for curvatures H₁₁ and H₂₂ = 4H₁₁, from 4 (γ_d ≫ 1, gradient
 *   descent) to √4 = 2 (γ_d → 0, ballistic);</li>
 * <li>{@link #quadraticCheck}: the minimiser of the discretised J ({@link DiscountedAction}) on a
 *   diagonal quadratic against the closed form θᵢ(0)e^{−rᵢt};</li>
 * <li>{@link #escape}: the optimal trajectory on a {@link TiltedDoubleWell} from the shallow
 *   minimum's basin, which climbs the barrier (the loss first rises, as in the seed's Fig. 1b), and
 *   its analysis step by step: yᵀg with g = θ_{t+1} − θ_t and y = −∇L(θ_t); M_opt (Eq. 9) where
 *   yᵀg &gt; 0; windowed effectiveness L(t+m) &lt; L(t) (Eq. 3) with the smallest window m*; the
 *   discrete metric (Eq. 14) of the window step θ_t → θ_{t+m*} with the average-vector-field
 *   discrete gradient; and, where the Hessian is positive definite, the metric P(θ) of the
 *   quadratic optimal-control rule at the local curvature (see {@link Step#ocMetricResidual}).</li>
 * </ol>
 */
public final class OptimalControlExperiment {

    private OptimalControlExperiment() {
    }

    /**
     * r₂/r₁ for curvatures h₁, h₂ at discount rate γ_d.
     *
     * @param h1 H₁₁ &gt; 0
     * @param h2 H₂₂ &gt; 0
     * @param etaK ηk &gt; 0
     * @param discountRate γ_d &ge; 0
     * @return r₂/r₁
     */
    public static double rateRatio(double h1, double h2, double etaK, double discountRate) {
        final double[] r = OptimalControlRule.of(new double[] {h1, h2}, etaK, discountRate).rates();
        return r[1] / r[0];
    }

    /** The discretisation check at one step size. */
    public record QuadraticCheck(double dt, int steps, double maxError, double residual, int newtonSteps) {
    }

    /**
     * Minimises J_h for L = ½θᵀdiag(h)θ from θ(0) and returns max over n, i of
     * |θₙ,ᵢ − θᵢ(0)e^{−rᵢnh}|.
     *
     * @param curvature diag(H)
     * @param theta0 θ(0)
     * @param etaK ηk
     * @param discountRate γ_d
     * @param dt h
     * @param horizon T (N = round(T/h) steps)
     * @return the check
     */
    public static QuadraticCheck quadraticCheck(double[] curvature, double[] theta0, double etaK,
                                                double discountRate, double dt, double horizon) {
        final int d = curvature.length;
        final double[][] hm = new double[d][d];
        for (int i = 0; i < d; i++) {
            hm[i][i] = curvature[i];
        }
        final int n = (int) Math.round(horizon / dt);
        final DiscountedAction action = DiscountedAction.of(BuiltinLosses.quadratic(hm), theta0, dt, n, etaK,
                discountRate);
        final DiscountedAction.Minimum m = action.minimise(new double[n + 1][d], 1e-9, 5);
        final double[] r = OptimalControlRule.of(curvature, etaK, discountRate).rates();
        double err = 0.0;
        for (int k = 0; k <= n; k++) {
            for (int i = 0; i < d; i++) {
                err = Math.max(err, Math.abs(m.path()[k][i] - theta0[i] * Math.exp(-r[i] * k * dt)));
            }
        }
        return new QuadraticCheck(dt, n, err, m.residual(), m.iterations());
    }

    /** The configuration of the escape trajectory. */
    public record Config(double tilt, double stiffness, double[] theta0, double etaK, double discountRate,
                         double dt, double horizon, double analysisHorizon) {

        /**
         * The figure's configuration: τ = 0.2, b = 1, θ(0) = (0.8, 0.2) (between the barrier top
         * θ₀ ≈ 0.209 and the shallow minimum θ₀ ≈ 0.879, so gradient descent would fall into the
         * shallow minimum), ηk = 1, γ_d = 0.2, h = 0.01, T = 150 (e^{−γ_d T} = e^{−30}); the steps
         * are analysed on t ∈ [0, 12], where L − L_min is still far above the rounding of L.
         *
         * @return the configuration
         */
        public static Config figure() {
            return new Config(0.2, 1.0, new double[] {0.8, 0.2}, 1.0, 0.2, 0.01, 150.0, 12.0);
        }
    }

    /**
     * One analysed step θ_t → θ_{t+1} of the optimal path; NaN where a quantity does not exist.
     *
     * @param step t (grid index)
     * @param t time t·h
     * @param theta θ_t
     * @param loss L(θ_t)
     * @param yDotG yᵀg, g = θ_{t+1} − θ_t, y = −∇L(θ_t)
     * @param effective yᵀg &gt; 0
     * @param psi ψ, the angle between g and y (effective steps)
     * @param normRatio ‖y‖/‖g‖ (effective steps)
     * @param kappa κ(M_opt) = (1 + |sin ψ|)/(1 − |sin ψ|) (Eq. 9, Prop. 1; effective steps)
     * @param lambdaMax λ_max(M_opt) (effective steps)
     * @param lambdaMin λ_min(M_opt) (effective steps)
     * @param windowEffective L(t+m*) &lt; L(t), m* the smallest effective window (Eq. 3)
     * @param windowKappa κ of the discrete metric (14) of the window step θ_t → θ_{t+m*} on
     *     ȳ = −∇̄L(θ_t, θ_{t+m*}) (average vector field, 2 Gauss nodes: exact for this quartic L)
     * @param ocKappa κ(P) of the quadratic rule's metric P = diag(Hᵢᵢ/rᵢ) at the local Hessian
     *     H = ∇²L(θ_t) (diagonal for this loss), where H is positive definite
     * @param ocMetricResidual ‖P·g/h − y‖/‖y‖ there: how far the step is from natural gradient
     *     descent with P (O(h) from the forward difference g/h, plus the non-quadratic part of L)
     */
    public record Step(int step, double t, double[] theta, double loss, double yDotG, boolean effective,
                       double psi, double normRatio, double kappa, double lambdaMax, double lambdaMin,
                       boolean windowEffective, double windowKappa, double ocKappa, double ocMetricResidual) {
    }

    /** The escape trajectory and its analysis. */
    public record Escape(Config config, TiltedDoubleWell loss, DiscountedAction.Minimum optimum,
                         DiscountedAction.Minimum stay, int window, List<Step> steps) {

        /** @return L(θₙ) for the analysed steps n = 0 … N_a */
        public double[] losses() {
            final int na = steps.size();
            final double[] l = new double[na + 1];
            for (int n = 0; n <= na; n++) {
                l[n] = loss.value(optimum.path()[n]);
            }
            return l;
        }
    }

    /** The two local optima of J_h at one discount rate. */
    public record Choice(double discountRate, double horizon, DiscountedAction.Minimum fromEscape,
                         DiscountedAction.Minimum fromStay) {
    }

    /**
     * J_h at each discount rate, minimised from the escaping and from the staying initial path
     * (horizon T = max(40, 30/γ_d), so e^{−γ_d T} &le; e^{−30}); with a short horizon of its own
     * (large γ_d) the escape does not pay, and Newton from the escaping guess may end in the
     * shallow basin too.
     *
     * @param config the loss, θ(0), ηk and h (its γ_d and T are replaced)
     * @param discountRates the γ_d values
     * @return one choice per γ_d
     */
    public static List<Choice> discountSweep(Config config, double[] discountRates) {
        final List<Choice> out = new ArrayList<>();
        for (double gd : discountRates) {
            final double horizon = Math.max(40.0, 30.0 / gd);
            final Config c = new Config(config.tilt(), config.stiffness(), config.theta0(), config.etaK(), gd,
                    config.dt(), horizon, config.analysisHorizon());
            final DiscountedAction.Minimum[] m = optima(c);
            out.add(new Choice(gd, horizon, m[0], m[1]));
        }
        return out;
    }

    /** J_h minimised from the escaping and from the staying initial path. */
    private static DiscountedAction.Minimum[] optima(Config config) {
        final TiltedDoubleWell loss = new TiltedDoubleWell(config.tilt(), config.stiffness());
        final double[] theta0 = config.theta0();
        final int n = (int) Math.round(config.horizon() / config.dt());
        final DiscountedAction action = DiscountedAction.of(loss, theta0, config.dt(), n, config.etaK(),
                config.discountRate());
        final double[][] out = new double[n + 1][theta0.length];
        final double[][] stay = new double[n + 1][theta0.length];
        for (int k = 0; k <= n; k++) {
            final double decay = Math.exp(-k * config.dt());
            out[k][0] = loss.deepMinimum() + (theta0[0] - loss.deepMinimum()) * decay;
            stay[k][0] = loss.shallowMinimum() + (theta0[0] - loss.shallowMinimum()) * decay;
            for (int i = 1; i < theta0.length; i++) {
                out[k][i] = theta0[i] * decay;
                stay[k][i] = theta0[i] * decay;
            }
        }
        return new DiscountedAction.Minimum[] {action.minimise(out, 1e-10, 400), action.minimise(stay, 1e-10, 400)};
    }

    /**
     * The optimal escape: J_h minimised by Newton from a path that falls exponentially into the
     * deep minimum, and, for comparison, from one that stays in the shallow basin; the escape is
     * optimal when its J_h is the smaller.
     *
     * @param config the configuration
     * @return the trajectory and its analysis
     */
    public static Escape escape(Config config) {
        final TiltedDoubleWell loss = new TiltedDoubleWell(config.tilt(), config.stiffness());
        final double[] theta0 = config.theta0();
        final DiscountedAction.Minimum[] both = optima(config);
        final DiscountedAction.Minimum optimum = both[0];
        final DiscountedAction.Minimum local = both[1];
        final int na = (int) Math.round(config.analysisHorizon() / config.dt());
        final double[][] path = optimum.path();
        final double[] l = new double[na + 1];
        for (int k = 0; k <= na; k++) {
            l[k] = loss.value(path[k]);
        }
        final int m = Windows.smallestEffectiveWindow(l, na);
        final AverageVectorFieldDiscreteGradient avf = new AverageVectorFieldDiscreteGradient(2);
        final List<Step> steps = new ArrayList<>();
        for (int k = 0; k < na; k++) {
            final double[] g = Matrices.subtract(path[k + 1], path[k]);
            final double[] y = Matrices.scale(loss.gradient(path[k]), -1.0);
            final double ytg = Matrices.dot(y, g);
            double psi = Double.NaN;
            double ratio = Double.NaN;
            double kappa = Double.NaN;
            double max = Double.NaN;
            double min = Double.NaN;
            if (ytg > 0.0) {
                final UpdateGeometry geo = UpdateGeometry.of(g, y);
                final MetricSpectrum s = OneParameterMetric.optimal(g, y).spectrum();
                psi = geo.psi();
                ratio = geo.normRatio();
                kappa = s.conditionNumber();
                max = s.lambdaMax();
                min = s.lambdaMin();
            }
            final boolean windowEffective = m > 0 && k + m <= na && l[k + m] < l[k];
            double windowKappa = Double.NaN;
            if (windowEffective) {
                // θ_t → θ_{t+m*} as one discrete step (η = 1): its metric (14) on ȳ = −∇̄L.
                windowKappa = DiscreteStep.of(loss, avf, path[k], 1.0, Matrices.subtract(path[k + m], path[k]), 1.0)
                        .metric().spectrum().conditionNumber();
            }
            double ocKappa = Double.NaN;
            double ocResidual = Double.NaN;
            final double[][] hess = loss.hessian(path[k]);
            if (hess[0][0] > 0.0) {
                final double[] curvature = new double[theta0.length];
                for (int i = 0; i < curvature.length; i++) {
                    curvature[i] = hess[i][i];
                }
                final OptimalControlRule rule = OptimalControlRule.of(curvature, config.etaK(), config.discountRate());
                final double[] p = rule.metric().apply(Matrices.scale(g, 1.0 / config.dt()));
                double pMax = 0.0;
                double pMin = Double.POSITIVE_INFINITY;
                for (int i = 0; i < curvature.length; i++) {
                    pMax = Math.max(pMax, curvature[i] / rule.rates()[i]);
                    pMin = Math.min(pMin, curvature[i] / rule.rates()[i]);
                }
                ocKappa = pMax / pMin;
                ocResidual = Matrices.norm(Matrices.subtract(p, y)) / Matrices.norm(y);
            }
            steps.add(new Step(k, k * config.dt(), path[k].clone(), l[k], ytg, ytg > 0.0, psi, ratio, kappa, max, min,
                    windowEffective, windowKappa, ocKappa, ocResidual));
        }
        return new Escape(config, loss, optimum, local, m, steps);
    }
}
