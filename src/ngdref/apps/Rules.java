package ngdref.apps;

import ngdref.discrete.Loss;
import ngdref.discrete.TwiceDifferentiableLoss;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * The analyzer's built-in learning rules: gradient descent, heavy-ball momentum, Nesterov's
 * accelerated gradient, Adam, RMSProp, AdaGrad, damped Newton, sign-GD and feedback alignment.
 * Every rule moves θ (momentum and moments are the rule's memory); the preconditioned ones
 * (Adam, RMSProp, AdaGrad, Newton) are {@link PreconditionedRule}s.
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
        return new String[] {"gd", "heavy-ball", "nesterov", "adam", "rmsprop", "adagrad", "newton", "sign-gd", "fa"};
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
            case "adagrad":
                return adaGrad(eta, 1e-8);
            case "newton":
                return newton(eta);
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
        final double[] etas;   // gd, heavy-ball, nesterov, adam, rmsprop, adagrad, newton, sign-gd, fa
        switch (loss) {
            case "quadratic":
                etas = new double[] {0.03, 0.15, 0.03, 0.05, 0.01, 0.3, 0.5, 0.02, 0.03};
                break;
            case "rosenbrock":
                etas = new double[] {1e-3, 0.02, 5e-4, 0.02, 2e-3, 0.05, 0.5, 2e-3, 1e-3};
                break;
            case "double-well":
                etas = new double[] {0.1, 0.3, 0.1, 0.05, 0.02, 0.3, 0.5, 0.02, 0.1};
                break;
            case "logistic":
                etas = new double[] {0.5, 0.5, 0.5, 0.05, 0.02, 0.3, 0.5, 0.01, 0.5};
                break;
            default:
                etas = new double[] {0.1, 0.1, 0.05, 1e-3, 1e-3, 0.01, 0.5, 1e-4, 0.1};
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
     * Heavy-ball momentum, semi-implicit (symplectic) Euler on θ̇ = v, v̇ = −cv − ∇L(θ):
     * v' = v + η(−cv − ∇L(θ)), θ' = θ + ηv', so the update on θ is g = v' (Polyak's heavy ball
     * θ_{t+1} = θ_t + β(θ_t − θ_{t−1}) − η²∇L(θ_t) with β = 1 − ηc). Like every momentum rule
     * here, it is analysed on θ with the loss L; the velocity v is the rule's memory. Its energy
     * E = L(θ) + ½‖v‖² (Ė = −c‖v‖² in continuous time) is reported alongside by {@link Rule#energy}.
     *
     * @param eta the step η of the discretised dynamics
     * @param friction c &gt; 0
     * @return the rule
     */
    public static Rule heavyBall(double eta, double friction) {
        return new Rule() {
            private double[] v;

            @Override
            public String name() {
                return "heavy-ball";
            }

            @Override
            public double learningRate() {
                return eta;
            }

            @Override
            public double energy(Loss loss, double[] theta) {
                double kinetic = 0.0;
                if (v != null) {
                    for (double vi : v) {
                        kinetic += 0.5 * vi * vi;
                    }
                }
                return loss.value(theta) + kinetic;
            }

            @Override
            public double[] update(Loss loss, double[] theta) {
                if (v == null) {
                    v = new double[theta.length];
                }
                final double[] grad = loss.gradient(theta);
                final double[] g = new double[theta.length];
                for (int i = 0; i < theta.length; i++) {
                    v[i] += eta * (-friction * v[i] - grad[i]);
                    g[i] = v[i];
                }
                return g;
            }
        };
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
        return new PreconditionedRule() {
            private double[] m;
            private double[] s;
            private int t;
            private Preconditioning last;

            @Override
            public String name() {
                return "adam";
            }

            @Override
            public double learningRate() {
                return eta;
            }

            @Override
            public Preconditioning preconditioning() {
                return last;
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
                final double[] p = new double[theta.length];
                final double[] minusMHat = new double[theta.length];
                for (int i = 0; i < theta.length; i++) {
                    m[i] = beta1 * m[i] + (1 - beta1) * grad[i];
                    s[i] = beta2 * s[i] + (1 - beta2) * grad[i] * grad[i];
                    minusMHat[i] = -(m[i] / c1);
                    p[i] = Math.sqrt(s[i] / c2) + eps;
                    g[i] = minusMHat[i] / p[i];
                }
                last = new Preconditioning(Preconditioning.MINUS_FIRST_MOMENT, p, null, minusMHat);
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
        return diagonalRule("rmsprop", eta, rho, 1.0 - rho, eps);
    }

    /**
     * AdaGrad (Duchi, Hazan and Singer 2011): s ← s + ∇L², g = −∇L/(√s + ε), i.e. P = diag(√s) + ε.
     *
     * @param eta η
     * @param eps ε
     * @return the rule
     */
    public static Rule adaGrad(double eta, double eps) {
        return diagonalRule("adagrad", eta, 1.0, 1.0, eps);
    }

    /** s ← decay·s + weight·∇L², g = −∇L/(√s + ε): RMSProp and AdaGrad. */
    private static Rule diagonalRule(String name, double eta, double decay, double weight, double eps) {
        return new PreconditionedRule() {
            private double[] s;
            private Preconditioning last;

            @Override
            public String name() {
                return name;
            }

            @Override
            public double learningRate() {
                return eta;
            }

            @Override
            public Preconditioning preconditioning() {
                return last;
            }

            @Override
            public double[] update(Loss loss, double[] theta) {
                if (s == null) {
                    s = new double[theta.length];
                }
                final double[] grad = loss.gradient(theta);
                final double[] g = new double[theta.length];
                final double[] p = new double[theta.length];
                for (int i = 0; i < theta.length; i++) {
                    s[i] = decay * s[i] + weight * grad[i] * grad[i];
                    p[i] = Math.sqrt(s[i]) + eps;
                    g[i] = -grad[i] / p[i];
                }
                last = new Preconditioning(Preconditioning.MINUS_GRADIENT, p, null, Matrices.negate(grad));
                return g;
            }
        };
    }

    /**
     * Damped Newton: g = −H⁻¹∇L with P = H = ∇²L(θ) (symmetrised exactly, (H + Hᵀ)/2), solved by LU
     * so that an indefinite H still gives a step (the analyzer then marks P as not positive
     * definite: the step is not natural gradient descent with P).
     *
     * @param eta η
     * @return the rule (for losses with a Hessian)
     */
    public static Rule newton(double eta) {
        return new PreconditionedRule() {
            private Preconditioning last;

            @Override
            public String name() {
                return "newton";
            }

            @Override
            public double learningRate() {
                return eta;
            }

            @Override
            public Preconditioning preconditioning() {
                return last;
            }

            @Override
            public double[] update(Loss loss, double[] theta) {
                if (!(loss instanceof TwiceDifferentiableLoss)) {
                    throw new IllegalArgumentException("Newton's method needs a loss with a Hessian"
                            + " (not the MNIST network)");
                }
                final double[][] h = Matrices.symmetrize(((TwiceDifferentiableLoss) loss).hessian(theta));
                final double[] y = Matrices.negate(loss.gradient(theta));
                final DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(h)).getSolver();
                if (!solver.isNonSingular()) {
                    throw new ArithmeticException("Newton's method: the Hessian is singular at θ = "
                            + java.util.Arrays.toString(theta));
                }
                final double[] g = solver.solve(new ArrayRealVector(y)).toArray();
                last = new Preconditioning(Preconditioning.MINUS_GRADIENT, null, h, y);
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
