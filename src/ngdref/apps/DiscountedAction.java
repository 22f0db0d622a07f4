package ngdref.apps;

import ngdref.discrete.TwiceDifferentiableLoss;

/**
 * The discretised discounted objective of Vastola, Gershman and Rajan,
 * J = ∫₀^T e^{−γ_d t}[L(θ) + ‖θ̇‖²/(2ηk)] dt (γ_d the temporal discount rate, not the paper's
 * family parameter γ of Eq. (22)), on the grid tₙ = nh, n = 0 … N, T = Nh, with θ₀ fixed and the
 * end θ_N free:
 * <pre>  J_h = Σ_{n=0}^{N−1} e^{−γ_d(n+½)h} ‖θ_{n+1} − θₙ‖²/(2ηk h) + Σ_{n=0}^{N} cₙ h e^{−γ_d nh} L(θₙ),</pre>
 * c₀ = c_N = ½, cₙ = 1 otherwise (midpoint-weighted kinetic term, trapezoidal potential term).
 * Setting ∂J_h/∂θₙ = 0 gives the discrete Euler–Lagrange equation
 * <pre>  [e^{−γ_d(n−½)h}(θₙ − θ_{n−1}) − e^{−γ_d(n+½)h}(θ_{n+1} − θₙ)]/(ηk h²) + e^{−γ_d nh}∇L(θₙ) = 0,</pre>
 * a central difference of d/dt(e^{−γ_d t}θ̇)/ηk = e^{−γ_d t}∇L with truncation error O(h²), so the
 * minimiser approaches the continuous optimum at second order in h (away from the free end, whose
 * influence decays like e^{−r(T−t)}).
 *
 * <p>J_h's Hessian is block tridiagonal (D×D blocks), so {@link #minimise} is Newton's method on
 * the banded system ({@link BandedCholesky}), Levenberg–Marquardt damped (the kinetic diagonal
 * times μ) where the Hessian is not positive definite or a step does not decrease J_h. For a
 * quadratic L a single undamped step from any path is the exact minimiser.
 */
public final class DiscountedAction {

    private final TwiceDifferentiableLoss loss;
    private final double[] theta0;
    private final double h;
    private final int steps;
    private final double etaK;
    private final double discountRate;

    private DiscountedAction(TwiceDifferentiableLoss loss, double[] theta0, double h, int steps, double etaK,
                             double discountRate) {
        this.loss = loss;
        this.theta0 = theta0;
        this.h = h;
        this.steps = steps;
        this.etaK = etaK;
        this.discountRate = discountRate;
    }

    /**
     * The discretised objective.
     *
     * @param loss L with gradient and Hessian
     * @param theta0 θ(0), fixed (copied)
     * @param dt the step h &gt; 0
     * @param steps N &ge; 1 (horizon T = Nh)
     * @param etaK ηk &gt; 0
     * @param discountRate γ_d &ge; 0
     * @return the objective
     * @throws IllegalArgumentException naming the invalid argument
     */
    public static DiscountedAction of(TwiceDifferentiableLoss loss, double[] theta0, double dt, int steps,
                                      double etaK, double discountRate) {
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        if (theta0 == null || theta0.length == 0) {
            throw new IllegalArgumentException("theta0 must have at least one entry");
        }
        if (!(dt > 0.0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt = " + dt + " must be finite and > 0");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps = " + steps + " must be >= 1");
        }
        if (!(etaK > 0.0) || !Double.isFinite(etaK)) {
            throw new IllegalArgumentException("etaK = " + etaK + " must be finite and > 0");
        }
        if (!(discountRate >= 0.0) || !Double.isFinite(discountRate)) {
            throw new IllegalArgumentException("discountRate = " + discountRate + " must be finite and >= 0");
        }
        return new DiscountedAction(loss, theta0.clone(), dt, steps, etaK, discountRate);
    }

    /** A stationary point of J_h found by {@link #minimise}. */
    public record Minimum(double[][] path, double value, double residual, int iterations,
                          boolean hessianPositiveDefinite) {
    }

    /** @return h */
    public double dt() {
        return h;
    }

    /** @return N */
    public int steps() {
        return steps;
    }

    /** @return θ(0) (a copy) */
    public double[] theta0() {
        return theta0.clone();
    }

    private double weight(double n) {
        return Math.exp(-discountRate * n * h);
    }

    /**
     * J_h of a path.
     *
     * @param path θ₀ … θ_N, N + 1 rows of D (row 0 is replaced by the fixed θ(0))
     * @return J_h
     */
    public double value(double[][] path) {
        requirePath(path);
        final int d = theta0.length;
        double kinetic = 0.0;
        double potential = 0.5 * h * loss.value(theta0);
        for (int n = 0; n < steps; n++) {
            final double[] a = n == 0 ? theta0 : path[n];
            double s = 0.0;
            for (int i = 0; i < d; i++) {
                final double v = path[n + 1][i] - a[i];
                s += v * v;
            }
            kinetic += weight(n + 0.5) * s / (2 * etaK * h);
            potential += (n + 1 == steps ? 0.5 : 1.0) * h * weight(n + 1) * loss.value(path[n + 1]);
        }
        return kinetic + potential;
    }

    /**
     * ∂J_h/∂θₙ for n = 1 … N (row 0 is zero: θ₀ is fixed).
     *
     * @param path θ₀ … θ_N
     * @return the gradient, N + 1 rows of D
     */
    public double[][] gradient(double[][] path) {
        requirePath(path);
        final int d = theta0.length;
        final double[][] grad = new double[steps + 1][d];
        for (int n = 1; n <= steps; n++) {
            final double[] prev = n == 1 ? theta0 : path[n - 1];
            final double[] gl = loss.gradient(path[n]);
            final double c = (n == steps ? 0.5 : 1.0) * h * weight(n);
            for (int i = 0; i < d; i++) {
                double k = weight(n - 0.5) * (path[n][i] - prev[i]);
                if (n < steps) {
                    k -= weight(n + 0.5) * (path[n + 1][i] - path[n][i]);
                }
                grad[n][i] = k / (etaK * h) + c * gl[i];
            }
        }
        return grad;
    }

    /**
     * The discrete Euler–Lagrange residual in units of ∇L: max over n, i of
     * |∂J_h/∂θₙ,ᵢ|/(cₙ h e^{−γ_d nh}).
     *
     * @param path θ₀ … θ_N
     * @return the residual (0 at an exact stationary point)
     */
    public double residual(double[][] path) {
        final double[][] g = gradient(path);
        double m = 0.0;
        for (int n = 1; n <= steps; n++) {
            final double c = (n == steps ? 0.5 : 1.0) * h * weight(n);
            for (double v : g[n]) {
                m = Math.max(m, Math.abs(v) / c);
            }
        }
        return m;
    }

    /**
     * Minimises J_h by damped Newton from an initial path.
     *
     * @param initial θ₀ … θ_N (row 0 ignored; copied)
     * @param tolerance stop when {@link #residual} &le; tolerance
     * @param maxIterations the most Newton steps
     * @return the path reached
     * @throws ArithmeticException if the tolerance is not reached within maxIterations
     */
    public Minimum minimise(double[][] initial, double tolerance, int maxIterations) {
        requirePath(initial);
        final int d = theta0.length;
        final double[][] x = new double[steps + 1][];
        x[0] = theta0.clone();
        for (int n = 1; n <= steps; n++) {
            x[n] = initial[n].clone();
        }
        double value = value(x);
        double mu = 0.0;
        for (int it = 0; it <= maxIterations; it++) {
            final double res = residual(x);
            if (res <= tolerance) {
                return new Minimum(x, value, res, it, hessian(x, 0.0) != null);
            }
            if (it == maxIterations) {
                break;
            }
            final double[][] grad = gradient(x);
            final double[] b = new double[steps * d];
            for (int n = 1; n <= steps; n++) {
                for (int i = 0; i < d; i++) {
                    b[(n - 1) * d + i] = -grad[n][i];
                }
            }
            while (true) {
                final BandedCholesky f = hessian(x, mu);
                if (f != null) {
                    final double[] step = f.solve(b);
                    final double[][] trial = new double[steps + 1][];
                    trial[0] = x[0];
                    for (int n = 1; n <= steps; n++) {
                        trial[n] = new double[d];
                        for (int i = 0; i < d; i++) {
                            trial[n][i] = x[n][i] + step[(n - 1) * d + i];
                        }
                    }
                    // J_h(trial) − J_h(x) summed term by term: the late terms carry the weight
                    // e^{−γ_d t}, and their changes would drown in the rounding of J_h itself.
                    final double change = difference(x, trial);
                    // Accept a decrease; near the solution the change is below the rounding of
                    // the terms, then accept a step that lowers the residual instead.
                    if (change < 0.0 || (change <= 1e-14 * Math.abs(value) && residual(trial) < res)) {
                        System.arraycopy(trial, 1, x, 1, steps);
                        value = value(x);
                        mu = mu / 10 < 1e-12 ? 0.0 : mu / 10;
                        break;
                    }
                }
                mu = mu == 0.0 ? 1e-6 : mu * 10;
                if (mu > 1e12) {
                    throw new ArithmeticException("Newton on J_h stalled at residual " + res);
                }
            }
        }
        throw new ArithmeticException("J_h not minimised to residual " + tolerance + " in " + maxIterations
                + " Newton steps (residual " + residual(x) + ")");
    }

    /** J_h(b) − J_h(a), as the sum of the differences of corresponding terms. */
    private double difference(double[][] a, double[][] b) {
        final int d = theta0.length;
        double sum = 0.0;
        for (int n = 0; n < steps; n++) {
            double s = 0.0;
            for (int i = 0; i < d; i++) {
                final double va = a[n + 1][i] - (n == 0 ? theta0[i] : a[n][i]);
                final double vb = b[n + 1][i] - (n == 0 ? theta0[i] : b[n][i]);
                s += (vb - va) * (vb + va);
            }
            sum += weight(n + 0.5) * s / (2 * etaK * h)
                    + (n + 1 == steps ? 0.5 : 1.0) * h * weight(n + 1) * (loss.value(b[n + 1]) - loss.value(a[n + 1]));
        }
        return sum;
    }

    /** The factored Hessian of J_h plus μ times its kinetic diagonal, or null if not SPD. */
    private BandedCholesky hessian(double[][] x, double mu) {
        final int d = theta0.length;
        final double[][] band = new double[steps * d][d + 1];
        for (int n = 1; n <= steps; n++) {
            final double[][] hl = loss.hessian(x[n]);
            final double c = (n == steps ? 0.5 : 1.0) * h * weight(n);
            final double kin = (weight(n - 0.5) + (n < steps ? weight(n + 0.5) : 0.0)) / (etaK * h);
            for (int i = 0; i < d; i++) {
                final int row = (n - 1) * d + i;
                band[row][0] = (1 + mu) * kin + c * hl[i][i];
                for (int j = 0; j < i; j++) {
                    band[row][i - j] = c * hl[i][j];
                }
                if (n > 1) {
                    band[row][d] = -weight(n - 0.5) / (etaK * h);   // couples θₙ,ᵢ with θₙ₋₁,ᵢ
                }
            }
        }
        final BandedCholesky f = BandedCholesky.factor(band);
        return f.positiveDefinite() ? f : null;
    }

    private void requirePath(double[][] path) {
        if (path == null || path.length != steps + 1) {
            throw new IllegalArgumentException("path must have N + 1 = " + (steps + 1) + " rows");
        }
        for (int n = 1; n <= steps; n++) {
            if (path[n] == null || path[n].length != theta0.length) {
                throw new IllegalArgumentException("path[" + n + "] must have " + theta0.length + " entries");
            }
        }
    }
}
