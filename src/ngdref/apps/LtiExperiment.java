package ngdref.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;

/**
 * Figure 3B/3C: the stable LTI system θ̇ = Aθ (Eq. (21)) as natural gradient descent on the
 * Lyapunov loss L(θ) = θᵀPθ, PA + AᵀP = −I. Along a trajectory g = Aθ and y = −∇L = −2Pθ, so
 * yᵀg = −θᵀ(PA + AᵀP)θ = ‖θ‖² &gt; 0 and dL/dt = −‖θ‖²: L decreases strictly and every state is an
 * effective update, with metric M_opt(θ) (Eq. (9)). Both g and y are linear in θ, so M_opt is
 * invariant to the scale of θ and its spectrum depends only on the direction of θ(t).
 *
 * <p>A is a seeded Gaussian matrix (entries N(0, 1/n), asymmetric) shifted by a multiple of I so
 * that its rightmost eigenvalue has real part −{@code margin}; θ(t) is integrated by Dormand–Prince
 * 8(5,3) with tight tolerances and sampled on a uniform grid, and compared at every sample with
 * exp(At)θ₀ from {@link MatrixExponential}.
 */
public final class LtiExperiment {

    /** The configuration of the figure. */
    public record Config(int n, long seed, double margin, double horizon, int samples,
                         double relTol, double absTol) {

        /**
         * The figure's configuration: n = 10, seed 20240929, t ∈ [0, 24] in 2400 samples. With this
         * seed the rightmost eigenvalues of A are the complex pair −0.25 ± 0.89i, so θ(t) keeps
         * rotating and the spectrum of M_opt oscillates instead of settling.
         *
         * @return the configuration
         */
        public static Config figure() {
            return new Config(10, 20240929L, 0.25, 24.0, 2400, 1e-12, 1e-15);
        }
    }

    /** One sample of the trajectory. */
    public record Sample(double t, double[] theta, double loss, double yDotG, double thetaNormSquared,
                         double psi, double normRatio, double lambdaMax, double lambdaMin,
                         double lambdaD, double kappa, double expmRelativeError) {
    }

    private final double[][] a;
    private final double[][] p;
    private final double lyapunovResidual;
    private final double[] eigenReal;
    private final double[] eigenImag;
    private final List<Sample> samples;

    private LtiExperiment(double[][] a, double[][] p, double lyapunovResidual, double[] eigenReal,
                          double[] eigenImag, List<Sample> samples) {
        this.a = a;
        this.p = p;
        this.lyapunovResidual = lyapunovResidual;
        this.eigenReal = eigenReal;
        this.eigenImag = eigenImag;
        this.samples = samples;
    }

    /**
     * A seeded stable asymmetric matrix: G/√n with G standard Gaussian, minus (max Re λ(G/√n) + margin)·I.
     *
     * @param n dimension
     * @param seed seed
     * @param margin −(real part of the rightmost eigenvalue), &gt; 0
     * @return A
     */
    public static double[][] stableMatrix(int n, long seed, double margin) {
        final Random rng = new Random(seed);
        final double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i][j] = rng.nextGaussian() / Math.sqrt(n);
            }
        }
        final double[] re = new EigenDecomposition(new Array2DRowRealMatrix(g, false)).getRealEigenvalues();
        double max = Double.NEGATIVE_INFINITY;
        for (double v : re) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < n; i++) {
            g[i][i] -= max + margin;
        }
        return g;
    }

    /**
     * Runs the experiment.
     *
     * @param config the configuration
     * @param progress called with the number of samples recorded so far (may be null)
     * @return the trajectory and its metrics
     */
    public static LtiExperiment run(Config config, IntConsumer progress) {
        final int n = config.n();
        final double[][] a = stableMatrix(n, config.seed(), config.margin());
        final EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(a, false));
        final double[] re = eig.getRealEigenvalues();
        final double[] im = eig.getImagEigenvalues();
        for (double v : re) {
            if (!(v < 0.0)) {
                throw new IllegalStateException("A has an eigenvalue with real part " + v + " >= 0");
            }
        }
        final Lyapunov lyap = Lyapunov.solve(a, Matrices.identity(n));
        final double[][] p = lyap.p();
        final Random rng = new Random(config.seed() + 1);
        final double[] theta0 = new double[n];
        for (int i = 0; i < n; i++) {
            theta0[i] = rng.nextGaussian();
        }
        final double[] unit = Matrices.scale(theta0, 1.0 / Matrices.norm(theta0));

        final List<Sample> out = new ArrayList<>();
        final double h = config.horizon() / config.samples();
        final FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public void computeDerivatives(double t, double[] y, double[] yDot) {
                for (int i = 0; i < n; i++) {
                    double s = 0.0;
                    for (int j = 0; j < n; j++) {
                        s += a[i][j] * y[j];
                    }
                    yDot[i] = s;
                }
            }
        };
        final DormandPrince853Integrator integrator = new DormandPrince853Integrator(
                1e-12, config.horizon() / 10, config.absTol(), config.relTol());
        // Integrate sample to sample, so every sample time is exactly k·h (a step normalizer
        // can emit a grid point twice, a rounding apart, when it meets an integrator step).
        final double[] y = unit.clone();
        out.add(sample(a, p, unit, 0.0, y.clone()));
        for (int k = 1; k <= config.samples(); k++) {
            final double t0 = (k - 1) * h;
            final double t1 = k == config.samples() ? config.horizon() : k * h;
            integrator.integrate(ode, t0, y, t1, y);
            out.add(sample(a, p, unit, t1, y.clone()));
            if (progress != null) {
                progress.accept(k);
            }
        }
        return new LtiExperiment(a, p, lyap.residual(), re, im, out);
    }

    private static Sample sample(double[][] a, double[][] p, double[] theta0, double t, double[] theta) {
        final double[] g = Matrices.multiply(a, theta);                 // θ̇ = Aθ
        final double[] y = Matrices.scale(Matrices.multiply(p, theta), -2.0);   // −∇(θᵀPθ)
        final double loss = Matrices.dot(theta, Matrices.multiply(p, theta));
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        final MetricSpectrum s = OneParameterMetric.optimal(g, y).spectrum();
        final double[] exact = MatrixExponential.propagate(a, t, theta0);
        final double err = Matrices.norm(Matrices.subtract(theta, exact)) / Matrices.norm(exact);
        return new Sample(t, theta, loss, geo.yDotG(), Matrices.dot(theta, theta), geo.psi(),
                geo.normRatio(), s.lambdaMax(), s.lambdaMin(), s.lambdaD(), s.conditionNumber(), err);
    }

    /**
     * A.
     *
     * @return a copy
     */
    public double[][] a() {
        return Matrices.copy(a);
    }

    /**
     * P with PA + AᵀP = −I.
     *
     * @return a copy
     */
    public double[][] p() {
        return Matrices.copy(p);
    }

    /**
     * The relative residual of the Lyapunov solve.
     *
     * @return ‖PA + AᵀP + I‖_F/(2‖A‖_F‖P‖_F + ‖I‖_F)
     */
    public double lyapunovResidual() {
        return lyapunovResidual;
    }

    /**
     * Real parts of the eigenvalues of A.
     *
     * @return a copy
     */
    public double[] eigenvaluesReal() {
        return eigenReal.clone();
    }

    /**
     * Imaginary parts of the eigenvalues of A.
     *
     * @return a copy
     */
    public double[] eigenvaluesImag() {
        return eigenImag.clone();
    }

    /**
     * The samples in time order.
     *
     * @return an unmodifiable list
     */
    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /**
     * The number of consecutive sample pairs where L did not strictly decrease.
     *
     * @return 0 when L(t) is strictly decreasing on the grid
     */
    public int lossIncreases() {
        int c = 0;
        for (int k = 1; k < samples.size(); k++) {
            if (!(samples.get(k).loss() < samples.get(k - 1).loss())) {
                c++;
            }
        }
        return c;
    }

    /**
     * The largest relative deviation of the ODE solution from exp(At)θ₀ over the samples.
     *
     * @return max ‖θ_ode(t) − exp(At)θ₀‖/‖exp(At)θ₀‖
     */
    public double maxExpmError() {
        double m = 0.0;
        for (Sample s : samples) {
            m = Math.max(m, s.expmRelativeError());
        }
        return m;
    }
}
