package ngdref.apps;

import java.util.Arrays;
import ngdref.discrete.StochasticMetric;
import ngdref.metric.OneParameterMetric;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * One step of a stochastic rule analysed with the library's stochastic metric, Eqs. (19)–(20):
 * from K samples gₖ, ȳₖ, (Hg)ₖ drawn at the same θ_t, the sample means ⟨g⟩, ⟨ȳ⟩, ⟨Hg⟩, and
 * <ul>
 * <li>the library's decision ({@link StochasticMetric#of} with γ = 1): accepted, or refused with
 *   the exception's class and message (⟨ȳ⟩ᵀ⟨g⟩ &le; 0, η not below the bound, a quantity out of
 *   range, …), never dropped;</li>
 * <li>M̄ = M_opt(⟨g⟩, ⟨ȳ⟩) ({@link OneParameterMetric#ofGamma}, γ = 1): ψ of (⟨g⟩, ⟨ȳ⟩) and
 *   κ(M̄) = (1+|sin ψ|)/(1−|sin ψ|), when ⟨ȳ⟩ᵀ⟨g⟩ &gt; 0;</li>
 * <li>the learning-rate bound of (19), −⟨Hg⟩ᵀ⟨g⟩/(⟨Hg⟩ᵀM̄⁻¹⟨Hg⟩), +∞ when ⟨Hg⟩ᵀ⟨g⟩ &gt; 0
 *   ({@link OneParameterMetric#rankOneBound}), and whether η lies below it;</li>
 * <li>when the library accepts: the spectrum of M = M̄ + η⟨Hg⟩⟨Hg⟩ᵀ/(⟨Hg⟩ᵀ⟨g⟩) itself. M − αI
 *   (α of M̄) vanishes on the complement of S = span{⟨g⟩, ⟨ȳ⟩, ⟨Hg⟩}, so the eigenvalues of M are
 *   α (multiplicity D − dim S) and those of QᵀMQ (Q an orthonormal basis of S, Gram–Schmidt twice;
 *   MQ by {@link StochasticMetric#apply}); κ(M) = λ_max/λ_min over both.</li>
 * </ul>
 * The means are the plain means (sum in sample order, then divided by K): in the normal range this
 * is the arithmetic of {@link StochasticMetric#of}, whose power-of-two scalings are then exact.
 */
public final class StochasticAnalysis {

    /**
     * The analysis of one step; NaN (and null) mark quantities that do not exist for it.
     *
     * @param samples K
     * @param yBarDotG ⟨ȳ⟩ᵀ⟨g⟩ (plain dot product of the means)
     * @param hgDotG ⟨Hg⟩ᵀ⟨g⟩
     * @param hgDotGStandardError the standard error of ⟨Hg⟩ᵀ⟨g⟩ with ⟨g⟩ held fixed
     * @param psi ψ of (⟨g⟩, ⟨ȳ⟩), library
     * @param kappaBar κ(M̄), library
     * @param eta η
     * @param etaBound the bound of (19), library (+∞ when ⟨Hg⟩ᵀ⟨g⟩ &gt; 0)
     * @param etaWithinBound η &lt; bound; null when the bound was refused
     * @param boundRefusal why M̄ or its bound was refused, or null
     * @param valid whether {@link StochasticMetric#of} accepted the samples and η
     * @param refusal the exception's class and message when it did not, else null
     * @param kappa κ(M), M of Eq. (19)
     * @param lambdaMin λ_min(M)
     * @param lambdaMax λ_max(M)
     * @param yBarRelativeStandardError the standard error of ⟨ȳ⟩ relative to ‖⟨ȳ⟩‖
     * @param hgRelativeStandardError the standard error of ⟨Hg⟩ relative to ‖⟨Hg⟩‖
     */
    public record Result(int samples, double yBarDotG, double hgDotG, double hgDotGStandardError, double psi,
                  double kappaBar, double eta, double etaBound, Boolean etaWithinBound, String boundRefusal,
                  boolean valid, String refusal, double kappa, double lambdaMin, double lambdaMax,
                  double yBarRelativeStandardError, double hgRelativeStandardError) {
    }

    private StochasticAnalysis() {
    }

    /**
     * Analyses one step.
     *
     * @param g samples of the update (K × D)
     * @param yBar samples of ȳ = −∇̄L(θ_t, θ_t + ηg) (Taylor discrete gradient, Eq. 16)
     * @param hg samples of Hg, H = ½∇²L(θ_t + ληg)
     * @param eta η
     * @return the result
     */
    public static Result analyze(double[][] g, double[][] yBar, double[][] hg, double eta) {
        final double[] mg = mean(g);
        final double[] my = mean(yBar);
        final double[] mh = mean(hg);
        final double yg = Matrices.dot(my, mg);
        final double hgg = Matrices.dot(mh, mg);
        // Monte-Carlo standard error of ⟨Hg⟩ᵀ⟨g⟩ with ⟨g⟩ held fixed: sd of (Hg)ₖᵀ⟨g⟩ over √K.
        final double[] proj = new double[hg.length];
        for (int k = 0; k < hg.length; k++) {
            proj[k] = Matrices.dot(hg[k], mg);
        }
        final double hggSe = standardError(proj);
        double psi = Double.NaN;
        double kappaBar = Double.NaN;
        double bound = Double.NaN;
        Boolean within = null;
        String boundRefusal = null;
        try {
            final OneParameterMetric mBar = OneParameterMetric.ofGamma(mg, my, 1.0);
            psi = mBar.geometry().psi();
            kappaBar = mBar.spectrum().conditionNumber();
            bound = mBar.rankOneBound(mh);
            within = eta < bound;
        } catch (IllegalArgumentException | ArithmeticException e) {
            boundRefusal = describe(e);
        }
        boolean valid = false;
        String refusal = null;
        double kappa = Double.NaN;
        double lambdaMin = Double.NaN;
        double lambdaMax = Double.NaN;
        try {
            final StochasticMetric m = StochasticMetric.of(g, yBar, hg, eta, 1.0);
            valid = true;
            final double[] ev = spectrum(m);
            lambdaMin = ev[0];
            lambdaMax = ev[ev.length - 1];
            kappa = lambdaMax / lambdaMin;
        } catch (IllegalArgumentException | ArithmeticException e) {
            refusal = describe(e);
        }
        return new Result(g.length, yg, hgg, hggSe, psi, kappaBar, eta, bound, within, boundRefusal, valid,
                refusal, kappa, lambdaMin, lambdaMax, relativeStandardError(yBar, my), relativeStandardError(hg, mh));
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The plain mean of the rows. */
    static double[] mean(double[][] samples) {
        final double[] m = new double[samples[0].length];
        for (double[] s : samples) {
            for (int i = 0; i < m.length; i++) {
                m[i] += s[i];
            }
        }
        for (int i = 0; i < m.length; i++) {
            m[i] /= samples.length;
        }
        return m;
    }

    /** The sample standard deviation over √K (the standard error of the mean of K draws); NaN for K &lt; 2. */
    static double standardError(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double mean = 0.0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0.0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1) / v.length);
    }

    /**
     * √(Σᵢ sᵢ²/K)/‖⟨v⟩‖, sᵢ² the sample variance of component i: the norm of the standard error of
     * the mean vector (as for K independent draws) relative to the mean's norm.
     */
    private static double relativeStandardError(double[][] samples, double[] mean) {
        final int k = samples.length;
        if (k < 2) {
            return Double.NaN;
        }
        double ss = 0.0;
        for (double[] s : samples) {
            for (int i = 0; i < mean.length; i++) {
                final double d = s[i] - mean[i];
                ss += d * d;
            }
        }
        return Math.sqrt(ss / (k - 1) / k) / Matrices.norm(mean);
    }

    /**
     * The eigenvalues of M (Eq. 19), ascending: α and those of QᵀMQ on span{⟨g⟩, ⟨ȳ⟩, ⟨Hg⟩}.
     */
    static double[] spectrum(StochasticMetric m) {
        final double[][] q = orthonormal(m.meanUpdate(), m.meanYBar(), m.meanHg());
        final int r = q.length;
        final double[][] b = new double[r][r];
        for (int j = 0; j < r; j++) {
            final double[] mq = m.apply(q[j]);
            for (int i = 0; i < r; i++) {
                b[i][j] = Matrices.dot(q[i], mq);
            }
        }
        final double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(Matrices.symmetrize(b), false))
                .getRealEigenvalues();
        final double alpha = m.baseMetric().alpha();
        final double[] all;
        if (r < m.dimension()) {
            all = Arrays.copyOf(ev, r + 1);
            all[r] = alpha;
        } else {
            all = ev;
        }
        Arrays.sort(all);
        return all;
    }

    /**
     * Below this norm of its remainder a unit vector counts as lying in the span of the previous
     * ones (as in {@link StochasticMetric#solve}): for SGD, ⟨ȳ⟩ = ⟨g⟩ − η⟨Hg⟩ up to rounding, so S
     * is a plane, and the remainder of ⟨ȳ⟩ is rounding noise.
     */
    private static final double DEPENDENT = 0x1.0p-40;

    /** An orthonormal basis of the span of the nonzero vectors (Gram–Schmidt, two passes). */
    private static double[][] orthonormal(double[]... vs) {
        final double[][] q = new double[vs.length][];
        int r = 0;
        for (double[] v0 : vs) {
            final double n0 = Matrices.norm(v0);
            if (!(n0 > 0.0)) {
                continue;
            }
            double[] v = Matrices.scale(v0, 1.0 / n0);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < r; i++) {
                    v = Matrices.along(v, -Matrices.dot(q[i], v), q[i]);
                }
            }
            final double n = Matrices.norm(v);
            if (n >= DEPENDENT) {
                q[r++] = Matrices.scale(v, 1.0 / n);
            }
        }
        return Arrays.copyOf(q, r);
    }

}
