package ngdref.apps;

import ngdref.dense.CanonicalForm;
import ngdref.dense.DenseMetrics;
import ngdref.metric.MetricBounds;
import ngdref.metric.OptimalMetric;
import ngdref.metric.UpdateGeometry;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * Natural gradient descent on an exponential family p(x | η) = h(x)exp(ηᵀT(x) − A(η)) as an
 * instance of the paper's canonical form. The average negative log-likelihood of data with mean
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
public final class ExponentialFamily {

    /** A model: log-partition A, its gradient μ(η) and Hessian F(η), and the inverse map η(μ). */
    public interface Model {
        /** @return a name */
        String name();

        /** @param eta natural parameters @return A(η) */
        double logPartition(double[] eta);

        /** @param eta natural parameters @return μ(η) = ∇A(η) */
        double[] mean(double[] eta);

        /** @param eta natural parameters @return F(η) = ∇²A(η) */
        double[][] fisher(double[] eta);

        /** @param mu mean parameters @return η(μ), the inverse of {@link #mean} */
        double[] natural(double[] mu);
    }

    private ExponentialFamily() {
    }

    /**
     * D independent Bernoulli variables: ηᵢ = log(pᵢ/(1−pᵢ)), A = Σ log(1 + e^{ηᵢ}), μ = σ(η),
     * F = diag(μᵢ(1−μᵢ)).
     *
     * @return the model
     */
    public static Model bernoulli() {
        return new Model() {
            @Override
            public String name() {
                return "independent Bernoulli";
            }

            @Override
            public double logPartition(double[] eta) {
                double s = 0.0;
                for (double e : eta) {
                    s += BuiltinLosses.softplus(e);
                }
                return s;
            }

            @Override
            public double[] mean(double[] eta) {
                final double[] mu = new double[eta.length];
                for (int i = 0; i < eta.length; i++) {
                    mu[i] = BuiltinLosses.sigmoid(eta[i]);
                }
                return mu;
            }

            @Override
            public double[][] fisher(double[] eta) {
                final double[][] f = new double[eta.length][eta.length];
                for (int i = 0; i < eta.length; i++) {
                    final double p = BuiltinLosses.sigmoid(eta[i]);
                    f[i][i] = p * (1.0 - p);
                }
                return f;
            }

            @Override
            public double[] natural(double[] mu) {
                final double[] eta = new double[mu.length];
                for (int i = 0; i < mu.length; i++) {
                    eta[i] = Math.log(mu[i] / (1.0 - mu[i]));
                }
                return eta;
            }
        };
    }

    /**
     * The categorical distribution on K = D + 1 classes in the minimal parametrisation
     * ηₖ = log(pₖ/p_K), k &lt; K: A = log(1 + Σ e^{ηₖ}), μₖ = pₖ, F = diag(μ) − μμᵀ.
     *
     * @return the model
     */
    public static Model categorical() {
        return new Model() {
            @Override
            public String name() {
                return "categorical";
            }

            @Override
            public double logPartition(double[] eta) {
                double max = 0.0;
                for (double e : eta) {
                    max = Math.max(max, e);
                }
                double s = Math.exp(-max);
                for (double e : eta) {
                    s += Math.exp(e - max);
                }
                return max + Math.log(s);
            }

            @Override
            public double[] mean(double[] eta) {
                final double a = logPartition(eta);
                final double[] mu = new double[eta.length];
                for (int i = 0; i < eta.length; i++) {
                    mu[i] = Math.exp(eta[i] - a);
                }
                return mu;
            }

            @Override
            public double[][] fisher(double[] eta) {
                final double[] mu = mean(eta);
                final double[][] f = new double[mu.length][mu.length];
                for (int i = 0; i < mu.length; i++) {
                    for (int j = 0; j < mu.length; j++) {
                        f[i][j] = (i == j ? mu[i] : 0.0) - mu[i] * mu[j];
                    }
                }
                return f;
            }

            @Override
            public double[] natural(double[] mu) {
                double last = 1.0;
                for (double m : mu) {
                    last -= m;
                }
                final double[] eta = new double[mu.length];
                for (int i = 0; i < mu.length; i++) {
                    eta[i] = Math.log(mu[i] / last);
                }
                return eta;
            }
        };
    }

    /**
     * The univariate Gaussian with unknown mean m and variance σ²: T(x) = (x, x²),
     * η = (m/σ², −1/(2σ²)), A = −η₁²/(4η₂) − ½log(−2η₂), μ = (m, m² + σ²), and
     * F = [[−1/(2η₂), η₁/(2η₂²)], [η₁/(2η₂²), 1/(2η₂²) − η₁²/(2η₂³)]] = [[σ², 2mσ²], [2mσ², 2σ⁴ + 4m²σ²]].
     *
     * @return the model
     */
    public static Model gaussian() {
        return new Model() {
            @Override
            public String name() {
                return "Gaussian (mean and variance)";
            }

            @Override
            public double logPartition(double[] eta) {
                return -eta[0] * eta[0] / (4 * eta[1]) - 0.5 * Math.log(-2 * eta[1]);
            }

            @Override
            public double[] mean(double[] eta) {
                final double m = -eta[0] / (2 * eta[1]);
                final double var = -1.0 / (2 * eta[1]);
                return new double[] {m, m * m + var};
            }

            @Override
            public double[][] fisher(double[] eta) {
                final double e1 = eta[0];
                final double e2 = eta[1];
                final double off = e1 / (2 * e2 * e2);
                return new double[][] {
                    {-1.0 / (2 * e2), off},
                    {off, 1.0 / (2 * e2 * e2) - e1 * e1 / (2 * e2 * e2 * e2)},
                };
            }

            @Override
            public double[] natural(double[] mu) {
                final double var = mu[1] - mu[0] * mu[0];
                return new double[] {mu[0] / var, -1.0 / (2 * var)};
            }
        };
    }

    /**
     * L(η) = A(η) − ηᵀT̄.
     *
     * @param model the model
     * @param eta natural parameters
     * @param tBar the data's mean sufficient statistic
     * @return the average negative log-likelihood (without the base measure)
     */
    public static double loss(Model model, double[] eta, double[] tBar) {
        return model.logPartition(eta) - Matrices.dot(eta, tBar);
    }

    /**
     * ∇_ηL = μ(η) − T̄.
     *
     * @param model the model
     * @param eta natural parameters
     * @param tBar T̄
     * @return the gradient
     */
    public static double[] gradient(Model model, double[] eta, double[] tBar) {
        return Matrices.subtract(model.mean(eta), tBar);
    }

    /**
     * ∇_μ L(η(μ)) by a 4th-order central difference (with step h·max(1, |μᵢ|)) through the inverse
     * map η(μ): the gradient in mean parameters, computed without F.
     *
     * @param model the model
     * @param eta the point (natural parameters)
     * @param tBar T̄
     * @return ∇_μL at μ(η)
     */
    public static double[] meanParameterGradient(Model model, double[] eta, double[] tBar) {
        final double[] mu = model.mean(eta);
        final double[] out = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            final double h = 1e-4 * Math.max(Math.abs(mu[i]), 1e-2);
            final double f1 = lossAtMean(model, mu, i, h, tBar);
            final double fm1 = lossAtMean(model, mu, i, -h, tBar);
            final double f2 = lossAtMean(model, mu, i, 2 * h, tBar);
            final double fm2 = lossAtMean(model, mu, i, -2 * h, tBar);
            out[i] = (8 * (f1 - fm1) - (f2 - fm2)) / (12 * h);
        }
        return out;
    }

    private static double lossAtMean(Model model, double[] mu, int i, double h, double[] tBar) {
        final double[] m = mu.clone();
        m[i] += h;
        return loss(model, model.natural(m), tBar);
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
     * @param model the model
     * @param eta natural parameters
     * @param tBar T̄ (a valid mean parameter, different from μ(η))
     * @return the check results
     */
    public static Check check(Model model, double[] eta, double[] tBar) {
        final double[] grad = gradient(model, eta, tBar);
        final double[][] f = model.fisher(eta);
        final double[] natural = new LUDecomposition(new Array2DRowRealMatrix(f, false)).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(grad, false)).toArray();
        final double[] g = Matrices.negate(natural);       // the natural-gradient update
        final double[] y = Matrices.negate(grad);
        final double fgResidual = Matrices.maxAbs(Matrices.subtract(Matrices.multiply(f, g), y)) / Matrices.maxAbs(y);
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
        final double[] meanGrad = meanParameterGradient(model, eta, tBar);
        final double diff = Matrices.maxAbs(Matrices.subtract(natural, meanGrad)) / Matrices.maxAbs(meanGrad);
        return new Check(model.name(), eta.length, geo.psi(), fgResidual, cf.mPrimeGResidual(),
                cf.reconstructionError(), ngd, hi / lo, OptimalMetric.minimumConditionNumber(geo), lo,
                MetricBounds.lambdaMinSupremum(geo), hi, MetricBounds.lambdaMaxInfimum(geo), diff);
    }
}
