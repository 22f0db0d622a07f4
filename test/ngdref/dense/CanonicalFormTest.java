package ngdref.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import ngdref.metric.OneParameterMetric;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The canonical-form theorem as an operation, the canonical metric (6) and the natural-gradient check. */
class CanonicalFormTest {

    private static final double TOL = 1e-10;

    /** A random SPD metric with Mg = y: M = yyᵀ/(yᵀg) + QAAᵀQᵀ with Q spanning g⊥. */
    private static double[][] randomMetric(Random r, double[] g, double[] y) {
        final int d = g.length;
        final RealMatrix q = OrthogonalComplement.of(g);
        final double[][] a = new double[d - 1][d - 1];
        for (int i = 0; i < d - 1; i++) {
            for (int j = 0; j < d - 1; j++) {
                a[i][j] = r.nextGaussian();
            }
            a[i][i] += 3;
        }
        final RealMatrix aa = new Array2DRowRealMatrix(a);
        final RealMatrix mp = q.multiply(aa).multiply(aa.transpose()).multiply(q.transpose());
        double yg = 0;
        for (int i = 0; i < d; i++) {
            yg += y[i] * g[i];
        }
        final double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m[i][j] = 0.5 * (mp.getEntry(i, j) + mp.getEntry(j, i)) + y[i] * y[j] / yg;
            }
        }
        return m;
    }

    @Test
    void everyValidMetricDecomposes() {
        final Random r = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            final int d = 2 + r.nextInt(10);
            final double[] g = new double[d];
            final double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                g[i] = r.nextGaussian();
                y[i] = g[i] + 0.5 * r.nextGaussian();
            }
            y[0] += Math.signum(g[0]) * 3;  // keep yᵀg > 0 comfortably
            double yg = 0;
            for (int i = 0; i < d; i++) {
                yg += y[i] * g[i];
            }
            if (yg <= 0) {
                continue;
            }
            final double[][] m = randomMetric(r, g, y);
            final CanonicalForm cf = CanonicalForm.decompose(m, g, y, TOL);
            final double[][] u = cf.basis();
            assertEquals(d - 1, u.length);
            assertTrue(cf.reconstructionError() <= 1e-12 * DenseChecks.maxAbs(m), "reconstruction " + cf.reconstructionError());
            for (double[] ui : u) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += ui[i] * g[i];
                }
                assertEquals(0.0, dot, 1e-12 * DenseChecks.maxAbs(m) * d);
            }
            // Rebuilding from the basis gives M back (Eq. 6).
            final double[][] back = CanonicalMetric.fromBasis(g, y, u, 1e-8).toArray();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    assertEquals(m[i][j], back[i][j], 1e-11 * DenseChecks.maxAbs(m));
                }
            }
            assertTrue(DenseMetrics.isNaturalGradient(m, g, negate(y), 1e-9));
        }
    }

    private static double[] negate(double[] v) {
        final double[] n = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            n[i] = -v[i];
        }
        return n;
    }

    @Test
    void optimalMetricDecomposesIntoScaledOrthonormalBasis() {
        final double[] g = {1, 0, 0};
        final double[] y = {1, 1, 0};
        final CanonicalForm cf = CanonicalForm.decompose(OneParameterMetric.optimal(g, y).toArray(), g, y, TOL);
        // M' = 2(I − e₁e₁ᵀ): every uᵢ has ‖uᵢ‖² = 2 and lies in the (e₂, e₃) plane.
        for (double[] u : cf.basis()) {
            assertEquals(0.0, u[0], 1e-15);
            assertEquals(2.0, u[1] * u[1] + u[2] * u[2], 1e-14);
        }
        assertEquals(0.0, cf.mPrimeGResidual(), 1e-15);
    }

    @Test
    void rejectsNonSymmetric() {
        final double[][] m = {{1, 1, 0}, {1.5, 3, 0}, {0, 0, 2}};
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CanonicalForm.decompose(m, new double[] {1, 0, 0}, new double[] {1, 1, 0}, TOL));
        assertTrue(e.getMessage().contains("M is not symmetric: M[0][1] = 1.0 but M[1][0] = 1.5"), e.getMessage());
    }

    @Test
    void rejectsWrongImageOfG() {
        final double[][] m = {{1, 1, 0}, {1, 3, 0}, {0, 0, 2}};
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CanonicalForm.decompose(m, new double[] {1, 0, 0}, new double[] {1, 2, 0}, TOL));
        assertTrue(e.getMessage().contains("M does not map g to y: (Mg)[1] = 1.0 but y[1] = 2.0"), e.getMessage());
    }

    @Test
    void rejectsNotPositiveDefinite() {
        // Mg = y holds, but M' = diag(0, 2, −1) is indefinite on g⊥.
        final double[][] m = {{1, 1, 0}, {1, 3, 0}, {0, 0, -1}};
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CanonicalForm.decompose(m, new double[] {1, 0, 0}, new double[] {1, 1, 0}, TOL));
        assertTrue(e.getMessage().contains("not positive definite on g⊥") && e.getMessage().contains("-1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DenseMetrics.isNaturalGradient(m, new double[] {1, 0, 0}, new double[] {-1, -1, 0}, TOL));
    }

    @Test
    void rejectsMalformedMatrices() {
        final double[] g = {1, 0, 0};
        final double[] y = {1, 1, 0};
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CanonicalForm.decompose(new double[][] {{1, 1}, {1, 3}}, g, y, TOL)).getMessage().contains("M has 2 rows; expected 3"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CanonicalForm.decompose(new double[][] {{1, 1, 0}, {1, 3}, {0, 0, 2}}, g, y, TOL)).getMessage().contains("row 1 has 2 columns"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CanonicalForm.decompose(new double[][] {{1, 1, 0}, {1, Double.NaN, 0}, {0, 0, 2}}, g, y, TOL)).getMessage().contains("M[1][1] is NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CanonicalForm.decompose(new double[][] {{1, 1, 0}, {1, 3, 0}, {0, 0, 2}}, g, y, 0.0)).getMessage().contains("tolerance = 0.0"));
    }

    @Test
    void canonicalMetricRejectsBadBases() {
        final double[] g = {1, 0, 0};
        final double[] y = {1, 1, 0};
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CanonicalMetric.fromBasis(g, y, new double[][] {{0, 1, 0}}, TOL)).getMessage().contains("u has 1 vectors"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CanonicalMetric.fromBasis(g, y, new double[][] {{0, 1, 0}, {1, 0, 1}}, TOL)).getMessage().contains("u[1] is not orthogonal to g"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CanonicalMetric.fromBasis(g, y, new double[][] {{0, 1, 0}, {0, 2, 0}}, TOL)).getMessage().contains("do not span g⊥"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CanonicalMetric.fromComplement(g, y, new double[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}}, TOL)).getMessage().contains("not positive definite on g⊥"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CanonicalMetric.fromComplement(g, y, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, TOL)).getMessage().contains("does not annihilate g"));
    }

    @Test
    void canonicalMetricFromComplementMapsGToY() {
        final double[] g = {1, 2, 0};
        final double[] y = {2, 1, 1};
        // M' = v vᵀ + w wᵀ with v = (2, −1, 0), w = (0, 0, 1): annihilates g, PD on g⊥.
        final double[][] mp = {{4, -2, 0}, {-2, 1, 0}, {0, 0, 1}};
        final CanonicalMetric m = CanonicalMetric.fromComplement(g, y, mp, TOL);
        final double[] mg = m.apply(g);
        for (int i = 0; i < 3; i++) {
            assertEquals(y[i], mg[i], 1e-15);
        }
        assertFalse(DenseMetrics.isNaturalGradient(m.toArray(), g, new double[] {-2, -1, -1.1}, 1e-9));
        assertTrue(DenseMetrics.isNaturalGradient(m.toArray(), g, new double[] {-2, -1, -1}, 1e-9));
    }
}
