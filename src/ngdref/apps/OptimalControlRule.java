package ngdref.apps;

import ngdref.dense.PreconditionerMetric;

/**
 * The optimal learning rule of Vastola, Gershman and Rajan ("Gradient Descent as Loss Landscape
 * Navigation") on a quadratic loss, as natural gradient descent (Eq. 4) with a diagonal metric.
 *
 * <p>Learning minimises the discounted objective
 * <pre>  J = ∫₀^∞ e^{−γ_d t} [L(θ) + ‖θ̇‖²/(2ηk)] dt,</pre>
 * γ_d the temporal discount rate ({@code discountRate}; not the family parameter γ of the paper's
 * Eq. (22)). Its Euler–Lagrange equation, d/dt(e^{−γ_d t}θ̇/(ηk)) = e^{−γ_d t}∇L, is
 * <pre>  θ̈ − γ_d θ̇ = ηk∇L.</pre>
 * For L = ½θᵀHθ with H = diag(Hᵢᵢ), Hᵢᵢ &gt; 0, each coordinate solves s² − γ_d s − ηkHᵢᵢ = 0 with
 * roots s = γ_d/2 ± √(γ_d²/4 + ηkHᵢᵢ); the positive root exceeds γ_d and makes J infinite, so the
 * optimum takes the negative one: θᵢ(t) = θᵢ(0)e^{−rᵢt} with
 * <pre>  rᵢ = √(γ_d²/4 + ηkHᵢᵢ) − γ_d/2 = ηkHᵢᵢ/(√(γ_d²/4 + ηkHᵢᵢ) + γ_d/2),</pre>
 * the convergence rate of the seed's Fig. 2d. The rule is therefore the preconditioned flow
 * θ̇ = g = −Rθ, R = diag(rᵢ), i.e. g = −P⁻¹∇L with P = diag(Hᵢᵢ/rᵢ): natural gradient descent
 * with the metric P (Pg = −Hθ = y). Limits: rᵢ → ηkHᵢᵢ/γ_d for γ_d ≫ √(ηkHᵢᵢ) (gradient descent
 * with learning rate ηk/γ_d; rates proportional to curvature) and rᵢ → √(ηkHᵢᵢ) for γ_d → 0
 * (ballistic; rates proportional to the square root of curvature).
 *
 * <p>The rates are evaluated in the second form: the first subtracts two nearly equal numbers when
 * γ_d² ≫ ηkHᵢᵢ (for γ_d = 10¹⁰ and ηkHᵢᵢ = 1 it gives 0 instead of 10⁻¹⁰); the second adds
 * positive terms only, so each rate is accurate to a few ulps for every γ_d &ge; 0.
 */
public final class OptimalControlRule {

    private final double[] curvature;
    private final double etaK;
    private final double discountRate;
    private final double[] rates;

    private OptimalControlRule(double[] curvature, double etaK, double discountRate, double[] rates) {
        this.curvature = curvature;
        this.etaK = etaK;
        this.discountRate = discountRate;
        this.rates = rates;
    }

    /**
     * The rule for L = ½θᵀdiag(curvature)θ.
     *
     * @param curvature Hᵢᵢ, D &ge; 2 entries, each finite and &gt; 0 (copied)
     * @param etaK ηk &gt; 0, finite
     * @param discountRate γ_d &ge; 0, finite
     * @return the rule
     * @throws IllegalArgumentException naming the invalid argument
     * @throws ArithmeticException if a rate or Hᵢᵢ/rᵢ is outside the range of double
     */
    public static OptimalControlRule of(double[] curvature, double etaK, double discountRate) {
        if (curvature == null || curvature.length < 2) {
            throw new IllegalArgumentException("curvature must have D >= 2 entries");
        }
        if (!(etaK > 0.0) || !Double.isFinite(etaK)) {
            throw new IllegalArgumentException("etaK = " + etaK + " must be finite and > 0");
        }
        if (!(discountRate >= 0.0) || !Double.isFinite(discountRate)) {
            throw new IllegalArgumentException("discountRate = " + discountRate + " must be finite and >= 0");
        }
        final double[] h = curvature.clone();
        final double[] r = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            if (!(h[i] > 0.0) || !Double.isFinite(h[i])) {
                throw new IllegalArgumentException("curvature[" + i + "] = " + h[i] + " must be finite and > 0");
            }
            r[i] = rate(h[i], etaK, discountRate);
            if (!(r[i] > 0.0) || !Double.isFinite(r[i]) || !Double.isFinite(h[i] / r[i])) {
                throw new ArithmeticException("rate r[" + i + "] = " + r[i] + " or H/r is outside the range of double");
            }
        }
        return new OptimalControlRule(h, etaK, discountRate, r);
    }

    /**
     * rᵢ = ηkHᵢᵢ/(√(γ_d²/4 + ηkHᵢᵢ) + γ_d/2), the cancellation-free form of
     * √(γ_d²/4 + ηkHᵢᵢ) − γ_d/2.
     *
     * @param curvature Hᵢᵢ &gt; 0
     * @param etaK ηk &gt; 0
     * @param discountRate γ_d &ge; 0
     * @return rᵢ
     */
    public static double rate(double curvature, double etaK, double discountRate) {
        final double c = etaK * curvature;
        final double half = 0.5 * discountRate;
        // hypot(γ_d/2, √c) = √(γ_d²/4 + c) without overflow of γ_d² for huge γ_d.
        return c / (Math.hypot(half, Math.sqrt(c)) + half);
    }

    /**
     * R = diag(rᵢ).
     *
     * @return a copy of the rates
     */
    public double[] rates() {
        return rates.clone();
    }

    /** @return ηk */
    public double etaK() {
        return etaK;
    }

    /** @return γ_d, the temporal discount rate */
    public double discountRate() {
        return discountRate;
    }

    /**
     * The metric of the rule, P = diag(Hᵢᵢ/rᵢ) = diag(√(γ_d²/4 + ηkHᵢᵢ) + γ_d/2)/ηk.
     *
     * @return P as a library preconditioner metric
     */
    public PreconditionerMetric metric() {
        final double[] p = new double[rates.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = curvature[i] / rates[i];
        }
        return PreconditionerMetric.diagonal(p);
    }

    /**
     * The update g = θ̇ = −Rθ.
     *
     * @param theta θ, D entries
     * @return g
     */
    public double[] update(double[] theta) {
        requireLength(theta);
        final double[] g = new double[theta.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = -rates[i] * theta[i];
        }
        return g;
    }

    /**
     * y = −∇L = −Hθ.
     *
     * @param theta θ, D entries
     * @return y
     */
    public double[] negativeGradient(double[] theta) {
        requireLength(theta);
        final double[] y = new double[theta.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = -curvature[i] * theta[i];
        }
        return y;
    }

    private void requireLength(double[] theta) {
        if (theta == null || theta.length != rates.length) {
            throw new IllegalArgumentException("theta must have " + rates.length + " entries");
        }
    }
}
