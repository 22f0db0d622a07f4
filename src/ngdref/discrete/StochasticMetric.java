package ngdref.discrete;

import java.util.Arrays;
import ngdref.metric.Inputs;
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
public final class StochasticMetric {

    /** The relative residual ‖b − Mx‖∞/‖b‖∞ that {@link #solve} guarantees (checked a posteriori). */
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
    /** M̄⁻¹hScaled. */
    private final double[] w;
    /** hScaledᵀM̄⁻¹hScaled &gt; 0. */
    private final double q;
    private final double bound;

    /*@ private invariant bound > 0.0 && eta > 0.0;
      @ private invariant meanYBar.length == meanHg.length && meanG.length == meanHg.length;
      @ private invariant target.length == meanHg.length;
      @*/

    private StochasticMetric(OneParameterMetric mBar, double[] meanG, double[] meanYBar,
                             double[] meanHg, double[] target, double eta, double[] hScaled, int eh,
                             int eg, double sDot, double[] w, double q, double bound) {
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
        this.w = w;
        this.q = q;
        this.bound = bound;
    }

    /**
     * Builds (19) from samples (row k of each array is sample k).
     *
     * <p>Each sample mean is the rounded mean of the samples (accumulated after a power-of-two
     * scaling, so samples near the largest double do not overflow), within
     * (n + 3)·2^-53·Σₖ|vₖᵢ|/n + 2^-1073 of the exact mean. The inner products of (19) are
     * formed on ⟨Hg⟩ and ⟨g⟩ scaled by powers of two, so they neither overflow nor underflow.
     *
     * @param gSamples samples of the update g
     * @param yBarSamples samples of ȳ
     * @param hgSamples samples of H·g (H = ½∇²L(θ_t + ληg) for that sample)
     * @param eta η &gt; 0
     * @param gamma γ of M̄ (1: optimal)
     * @return the metric
     * @throws IllegalArgumentException for malformed samples, an ineffective average
     *     (⟨ȳ⟩ᵀ⟨g⟩ &le; 0), ⟨Hg⟩ᵀ⟨g⟩ = 0, or η beyond {@link #learningRateBound}
     * @throws ArithmeticException when −∇L(θ_t) = ⟨ȳ⟩ + η⟨Hg⟩ (Eq. 20), α of M̄, M̄⁻¹⟨Hg⟩ or the
     *     learning-rate bound lies outside the range of double
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
    public static StochasticMetric of(double[][] gSamples, double[][] yBarSamples,
                                      double[][] hgSamples, double eta, double gamma) {
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
        if (eh == Integer.MIN_VALUE) {
            throw new IllegalArgumentException("⟨Hg⟩ = 0, so ⟨Hg⟩ᵀ⟨g⟩ = 0: the correction (19) is undefined");
        }
        final int eg = Vectors.maxExponent(g);
        final double[] hScaled = Vectors.scalb(hg, -eh);
        final double sDot = Vectors.dot(hScaled, Vectors.scalb(g, -eg));
        if (sDot == 0.0) {
            throw new IllegalArgumentException("⟨Hg⟩ᵀ⟨g⟩ = 0: the correction (19) is undefined");
        }
        final double[] w = Vectors.requireInRange("M̄⁻¹⟨Hg⟩ (scaled)", mBar.solve(hScaled));
        final double q = Vectors.dot(hScaled, w);
        if (!(q > 0.0 && q - q == 0.0)) {
            throw new ArithmeticException("⟨Hg⟩ᵀM̄⁻¹⟨Hg⟩ (scaled) = " + Inputs.describe(q)
                    + " is not a positive finite double, though M̄ is SPD: rounding");
        }
        double bound = Double.POSITIVE_INFINITY;
        if (sDot < 0.0) {
            // −⟨Hg⟩ᵀ⟨g⟩/(⟨Hg⟩ᵀM̄⁻¹⟨Hg⟩) = (−sDot/q)·2^(eg − eh)
            bound = Math.scalb(-sDot / q, eg - eh);
            if (!(bound - bound == 0.0)) {
                throw new ArithmeticException("the learning-rate bound −⟨Hg⟩ᵀ⟨g⟩/(⟨Hg⟩ᵀM̄⁻¹⟨Hg⟩)"
                        + " overflows the range of double");
            }
        }
        if (!(eta < bound)) {
            throw new IllegalArgumentException("eta = " + Double.toString(eta) + " violates eta <"
                    + " −⟨Hg⟩ᵀ⟨g⟩/(⟨Hg⟩ᵀM̄⁻¹⟨Hg⟩) = " + Double.toString(bound)
                    + ": M̄ + η⟨Hg⟩⟨Hg⟩ᵀ/(⟨Hg⟩ᵀ⟨g⟩) would not be positive definite");
        }
        return new StochasticMetric(mBar, g, yBar, hg, target, eta, hScaled, eh, eg, sDot, w, q, bound);
    }

    /**
     * The mean of the rows, formed on the samples scaled by 2^-s (exact for s &le; 0) so that
     * the running sum cannot overflow: s = e, the exponent of the largest |entry|, when e &gt; 990
     * (then the sum of at most 2^31 scaled entries stays below 2^33), otherwise min(e, 0).
     */
    private static double[] mean(String name, double[][] samples, int d) {
        if (samples.length == 0) {
            throw new IllegalArgumentException(name + " has no samples");
        }
        final int dim = d < 0 ? (samples[0] == null ? 0 : samples[0].length) : d;
        int e = Integer.MIN_VALUE;
        for (int k = 0; k < samples.length; k++) {
            Inputs.requireEntries(name + "[" + k + "]", samples[k]);
            if (samples[k].length != dim) {
                throw new IllegalArgumentException(name + "[" + k + "] has length " + samples[k].length
                        + "; expected " + dim);
            }
            e = Math.max(e, Vectors.maxExponent(samples[k]));
        }
        final int s = e == Integer.MIN_VALUE ? 0 : (e > 990 ? e : Math.min(e, 0));
        final double[] m = new double[dim];
        for (int k = 0; k < samples.length; k++) {
            for (int i = 0; i < dim; i++) {
                m[i] += Math.scalb(samples[k][i], -s);
            }
        }
        for (int i = 0; i < dim; i++) {
            m[i] = Math.scalb(m[i] / samples.length, s);
        }
        return m;
    }

    /**
     * Mx = M̄x + η⟨Hg⟩(⟨Hg⟩ᵀx)/(⟨Hg⟩ᵀ⟨g⟩).
     *
     * <p>Accuracy for x = ⟨g⟩ (Eq. 20): with t = {@link #negativeGradient()}, α = M̄'s α,
     * <pre>  |(M⟨g⟩)ᵢ − tᵢ| &le; 2^-49·(|⟨ȳ⟩ᵢ| + η|⟨Hg⟩ᵢ|) + α·2^-99·|⟨g⟩ᵢ| + 2^-1072,</pre>
     * from {@link OneParameterMetric#apply}'s bound for x = g: the coefficient
     * (⟨Hg⟩ᵀx)/(⟨Hg⟩ᵀ⟨g⟩) is then exactly 1.
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
    public double[] apply(double[] x) {
        final double[] out = mBar.apply(x);
        final int ex = Vectors.maxExponent(x);
        if (ex == Integer.MIN_VALUE) {
            return out;
        }
        // (⟨Hg⟩ᵀx)/(⟨Hg⟩ᵀ⟨g⟩) = (hScaledᵀxScaled/sDot)·2^(ex − eg); the term is
        // η·ratio·⟨Hg⟩ᵢ = (η·hScaledᵀxScaled/sDot)·hScaledᵢ·2^(ex − eg + eh).
        final double c = eta * (Vectors.dot(hScaled, Vectors.scalb(x, -ex)) / sDot);
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] + Math.scalb(c * hScaled[i], ex - eg + eh);
        }
        return Vectors.requireInRange("Mx (Eq. 19)", out);
    }

    /**
     * M⁻¹b by Sherman–Morrison on the rank-one update of M̄: with M = M̄ + κ·hhᵀ
     * (h = ⟨Hg⟩ scaled by a power of two, κ = η·2^(eh)/(⟨Hg⟩ᵀ⟨g⟩)), M⁻¹b = z − w·(hᵀz)/(1/κ + hᵀw),
     * z = M̄⁻¹b, w = M̄⁻¹h; 1/κ is formed directly, so a tiny ⟨Hg⟩ᵀ⟨g⟩ gives no ∞/∞.
     *
     * @param b of dimension D
     * @return x, a new vector, every entry finite, with ‖b − Mx‖∞ &le; {@link #SOLVE_RESIDUAL}·‖b‖∞
     *     (Mx as computed by {@link #apply})
     * @throws IllegalArgumentException if b is null, of the wrong length or not finite
     * @throws ArithmeticException if an entry of M⁻¹b lies outside the range of double, or the
     *     Sherman–Morrison formula cancels so that the residual bound fails
     */
    /*@ public behavior
      @   requires b != null;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    public double[] solve(double[] b) {
        final double[] z = mBar.solve(b);
        // 1/κ = (hScaledᵀgScaled/η)·2^(eg − eh)
        final double inverseKappa = Math.scalb(sDot / eta, eg - eh);
        final double coef = Vectors.dot(hScaled, z) / (inverseKappa + q);
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.fma(-coef, w[i], z[i]);
        }
        Vectors.requireInRange("M⁻¹b (Eq. 19, Sherman–Morrison)", z);
        // Sherman–Morrison cancels when the rank-one term dominates M̄ (x much smaller than M̄⁻¹b):
        // check the residual, and refuse rather than return a meaningless x.
        final double[] mx = apply(z);
        double residual = 0.0;
        double scale = 0.0;
        for (int i = 0; i < z.length; i++) {
            residual = Math.max(residual, Math.abs(b[i] - mx[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        if (!(residual <= SOLVE_RESIDUAL * scale)) {
            throw new ArithmeticException("M⁻¹b (Eq. 19, Sherman–Morrison) lost its accuracy to"
                    + " cancellation: ‖b − Mx‖∞ = " + Double.toString(residual) + " > 2^-30·‖b‖∞");
        }
        return z;
    }

    /**
     * The largest η for which (19) is SPD (+∞ when ⟨Hg⟩ᵀ⟨g⟩ &gt; 0).
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
