package ngdref.apps;

import java.util.Random;
import ngdref.discrete.Loss;
import ngdref.discrete.TwiceDifferentiableLoss;

/**
 * The analyzer's built-in losses, each with its gradient and (except the network) its Hessian,
 * and a standard starting point.
 */
public final class BuiltinLosses {

    private BuiltinLosses() {
    }

    /** A loss with a name and a starting point. */
    public record Problem(String name, Loss loss, double[] start) {
    }

    /**
     * The names accepted by {@link #named}.
     *
     * @return the names
     */
    public static String[] names() {
        return new String[] {"quadratic", "rosenbrock", "double-well", "logistic"};
    }

    /**
     * A built-in problem by name (the network is made by {@link #mnistNetwork}).
     *
     * @param name quadratic, rosenbrock, double-well or logistic
     * @return the problem
     */
    public static Problem named(String name) {
        switch (name) {
            case "quadratic":
                return new Problem(name, quadratic(new double[] {1.0, 25.0}, Math.PI / 6), new double[] {1.0, 1.0});
            case "rosenbrock":
                return new Problem(name, ROSENBROCK, new double[] {-1.2, 1.0});
            case "double-well":
                return new Problem(name, DOUBLE_WELL, new double[] {0.05, 1.0});
            case "logistic":
                return new Problem(name, logistic(200, 20240924L, 1e-2), new double[] {0.0, 0.0, 0.0});
            default:
                throw new IllegalArgumentException("unknown loss '" + name + "'; built-in losses: "
                        + String.join(", ", names()) + ", mnist");
        }
    }

    /**
     * L(θ) = ½θᵀAθ with A = R diag(eigenvalues) Rᵀ, R the rotation by {@code angle} in the first two
     * coordinates.
     *
     * @param eigenvalues the eigenvalues of A (any sign)
     * @param angle rotation angle
     * @return the quadratic
     */
    public static TwiceDifferentiableLoss quadratic(double[] eigenvalues, double angle) {
        final int d = eigenvalues.length;
        final double[][] r = Matrices.identity(d);
        if (d >= 2) {
            r[0][0] = Math.cos(angle);
            r[0][1] = -Math.sin(angle);
            r[1][0] = Math.sin(angle);
            r[1][1] = Math.cos(angle);
        }
        final double[][] diag = new double[d][d];
        for (int i = 0; i < d; i++) {
            diag[i][i] = eigenvalues[i];
        }
        return quadratic(Matrices.symmetrize(Matrices.multiply(Matrices.multiply(r, diag), Matrices.transpose(r))));
    }

    /**
     * L(θ) = ½θᵀAθ for a symmetric A.
     *
     * @param a A (copied)
     * @return the quadratic
     */
    public static TwiceDifferentiableLoss quadratic(double[][] a) {
        final double[][] m = Matrices.copy(a);
        return new TwiceDifferentiableLoss() {
            @Override
            public double value(double[] theta) {
                return 0.5 * Matrices.dot(theta, Matrices.multiply(m, theta));
            }

            @Override
            public double[] gradient(double[] theta) {
                return Matrices.multiply(m, theta);
            }

            @Override
            public double[][] hessian(double[] theta) {
                return Matrices.copy(m);
            }
        };
    }

    /** Rosenbrock's function Σᵢ 100(θᵢ₊₁ − θᵢ²)² + (1 − θᵢ)². */
    public static final TwiceDifferentiableLoss ROSENBROCK = new TwiceDifferentiableLoss() {
        @Override
        public double value(double[] x) {
            double s = 0.0;
            for (int i = 0; i + 1 < x.length; i++) {
                final double a = x[i + 1] - x[i] * x[i];
                final double b = 1.0 - x[i];
                s += 100.0 * a * a + b * b;
            }
            return s;
        }

        @Override
        public double[] gradient(double[] x) {
            final double[] g = new double[x.length];
            for (int i = 0; i + 1 < x.length; i++) {
                final double a = x[i + 1] - x[i] * x[i];
                g[i] += -400.0 * x[i] * a - 2.0 * (1.0 - x[i]);
                g[i + 1] += 200.0 * a;
            }
            return g;
        }

        @Override
        public double[][] hessian(double[] x) {
            final int d = x.length;
            final double[][] h = new double[d][d];
            for (int i = 0; i + 1 < d; i++) {
                h[i][i] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
                h[i][i + 1] += -400.0 * x[i];
                h[i + 1][i] += -400.0 * x[i];
                h[i + 1][i + 1] += 200.0;
            }
            return h;
        }
    };

    /**
     * The double well L(θ) = ¼(θ₀² − 1)² + ½Σ_{i&ge;1} θᵢ²: minima at θ₀ = ±1, a saddle at 0, and a
     * Hessian with the negative eigenvalue 3θ₀² − 1 for |θ₀| &lt; 1/√3 (where the η bound of Eq. (17)
     * is finite).
     */
    public static final TwiceDifferentiableLoss DOUBLE_WELL = new TwiceDifferentiableLoss() {
        @Override
        public double value(double[] x) {
            final double w = x[0] * x[0] - 1.0;
            double s = 0.25 * w * w;
            for (int i = 1; i < x.length; i++) {
                s += 0.5 * x[i] * x[i];
            }
            return s;
        }

        @Override
        public double[] gradient(double[] x) {
            final double[] g = x.clone();
            g[0] = x[0] * (x[0] * x[0] - 1.0);
            return g;
        }

        @Override
        public double[][] hessian(double[] x) {
            final double[][] h = Matrices.identity(x.length);
            h[0][0] = 3.0 * x[0] * x[0] - 1.0;
            return h;
        }
    };

    /**
     * L2-regularised logistic regression on a seeded synthetic data set: n points in R² from two
     * Gaussian classes (means ±(1, 0.5), unit variance), labels ±1, parameters θ = (w₁, w₂, b):
     * L = (1/n)Σ log(1 + exp(−yᵢ(wᵀxᵢ + b))) + (λ/2)‖w‖².
     *
     * @param n number of points
     * @param seed seed
     * @param lambda λ &ge; 0
     * @return the loss
     */
    public static TwiceDifferentiableLoss logistic(int n, long seed, double lambda) {
        final Random rng = new Random(seed);
        final double[][] x = new double[n][3];
        final double[] lab = new double[n];
        for (int i = 0; i < n; i++) {
            lab[i] = i % 2 == 0 ? 1.0 : -1.0;
            x[i][0] = lab[i] * 1.0 + rng.nextGaussian();
            x[i][1] = lab[i] * 0.5 + rng.nextGaussian();
            x[i][2] = 1.0;
        }
        return new TwiceDifferentiableLoss() {
            @Override
            public double value(double[] th) {
                double s = 0.0;
                for (int i = 0; i < n; i++) {
                    s += softplus(-lab[i] * Matrices.dot(th, x[i]));
                }
                return s / n + 0.5 * lambda * (th[0] * th[0] + th[1] * th[1]);
            }

            @Override
            public double[] gradient(double[] th) {
                final double[] g = new double[3];
                for (int i = 0; i < n; i++) {
                    final double m = lab[i] * Matrices.dot(th, x[i]);
                    final double c = -lab[i] * sigmoid(-m) / n;   // d/dz log(1 + e^{−y z}) = −y σ(−y z)
                    for (int k = 0; k < 3; k++) {
                        g[k] += c * x[i][k];
                    }
                }
                g[0] += lambda * th[0];
                g[1] += lambda * th[1];
                return g;
            }

            @Override
            public double[][] hessian(double[] th) {
                final double[][] h = new double[3][3];
                for (int i = 0; i < n; i++) {
                    final double s = sigmoid(Matrices.dot(th, x[i]));
                    final double w = s * (1.0 - s) / n;
                    for (int a = 0; a < 3; a++) {
                        for (int b = 0; b < 3; b++) {
                            h[a][b] += w * x[i][a] * x[i][b];
                        }
                    }
                }
                h[0][0] += lambda;
                h[1][1] += lambda;
                return h;
            }
        };
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
    }

    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /**
     * The MNIST network's full-batch loss on a fixed subset of the data (a {@link NetworkLoss}).
     *
     * @param data the data set
     * @param examples how many examples (the first ones of a seeded permutation)
     * @param hidden hidden units
     * @param seed seed for the subset, θ₀ and the feedback weights
     * @return the problem
     */
    public static Problem mnistNetwork(MnistData data, int examples, int hidden, long seed) {
        final Random rng = new Random(seed);
        final int[] idx = new int[Math.min(examples, data.size())];
        final int[] perm = new int[data.size()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        for (int i = perm.length - 1; i > 0; i--) {
            final int j = rng.nextInt(i + 1);
            final int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        System.arraycopy(perm, 0, idx, 0, idx.length);
        final TwoLayerNetwork net = new TwoLayerNetwork(data.image(0).length, hidden, MnistData.CLASSES);
        final double[] start = net.initialParameters(rng);
        return new Problem("mnist", new NetworkLoss(net, data, idx, net.randomFeedback(rng)), start);
    }

    /** The network's mean cross-entropy on a fixed set of examples, with its FA pseudo-gradient. */
    public static final class NetworkLoss implements Loss {
        private final TwoLayerNetwork net;
        private final MnistData data;
        private final int[] batch;
        private final double[][] feedback;

        NetworkLoss(TwoLayerNetwork net, MnistData data, int[] batch, double[][] feedback) {
            this.net = net;
            this.data = data;
            this.batch = batch.clone();
            this.feedback = feedback;
        }

        @Override
        public double value(double[] theta) {
            return net.loss(theta, data, batch);
        }

        @Override
        public double[] gradient(double[] theta) {
            return net.gradients(theta, data, batch, null).backprop();
        }

        /**
         * The feedback-alignment pseudo-gradient (fixed random B in place of W₂ᵀ).
         *
         * @param theta parameters
         * @return the FA pseudo-gradient
         */
        public double[] feedbackAlignmentGradient(double[] theta) {
            return net.gradients(theta, data, batch, feedback).feedbackAlignment();
        }
    }
}
