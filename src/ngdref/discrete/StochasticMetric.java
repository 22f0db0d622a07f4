package ngdref.discrete;

import java.util.Arrays;
import ngdref.exact.ExactInnerProducts;
import ngdref.exact.ExactRounding;
import ngdref.metric.Inputs;
import ngdref.metric.Metric;
import ngdref.metric.OneParameterMetric;

/**
 * Stochastic learning rules, Eqs. (19)–(20). With sample averages ⟨g⟩, ⟨ȳ⟩ and ⟨Hg⟩ over the
 * randomness of θ_{t+1} (ȳ from the Taylor discrete gradient, H = ½∇²L(θ_t + ληg)), the rule is
 * effective on average when ⟨ȳ⟩ᵀ⟨g⟩ &gt; 0; then M̄ = ⟨ȳ⟩⟨ȳ⟩ᵀ/(⟨g⟩ᵀ⟨ȳ⟩) + α(I − ⟨g⟩⟨g⟩ᵀ/‖⟨g⟩‖²) and
 * <pre>  M = M̄ + η·⟨Hg⟩⟨Hg⟩ᵀ/(⟨Hg⟩ᵀ⟨g⟩)   (19)</pre>
 * maps ⟨g⟩ to ⟨ȳ⟩ + η⟨Hg⟩ = −∇L(θ_t) (20). M is a rank-one update of the SPD M̄; by the matrix
 * determinant lemma it is SPD iff 1 + η·(hᵀM̄⁻¹h)/(hᵀ⟨g⟩) &gt; 0 (h = ⟨Hg⟩), which always holds when
 * hᵀ⟨g⟩ &gt; 0 and otherwise means η &lt; −hᵀ⟨g⟩/(hᵀM̄⁻¹h) ({@link #learningRateBound}).
 * Matrix-free: apply and solve (Sherman–Morrison) are O(D).
 */
public final class StochasticMetric implements Metric {

    /** The normwise backward error that {@link #solve} guarantees (checked a posteriori). */
    public static final double SOLVE_RESIDUAL = 0x1.0p-30;

    private final OneParameterMetric mBar;
    private final double[] meanG;
    private final double[] meanYBar;
    private final double[] meanHg;
    private final double[] target;
    private final double eta;
    /** ⟨Hg⟩ = hScaled·2^eh, max|hScaled| in [1, 2). */
    private final double[] hScaled;
    private final int eh;
    /** ⟨g⟩ = gScaled·2^eg, max|gScaled| in [1, 2). */
    private final int eg;
    /** hScaledᵀgScaled ≠ 0, so ⟨Hg⟩ᵀ⟨g⟩ = sDot·2^(eh+eg). */
    private final double sDot;
    /** The bound, correctly rounded (+∞ when ⟨Hg⟩ᵀ⟨g⟩ &gt; 0), or +∞ with boundRefusal when it overflows. */
    private final double bound;
    private final /*@ nullable @*/ String boundRefusal;

    // M̄'s own invariant is part of this one, so that apply may call mBar.apply (a call needs the
    // receiver's invariant); of establishes it (its normal case is open: conditional proofs).
    /*@ private invariant bound > 0.0 && eta > 0.0;
      @ private invariant meanYBar.length == meanHg.length && meanG.length == meanHg.length;
      @ private invariant target.length == meanHg.length && meanHg.length >= 2;
      @ private invariant hScaled.length == meanHg.length;
      @ private invariant \invariant_for(mBar);
      @*/

    private StochasticMetric(OneParameterMetric mBar, double[] meanG, double[] meanYBar,
                             double[] meanHg, double[] target, double eta, double[] hScaled, int eh,
                             int eg, double sDot, double bound, /*@ nullable @*/ String boundRefusal) {
        this.mBar = mBar;
        this.meanG = meanG;
        this.meanYBar = meanYBar;
        this.meanHg = meanHg;
        this.target = target;
        this.eta = eta;
        this.hScaled = hScaled;
        this.eh = eh;
        this.eg = eg;
        this.sDot = sDot;
        this.bound = bound;
        this.boundRefusal = boundRefusal;
    }

    /**
     * Builds (19) from samples (row k of each array is sample k).
     *
     * <p>Each sample mean is the rounded mean of the samples (accumulated after a power-of-two
     * scaling, so samples near the largest double do not overflow), within
     * (n + 3)·2^-53·Σₖ|vₖᵢ|/n + 2^-1073 of the exact mean. The inner products of (19) are
     * formed on ⟨Hg⟩ and ⟨g⟩ scaled by powers of two, so they neither overflow nor underflow.
     * The sign of ⟨Hg⟩ᵀ⟨g⟩ and the learning-rate bound are decided exactly for these means
     * ({@link #learningRateBound}); η is accepted when it is below the bound's correctly rounded
     * value (so also refused when it equals that value and the exact bound is just above it).
     *
     * @param gSamples samples of the update g
     * @param yBarSamples samples of ȳ
     * @param hgSamples samples of H·g (H = ½∇²L(θ_t + ληg) for that sample)
     * @param eta η &gt; 0
     * @param gamma γ of M̄ (1: optimal)
     * @return the metric
     * @throws IllegalArgumentException for malformed samples, an ineffective average
     *     (⟨ȳ⟩ᵀ⟨g⟩ &le; 0), ⟨Hg⟩ᵀ⟨g⟩ = 0 exactly, or η not below the correctly rounded
     *     {@link #learningRateBound} (a bound that rounds to 0 is below every η)
     * @throws ArithmeticException when −∇L(θ_t) = ⟨ȳ⟩ + η⟨Hg⟩ (Eq. 20) or α of M̄ lies outside
     *     the range of double, or ⟨Hg⟩ᵀ⟨g⟩ cancels below what the scaled means resolve
     */
    /*@ public behavior
      @   requires gSamples != null && yBarSamples != null && hgSamples != null;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires gSamples == null || yBarSamples == null || hgSamples == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static StochasticMetric of(/*@ nullable @*/ double[][] gSamples, /*@ nullable @*/ double[][] yBarSamples,
                                      /*@ nullable @*/ double[][] hgSamples, double eta, double gamma) {
        if (gSamples == null || yBarSamples == null || hgSamples == null) {
            throw new IllegalArgumentException((gSamples == null ? "gSamples"
                    : yBarSamples == null ? "yBarSamples" : "hgSamples") + " must not be null");
        }
        final double[] g = mean("gSamples", gSamples, -1);
        final double[] yBar = mean("yBarSamples", yBarSamples, g.length);
        final double[] hg = mean("hgSamples", hgSamples, g.length);
        Inputs.requirePositive("eta", eta);
        final OneParameterMetric mBar;
        try {
            mBar = OneParameterMetric.ofGamma(g, yBar, gamma);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sample means ⟨g⟩, ⟨ȳ⟩: " + e.getMessage(), e);
        }
        final double[] target = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            target[i] = Math.fma(eta, hg[i], yBar[i]);
        }
        Vectors.requireInRange("−∇L(θ_t) = ⟨ȳ⟩ + η⟨Hg⟩ (Eq. 20)", target);
        final int eh = Vectors.maxExponent(hg);
        if (eh == Vectors.ZERO_VECTOR) {
            throw new IllegalArgumentException("⟨Hg⟩ = 0, so ⟨Hg⟩ᵀ⟨g⟩ = 0: the correction (19) is undefined");
        }
        // The bound, correctly rounded, and the exact sign of ⟨Hg⟩ᵀ⟨g⟩ (OneParameterMetric.rankOneBound).
        double bound;
        String boundRefusal = null;
        try {
            bound = mBar.rankOneBound(hg);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("⟨Hg⟩ᵀ⟨g⟩ = 0: the correction (19) is undefined", e);
        } catch (ArithmeticException e) {
            boundRefusal = "the learning-rate bound −⟨Hg⟩ᵀ⟨g⟩/(⟨Hg⟩ᵀM̄⁻¹⟨Hg⟩): " + e.getMessage();
            // out of range: above every double, or rounding to 0 (below every η > 0)
            bound = ExactRounding.isOverflow(e) ? Double.POSITIVE_INFINITY : 0.0;
        }
        if (!(eta < bound)) {
            throw new IllegalArgumentException("eta = " + Double.toString(eta) + " is not below the"
                    + " correctly rounded learning-rate bound −⟨Hg⟩ᵀ⟨g⟩/(⟨Hg⟩ᵀM̄⁻¹⟨Hg⟩) = "
                    + (boundRefusal == null ? Double.toString(bound) : "(" + boundRefusal + ")")
                    + ": M̄ + η⟨Hg⟩⟨Hg⟩ᵀ/(⟨Hg⟩ᵀ⟨g⟩) may not be positive definite");
        }
        final int eg = Vectors.maxExponent(g);
        final double[] hScaled = Vectors.scalb(hg, -eh);
        final double[] gScaled = Vectors.scalb(g, -eg);
        double sDot = Vectors.dot(hScaled, gScaled);
        if (sDot == 0.0 || (sDot > 0.0) != (bound == Double.POSITIVE_INFINITY && boundRefusal == null)) {
            // the floating-point dot cancelled to 0 or to the wrong sign: take it exactly
            final int[] e = new int[1];
            sDot = Math.scalb(ExactInnerProducts.dot(hScaled, gScaled, e).hi(), e[0]);
            if (sDot == 0.0 || (sDot > 0.0) != (bound == Double.POSITIVE_INFINITY && boundRefusal == null)) {
                throw new ArithmeticException("⟨Hg⟩ᵀ⟨g⟩ cancels below what ⟨Hg⟩ and ⟨g⟩ scaled by"
                        + " powers of two (as apply uses them) resolve");
            }
        }
        return new StochasticMetric(mBar, g, yBar, hg, target, eta, hScaled, eh, eg, sDot, bound, boundRefusal);
    }

    /**
     * The mean of the rows, each component i formed on the samples scaled by 2^-sᵢ (exact for
     * sᵢ &le; 0) so that the running sum cannot overflow: sᵢ = eᵢ, the exponent of the largest
     * |entry| of component i, when eᵢ &gt; 990 (then the sum of at most 2^31 scaled entries stays
     * below 2^33), otherwise min(eᵢ, 0).
     */
    private static double[] mean(String name, double[][] samples, int d) {
        if (samples.length == 0) {
            throw new IllegalArgumentException(name + " has no samples");
        }
        final int dim = d < 0 ? (samples[0] == null ? 0 : samples[0].length) : d;
        for (int k = 0; k < samples.length; k++) {
            Inputs.requireEntries(name + "[" + k + "]", samples[k]);
            if (samples[k].length != dim) {
                throw new IllegalArgumentException(name + "[" + k + "] has length " + samples[k].length
                        + "; expected " + dim);
            }
        }
        final double[] m = new double[dim];
        final double[] column = new double[samples.length];
        for (int i = 0; i < dim; i++) {
            for (int k = 0; k < samples.length; k++) {
                column[k] = samples[k][i];
            }
            final int e = Vectors.maxExponent(column);
            final int s = e == Vectors.ZERO_VECTOR ? 0 : (e > 990 ? e : Math.min(e, 0));
            double sum = 0.0;
            for (int k = 0; k < samples.length; k++) {
                sum += Math.scalb(column[k], -s);
            }
            m[i] = Math.scalb(sum / samples.length, s);
        }
        return m;
    }

    /**
     * Mx = M̄x + η⟨Hg⟩(⟨Hg⟩ᵀx)/(⟨Hg⟩ᵀ⟨g⟩).
     *
     * <p>Accuracy for x = ⟨g⟩ (Eq. 20): with t = {@link #negativeGradient()}, α = M̄'s α,
     * <pre>  |(M⟨g⟩)ᵢ − tᵢ| &le; 2^-49·(|⟨ȳ⟩ᵢ| + η|⟨Hg⟩ᵢ|) + α·2^-99·|⟨g⟩ᵢ| + 2^-1072,</pre>
     * from {@link OneParameterMetric#apply}'s bound for x = g: the coefficient
     * (⟨Hg⟩ᵀx)/(⟨Hg⟩ᵀ⟨g⟩) is then exactly 1, and η⟨Hg⟩ᵢ is added with one rounding.
     *
     * @param x of dimension D
     * @return a new vector, every entry finite
     * @throws IllegalArgumentException if x is null, of the wrong length or not finite
     * @throws ArithmeticException if an entry of Mx lies outside the range of double
     */
    /*@ public behavior
      @   requires x != null;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    @Override
    public double[] apply(/*@ nullable @*/ double[] x) {
        if (x == null || x.length != meanG.length) {
            Inputs.requireEntries("x", x);
            Inputs.requireSameLength("⟨g⟩", meanG, "x", x); // throws, naming ⟨g⟩ as solve does
        }
        final double[] out = mBar.apply(x);
        final int ex = Vectors.maxExponent(x);
        if (ex == Vectors.ZERO_VECTOR) {
            return out;
        }
        addRankOneTerm(out, x, ex);
        return Vectors.requireInRange("Mx (Eq. 19)", out);
    }

    /**
     * The rank-one term of (19) in {@link #apply}: out + η⟨Hg⟩ρ with ρ = (⟨Hg⟩ᵀx)/(⟨Hg⟩ᵀ⟨g⟩), in
     * place (out is M̄x), for x ≠ 0 with max|xᵢ| in [2^ex, 2^(ex+1)).
     */
    /*@ private normal_behavior
      @   requires out.length == meanHg.length && x.length == meanHg.length;
      @   assignable out[*];
      @*/
    private void addRankOneTerm(double[] out, double[] x, int ex) {
        // ρ = (hScaledᵀxScaled/sDot)·2^(ex − eg); the term is η·ρ·⟨Hg⟩ᵢ.
        final double ratio = Vectors.dot(hScaled, Vectors.scalb(x, -ex)) / sDot;
        if (ex == eg && ratio == 1.0) {
            // x = ⟨g⟩ (Eq. 20): one rounding per entry, as in negativeGradient()
            /*@ loop_invariant 0 <= i && i <= out.length;
              @ decreasing out.length - i;
              @ assignable out[*];
              @*/
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.fma(eta, meanHg[i], out[i]);
            }
        } else if (ratio != 0.0) {
            // η·ρ·⟨Hg⟩ᵢ from the three significands (each in [1, 2): the product is normal) and one
            // power of two, so that no intermediate overflows or rounds in the subnormal range.
            final int er = Vectors.exponent(ratio);
            final int ee = Vectors.exponent(eta);
            final double coefficient = Math.scalb(eta, -ee) * Math.scalb(ratio, -er);
            /*@ loop_invariant 0 <= i && i <= out.length;
              @ decreasing out.length - i;
              @ assignable out[*];
              @*/
            for (int i = 0; i < out.length; i++) {
                if (meanHg[i] != 0.0) {
                    final int ei = Vectors.exponent(meanHg[i]);
                    final double term = Math.scalb(coefficient * Math.scalb(meanHg[i], -ei),
                            ee + er + ei + ex - eg);
                    out[i] = out[i] + term;
                }
            }
        }
    }

    /**
     * M⁻¹b, backward stable. M − αI (α of M̄) vanishes on the complement of
     * S = span{⟨g⟩, ⟨ȳ⟩, ⟨Hg⟩}, so with Q an orthonormal basis of S (Gram–Schmidt with
     * re-orthogonalisation, on vectors scaled to max 1), B = QᵀMQ (at most 3×3, formed with
     * {@link #apply}) and c = Qᵀb: x = (b − Qc)/α + Q·B⁻¹c, the small system solved by Gaussian
     * elimination with partial pivoting; b is scaled by a power of two first. Unlike the
     * Sherman–Morrison formula on M̄, this does not cancel when η⟨Hg⟩⟨Hg⟩ᵀ/(⟨Hg⟩ᵀ⟨g⟩) dominates M̄.
     *
     * @param b of dimension D
     * @return x, a new vector, every entry finite, with
     *     ‖b − Mx‖∞ &le; {@link #SOLVE_RESIDUAL}·(‖b‖∞ + ν‖x‖∞) + √D·ν·2^-1075, ν = α + ȳᵀȳ/ȳᵀg +
     *     η‖⟨Hg⟩‖²/|⟨Hg⟩ᵀ⟨g⟩| (the sizes of the three terms of (19), so ν &ge; ‖M‖₂): the first
     *     term checked a posteriori on x scaled by 2^-eb (max|b·2^-eb| ∈ [1, 2)) with Mx as computed
     *     by {@link #apply}; the second is the rounding of x·2^eb onto the subnormal grid (at most
     *     2^-1075 per entry, ‖M‖∞ &le; √D·ν; a long-run property found it with b near 2^-1071)
     * @throws IllegalArgumentException if b is null, of the wrong length or not finite
     * @throws ArithmeticException if an entry of M⁻¹b (or of M on S) lies outside the range of
     *     double, or the residual bound fails
     */
    /*@ public behavior
      @   requires b != null;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    @Override
    public double[] solve(/*@ nullable @*/ double[] b) {
        Inputs.requireEntries("b", b);
        Inputs.requireSameLength("⟨g⟩", meanG, "b", b);
        final int d = b.length;
        final int eb = Vectors.maxExponent(b);
        if (eb == Vectors.ZERO_VECTOR) {
            return new double[d];
        }
        final double[] bs = Vectors.scalb(b, -eb);
        final double[][] q = orthonormalBasis(meanG, meanYBar, meanHg);
        final int r = q.length;
        // B = QᵀMQ, exactly symmetric
        final double alpha = mBar.alpha();
        final double[][] bm = new double[r][r];
        for (int j = 0; j < r; j++) {
            final double[] mq = apply(q[j]);
            for (int i = 0; i < r; i++) {
                bm[i][j] = Vectors.dot(q[i], mq);
            }
        }
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < i; j++) {
                final double v = 0.5 * bm[i][j] + 0.5 * bm[j][i];
                bm[i][j] = v;
                bm[j][i] = v;
            }
        }
        // c = Qᵀb and b⊥ = b − Qc, projected twice (the second pass removes what rounding left)
        final double[] c = new double[r];
        final double[] perp = Arrays.copyOf(bs, d);
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < r; i++) {
                final double ci = Vectors.dot(q[i], perp);
                c[i] += ci;
                for (int k = 0; k < d; k++) {
                    perp[k] = Math.fma(-ci, q[i][k], perp[k]);
                }
            }
        }
        if (r == d) {
            // S is the whole space, so b⊥ = 0 exactly: what rounding left in perp lies in S, where
            // M·perp/α would be up to ν/α times perp (a long-run property found x off by 10^87 so)
            Arrays.fill(perp, 0.0);
        }
        final double[] y = Vectors.requireInRange("(QᵀMQ)⁻¹Qᵀb on span{⟨g⟩, ⟨ȳ⟩, ⟨Hg⟩}", solveSmall(bm, c));
        final double[] x = new double[d];
        for (int k = 0; k < d; k++) {
            double v = perp[k] / alpha;
            for (int i = 0; i < r; i++) {
                v = Math.fma(y[i], q[i][k], v);
            }
            x[k] = v;
        }
        Vectors.requireInRange("M⁻¹b (scaled)", x);
        final double[] mx = apply(x);
        double residual = 0.0;
        double xMax = 0.0;
        for (int k = 0; k < d; k++) {
            residual = Math.max(residual, Math.abs(bs[k] - mx[k]));
            xMax = Math.max(xMax, Math.abs(x[k]));
        }
        if (!isWithinSolveBound(residual, Vectors.maxAbs(bs), xMax)) {
            throw new ArithmeticException("M⁻¹b (Eq. 19) did not reach its stated accuracy: ‖b − Mx‖∞"
                    + " = " + Double.toString(residual) + "·2^" + eb + " > 2^-30·(‖b‖∞ + ‖M‖‖x‖∞)");
        }
        return Vectors.requireInRange("M⁻¹b (Eq. 19)", Vectors.scalb(x, eb));
    }

    /**
     * Whether residual &le; {@link #SOLVE_RESIDUAL}·(bMax + ν·xMax), ν = α + σ +
     * η‖⟨Hg⟩‖²/|⟨Hg⟩ᵀ⟨g⟩| (σ = α/γ = ȳᵀȳ/ȳᵀg). Each term of ν·xMax is a significand times a
     * power of two, and the comparison is made after scaling both sides by 2^-s, s &ge; 0 the
     * largest of those powers: ν·xMax formed in double may overflow, and a bound of +∞ would
     * pass every residual (a long-run property found x off by 10^87 accepted so, at
     * ν·xMax ≈ 2^1024). Terms that underflow after the scaling only make the bound smaller.
     */
    private boolean isWithinSolveBound(double residual, double bMax, double xMax) {
        if (xMax == 0.0) {
            return residual <= SOLVE_RESIDUAL * bMax;
        }
        final double alpha = mBar.alpha();
        final double gamma = mBar.gamma();
        final int ex = Vectors.exponent(xMax);
        final int ea = Vectors.exponent(alpha);
        final int eGamma = Vectors.exponent(gamma);
        final int eEta = Vectors.exponent(eta);
        final int eDot = Vectors.exponent(sDot);
        final double xm = Math.scalb(xMax, -ex);
        final double am = Math.scalb(alpha, -ea);
        // significands: α in [1, 2), σ in (1/2, 2), η‖h‖²/|hᵀg| in [1/2, 16·D] (‖hScaled‖² in [1, 4D])
        final double[] significands = {
            am * xm,
            am / Math.scalb(gamma, -eGamma) * xm,
            Math.scalb(eta, -eEta) * Vectors.dot(hScaled, hScaled) / Math.abs(Math.scalb(sDot, -eDot)) * xm,
        };
        final int[] exponents = {ea + ex, ea - eGamma + ex, eEta + eh - eg - eDot + ex};
        int s = 0;
        for (int e : exponents) {
            s = Math.max(s, e);
        }
        double bound = Math.scalb(bMax, -s);
        for (int k = 0; k < significands.length; k++) {
            bound += Math.scalb(significands[k], exponents[k] - s);
        }
        return Math.scalb(residual, -s) <= SOLVE_RESIDUAL * bound;
    }

    /**
     * An orthonormal basis (rows) of the span of the given nonzero vectors: each is scaled to
     * max 1 (exact), normalised, and orthogonalised against the previous ones in three passes of
     * modified Gram–Schmidt, renormalised after each. A vector whose remainder after a pass has
     * norm below {@code DEPENDENT} (it was unit before) is dropped as lying in the span of the
     * previous ones: that changes M − αI by at most about 2·2^-40·ν, far below what
     * {@link #solve} guarantees; above it, three passes leave the rows orthogonal to about 2^-39.
     */
    private static double[][] orthonormalBasis(double[] a, double[] b, double[] c) {
        final double[][] candidates = new double[3][];
        candidates[0] = a;
        candidates[1] = b;
        candidates[2] = c;
        final double[][] q = new double[3][];
        int r = 0;
        for (int n = 0; n < 3; n++) {
            final int e = Vectors.maxExponent(candidates[n]);
            if (e == Vectors.ZERO_VECTOR) {
                continue;
            }
            final double[] v = Vectors.scalb(candidates[n], -e);
            boolean independent = normalize(v) > 0.0;
            for (int pass = 0; pass < 3 && independent && r > 0; pass++) {
                for (int i = 0; i < r; i++) {
                    final double p = Vectors.dot(q[i], v);
                    for (int k = 0; k < v.length; k++) {
                        v[k] = Math.fma(-p, q[i][k], v[k]);
                    }
                }
                independent = normalize(v) >= DEPENDENT;
            }
            if (independent) {
                q[r] = v;
                r++;
            }
        }
        final double[][] basis = new double[r][];
        for (int i = 0; i < r; i++) {
            basis[i] = q[i];
        }
        return basis;
    }

    /** Below this relative remainder a vector counts as in the span of the previous ones. */
    private static final double DEPENDENT = 0x1.0p-40;

    /** Normalises v in place (scaled to max 1 first, exactly) and returns its former norm; 0 for v = 0. */
    private static double normalize(double[] v) {
        final int e = Vectors.maxExponent(v);
        if (e == Vectors.ZERO_VECTOR) {
            return 0.0;
        }
        for (int k = 0; k < v.length; k++) {
            v[k] = Math.scalb(v[k], -e);
        }
        final double norm = Math.sqrt(Vectors.dot(v, v));
        for (int k = 0; k < v.length; k++) {
            v[k] = v[k] / norm;
        }
        return Math.scalb(norm, e);
    }

    /** B⁻¹c for a small nonsingular B (r &le; 3) by Gaussian elimination with partial pivoting. */
    private static double[] solveSmall(double[][] bIn, double[] cIn) {
        final int r = cIn.length;
        final double[][] a = new double[r][];
        for (int i = 0; i < r; i++) {
            a[i] = Arrays.copyOf(bIn[i], r);
        }
        final double[] c = Arrays.copyOf(cIn, r);
        for (int col = 0; col < r; col++) {
            int pivot = col;
            for (int i = col + 1; i < r; i++) {
                if (Math.abs(a[i][col]) > Math.abs(a[pivot][col])) {
                    pivot = i;
                }
            }
            if (!(a[pivot][col] != 0.0)) {
                throw new ArithmeticException("QᵀMQ on span{⟨g⟩, ⟨ȳ⟩, ⟨Hg⟩} is numerically singular");
            }
            final double[] rowTmp = a[col];
            a[col] = a[pivot];
            a[pivot] = rowTmp;
            final double cTmp = c[col];
            c[col] = c[pivot];
            c[pivot] = cTmp;
            for (int i = col + 1; i < r; i++) {
                final double f = a[i][col] / a[col][col];
                for (int j = col; j < r; j++) {
                    a[i][j] = Math.fma(-f, a[col][j], a[i][j]);
                }
                c[i] = Math.fma(-f, c[col], c[i]);
            }
        }
        final double[] y = new double[r];
        for (int i = r - 1; i >= 0; i--) {
            double s = c[i];
            for (int j = i + 1; j < r; j++) {
                s = Math.fma(-a[i][j], y[j], s);
            }
            y[i] = s / a[i][i];
        }
        return y;
    }

    /**
     * The supremum of the η for which (19) is SPD, −⟨Hg⟩ᵀ⟨g⟩/(⟨Hg⟩ᵀM̄⁻¹⟨Hg⟩), correctly rounded
     * (round-half-even) for the sample means ⟨g⟩, ⟨ȳ⟩, ⟨Hg⟩ as computed (see {@link #of}) and the
     * metric M̄ = M(γσ̄) they define; +∞ exactly when ⟨Hg⟩ᵀ⟨g⟩ &gt; 0
     * ({@link OneParameterMetric#rankOneBound}).
     *
     * @return the bound, &gt; 0
     * @throws ArithmeticException naming the bound when its exact value exceeds the range of
     *     double (every η is then below it)
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

    /**
     * The dimension D.
     *
     * @return D
     */
    @Override
    public int dimension() {
        return meanG.length;
    }

    /**
     * M = M̄ + η⟨Hg⟩⟨Hg⟩ᵀ/(⟨Hg⟩ᵀ⟨g⟩) (19) as a dense matrix, exactly symmetric (small D). Each
     * entry is M̄'s entry ({@link OneParameterMetric#toArray}, with its entrywise bound) plus the
     * rank-one term formed from the mantissas and exponents of η, ⟨Hg⟩ᵢ, ⟨Hg⟩ⱼ and of the
     * inner product s = ⟨Hg⟩ᵀ⟨g⟩ as {@link #of} computed it (so no intermediate overflows or
     * underflows; the term is within 2^-51 of η⟨Hg⟩ᵢ⟨Hg⟩ⱼ/s, plus 2^-1074 when subnormal), and
     * one rounding for the sum.
     *
     * @return a new D×D array, every entry finite
     * @throws ArithmeticException naming an entry of M (or of M̄) outside the range of double
     */
    /*@ public behavior
      @   ensures \result != null;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    @Override
    public double[][] toArray() {
        final double[][] m = mBar.toArray();
        final int d = m.length;
        final int ee = Vectors.exponent(eta);
        final int es = Vectors.exponent(sDot);
        final double coefficient = Math.scalb(eta, -ee) / Math.scalb(sDot, -es);
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double v = m[i][j];
                if (meanHg[i] != 0.0 && meanHg[j] != 0.0) {
                    final int ei = Vectors.exponent(meanHg[i]);
                    final int ej = Vectors.exponent(meanHg[j]);
                    final double term = Math.scalb(coefficient * Math.scalb(meanHg[i], -ei) * Math.scalb(meanHg[j], -ej),
                            ee - es - eh - eg + ei + ej);
                    v += term;
                }
                if (!(v - v == 0.0)) {
                    throw new ArithmeticException("M[" + i + "][" + j + "] (Eq. 19) is outside the range of double");
                }
                m[i][j] = v;
                m[j][i] = v;
            }
        }
        return m;
    }

    /**
     * The discrete metric M̄ on the sample means.
     *
     * @return M̄
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public OneParameterMetric baseMetric() {
        return mBar;
    }

    /**
     * ⟨g⟩.
     *
     * @return a new array
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public double[] meanUpdate() {
        return Arrays.copyOf(meanG, meanG.length);
    }

    /**
     * ⟨ȳ⟩ + η⟨Hg⟩ (one rounding per entry), which equals −∇L(θ_t) by (20) when the samples are
     * exact.
     *
     * @return a new array, every entry finite
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public double[] negativeGradient() {
        return Arrays.copyOf(target, target.length);
    }

    /**
     * ⟨ȳ⟩, the mean of the ȳ samples.
     *
     * @return a new array
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public double[] meanYBar() {
        return Arrays.copyOf(meanYBar, meanYBar.length);
    }

    /**
     * ⟨Hg⟩, the mean of the Hg samples.
     *
     * @return a new array
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public double[] meanHg() {
        return Arrays.copyOf(meanHg, meanHg.length);
    }
}
