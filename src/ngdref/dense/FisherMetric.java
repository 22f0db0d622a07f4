package ngdref.dense;

import java.util.Arrays;
import ngdref.metric.Metric;

/**
 * The Fisher metric F(η) = ∇²A(η) of an exponential family ({@link ExponentialFamily}) at natural
 * parameters η, as a {@link Metric}. For the loss L(η) = A(η) − ηᵀT̄, natural gradient descent
 * takes the update g = −F⁻¹∇_ηL ({@link #naturalGradientUpdate}); with y = −∇_ηL it satisfies
 * Fg = y and yᵀg = ∇Lᵀ F⁻¹ ∇L &gt; 0, so F is one of the metrics of Eq. (6) for that step and
 * obeys Propositions 1–3 ({@link MetricCheck} grades it). Since ∂η/∂μ = F⁻¹ (symmetric), the
 * natural gradient in η is the ordinary gradient in the mean parameters:
 * F(η)⁻¹∇_ηL = ∇_μ L(η(μ)) (tested in {@code FisherMetricTest} against ∇_μ derived by hand for each
 * family, never through F).
 *
 * <p>Accuracy: the entries of F as stated in {@link ExponentialFamily}; M·x and M⁻¹·b as a dense
 * {@link PreconditionerMetric} (accurately rounded dot products; Cholesky, backward stable; a
 * solve refuses an F that is not numerically positive definite).
 */
public final class FisherMetric implements Metric {

    private final ExponentialFamily family;
    private final double[] eta;
    private final PreconditionerMetric f;

    private FisherMetric(ExponentialFamily family, double[] eta, PreconditionerMetric f) {
        this.family = family;
        this.eta = eta;
        this.f = f;
    }

    /**
     * F(η) for the family.
     *
     * @param family the exponential family
     * @param eta natural parameters, D &ge; 2 finite entries in the family's domain (copied)
     * @return the metric
     * @throws IllegalArgumentException for a null family, invalid η or D &lt; 2
     * @throws ArithmeticException naming the entry of F that is below the normal range or
     *     overflows (|ηᵢ| beyond about 708 for the Bernoulli, a probability below 2^-1022 for the
     *     categorical)
     */
    public static FisherMetric of(ExponentialFamily family, double[] eta) {
        if (family == null) {
            throw new IllegalArgumentException("family must not be null");
        }
        family.mean(eta);   // validates η for the family
        if (eta.length < 2) {
            throw new IllegalArgumentException("eta has length " + eta.length + "; a metric needs D >= 2");
        }
        final double[] copy = Arrays.copyOf(eta, eta.length);
        return new FisherMetric(family, copy, PreconditionerMetric.dense(family.fisher(copy)));
    }

    /**
     * The family.
     *
     * @return the family
     */
    public ExponentialFamily family() {
        return family;
    }

    /**
     * The natural parameters η.
     *
     * @return a new array
     */
    public double[] eta() {
        return Arrays.copyOf(eta, eta.length);
    }

    /**
     * The natural-gradient update g = −F(η)⁻¹∇_ηL = −F⁻¹(μ(η) − T̄).
     *
     * @param tBar the data's mean sufficient statistic
     * @return g, a new array
     * @throws IllegalArgumentException for invalid T̄
     * @throws ArithmeticException as {@link #solve}
     */
    public double[] naturalGradientUpdate(double[] tBar) {
        final double[] g = solve(family.lossGradient(eta, tBar));
        for (int i = 0; i < g.length; i++) {
            g[i] = -g[i];
        }
        return g;
    }

    @Override
    public int dimension() {
        return f.dimension();
    }

    @Override
    public double[] apply(double[] x) {
        return f.apply(x);
    }

    @Override
    public double[] solve(double[] b) {
        return f.solve(b);
    }

    @Override
    public double[][] toArray() {
        return f.toArray();
    }
}
