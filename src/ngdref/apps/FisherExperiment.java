package ngdref.apps;

import ngdref.dense.CanonicalForm;
import ngdref.dense.DenseMetrics;
import ngdref.dense.ExponentialFamily;
import ngdref.dense.FisherMetric;
import ngdref.metric.MetricBounds;
import ngdref.metric.UpdateGeometry;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The experiment behind {@code exponential_family.csv}: natural gradient descent on an exponential
 * family p(x | η) = h(x)exp(ηᵀT(x) − A(η)) (library {@link ExponentialFamily}, {@link FisherMetric})
 * as an instance of the paper's canonical form. The average negative log-likelihood of data with mean
 * sufficient statistic T̄ is L(η) = A(η) − ηᵀT̄ (+ const), with ∇_ηL = μ(η) − T̄ where μ = ∇A(η)
 * are the mean parameters, and the Fisher metric is F(η) = ∇²A(η) = ∂μ/∂η. For the natural
 * gradient update g = −F⁻¹∇_ηL and y = −∇_ηL:
 * <ul>
 * <li>Fg = y with F SPD and yᵀg = ∇Lᵀ F⁻¹ ∇L &gt; 0, so F is one of the metrics of Eq. (6) and the
 *   canonical-form theorem decomposes it (library {@link CanonicalForm});</li>
 * <li>by Proposition 1, κ(F) &ge; κ(M_opt) = (1+|sin ψ|)/(1−|sin ψ|); by Propositions 2–3,
 *   λ_min(F) &lt; (‖y‖/‖g‖)cos ψ and λ_max(F) &gt; ‖y‖/(‖g‖cos ψ) (equalities when ψ = 0);</li>
 * <li>since ∂η/∂μ = F⁻¹ (symmetric), the natural gradient in natural parameters equals the ordinary
 *   gradient in mean parameters: F(η)⁻¹∇_ηL = ∇_μ L(η(μ)) (A. K. Subramanian, "Segue from
 *   Euclidean gradient descent to natural gradient descent"). The right side is computed here by
 *   differentiating L(η(μ)) through the inverse map η(μ) numerically, never through F.</li>
 * </ul>
 */
public final class FisherExperiment {

    private FisherExperiment() {
    }

    /**
     * L(η) = A(η) − ηᵀT̄.
     *
     * @param family the family
     * @param eta natural parameters
     * @param tBar the data's mean sufficient statistic
     * @return the average negative log-likelihood (without the base measure)
     */
    public static double loss(ExponentialFamily family, double[] eta, double[] tBar) {
        return family.logPartition(eta) - Matrices.dot(eta, tBar);
    }

    /**
     * ∇_μ L(η(μ)) by a 4th-order central difference (with step h·max(1, |μᵢ|)) through the inverse
     * map η(μ): the gradient in mean parameters, computed without F.
     *
     * @param family the family
     * @param eta the point (natural parameters)
     * @param tBar T̄
     * @return ∇_μL at μ(η)
     */
    public static double[] meanParameterGradient(ExponentialFamily family, double[] eta, double[] tBar) {
        final double[] mu = family.mean(eta);
        final double[] out = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            final double h = 1e-4 * Math.max(Math.abs(mu[i]), 1e-2);
            final double f1 = lossAtMean(family, mu, i, h, tBar);
            final double fm1 = lossAtMean(family, mu, i, -h, tBar);
            final double f2 = lossAtMean(family, mu, i, 2 * h, tBar);
            final double fm2 = lossAtMean(family, mu, i, -2 * h, tBar);
            out[i] = (8 * (f1 - fm1) - (f2 - fm2)) / (12 * h);
        }
        return out;
    }

    private static double lossAtMean(ExponentialFamily family, double[] mu, int i, double h, double[] tBar) {
        final double[] m = mu.clone();
        m[i] += h;
        return loss(family, family.natural(m), tBar);
    }

    /** The checks at one point. */
    public record Check(String model, int dimension, double psi, double fgResidual, double mPrimeGResidual,
                        double canonicalReconstructionError, boolean isNaturalGradient, double kappaFisher,
                        double kappaMin, double lambdaMinFisher, double lambdaMinSupremum,
                        double lambdaMaxFisher, double lambdaMaxInfimum, double naturalVsMeanGradient) {
    }

    /**
     * Runs the checks at η for data with mean statistic T̄.
     *
     * @param family the family
     * @param eta natural parameters
     * @param tBar T̄ (a valid mean parameter, different from μ(η))
     * @return the check results
     */
    public static Check check(ExponentialFamily family, double[] eta, double[] tBar) {
        final FisherMetric fisher = FisherMetric.of(family, eta);
        final double[] grad = family.lossGradient(eta, tBar);
        final double[][] f = fisher.toArray();
        final double[] g = fisher.naturalGradientUpdate(tBar);   // the natural-gradient update
        final double[] natural = Matrices.negate(g);             // F⁻¹∇_ηL
        final double[] y = Matrices.negate(grad);
        final double fgResidual = Matrices.maxAbs(Matrices.subtract(fisher.apply(g), y)) / Matrices.maxAbs(y);
        final CanonicalForm cf = CanonicalForm.decompose(f, g, y, 1e-9);
        final boolean ngd = DenseMetrics.isNaturalGradient(f, g, grad, 1e-9);
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        final double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(f, false)).getRealEigenvalues();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0.0;
        for (double v : ev) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        final double[] meanGrad = meanParameterGradient(family, eta, tBar);
        final double diff = Matrices.maxAbs(Matrices.subtract(natural, meanGrad)) / Matrices.maxAbs(meanGrad);
        return new Check(family.title(), eta.length, geo.psi(), fgResidual, cf.mPrimeGResidual(),
                cf.reconstructionError(), ngd, hi / lo, MetricBounds.minimumConditionNumber(geo), lo,
                MetricBounds.lambdaMinSupremum(geo), hi, MetricBounds.lambdaMaxInfimum(geo), diff);
    }
}
