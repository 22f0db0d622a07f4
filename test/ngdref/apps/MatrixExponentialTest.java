package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** exp(A) on matrices with known exponentials, and the ODE solution of the LTI system against it. */
class MatrixExponentialTest {

    private static void assertClose(double[][] expected, double[][] actual, double rel) {
        double scale = 0.0;
        for (double[] row : expected) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[i][j], actual[i][j], rel * scale, "entry (" + i + ", " + j + ")");
            }
        }
    }

    /** V·diag(e^d)·V⁻¹ for V = [[1, 2, 0], [0, 1, 3], [0, 0, 1]], V⁻¹ = [[1, −2, 6], [0, 1, −3], [0, 0, 1]]. */
    private static double[][] diagonalizable(double[] d, boolean exponentiate) {
        final double[][] v = {{1, 2, 0}, {0, 1, 3}, {0, 0, 1}};
        final double[][] vi = {{1, -2, 6}, {0, 1, -3}, {0, 0, 1}};
        final double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    out[i][j] += v[i][k] * (exponentiate ? Math.exp(d[k]) : d[k]) * vi[k][j];
                }
            }
        }
        return out;
    }

    @Test
    void diagonalizableCases() {
        for (double[] d : new double[][] {{0.5, -2.0, -7.0}, {-0.01, -0.02, 0.03}, {-20.0, -1.0, 1.5}}) {
            assertClose(diagonalizable(d, true), MatrixExponential.of(diagonalizable(d, false)), 1e-12);
        }
    }

    @Test
    void rotationGenerator() {
        for (double w : new double[] {0.3, 2.0, 25.0}) {
            final double[][] e = MatrixExponential.of(new double[][] {{0, -w}, {w, 0}});
            assertClose(new double[][] {{Math.cos(w), -Math.sin(w)}, {Math.sin(w), Math.cos(w)}}, e, 1e-13);
        }
    }

    @Test
    void zeroAndIdentity() {
        assertClose(new double[][] {{1, 0}, {0, 1}}, MatrixExponential.of(new double[2][2]), 0.0);
        assertClose(new double[][] {{Math.E, 0}, {0, Math.E}}, MatrixExponential.of(new double[][] {{1, 0}, {0, 1}}), 1e-15);
    }

    /**
     * exp(M) by an independent method: scaling by 2^-s to norm below 1/2, a 30-term Taylor series,
     * then s squarings.
     */
    private static double[][] taylorExp(double[][] m) {
        final int n = m.length;
        double norm = 0.0;
        for (double[] row : m) {
            double s = 0.0;
            for (double v : row) {
                s += Math.abs(v);
            }
            norm = Math.max(norm, s);
        }
        int s = 0;
        while (norm / Math.pow(2, s) > 0.5) {
            s++;
        }
        final double[][] x = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i][j] = m[i][j] / Math.pow(2, s);
            }
        }
        double[][] sum = Matrices.identity(n);
        double[][] term = Matrices.identity(n);
        for (int k = 1; k <= 30; k++) {
            term = Matrices.scale(Matrices.multiply(term, x), 1.0 / k);
            sum = Matrices.add(sum, term);
        }
        for (int k = 0; k < s; k++) {
            sum = Matrices.multiply(sum, sum);
        }
        return sum;
    }

    @Test
    void padeAgreesWithTaylorOnTheFigureMatrix() {
        final double[][] a = LtiExperiment.stableMatrix(10, 20240929L, 0.25);
        for (double t : new double[] {0.1, 1.0, 7.5, 24.0}) {
            assertClose(taylorExp(Matrices.scale(a, t)), MatrixExponential.of(Matrices.scale(a, t)), 1e-11);
        }
    }

    @Test
    void odeSolutionMatchesTheMatrixExponential() {
        final LtiExperiment lti = LtiExperiment.run(new LtiExperiment.Config(6, 11L, 0.2, 8.0, 80, 1e-12, 1e-15), null);
        final List<LtiExperiment.Sample> samples = lti.samples();
        final double[] theta0 = samples.get(0).theta();
        final double[][] a = lti.a();
        double worst = 0.0;
        for (LtiExperiment.Sample s : samples) {
            final double[] exact = Matrices.multiply(taylorExp(Matrices.scale(a, s.t())), theta0);
            worst = Math.max(worst, Matrices.norm(Matrices.subtract(s.theta(), exact)) / Matrices.norm(exact));
        }
        assertTrue(worst < 1e-9, "max relative deviation of the Dormand–Prince solution: " + worst);
        assertTrue(lti.maxExpmError() < 1e-9, "the experiment's own comparison: " + lti.maxExpmError());
    }
}
