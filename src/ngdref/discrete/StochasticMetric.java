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

    private final OneParameterMetric mBar;
    private final double[] meanG;
    private final double[] meanYBar;
    private final double[] meanHg;
    private final double eta;
    private final double hDotG;
    private final double bound;

    /*@ private invariant bound > 0.0 && eta > 0.0;
      @ private invariant meanYBar.length == meanHg.length && meanG.length == meanHg.length;
      @*/

    private StochasticMetric(OneParameterMetric mBar, double[] meanG, double[] meanYBar,
                             double[] meanHg, double eta, double hDotG, double bound) {
        this.mBar = mBar;
        this.meanG = meanG;
        this.meanYBar = meanYBar;
        this.meanHg = meanHg;
        this.eta = eta;
        this.hDotG = hDotG;
        this.bound = bound;
    }

    /**
     * Builds (19) from samples (row k of each array is sample k).
     *
     * @param gSamples samples of the update g
     * @param yBarSamples samples of ȳ
     * @param hgSamples samples of H·g (H = ½∇²L(θ_t + ληg) for that sample)
     * @param eta η &gt; 0
     * @param gamma γ of M̄ (1: optimal)
     * @return the metric
     * @throws IllegalArgumentException for malformed samples, an ineffective average
     *     (⟨ȳ⟩ᵀ⟨g⟩ &le; 0), ⟨Hg⟩ᵀ⟨g⟩ = 0, or η beyond {@link #learningRateBound}
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
        final double hDotG = Vectors.dot(hg, g);
        if (hDotG == 0.0) {
            throw new IllegalArgumentException("⟨Hg⟩ᵀ⟨g⟩ = 0: the correction (19) is undefined");
        }
        double bound = Double.POSITIVE_INFINITY;
        if (hDotG < 0.0) {
            bound = -hDotG / Vectors.dot(hg, mBar.solve(hg));
        }
        if (!(eta < bound)) {
            throw new IllegalArgumentException("eta = " + eta + " violates eta < −⟨Hg⟩ᵀ⟨g⟩/(⟨Hg⟩ᵀM̄⁻¹⟨Hg⟩) = "
                    + bound + ": M̄ + η⟨Hg⟩⟨Hg⟩ᵀ/(⟨Hg⟩ᵀ⟨g⟩) would not be positive definite");
        }
        return new StochasticMetric(mBar, g, yBar, hg, eta, hDotG, bound);
    }

    private static double[] mean(String name, double[][] samples, int d) {
        if (samples == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (samples.length == 0) {
            throw new IllegalArgumentException(name + " has no samples");
        }
        final int dim = d < 0 ? (samples[0] == null ? 0 : samples[0].length) : d;
        final double[] m = new double[dim];
        for (int k = 0; k < samples.length; k++) {
            Inputs.requireEntries(name + "[" + k + "]", samples[k]);
            if (samples[k].length != dim) {
                throw new IllegalArgumentException(name + "[" + k + "] has length " + samples[k].length
                        + "; expected " + dim);
            }
            for (int i = 0; i < dim; i++) {
                m[i] += samples[k][i];
            }
        }
        for (int i = 0; i < dim; i++) {
            m[i] /= samples.length;
        }
        return m;
    }

    /**
     * Mx = M̄x + η⟨Hg⟩(⟨Hg⟩ᵀx)/(⟨Hg⟩ᵀ⟨g⟩).
     *
     * @param x of dimension D
     * @return a new vector
     */
    /*@ public behavior
      @   requires x != null;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    public double[] apply(double[] x) {
        final double[] out = mBar.apply(x);
        final double c = eta * Vectors.dot(meanHg, x) / hDotG;
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.fma(c, meanHg[i], out[i]);
        }
        return out;
    }

    /**
     * M⁻¹b by Sherman–Morrison on the rank-one update of M̄.
     *
     * @param b of dimension D
     * @return a new vector
     */
    /*@ public behavior
      @   requires b != null;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    public double[] solve(double[] b) {
        final double[] z = mBar.solve(b);
        final double[] w = mBar.solve(meanHg);
        final double c = eta / hDotG;
        final double coef = c * Vectors.dot(meanHg, z) / (1.0 + c * Vectors.dot(meanHg, w));
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.fma(-coef, w[i], z[i]);
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
     * ⟨ȳ⟩ + η⟨Hg⟩, which equals −∇L(θ_t) by (20) when the samples are exact.
     *
     * @return a new array
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public double[] negativeGradient() {
        final double[] r = new double[meanYBar.length];
        /*@ loop_invariant 0 <= i && i <= r.length;
          @ decreasing r.length - i;
          @ assignable r[*];
          @*/
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.fma(eta, meanHg[i], meanYBar[i]);
        }
        return r;
    }
}
