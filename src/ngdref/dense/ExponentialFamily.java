package ngdref.dense;

import ngdref.metric.Inputs;

/**
 * Three exponential families p(x | η) = h(x)exp(ηᵀT(x) − A(η)) in their natural parameters η: the
 * log-partition A, the mean parameters μ(η) = ∇A(η), the inverse map η(μ), and the Fisher matrix
 * F(η) = ∇²A(η) = ∂μ/∂η that {@link FisherMetric} makes a metric. The average negative
 * log-likelihood of data with mean sufficient statistic T̄ is L(η) = A(η) − ηᵀT̄ (+ const) with
 * ∇_ηL = μ(η) − T̄ ({@link #lossGradient}).
 *
 * <p>Accuracy of the Fisher matrix (what {@link FisherMetric} uses): each entry is exp, products
 * and quotients of positive terms and sums of positive terms, never a difference of nearly equal
 * numbers (σ(η)σ(−η) replaces σ(η)(1 − σ(η)); 1 − μᵢ is the sum of the other probabilities), so a
 * diagonal entry is within a few ulp of its exact value, and an off-diagonal one too unless it
 * underflows (then within 2^-1074). {@link FisherMetric#of} refuses by name an η at which a
 * diagonal entry (or a probability) is below the normal range: there F is singular in double or
 * has lost its relative accuracy. Tested against 60-digit {@code Dfp} values over the whole range
 * of η ({@code FisherMetricTest}). A, μ and η(μ) are plain double evaluations, for the applications.
 */
public enum ExponentialFamily {

    /**
     * D independent Bernoulli variables: ηᵢ = log(pᵢ/(1−pᵢ)), A = Σ log(1 + e^{ηᵢ}), μ = σ(η),
     * F = diag(σ(ηᵢ)σ(−ηᵢ)).
     */
    INDEPENDENT_BERNOULLI("independent Bernoulli") {
        @Override
        public double logPartition(double[] eta) {
            requireEta(eta);
            double s = 0.0;
            for (double e : eta) {
                // log(1 + e^x) = max(x, 0) + log(1 + e^{−|x|}), no overflow
                s += Math.max(e, 0.0) + Math.log1p(Math.exp(-Math.abs(e)));
            }
            return s;
        }

        @Override
        public double[] mean(double[] eta) {
            requireEta(eta);
            final double[] mu = new double[eta.length];
            for (int i = 0; i < eta.length; i++) {
                mu[i] = sigmoid(eta[i]);
            }
            return mu;
        }

        @Override
        public double[] natural(double[] mu) {
            requireMean(mu, false);
            final double[] eta = new double[mu.length];
            for (int i = 0; i < mu.length; i++) {
                eta[i] = Math.log(mu[i] / (1.0 - mu[i]));
            }
            return eta;
        }

        @Override
        double[][] fisher(double[] eta) {
            final double[][] f = new double[eta.length][eta.length];
            for (int i = 0; i < eta.length; i++) {
                // σ(η)(1 − σ(η)) = σ(η)σ(−η): no cancellation when σ(η) is near 1
                f[i][i] = requireNormal(sigmoid(eta[i]) * sigmoid(-eta[i]), "F[" + i + "][" + i
                        + "] = σ(η_" + i + ")σ(−η_" + i + ") at η_" + i + " = " + eta[i]);
            }
            return f;
        }
    },

    /**
     * The categorical distribution on K = D + 1 classes in the minimal parametrisation
     * ηₖ = log(pₖ/p_K), k &lt; K: A = log(1 + Σ e^{ηₖ}), μₖ = pₖ, F = diag(μ) − μμᵀ.
     */
    CATEGORICAL("categorical") {
        @Override
        public double logPartition(double[] eta) {
            requireEta(eta);
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
            requireEta(eta);
            final double[] p = probabilities(eta);
            final double[] mu = new double[eta.length];
            System.arraycopy(p, 0, mu, 0, mu.length);
            return mu;
        }

        @Override
        public double[] natural(double[] mu) {
            requireMean(mu, true);
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

        @Override
        double[][] fisher(double[] eta) {
            final double[] p = probabilities(eta);
            final int d = eta.length;
            for (int k = 0; k <= d; k++) {
                requireNormal(p[k], (k < d ? "μ_" + k : "p_K") + " = softmax(η)");
            }
            final double[][] f = new double[d][d];
            for (int i = 0; i < d; i++) {
                // 1 − μᵢ as the sum of the other probabilities (all positive): no cancellation
                double rest = 0.0;
                for (int k = 0; k <= d; k++) {
                    if (k != i) {
                        rest += p[k];
                    }
                }
                for (int j = 0; j < d; j++) {
                    f[i][j] = i == j ? p[i] * rest : -(p[i] * p[j]);
                }
                requireNormal(f[i][i], "F[" + i + "][" + i + "] = μ_" + i + "(1 − μ_" + i + ")");
            }
            return f;
        }

        /** p₀ … p_{D−1} = μ and p_D = p_K, softmax of (η, 0) shifted by the maximum. */
        private double[] probabilities(double[] eta) {
            double max = 0.0;
            for (double e : eta) {
                max = Math.max(max, e);
            }
            final double[] p = new double[eta.length + 1];
            double s = 0.0;
            for (int k = 0; k <= eta.length; k++) {
                // exp amplifies the absolute error of its argument: ηₖ − max = hi + lo exactly
                // (TwoSum), and e^{hi + lo} = e^{hi}(1 + lo) to within lo² < 2^-86
                final double a = k < eta.length ? eta[k] : 0.0;
                final double b = -max;
                final double hi = a + b;
                final double bVirtual = hi - a;
                final double lo = (a - (hi - bVirtual)) + (b - bVirtual);
                final double e = Math.exp(hi);
                p[k] = Math.fma(e, lo, e);
                s += p[k];
            }
            for (int k = 0; k <= eta.length; k++) {
                p[k] /= s;
            }
            return p;
        }
    },

    /**
     * The univariate Gaussian with unknown mean m and variance v = σ²: T(x) = (x, x²),
     * η = (m/v, −1/(2v)), A = −η₁²/(4η₂) − ½log(−2η₂), μ = (m, m² + v), and
     * F = [[v, 2mv], [2mv, 2v² + 4m²v]] (det F = 2v³ &gt; 0). D = 2, η₂ &lt; 0.
     */
    GAUSSIAN("Gaussian (mean and variance)") {
        @Override
        public double logPartition(double[] eta) {
            requireGaussian(eta);
            return -eta[0] * eta[0] / (4 * eta[1]) - 0.5 * Math.log(-2 * eta[1]);
        }

        @Override
        public double[] mean(double[] eta) {
            requireGaussian(eta);
            final double m = -eta[0] / (2 * eta[1]);
            final double v = -1.0 / (2 * eta[1]);
            return new double[] {m, m * m + v};
        }

        @Override
        public double[] natural(double[] mu) {
            Inputs.requireEntries("mu", mu);
            if (mu.length != 2 || !(mu[1] - mu[0] * mu[0] > 0.0)) {
                throw new IllegalArgumentException("mu must be (m, m² + v) with v > 0");
            }
            final double v = mu[1] - mu[0] * mu[0];
            return new double[] {mu[0] / v, -1.0 / (2 * v)};
        }

        @Override
        double[][] fisher(double[] eta) {
            requireGaussian(eta);
            final double m = -eta[0] / (2 * eta[1]);   // two correctly rounded operations
            final double v = -1.0 / (2 * eta[1]);
            final double off = 2 * m * v;
            final double[][] f = {{v, off}, {off, 2 * v * v + 4 * m * m * v}};
            requireNormal(v, "F[0][0] = v = −1/(2η_2)");
            requireNormal(f[1][1], "F[1][1] = 2v² + 4m²v");
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    if (!Double.isFinite(f[i][j])) {
                        throw new ArithmeticException("F[" + i + "][" + j + "] of the Gaussian at η = ("
                                + eta[0] + ", " + eta[1] + ") overflows the range of double");
                    }
                }
            }
            return f;
        }

        private void requireGaussian(double[] eta) {
            requireEta(eta);
            if (eta.length != 2) {
                throw new IllegalArgumentException("eta has length " + eta.length
                        + "; the Gaussian has 2 natural parameters");
            }
            if (!(eta[1] < 0.0)) {
                throw new IllegalArgumentException("eta[1] = " + eta[1] + ": the Gaussian needs η_2 = −1/(2v) < 0");
            }
        }
    };

    private final String title;

    ExponentialFamily(String title) {
        this.title = title;
    }

    /**
     * A readable name.
     *
     * @return the name
     */
    public String title() {
        return title;
    }

    /**
     * The log-partition A(η).
     *
     * @param eta the natural parameters, finite
     * @return A(η)
     * @throws IllegalArgumentException for null, empty or non-finite η, or η outside the family's
     *     domain
     */
    public abstract double logPartition(double[] eta);

    /**
     * The mean parameters μ(η) = ∇A(η).
     *
     * @param eta the natural parameters, finite
     * @return μ(η), a new array
     * @throws IllegalArgumentException as {@link #logPartition}
     */
    public abstract double[] mean(double[] eta);

    /**
     * The natural parameters η(μ), the inverse of {@link #mean}.
     *
     * @param mu mean parameters inside the family's domain
     * @return η(μ), a new array
     * @throws IllegalArgumentException for μ outside the domain (a probability not in (0, 1), a
     *     non-positive variance)
     */
    public abstract double[] natural(double[] mu);

    /** F(η) = ∇²A(η) for a validated η; refuses an entry it cannot give accurately. */
    abstract double[][] fisher(double[] eta);

    /**
     * ∇_ηL = μ(η) − T̄ for L(η) = A(η) − ηᵀT̄.
     *
     * @param eta the natural parameters
     * @param tBar the data's mean sufficient statistic, of the same length
     * @return the gradient, a new array
     * @throws IllegalArgumentException for invalid η or T̄
     * @throws ArithmeticException naming a component outside the range of double (the Gaussian's
     *     μ₂ = m² + v overflows when |η₁/η₂| is beyond about 10^154)
     */
    public double[] lossGradient(double[] eta, double[] tBar) {
        final double[] mu = mean(eta);
        Inputs.requireEntries("tBar", tBar);
        Inputs.requireSameLength("eta", eta, "tBar", tBar);
        final double[] out = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            out[i] = mu[i] - tBar[i];
            if (!Double.isFinite(out[i])) {
                throw new ArithmeticException("(∇_ηL)[" + i + "] = μ_" + i + " − T̄_" + i + " = " + mu[i]
                        + " − " + tBar[i] + " is outside the range of double");
            }
        }
        return out;
    }

    private static void requireEta(double[] eta) {
        Inputs.requireEntries("eta", eta);
        if (eta.length == 0) {
            throw new IllegalArgumentException("eta is empty");
        }
    }

    private static void requireMean(double[] mu, boolean simplex) {
        Inputs.requireEntries("mu", mu);
        double sum = 0.0;
        for (int i = 0; i < mu.length; i++) {
            if (!(mu[i] > 0.0 && mu[i] < 1.0)) {
                throw new IllegalArgumentException("mu[" + i + "] = " + mu[i] + " is not a probability in (0, 1)");
            }
            sum += mu[i];
        }
        if (simplex && !(sum < 1.0)) {
            throw new IllegalArgumentException("mu sums to " + sum + "; the categorical needs Σμ < 1 (p_K > 0)");
        }
    }

    /** σ(x) = 1/(1 + e^{−x}) in the form whose exp cannot overflow. */
    private static double sigmoid(double x) {
        if (x >= 0.0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        final double e = Math.exp(x);
        return e / (1.0 + e);
    }

    private static double requireNormal(double value, String what) {
        if (!(value >= Double.MIN_NORMAL)) {
            throw new ArithmeticException(what + " = " + value + " is below the normal range of double"
                    + " (the Fisher metric would lose its relative accuracy or be singular)");
        }
        return value;
    }
}
