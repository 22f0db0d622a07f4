package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/** The Lyapunov solver: a hand-solved case, residuals on random stable systems, and bad input. */
class LyapunovTest {

    @Test
    void handSolvedTwoByTwo() {
        // PA + AᵀP = −I for A = [[−1, 2], [0, −3]], solved by hand entry by entry:
        // −2p = −1, 2p − 4q = 0, 4q − 6r = −1  ⇒  P = [[1/2, 1/4], [1/4, 1/3]].
        final double[][] p = Lyapunov.solve(new double[][] {{-1, 2}, {0, -3}}, new double[][] {{1, 0}, {0, 1}}).p();
        assertEquals(0.5, p[0][0], 1e-15);
        assertEquals(0.25, p[0][1], 1e-15);
        assertEquals(0.25, p[1][0], 1e-15);
        assertEquals(1.0 / 3.0, p[1][1], 1e-15);
    }

    @Test
    void residualOnRandomStableSystems() {
        for (int n : new int[] {3, 6, 10, 15}) {
            final double[][] a = LtiExperiment.stableMatrix(n, 7L + n, 0.1);
            final double[][] q = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    q[i][j] = (i == j ? 2.0 : 0.0) + 0.3 / (1 + i + j);   // symmetric positive definite
                }
            }
            final Lyapunov sol = Lyapunov.solve(a, q);
            final double[][] p = sol.p();
            // The residual, recomputed here entry by entry.
            double r = 0.0;
            double scale = 0.0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double e = q[i][j];
                    for (int k = 0; k < n; k++) {
                        e += p[i][k] * a[k][j] + a[k][i] * p[k][j];
                    }
                    r = Math.max(r, Math.abs(e));
                    scale = Math.max(scale, Math.abs(q[i][j]));
                    assertEquals(p[i][j], p[j][i], 0.0, "P is symmetric");
                }
            }
            assertTrue(r <= 1e-12 * scale, "n = " + n + ": max |PA + AᵀP + Q| = " + r);
            assertTrue(sol.residual() < 1e-14, "reported residual " + sol.residual());
            final double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(p)).getRealEigenvalues();
            for (double v : ev) {
                assertTrue(v > 0, "P is positive definite for a stable A and Q > 0: eigenvalue " + v);
            }
        }
    }

    @Test
    void singularSystemIsRefused() {
        // Eigenvalues ±1 sum to zero: the Kronecker system is singular.
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lyapunov.solve(new double[][] {{1, 0}, {0, -1}}, new double[][] {{1, 0}, {0, 1}}));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
    }

    @Test
    void badShapes() {
        assertThrows(IllegalArgumentException.class, () -> Lyapunov.solve(new double[][] {{1, 2}}, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class,
                () -> Lyapunov.solve(new double[][] {{-1, 0}, {0, -1}}, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class,
                () -> Lyapunov.solve(new double[][] {{Double.NaN, 0}, {0, -1}}, new double[][] {{1, 0}, {0, 1}}));
    }
}
