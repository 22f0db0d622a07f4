package ngdref.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 6 (dense part): entries near 2^±100 … 2^-1070 and 1e308 gave NaN/∞ bases,
 * reconstruction_error = NaN, or an escaping Commons Math MaxCountExceededException. Expected values
 * are derived by hand (stated at each test) and compared in exact arithmetic (BigDecimal).
 */
class ExtremeMagnitudesTest {

    private static final double TOL = 1e-10;

    /** max over i, j of |(Σₖ uₖuₖᵀ)ᵢⱼ − mᵢⱼ|, exactly. */
    static BigDecimal exactReconstructionError(double[][] u, double[][] m) {
        BigDecimal worst = BigDecimal.ZERO;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                BigDecimal s = new BigDecimal(m[i][j]).negate();
                for (double[] uk : u) {
                    s = s.add(new BigDecimal(uk[i]).multiply(new BigDecimal(uk[j])));
                }
                worst = worst.max(s.abs());
            }
        }
        return worst;
    }

    private static void assertAllFinite(double[][] a) {
        for (double[] row : a) {
            for (double v : row) {
                assertTrue(Double.isFinite(v), Arrays.deepToString(a));
            }
        }
    }

    /** The CLI reproducer {@code decompose --m "1,0,0;0,1e308,0;0,0,1e308" --g 1,0,0} (y = Mg). */
    @Test
    void decomposeNear1e308NoLongerThrowsMaxCountExceeded() {
        final double[][] m = {{1, 0, 0}, {0, 1e308, 0}, {0, 0, 1e308}};
        final double[] g = {1, 0, 0};
        final double[] y = {1, 0, 0};
        final CanonicalForm f = CanonicalForm.decompose(m, g, y, TOL);
        // By hand: yyᵀ/(yᵀg) = e₁e₁ᵀ, so M' = diag(0, 1e308, 1e308), exactly representable.
        final double[][] expected = {{0, 0, 0}, {0, 1e308, 0}, {0, 0, 1e308}};
        final double[][] mp = f.mPrime();
        for (int i = 0; i < 3; i++) {
            assertEquals(Arrays.toString(expected[i]), Arrays.toString(mp[i]));
        }
        final double[][] u = f.basis();
        assertEquals(2, u.length);
        assertAllFinite(u);
        // Each uₖ lies in g⊥ = span{e₂, e₃} and has ‖uₖ‖² = 1e308 (the eigenvalue of M' there).
        for (double[] uk : u) {
            assertEquals(0.0, uk[0], 0.0);
            assertEquals(1e308, uk[1] * uk[1] + uk[2] * uk[2], 1e308 * 0x1.0p-40);
        }
        final BigDecimal bound = new BigDecimal(CanonicalForm.RECONSTRUCTION_BOUND * 3 * 1e308);
        assertTrue(exactReconstructionError(u, mp).compareTo(bound) <= 0);
        assertTrue(Double.isFinite(f.reconstructionError()) && f.reconstructionError() <= 3 * 1e308 * 0x1.0p-40);
    }

    /**
     * M = s·[[2,1,0],[1,2,0],[0,0,3]], g = e₁, y = Mg = s·(2,1,0). By hand: yᵀg = 2s,
     * yyᵀ/(yᵀg) = s·[[2,1,0],[1,½,0],[0,0,0]], so M' = s·diag(0, 3/2, 3), and the basis is
     * {√(3s/2)·e₂, √(3s)·e₃} up to sign and order. s runs over 2^±100, 2^±500, 2^-836, 2^±1000,
     * 2^-1070 (subnormal entries).
     */
    @Test
    void decomposeIsExactInShapeForEveryScale() {
        for (int e : new int[] {100, -100, 500, -500, -836, 1000, -1000, -1070}) {
            final double s = Math.scalb(1.0, e);
            final double[][] m = {{2 * s, s, 0}, {s, 2 * s, 0}, {0, 0, 3 * s}};
            final double[] g = {1, 0, 0};
            final double[] y = {2 * s, s, 0};
            final CanonicalForm f = CanonicalForm.decompose(m, g, y, TOL);
            final double[][] mp = f.mPrime();
            assertAllFinite(mp);
            final double mu = 3 * s;
            final double[][] expected = {{0, 0, 0}, {0, 1.5 * s, 0}, {0, 0, 3 * s}};
            // the stated accuracy of M': 2^-48·(max|M| + yᵀy/yᵀg) + 2^-1074, yᵀy/yᵀg = 5s/2
            final double mpBound = 0x1.0p-48 * (mu + 2.5 * s) + Double.MIN_VALUE;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(expected[i][j], mp[i][j], mpBound, "2^" + e + " M'[" + i + "][" + j + "]");
                }
            }
            final double[][] u = f.basis();
            assertAllFinite(u);
            final double[] squares = new double[2];
            for (int k = 0; k < 2; k++) {
                assertEquals(0.0, u[k][0], Math.sqrt(mu) * 0x1.0p-40, "2^" + e);
                squares[k] = u[k][1] * u[k][1] + u[k][2] * u[k][2];
            }
            Arrays.sort(squares);
            if (e > -1000) {   // below that the squares themselves are subnormal
                assertEquals(1.5 * s, squares[0], 1.5 * s * 0x1.0p-40, "2^" + e);
                assertEquals(3 * s, squares[1], 3 * s * 0x1.0p-40, "2^" + e);
            }
            BigDecimal mpg = BigDecimal.ZERO;    // ‖M'g‖∞ exactly, g = e₁, ‖g‖₂ = 1
            for (double[] row : mp) {
                mpg = mpg.max(new BigDecimal(row[0]).abs());
            }
            final BigDecimal bound = new BigDecimal(CanonicalForm.RECONSTRUCTION_BOUND * 3 * mu)
                    .add(mpg.multiply(BigDecimal.valueOf(3)))
                    .add(new BigDecimal(12 * Double.MIN_VALUE));
            assertTrue(exactReconstructionError(u, mp).compareTo(bound) <= 0, "2^" + e);
            assertTrue(Double.isFinite(f.reconstructionError()), "2^" + e);
        }
    }

    /**
     * Mixed magnitudes in one problem: g = (2^-900, 0), M = 2^900·diag(1, 1), y = Mg = (1, 0).
     * By hand: yyᵀ/(yᵀg) = 2^900·e₁e₁ᵀ, so M' = diag(0, 2^900) and u = ±2^450·e₂. Before, yᵀg and
     * the Mg check were formed unscaled.
     */
    @Test
    void decomposeWithMixedScalesOfMAndG() {
        final double big = 0x1.0p900;
        final CanonicalForm f = CanonicalForm.decompose(new double[][] {{big, 0}, {0, big}},
                new double[] {0x1.0p-900, 0}, new double[] {1, 0}, TOL);
        assertEquals("[[0.0, 0.0], [0.0, " + big + "]]", Arrays.deepToString(f.mPrime()));
        final double[] u = f.basis()[0];
        assertEquals(0.0, u[0], 0.0);
        assertEquals(0x1.0p450, Math.abs(u[1]), 0x1.0p450 * 0x1.0p-45);
    }

    /** M' near 1e308 plus yyᵀ/(yᵀg): by hand M = diag(1, 1e308, 1e308) again, exactly. */
    /**
     * cos ψ below the normal range with a representable σ, by hand: g = (1, 0),
     * y = (2^-1074, 2^-50), u = {(0, 1)}. Then yᵀg = 2^-1074, cos ψ ≈ 2^-1024 (subnormal),
     * σ = yᵀy/yᵀg ≈ 2^974 and M = yyᵀ/(yᵀg) + e₂e₂ᵀ = [[y₀²/yᵀg, y₀y₁/yᵀg], [·, y₁²/yᵀg + 1]]
     * = [[2^-1074, 2^-50], [2^-50, 2^974 + 1]], which rounds to [[2^-1074, 2^-50], [2^-50, 2^974]].
     * The old rank-one term ‖y'‖/(‖g'‖cos ψ) overflowed: refused as out of range.
     */
    @Test
    void canonicalMetricWithSubnormalCosPsi() {
        final double[][] m = CanonicalMetric.fromBasis(new double[] {1, 0}, new double[] {Double.MIN_VALUE, 0x1.0p-50},
                new double[][] {{0, 1}}, 1e-8).toArray();
        assertEquals(Double.MIN_VALUE, m[0][0], 0.0);
        assertEquals(0x1.0p-50, m[0][1], 0.0);
        assertEquals(0x1.0p-50, m[1][0], 0.0);
        assertEquals(0x1.0p974, m[1][1], 0.0);
    }

    /**
     * The canonical-form theorem with a subnormal cos ψ, by hand: g = (1, 0),
     * y = (2^-1074, 2^-50), cos ψ ≈ 2^-1024, and M = [[2^-1074, 2^-50], [2^-50, 2^975]], so that
     * Mg = y exactly. yyᵀ/(yᵀg) = [[2^-1074, 2^-50], [2^-50, 2^974]], hence M' = 2^974·e₂e₂ᵀ and
     * the basis is the single row ±2^487·e₂. The old decomposition formed σ from the rounded
     * cos ψ, overflowed, and refused M as "not positive semidefinite" with
     * "yᵀy/yᵀg = Infinity·2^k" (found by LibraryFuzzProperties in a long run).
     */
    @Test
    void decomposeWithSubnormalCosPsi() {
        final double[][] m = {{Double.MIN_VALUE, 0x1.0p-50}, {0x1.0p-50, 0x1.0p975}};
        final CanonicalForm f = CanonicalForm.decompose(m, new double[] {1, 0}, new double[] {Double.MIN_VALUE, 0x1.0p-50}, 1e-9);
        final double[][] u = f.basis();
        assertEquals(1, u.length);
        assertEquals(0.0, u[0][0], 0.0);
        assertEquals(0x1.0p487, Math.abs(u[0][1]), 0x1.0p487 * 1e-14);
    }

    @Test
    void canonicalMetricNear1e308() {
        final double[] g = {1, 0, 0};
        final double[] y = {1, 0, 0};
        final double[][] fromBasis = CanonicalMetric.fromBasis(g, y,
                new double[][] {{0, 1e154, 0}, {0, 0, 1e154}}, TOL).toArray();
        // 1e154² = 1e308 up to the rounding of both: compare within 2 ulps
        assertEquals(1.0, fromBasis[0][0], 0.0);
        assertEquals(1e154 * 1e154, fromBasis[1][1], 2 * Math.ulp(1e308));
        assertEquals(0.0, fromBasis[0][1], 0.0);
        final CanonicalMetric fromComplement = CanonicalMetric.fromComplement(g, y,
                new double[][] {{0, 0, 0}, {0, 1e308, 0}, {0, 0, 1e308}}, TOL);
        assertEquals("[[1.0, 0.0, 0.0], [0.0, 1.0E308, 0.0], [0.0, 0.0, 1.0E308]]",
                Arrays.deepToString(fromComplement.toArray()));
        // M·(1, 1, 1) = (1, 1e308, 1e308), in range, though ‖M‖₁·‖x‖ is not
        assertEquals("[1.0, 1.0E308, 1.0E308]", Arrays.toString(fromComplement.apply(new double[] {1, 1, 1})));
    }

    /** An entry of M outside the range of double is refused by name, not returned as ∞. */
    @Test
    void canonicalMetricRefusesAnOverflowingEntry() {
        final ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> CanonicalMetric.fromBasis(new double[] {1, 0}, new double[] {1, 0},
                        new double[][] {{0, 1e200}}, TOL));
        assertTrue(e.getMessage().contains("M[1][1]") && e.getMessage().contains("overflows"), e.getMessage());
        final ArithmeticException apply = assertThrows(ArithmeticException.class,
                () -> CanonicalMetric.fromComplement(new double[] {1, 0}, new double[] {1, 0},
                        new double[][] {{0, 0}, {0, 1e308}}, TOL).apply(new double[] {0, 1e10}));
        assertTrue(apply.getMessage().contains("(Mx)[1]"), apply.getMessage());
    }

    /**
     * g = −M⁻¹∇L at small and large scales. By hand: M = s·diag(1, 2), g = (1, 1), ∇L = −Mg =
     * −s·(1, 2). Before, Cholesky's absolute threshold 1e-10 rejected M = 1e-20·diag(1, 2) as not
     * positive definite, and 1e308·diag(1, 2) overflowed.
     */
    @Test
    void naturalGradientCheckAtExtremeScales() {
        for (double s : new double[] {1e-20, 1e-300, 0x1.0p-1060, 1e307}) {
            final double[][] m = {{s, 0}, {0, 2 * s}};
            assertTrue(DenseMetrics.isNaturalGradient(m, new double[] {1, 1}, new double[] {-s, -2 * s}, 1e-12), "s = " + s);
            // and a wrong gradient is recognised as wrong: −M⁻¹(−s, −s) = (1, ½) ≠ (1, 1)
            assertTrue(!DenseMetrics.isNaturalGradient(m, new double[] {1, 1}, new double[] {-s, -s}, 1e-12), "s = " + s);
        }
    }
}
