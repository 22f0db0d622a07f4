package ngdref.apps;

import ngdref.discrete.Loss;
import ngdref.discrete.TwiceDifferentiableLoss;

/**
 * The analyzer's built-in learning rules: gradient descent, heavy-ball momentum on the extended
 * state [θ, v], Nesterov's accelerated gradient, Adam, RMSProp, sign-GD and feedback alignment.
 * Each call of {@link #named} returns a fresh rule (the stateful ones keep their memory).
 */
public final class Rules {

    private Rules() {
    }

    /**
     * The names accepted by {@link #named}.
     *
     * @return the names
     */
    public static String[] names() {
        return new String[] {"gd", "heavy-ball", "nesterov", "adam", "rmsprop", "sign-gd", "fa"};
    }

    /**
     * A rule by name.
     *
     * @param name one of {@link #names()}
     * @param eta the learning rate η
     * @return a fresh rule
     */
    public static Rule named(String name, double eta) {
        switch (name) {
            case "gd":
                return gradientDescent(eta);
            case "heavy-ball":
                return heavyBall(eta, 1.0);
            case "nesterov":
                return nesterov(eta, 0.9);
            case "adam":
                return adam(eta, 0.9, 0.999, 1e-8);
            case "rmsprop":
                return rmsProp(eta, 0.9, 1e-8);
            case "sign-gd":
                return signGd(eta);
            case "fa":
                return feedbackAlignment(eta);
            default:
                throw new IllegalArgumentException("unknown rule '" + name + "'; rules: "
                        + String.join(", ", names()));
        }
    }

    /**
     * A default learning rate for a rule on a built-in loss (stable but not tuned).
     *
     * @param rule rule name
     * @param loss loss name
     * @return η
     */
    public static double defaultLearningRate(String rule, String loss) {
        final double[] etas;   // gd, heavy-ball, nesterov, adam, rmsprop, sign-gd, fa
        switch (loss) {
            case "quadratic":
                etas = new double[] {0.03, 0.15, 0.03, 0.05, 0.01, 0.02, 0.03};
                break;
            case "rosenbrock":
                etas = new double[] {1e-3, 0.02, 5e-4, 0.02, 2e-3, 2e-3, 1e-3};
                break;
            case "double-well":
                etas = new double[] {0.1, 0.3, 0.1, 0.05, 0.02, 0.02, 0.1};
                break;
            case "logistic":
                etas = new double[] {0.5, 0.5, 0.5, 0.05, 0.02, 0.01, 0.5};
                break;
            default:
                etas = new double[] {0.1, 0.1, 0.05, 1e-3, 1e-3, 1e-4, 0.1};
                break;
        }
        final String[] names = names();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(rule)) {
                return etas[i];
            }
        }
        throw new IllegalArgumentException("unknown rule '" + rule + "'");
    }

    /**
     * g = −∇L.
     *
     * @param eta η
     * @return the rule
     */
    public static Rule gradientDescent(double eta) {
        return new Rule() {
            @Override
            public String name() {
                return "gd";
            }

            @Override
            public double learningRate() {
                return eta;
            }

            @Override
            public double[] update(Loss loss, double[] theta) {
                return Matrices.negate(loss.gradient(theta));
            }
        };
    }

    /**
     * Heavy-ball momentum as a first-order rule on the extended state z = [θ, v] (the paper's
     * footnote: a higher-order rule is a first-order rule on a larger state). The dynamics
     * θ̇ = v, v̇ = −cv − ∇L(θ) decrease the energy E(z) = L(θ) + ½‖v‖² (Ė = −c‖v‖²), and in
     * continuous time y = −∇E = [−∇L, −v], g = ż give yᵀg = c‖v‖² &ge; 0. The discrete step is
     * the semi-implicit (symplectic) Euler step v' = v + η(−cv − ∇L(θ)), θ' = θ + ηv', i.e.
     * g = [v', −cv − ∇L(θ)]: Polyak's heavy ball θ_{t+1} = θ_t + β(θ_t − θ_{t−1}) − η²∇L(θ_t)
     * with β = 1 − ηc. The analysed loss is E on [θ, v].
     *
     * @param eta the step η of the extended dynamics
     * @param friction c &gt; 0
     * @return the rule
     */
    public static Rule heavyBall(double eta, double friction) {
        return new Rule() {
            @Override
            public String name() {
                return "heavy-ball";
            }

            @Override
            public double learningRate() {
                return eta;
            }

            @Override
            public double[] initialState(double[] theta0) {
                final double[] z = new double[2 * theta0.length];
                System.arraycopy(theta0, 0, z, 0, theta0.length);
                return z;
            }

            @Override
            public Loss analyzedLoss(Loss loss) {
                return loss instanceof TwiceDifferentiableLoss
                        ? new TwiceDifferentiableEnergy((TwiceDifferentiableLoss) loss) : new Energy(loss);
            }

            @Override
            public double[] update(Loss loss, double[] z) {
                final int d = z.length / 2;
                final double[] theta = java.util.Arrays.copyOfRange(z, 0, d);
                final double[] grad = loss.gradient(theta);
                final double[] g = new double[2 * d];
                for (int i = 0; i < d; i++) {
                    final double accel = -friction * z[d + i] - grad[i];
                    g[d + i] = accel;
                    g[i] = z[d + i] + eta * accel;
                }
                return g;
            }
        };
    }

    /** E([θ, v]) = L(θ) + ½‖v‖². */
    static class Energy implements Loss {
        final Loss base;

        Energy(Loss base) {
            this.base = base;
        }

        @Override
        public double value(double[] z) {
            final int d = z.length / 2;
            double s = base.value(java.util.Arrays.copyOfRange(z, 0, d));
            for (int i = d; i < z.length; i++) {
                s += 0.5 * z[i] * z[i];
            }
            return s;
        }

        @Override
        public double[] gradient(double[] z) {
            final int d = z.length / 2;
            final double[] g = new double[z.length];
            System.arraycopy(base.gradient(java.util.Arrays.copyOfRange(z, 0, d)), 0, g, 0, d);
            System.arraycopy(z, d, g, d, d);
            return g;
        }
    }

    /** E with Hessian blockdiag(∇²L, I). */
    static final class TwiceDifferentiableEnergy extends Energy implements TwiceDifferentiableLoss {
        TwiceDifferentiableEnergy(TwiceDifferentiableLoss base) {
            super(base);
        }

        @Override
        public double[][] hessian(double[] z) {
            final int d = z.length / 2;
            final double[][] hl = ((TwiceDifferentiableLoss) base).hessian(java.util.Arrays.copyOfRange(z, 0, d));
            final double[][] h = new double[2 * d][2 * d];
            for (int i = 0; i < d; i++) {
                System.arraycopy(hl[i], 0, h[i], 0, d);
                h[d + i][d + i] = 1.0;
            }
            return h;
        }
    }

    /**
     * Nesterov's accelerated gradient in Sutskever's form, u' = μu − η∇L(θ + μu), θ' = θ + u',
     * so g = u'/η on θ.
     *
     * @param eta η
     * @param mu momentum μ ∈ [0, 1)
     * @return the rule
     */
    public static Rule nesterov(double eta, double mu) {
        return new Rule() {
            private double[] u;

            @Override
            public String name() {
                return "nesterov";
            }

            @Override
            public double learningRate() {
                return eta;
            }

            @Override
            public double[] update(Loss loss, double[] theta) {
                if (u == null) {
                    u = new double[theta.length];
                }
                final double[] grad = loss.gradient(Matrices.along(theta, mu, u));
                final double[] g = new double[theta.length];
                for (int i = 0; i < theta.length; i++) {
                    u[i] = mu * u[i] - eta * grad[i];
                    g[i] = u[i] / eta;
                }
                return g;
            }
        };
    }

    /**
     * Adam (Kingma and Ba 2015): m ← β₁m + (1−β₁)∇L, s ← β₂s + (1−β₂)∇L², g = −m̂/(√ŝ + ε) with
     * the bias corrections m̂ = m/(1−β₁ᵗ), ŝ = s/(1−β₂ᵗ).
     *
     * @param eta η
     * @param beta1 β₁
     * @param beta2 β₂
     * @param eps ε
     * @return the rule
     */
    public static Rule adam(double eta, double beta1, double beta2, double eps) {
        return new Rule() {
            private double[] m;
            private double[] s;
            private int t;

            @Override
            public String name() {
                return "adam";
            }

            @Override
            public double learningRate() {
                return eta;
            }

            @Override
            public double[] update(Loss loss, double[] theta) {
                if (m == null) {
                    m = new double[theta.length];
                    s = new double[theta.length];
                }
                t++;
                final double[] grad = loss.gradient(theta);
                final double c1 = 1.0 - Math.pow(beta1, t);
                final double c2 = 1.0 - Math.pow(beta2, t);
                final double[] g = new double[theta.length];
                for (int i = 0; i < theta.length; i++) {
                    m[i] = beta1 * m[i] + (1 - beta1) * grad[i];
                    s[i] = beta2 * s[i] + (1 - beta2) * grad[i] * grad[i];
                    g[i] = -(m[i] / c1) / (Math.sqrt(s[i] / c2) + eps);
                }
                return g;
            }
        };
    }

    /**
     * RMSProp (Tieleman and Hinton 2012): s ← ρs + (1−ρ)∇L², g = −∇L/(√s + ε).
     *
     * @param eta η
     * @param rho ρ
     * @param eps ε
     * @return the rule
     */
    public static Rule rmsProp(double eta, double rho, double eps) {
        return new Rule() {
            private double[] s;

            @Override
            public String name() {
                return "rmsprop";
            }

            @Override
            public double learningRate() {
                return eta;
            }

            @Override
            public double[] update(Loss loss, double[] theta) {
                if (s == null) {
                    s = new double[theta.length];
                }
                final double[] grad = loss.gradient(theta);
                final double[] g = new double[theta.length];
                for (int i = 0; i < theta.length; i++) {
                    s[i] = rho * s[i] + (1 - rho) * grad[i] * grad[i];
                    g[i] = -grad[i] / (Math.sqrt(s[i]) + eps);
                }
                return g;
            }
        };
    }

    /**
     * Sign gradient descent, g = −sign(∇L).
     *
     * @param eta η
     * @return the rule
     */
    public static Rule signGd(double eta) {
        return new Rule() {
            @Override
            public String name() {
                return "sign-gd";
            }

            @Override
            public double learningRate() {
                return eta;
            }

            @Override
            public double[] update(Loss loss, double[] theta) {
                final double[] grad = loss.gradient(theta);
                final double[] g = new double[theta.length];
                for (int i = 0; i < theta.length; i++) {
                    g[i] = -Math.signum(grad[i]);
                }
                return g;
            }
        };
    }

    /**
     * Feedback alignment on the MNIST network's loss: g = −(FA pseudo-gradient).
     *
     * @param eta η
     * @return the rule (for {@link BuiltinLosses.NetworkLoss} only)
     */
    public static Rule feedbackAlignment(double eta) {
        return new Rule() {
            @Override
            public String name() {
                return "fa";
            }

            @Override
            public double learningRate() {
                return eta;
            }

            @Override
            public double[] update(Loss loss, double[] theta) {
                if (!(loss instanceof BuiltinLosses.NetworkLoss)) {
                    throw new IllegalArgumentException("feedback alignment needs the network loss (--loss mnist)");
                }
                return Matrices.negate(((BuiltinLosses.NetworkLoss) loss).feedbackAlignmentGradient(theta));
            }
        };
    }
}
