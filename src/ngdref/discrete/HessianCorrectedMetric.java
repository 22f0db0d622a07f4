package ngdref.discrete;

import java.util.Arrays;
import ngdref.exact.ExactCurvature;
import ngdref.metric.Inputs;
import ngdref.metric.Metric;
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
    /** h correctly rounded, or NaN when it is outside the range of double (then hRefusal says so). */
    private final double h;
    private final /*@ nullable @*/ String hRefusal;
    /** λ_min(M̄)/h correctly rounded (+∞ when h = 0), or NaN with boundRefusal. */
    private final double bound;
    private final /*@ nullable @*/ String boundRefusal;

    /*@ private invariant hRefusal != null || h >= 0.0;
      @ private invariant boundRefusal != null || bound > 0.0;
      @ private invariant corrected.length >= 2;
      @ private invariant (\forall int k; 0 <= k && k < corrected.length;
      @                       corrected[k] != null && corrected[k].length == corrected.length);
      @*/

    private HessianCorrectedMetric(double[][] corrected, double h, /*@ nullable @*/ String hRefusal,
                                   double bound, /*@ nullable @*/ String boundRefusal) {
        this.corrected = corrected;
        this.h = h;
        this.hRefusal = hRefusal;
        this.bound = bound;
        this.boundRefusal = boundRefusal;
    }

    /**
     * The paper's learning-rate bound (1/h)(‖ȳ‖/‖g‖)cos ψ̄ = (ȳᵀg/gᵀg)/h, h = −λ_min((H + Hᵀ)/2),
     * correctly rounded (round-half-even) from the exact inputs: every comparison with a rounding
     * boundary is decided exactly ({@link ExactCurvature}; O(D³) big-integer operations).
     *
     * @param g the update
     * @param yBar ȳ
     * @param hessianHalf H = ½∇²L(θ_t + ληg), symmetric D×D
     * @return the bound: finite and positive, or +∞ exactly when the symmetric part of H has no
     *     negative eigenvalue
     * @throws IllegalArgumentException for invalid input
     * @throws ArithmeticException naming the bound when its exact value is outside the range of
     *     double
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
        UpdateGeometry.of(g, yBar); // validates (g, ȳ): finite, same length, ȳᵀg > 0 exactly
        final double hApprox = negativeCurvature(hessianHalf, g.length);
        final ExactCurvature curvature = ExactCurvature.of(hessianHalf);
        if (!curvature.hasNegativeEigenvalue()) {
            return unbounded();
        }
        return curvature.paperBound(g, yBar, hApprox, "the learning-rate bound (1/h)(‖ȳ‖/‖g‖)cos ψ̄");
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
     * @throws IllegalArgumentException for invalid input, or when η &ge; λ_min(M̄)/h (decided
     *     exactly, {@link ExactCurvature}), naming both that bound and the paper's supremum
     * @throws ArithmeticException when an entry of M̄ + ηH is outside the range of double (the
     *     comparison of η with λ_min(M̄)/h is always decided, {@link ExactCurvature}); h or the
     *     bound outside the range of double is refused by its accessor alone
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
        final double hApprox = negativeCurvature(hessianHalf, d);
        final ExactCurvature curvature = ExactCurvature.of(hessianHalf);
        final String name = "the learning-rate bound λ_min(M̄)/h";
        if (!curvature.isBelowMetricBound(g, yBar, gamma, eta)) {
            throw new IllegalArgumentException(violation(curvature, g, yBar, eta, gamma, hApprox, name));
        }
        // h and the bound are rounded only here, once η is known to be below the exact bound;
        // either may be refused (out of the range of double) while the metric itself is fine:
        // then its accessor refuses, naming it.
        double h = 0.0;
        String hRefusal = null;
        double bound = Double.POSITIVE_INFINITY;
        String boundRefusal = null;
        if (curvature.hasNegativeEigenvalue()) {
            try {
                h = curvature.negativeCurvature(hApprox);
            } catch (ArithmeticException e) {
                h = Double.NaN;
                hRefusal = e.getMessage();
            }
            try {
                bound = curvature.metricBound(g, yBar, gamma, hApprox, name);
            } catch (ArithmeticException e) {
                bound = Double.NaN;
                boundRefusal = e.getMessage();
            }
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
        return new HessianCorrectedMetric(m, h, hRefusal, bound, boundRefusal);
    }

    /** The message for η ≥ λ_min(M̄)/h: the bound, h and the paper's bound, each its value or why it was refused. */
    private static String violation(ExactCurvature curvature, double[] g, double[] yBar, double eta,
                                    double gamma, double hApprox, String name) {
        String bound;
        String h;
        String paper;
        try {
            bound = Double.toString(curvature.metricBound(g, yBar, gamma, hApprox, name));
        } catch (ArithmeticException e) {
            bound = "(" + e.getMessage() + ")";
        }
        try {
            h = Double.toString(curvature.negativeCurvature(hApprox));
        } catch (ArithmeticException e) {
            h = "(" + e.getMessage() + ")";
        }
        try {
            paper = Double.toString(curvature.paperBound(g, yBar, hApprox, "the paper's bound"));
        } catch (ArithmeticException e) {
            paper = "(" + e.getMessage() + ")";
        }
        return "eta = " + eta + " violates the learning-rate bound eta < λ_min(M̄)/h = " + bound
                + " (h = −λ_min(H) = " + h + ", γ = " + gamma + "); over all discrete metrics the bound"
                + " (Eq. 17) is (1/h)(‖ȳ‖/‖g‖)cos ψ̄ = " + paper + ", approached as γ → ∞";
    }

    /**
     * An approximation of h = max(0, −λ_min(H)) after validating H (NaN when the floating-point
     * eigenvalue iteration fails): only the starting point of the exact decision.
     */
    /*@ private behavior
      @   requires d >= 1;
      @   ensures hh != null && hh.length == d;
      @   ensures (\forall int i; 0 <= i && i < d; hh[i] != null && hh[i].length == d
      @              && (\forall int j; 0 <= j && j < d; hh[i][j] - hh[i][j] == 0.0));
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    private static double negativeCurvature(/*@ nullable @*/ double[][] hh, int d) {
        if (hh == null) {
            throw new IllegalArgumentException("hessianHalf must not be null");
        }
        if (hh.length != d) {
            throw rowCountFault(hh.length, d);
        }
        /*@ loop_invariant 0 <= i && i <= d
          @   && (\forall int k; 0 <= k && k < i; hh[k] != null && hh[k].length == d
          @         && (\forall int j; 0 <= j && j < d; hh[k][j] - hh[k][j] == 0.0));
          @ decreasing d - i;
          @ assignable \nothing;
          @*/
        for (int i = 0; i < d; i++) {
            Inputs.requireEntries(rowName(i), hh[i]);
            if (hh[i].length != d) {
                throw columnCountFault(i, hh[i].length, d);
            }
        }
        try {
            // 0.0 − λ, not −λ (KeY 2.12.3 has no rule for unary minus on double): under the max
            // with 0.0 the two agree for every λ, ±0 included
            return Math.max(0.0, 0.0 - SymmetricEigenvalues.smallestOfSymmetricPart(hh));
        } catch (ArithmeticException e) {
            return Double.NaN;
        }
    }

    /**
     * +∞, the bound when H has no negative eigenvalue. A method of its own so that its sign is a
     * proved fact: KeY 2.12.3's rules do not evaluate doubleInf &gt; 0, and cvc5 proves it on this
     * small goal but not inside learningRateBound's.
     */
    /*@ private normal_behavior
      @   ensures \result > 0.0 && \result == Double.POSITIVE_INFINITY;
      @   assignable \nothing;
      @*/
    private static double unbounded() {
        return Double.POSITIVE_INFINITY;
    }

    /** The name of row i of H in negativeCurvature's messages ("hessianHalf[i]"). */
    /*@ private normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    private static String rowName(int i) {
        return "hessianHalf[" + i + "]";
    }

    /*@ private normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    private static IllegalArgumentException rowCountFault(int rows, int d) {
        return new IllegalArgumentException("hessianHalf has " + rows + " rows; expected " + d);
    }

    /*@ private normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    private static IllegalArgumentException columnCountFault(int i, int columns, int d) {
        return new IllegalArgumentException("hessianHalf row " + i + " has " + columns + " columns; expected " + d);
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
     * h = max(0, −λ_min((H + Hᵀ)/2)), correctly rounded (round-half-even; exactly 0 when the
     * symmetric part of H is positive semidefinite, decided exactly: {@link ExactCurvature}).
     *
     * @return h &ge; 0
     * @throws ArithmeticException naming h when its exact value is positive but outside the
     *     range of double (it rounds to 0 or ∞)
     */
    /*@ public behavior
      @   ensures \result >= 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double negativeCurvature() {
        if (hRefusal != null) {
            throw new ArithmeticException(hRefusal);
        }
        return h;
    }

    /**
     * λ_min(M̄)/h, the bound on η that this metric satisfies, correctly rounded (round-half-even;
     * +∞ exactly when h = 0); decided exactly ({@link ExactCurvature}).
     *
     * @return the bound, &gt; 0
     * @throws ArithmeticException naming the bound when its exact value is outside the range of
     *     double (every comparison with a rounding boundary is decided: {@link ExactCurvature})
     */
    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double learningRateBound() {
        if (boundRefusal != null) {
            throw new ArithmeticException(boundRefusal);
        }
        return bound;
    }
}
