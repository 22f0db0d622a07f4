package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The discretised discounted objective J_h: its gradient, its exact minimiser on a quadratic (the
 * discrete exponential ρⁿ of the discrete Euler–Lagrange recurrence), second-order convergence to
 * the continuous optimum e^{−rt}, and Newton's local minima on the tilted double well.
 */
class DiscountedActionTest {

    @Test
    void gradientMatchesCentralDifferences() {
        final TiltedDoubleWell loss = new TiltedDoubleWell(0.2, 1.5);
        final int n = 6;
        final DiscountedAction action = DiscountedAction.of(loss, new double[] {0.8, 0.2}, 0.1, n, 0.7, 0.3);
        final Random rng = new Random(7);
        final double[][] path = new double[n + 1][2];
        for (int k = 1; k <= n; k++) {
            path[k][0] = rng.nextGaussian();
            path[k][1] = rng.nextGaussian();
        }
        final double[][] grad = action.gradient(path);
        final double e = 1e-5;
        for (int k = 1; k <= n; k++) {
            for (int i = 0; i < 2; i++) {
                final double keep = path[k][i];
                path[k][i] = keep + e;
                final double up = action.value(path);
                path[k][i] = keep - e;
                final double down = action.value(path);
                path[k][i] = keep;
                assertEquals((up - down) / (2 * e), grad[k][i], 1e-8, "dJ/dtheta[" + k + "][" + i + "]");
            }
        }
    }

    /**
     * The discrete Euler–Lagrange recurrence for L = ½Hθ² has the solutions ρⁿ with
     * e^{−γh/2}ρ² − (e^{γh/2} + e^{−γh/2} + ηkh²H)ρ + e^{γh/2} = 0; the minimiser takes the root
     * in (0, 1) (the other grows like e^{γh}/ρ, and the free end's correction is below ρ^N).
     */
    private static double discreteRoot(double h, double etaK, double gd, double curvature) {
        final double a = Math.exp(-gd * h / 2);
        final double c = Math.exp(gd * h / 2);
        final double b = a + c + etaK * h * h * curvature;
        // the smaller root, written as 2c/(b + √(b² − 4ac)) to avoid cancellation
        return 2 * c / (b + Math.sqrt(b * b - 4 * a * c));
    }

    @Test
    void quadraticMinimiserIsTheDiscreteExponential() {
        final double h = 0.02;
        final double gd = 0.5;
        final int n = 4000;   // T = 80: ρ^N < e^{−60}
        final DiscountedAction action = DiscountedAction.of(BuiltinLosses.quadratic(new double[][] {{1, 0}, {0, 4}}),
                new double[] {1.0, -2.0}, h, n, 1.0, gd);
        final DiscountedAction.Minimum m = action.minimise(new double[n + 1][2], 1e-9, 3);
        assertEquals(1, m.iterations(), "one Newton step is exact on a quadratic");
        assertTrue(m.hessianPositiveDefinite());
        final double rho1 = discreteRoot(h, 1.0, gd, 1.0);
        final double rho2 = discreteRoot(h, 1.0, gd, 4.0);
        for (int k = 0; k <= n; k++) {
            assertEquals(Math.pow(rho1, k), m.path()[k][0], 1e-12, "n = " + k);
            assertEquals(-2 * Math.pow(rho2, k), m.path()[k][1], 2e-12, "n = " + k);
        }
    }

    @Test
    void minimiserConvergesToTheClosedFormAtSecondOrder() {
        // Halving h divides the error by 2² = 4 (the discrete Euler–Lagrange equation is a central
        // difference); the rates rᵢ come from the closed form, e^{−rt} is the continuous optimum.
        final double[] h = {1.0, 4.0};
        final double[] theta0 = {1.0, 1.0};
        final OptimalControlExperiment.QuadraticCheck coarse =
                OptimalControlExperiment.quadraticCheck(h, theta0, 1.0, 0.5, 0.02, 80.0);
        final OptimalControlExperiment.QuadraticCheck fine =
                OptimalControlExperiment.quadraticCheck(h, theta0, 1.0, 0.5, 0.01, 80.0);
        final double ratio = coarse.maxError() / fine.maxError();
        assertTrue(Math.abs(ratio - 4.0) < 0.02, "error ratio " + ratio);
        assertTrue(fine.maxError() < 1e-5 && fine.maxError() > 1e-7, "error " + fine.maxError());
    }

    @Test
    void newtonReachesStrictLocalMinimaOfTheDoubleWellAction() {
        final TiltedDoubleWell loss = new TiltedDoubleWell(0.2, 1.0);
        final int n = 600;
        final double[] theta0 = {0.8, 0.2};
        final DiscountedAction action = DiscountedAction.of(loss, theta0, 0.02, n, 1.0, 0.2);
        final double[][] start = new double[n + 1][2];
        for (int k = 0; k <= n; k++) {
            final double s = Math.exp(-k * 0.02);
            start[k][0] = -1.0 + 1.8 * s;
            start[k][1] = 0.2 * s;
        }
        final DiscountedAction.Minimum m = action.minimise(start, 1e-10, 100);
        assertTrue(m.residual() <= 1e-10 && m.hessianPositiveDefinite());
        assertEquals(action.value(m.path()), m.value(), 0.0);
        final Random rng = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            final double[][] p = new double[n + 1][];
            p[0] = theta0.clone();
            for (int k = 1; k <= n; k++) {
                p[k] = new double[] {m.path()[k][0] + 1e-3 * rng.nextGaussian(), m.path()[k][1] + 1e-3 * rng.nextGaussian()};
            }
            assertTrue(action.value(p) > m.value(), "a perturbation lowered J_h");
        }
    }
}
