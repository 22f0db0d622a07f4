package ngdref.discrete;

import java.util.Arrays;
import ngdref.metric.Inputs;
import ngdref.metric.Metric;
import ngdref.metric.MetricBounds;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;
import ngdref.numerics.SymmetricEigenvalues;
import ngdref.numerics.SymmetricPositiveDefinite;

/**
 * The Hessian-corrected discrete metric, Eqs. (17)–(18). With the Taylor discrete gradient (16),
 * ȳ = −∇L(θ_t) − ηHg (H = ½∇²L(θ_t + ληg)), so (M̄ + ηH)g = −∇L(θ_t). If λ_min(H) = −h &lt; 0, the
 * corrected metric M̄ + ηH is SPD whenever η &lt; λ_min(M̄)/h (Weyl: λ_min(M̄+ηH) &ge; λ_min(M̄) − ηh),
 * and the supremum of that bound over all discrete metrics is the paper's
 * <pre>  η &lt; (1/h)(‖ȳ‖/‖g‖)cos ψ̄ = (ȳᵀg/gᵀg)/h,</pre>
 * approached as γ → ∞ (Proposition 2). Then (θ_{t+1} − θ_t)/η = −(M̄+ηH)⁻¹∇L(θ_t), Eq. (18).
 * Dense (H is D×D).
 *
 * <p>Machine-checked: What is true, for every D (Coq, {@code proofs/coq/Statements.v}): {@code hessian_corrected} (M̄ + ηH SPD for 0 ≤ η &lt; m/h, m a form constant of M̄), {@code hessian_bound_is_sup}, {@code hessian_bound_sup}, and {@code hessian_paper_wording_counterexample}: the bound η &lt; ρ̄/h is a supremum over metrics, not sufficient on its own.
 */
public final class HessianCorrectedMetric implements Metric {

    private final double[][] corrected;
    private final double h;
    private final double bound;

    /*@ private invariant h >= 0.0 && bound > 0.0;
      @ private invariant (\forall int k; 0 <= k && k < corrected.length; corrected[k] != null);
      @*/

    private HessianCorrectedMetric(double[][] corrected, double h, double bound) {
        this.corrected = corrected;
        this.h = h;
        this.bound = bound;
    }

    /**
     * The paper's learning-rate bound (1/h)(‖ȳ‖/‖g‖)cos ψ̄, +∞ when H has no negative eigenvalue.
     *
     * @param g the update
     * @param yBar ȳ
     * @param hessianHalf H = ½∇²L(θ_t + ληg), symmetric D×D
     * @return the bound: finite and positive, or +∞ exactly when H has no negative eigenvalue
     * @throws IllegalArgumentException for invalid input
     * @throws ArithmeticException when the bound (or a quantity it is built from) overflows or
     *     underflows the range of double
     */
    // Exact statement (Eqs. 17-18, as it is true), proved for every D in Coq
    // (proofs/coq/Statements.v): hessian_corrected (M̄ + ηH SPD for 0 ≤ η < m/h), hessian_bound_is_sup,
    // hessian_bound_sup (the bound is a supremum), hessian_paper_wording_counterexample.
    /*@ public behavior
      @   requires g != null && yBar != null && hessianHalf != null;
      @   ensures \result > 0.0;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires g == null || yBar == null || hessianHalf == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static double learningRateBound(/*@ nullable @*/ double[] g, /*@ nullable @*/ double[] yBar, /*@ nullable @*/ double[][] hessianHalf) {
        if (hessianHalf == null) {
            // first, so that the null case does not depend on the validation of (g, ȳ)
            throw new IllegalArgumentException("hessianHalf must not be null");
        }
        final UpdateGeometry geo = UpdateGeometry.of(g, yBar);
        final double hh = negativeCurvature(hessianHalf, g.length);
        if (!(hh > 0.0)) {
            return Double.POSITIVE_INFINITY;
        }
        return requirePositiveInRange("the learning-rate bound (1/h)(‖ȳ‖/‖g‖)cos ψ̄",
                MetricBounds.lambdaMinSupremum(geo) / hh);
    }

    /**
     * M̄(γ) + ηH, after checking η against the bound that makes it SPD for this M̄.
     *
     * @param g the update
     * @param yBar ȳ = −∇̄L(θ_t, θ_{t+1})
     * @param hessianHalf H = ½∇²L(θ_t + ληg), symmetric D×D
     * @param eta η &gt; 0
     * @param gamma γ of M̄
     * @return the corrected metric
     * @throws IllegalArgumentException for invalid input, or when η &ge; λ_min(M̄)/h, naming both
     *     that bound and the paper's supremum
     * @throws ArithmeticException when λ_min(M̄)/h or an entry of M̄ + ηH is outside the range of
     *     double
     */
    /*@ public behavior
      @   requires g != null && yBar != null && hessianHalf != null && eta > 0.0 && gamma > 0.0;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires g == null || yBar == null || hessianHalf == null || !(eta > 0.0);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static HessianCorrectedMetric of(/*@ nullable @*/ double[] g, /*@ nullable @*/ double[] yBar, /*@ nullable @*/ double[][] hessianHalf,
                                            double eta, double gamma) {
        // Reject a missing Hessian or a bad η before any arithmetic, so that bad input is always an
        // IllegalArgumentException (ofGamma may raise ArithmeticException when α = γσ overflows).
        if (hessianHalf == null) {
            throw new IllegalArgumentException("hessianHalf must not be null");
        }
        Inputs.requirePositive("eta", eta);
        final OneParameterMetric mBar = OneParameterMetric.ofGamma(g, yBar, gamma);
        final int d = g.length;
        final double hh = negativeCurvature(hessianHalf, d);
        final double lambdaMin = mBar.spectrum().lambdaMin();
        final double bound = hh > 0.0
                ? requirePositiveInRange("the learning-rate bound λ_min(M̄)/h", lambdaMin / hh)
                : Double.POSITIVE_INFINITY;
        if (!(eta < bound)) {
            throw new IllegalArgumentException("eta = " + eta + " violates the learning-rate bound"
                    + " eta < λ_min(M̄)/h = " + bound + " (h = −λ_min(H) = " + hh + ", γ = " + gamma
                    + "); over all discrete metrics the bound (Eq. 17) is (1/h)(‖ȳ‖/‖g‖)cos ψ̄ = "
                    + Double.toString(MetricBounds.lambdaMinSupremum(mBar.geometry()) / hh)
                    + ", approached as γ → ∞");
        }
        final double[][] m = mBar.toArray();
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                // (Hᵢⱼ + Hⱼᵢ)/2 halved first: no overflow for entries near the largest double
                final double v = Math.fma(eta, 0.5 * hessianHalf[i][j] + 0.5 * hessianHalf[j][i], m[i][j]);
                if (!(v - v == 0.0)) {
                    throw new ArithmeticException("(M̄ + ηH)[" + i + "][" + j + "] is "
                            + Inputs.describe(v) + ": not finite (outside the range of double)");
                }
                m[i][j] = v;
                m[j][i] = v;
            }
        }
        return new HessianCorrectedMetric(m, hh, bound);
    }

    /** A positive bound that must be finite and nonzero (neither overflow nor underflow). */
    private static double requirePositiveInRange(String what, double v) {
        if (!(v - v == 0.0)) {
            throw new ArithmeticException(what + " overflows the range of double");
        }
        if (!(v > 0.0)) {
            throw new ArithmeticException(what + " underflows the range of double");
        }
        return v;
    }

    /** h = max(0, −λ_min(H)) after validating H. */
    private static double negativeCurvature(double[][] hh, int d) {
        if (hh == null) {
            throw new IllegalArgumentException("hessianHalf must not be null");
        }
        if (hh.length != d) {
            throw new IllegalArgumentException("hessianHalf has " + hh.length + " rows; expected " + d);
        }
        for (int i = 0; i < d; i++) {
            Inputs.requireEntries("hessianHalf[" + i + "]", hh[i]);
            if (hh[i].length != d) {
                throw new IllegalArgumentException("hessianHalf row " + i + " has " + hh[i].length
                        + " columns; expected " + d);
            }
        }
        return Math.max(0.0, -SymmetricEigenvalues.smallestOfSymmetricPart(hh));
    }

    /**
     * M̄ + ηH as a new dense array, exactly symmetric.
     *
     * @return D×D
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    @Override
    public double[][] toArray() {
        final double[][] c = new double[corrected.length][];
        /*@ loop_invariant 0 <= i && i <= c.length
          @   && (\forall int j; 0 <= j && j < i; c[j] != null && \fresh(c[j]));
          @ decreasing c.length - i;
          @ assignable c[*];
          @*/
        for (int i = 0; i < c.length; i++) {
            c[i] = Arrays.copyOf(corrected[i], corrected[i].length);
        }
        return c;
    }

    /**
     * The dimension D.
     *
     * @return D
     */
    @Override
    public int dimension() {
        return corrected.length;
    }

    /**
     * (M̄ + ηH)·x, each entry an accurately rounded dot product of the row and x, both scaled by
     * powers of two ({@link SymmetricPositiveDefinite#multiply}).
     *
     * @param x of dimension D
     * @return a new vector, every entry finite
     * @throws IllegalArgumentException if x is null, of the wrong length or not finite
     * @throws ArithmeticException naming an entry outside the range of double
     */
    /*@ public behavior
      @   requires x != null;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    @Override
    public double[] apply(/*@ nullable @*/ double[] x) {
        requireVector("x", x);
        return SymmetricPositiveDefinite.multiply(corrected, x, "(M̄ + ηH)x");
    }

    /**
     * (M̄ + ηH)⁻¹·b by Cholesky, backward stable ({@link SymmetricPositiveDefinite#solve}).
     *
     * @param b of dimension D
     * @return a new vector, every entry finite
     * @throws IllegalArgumentException if b is null, of the wrong length or not finite
     * @throws ArithmeticException if M̄ + ηH is too ill-conditioned for the factorisation (η close
     *     to its bound), or naming an entry outside the range of double
     */
    /*@ public behavior
      @   requires b != null;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    @Override
    public double[] solve(/*@ nullable @*/ double[] b) {
        requireVector("b", b);
        return SymmetricPositiveDefinite.solve(corrected, b, "(M̄ + ηH)⁻¹b");
    }

    private void requireVector(String name, double[] v) {
        Inputs.requireEntries(name, v);
        if (v.length != corrected.length) {
            throw new IllegalArgumentException(name + " has length " + v.length
                    + " but the metric has dimension " + corrected.length);
        }
    }

    /**
     * h = max(0, −λ_min(H)).
     *
     * @return h &ge; 0
     */
    /*@ public normal_behavior
      @   ensures \result >= 0.0;
      @   assignable \nothing;
      @*/
    public double negativeCurvature() {
        return h;
    }

    /**
     * λ_min(M̄)/h, the bound on η that this metric satisfies (+∞ when h = 0).
     *
     * @return the bound
     */
    /*@ public normal_behavior
      @   ensures \result > 0.0;
      @   assignable \nothing;
      @*/
    public double learningRateBound() {
        return bound;
    }
}
