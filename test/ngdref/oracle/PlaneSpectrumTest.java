package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The oracle's O(D²) certificate (M − αI has its range in span{g, y}) against the general
 * O(D³) explicit-matrix enclosure ({@link SpectrumOracle}) and exact elimination
 * ({@link ExactSolve}), and the certificate's ability to fail.
 */
class PlaneSpectrumTest {

    private static final MathContext MC = new MathContext(60);

    @Test
    void theRestrictionsRootsAreTheExtremeEigenvaluesOfTheExplicitMatrix() {
        final Random r = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            final int d = 2 + r.nextInt(7);
            final double[] g = new double[d];
            final double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                g[i] = Math.scalb(r.nextGaussian(), r.nextInt(21) - 10);
                y[i] = g[i] * (1 + r.nextGaussian()) + Math.scalb(r.nextGaussian(), r.nextInt(21) - 10);
            }
            final ExactDots dots = ExactDots.of(g, y);
            if (dots.yTg().signum() <= 0) {
                continue;
            }
            final Rational alpha = Rational.of(Math.scalb(1.0 + r.nextDouble(), r.nextInt(41) - 20));
            final RationalMatrix m = ExplicitFamilyMetric.ofAlpha(g, y, alpha);
            final SpanRestriction span = PlaneSpectrum.of(m, alpha, g, y).restriction();
            // The same plane restriction as the direct O(D²) product of SpanRestriction.of.
            final SpanRestriction direct = SpanRestriction.of(m, g, y);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    assertEquals(direct.get(i, j), span.get(i, j));
                }
            }
            // Its roots are the extremes of the spectrum of the explicit matrix.
            final BigDecimal t = span.trace().toBigDecimal(60, RoundingMode.HALF_EVEN);
            final BigDecimal det = span.determinant().toBigDecimal(60, RoundingMode.HALF_EVEN);
            final BigDecimal half = t.divide(BigDecimal.valueOf(2), MC);
            final BigDecimal root = half.multiply(half, MC).subtract(det, MC).sqrt(MC);
            final Spectrum s = SpectrumOracle.of(m);
            assertTrue(near(s.max(), half.add(root, MC)), s.max() + " vs " + half.add(root, MC));
            assertTrue(near(s.min(), half.subtract(root, MC)), s.min() + " vs " + half.subtract(root, MC));
            assertTrue(span.characteristicValue(alpha).signum() <= 0, "α between the roots");
        }
    }

    /** x within 1e-40 (relative) of the enclosure. */
    private static boolean near(Enclosure e, BigDecimal x) {
        final BigDecimal slack = x.abs().multiply(new BigDecimal("1e-40"));
        return e.lo().subtract(slack).compareTo(x) <= 0 && x.compareTo(e.hi().add(slack)) <= 0;
    }

    @Test
    void exactSolutionIsExactEliminationAndIsCheckedAgainstTheMatrix() {
        final Random r = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            final int d = 2 + r.nextInt(6);
            final double[] g = new double[d];
            final double[] y = new double[d];
            final double[] b = new double[d];
            for (int i = 0; i < d; i++) {
                g[i] = r.nextGaussian();
                y[i] = trial % 5 == 0 ? 0.5 * g[i] : g[i] + r.nextGaussian();   // every 5th: y ∥ g
                b[i] = Math.scalb(r.nextGaussian(), r.nextInt(11) - 5);
            }
            if (ExactDots.of(g, y).yTg().signum() <= 0) {
                continue;
            }
            final Rational alpha = Rational.of(0.25 + r.nextDouble());
            final RationalMatrix m = ExplicitFamilyMetric.ofAlpha(g, y, alpha);
            final PlaneSpectrum plane = PlaneSpectrum.of(m, alpha, g, y);
            assertEquals(trial % 5 == 0, plane.isLine());
            final Rational[] eb = ExactDots.exact(b, "b");
            final RationalMatrix.Quotients z = ExactSolution.of(plane, eb);
            final Rational[] exact = ExactSolve.of(m, eb);
            // m·b from the certified columns against the entry-by-entry product
            final RationalMatrix.Quotients fast = plane.times(eb);
            final RationalMatrix.Quotients direct = m.product(eb);
            for (int i = 0; i < d; i++) {
                assertEquals(exact[i], Rational.of(z.numerators()[i], z.denominator()));
                assertTrue(Enclosure.ofQuotient(z.numerators()[i], z.denominator()).intersects(Enclosure.of(exact[i])));
                assertEquals(Rational.of(direct.numerators()[i], direct.denominator()),
                        Rational.of(fast.numerators()[i], fast.denominator()));
            }
        }
    }

    @Test
    void aSolutionThatDoesNotSolveTheExplicitMatrixIsRefused() {
        final double[] g = {1, 0, 0};
        final double[] y = {1, 1, 0};
        final Rational alpha = Rational.of(2);
        // M(2) of (g, y + g): plane + 2·I on the complement like M(2) of (g, y), so the plane
        // check passes, but it is another matrix, and z for (g, y) does not solve it
        final RationalMatrix other = ExplicitFamilyMetric.ofAlpha(g, new double[] {2, 1, 0}, alpha);
        final PlaneSpectrum plane = PlaneSpectrum.of(other, alpha, g, y);
        assertThrows(IllegalStateException.class, () -> ExactSolution.of(plane,
                ExactDots.exact(new double[] {1, 2, 3}, "b")));
        // bad arguments are named
        final Rational[] shortB = ExactDots.exact(new double[] {1, 2}, "b");
        assertEquals("b must have the matrix's dimension 3, was 2",
                assertThrows(IllegalArgumentException.class, () -> ExactSolution.of(plane, shortB)).getMessage());
        assertEquals("b[1] is null", assertThrows(IllegalArgumentException.class,
                () -> ExactSolution.of(plane, new Rational[] {Rational.ONE, null, Rational.ONE})).getMessage());
        assertEquals("v is null", assertThrows(IllegalArgumentException.class, () -> plane.times((Rational[]) null)).getMessage());
        assertEquals("v must have length 3, was 2",
                assertThrows(IllegalArgumentException.class, () -> plane.times(shortB)).getMessage());
        // M(3) with α = 2 is refused by the plane check itself
        final RationalMatrix wrong = ExplicitFamilyMetric.ofAlpha(g, y, Rational.of(3));
        assertThrows(IllegalArgumentException.class, () -> PlaneSpectrum.of(wrong, alpha, g, y));
    }

    @Test
    void onALineTheEigenvalueOnGIsExact() {
        final double[] g = {1, 2, 2};
        final double[] y = {3, 6, 6};                       // y = 3g: M g = y = 3g
        final Rational alpha = Rational.of(5);
        final PlaneSpectrum p = PlaneSpectrum.of(ExplicitFamilyMetric.ofAlpha(g, y, alpha), alpha, g, y);
        assertTrue(p.isLine());
        assertEquals(Rational.of(3), p.eigenvalueOnG());
    }

    @Test
    void aMatrixOutsideTheFamilyFailsTheCertificate() {
        final double[] g = {1, 0, 0, 1};
        final double[] y = {1, 1, 0, 0};
        final Rational alpha = Rational.of(2);
        final RationalMatrix m = ExplicitFamilyMetric.ofAlpha(g, y, alpha);
        // Perturb the (2, 3) and (3, 2) entries by 2^-60: still symmetric, no longer α on the complement.
        final Rational[][] entries = new Rational[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                entries[i][j] = m.get(i, j);
            }
        }
        final Rational eps = Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(60));
        entries[2][3] = entries[2][3].add(eps);
        entries[3][2] = entries[3][2].add(eps);
        final RationalMatrix perturbed = RationalMatrix.of(entries);
        assertThrows(IllegalArgumentException.class, () -> PlaneSpectrum.of(perturbed, alpha, g, y));
        // The wrong α fails too: M − (α + ε)I is not zero on the complement.
        assertThrows(IllegalArgumentException.class, () -> PlaneSpectrum.of(m, alpha.add(eps), g, y));
    }

    /**
     * D = 64 (the columns are checked in parallel) with entries of g and y whose exponents span
     * the whole double range: the matrix's integers have about 8,000 bits and are checked as
     * digits ({@link DigitSum}). The certificate holds for the family's matrix, gives the same
     * restriction as the direct product, and fails when any one symmetric pair of entries is
     * changed by one unit of its lowest or its highest bit.
     */
    @Test
    void everyEntryOfAWholeRangeMatrixIsChecked() {
        final Random r = new Random(23);
        final int d = 64;
        final double[] g = new double[d];
        final double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = Math.scalb(1 + r.nextDouble(), r.nextInt(2001) - 1000) * (r.nextBoolean() ? 1 : -1);
            y[i] = r.nextInt(10) < 7 ? g[i] * (0.5 + r.nextDouble())
                    : Math.scalb(1 + r.nextDouble(), r.nextInt(2001) - 1000) * (r.nextBoolean() ? 1 : -1);
        }
        if (ExactDots.of(g, y).yTg().signum() < 0) {
            for (int i = 0; i < d; i++) {
                y[i] = -y[i];
            }
        }
        final Rational alpha = ExplicitFamilyMetric.alphaOfGamma(g, y, 1.0);
        final RationalMatrix m = ExplicitFamilyMetric.optimal(g, y);
        assertTrue(m.numerator(d - 1, 0).bitLength() > 1000 || m.numerator(0, 0).bitLength() > 1000);
        final SpanRestriction span = PlaneSpectrum.of(m, alpha, g, y).restriction();
        final SpanRestriction direct = SpanRestriction.of(m, g, y);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(direct.get(i, j), span.get(i, j));
            }
        }
        final int[][] cells = {{0, 0}, {d - 1, 0}, {17, 5}, {d - 1, d - 1}, {40, 39}};
        for (int[] cell : cells) {
            final BigInteger entry = m.numerator(cell[0], cell[1]);
            for (BigInteger change : new BigInteger[] {BigInteger.ONE, BigInteger.ONE.negate(),
                BigInteger.ONE.shiftLeft(Math.max(0, entry.bitLength() - 1))}) {
                final Rational[][] e = new Rational[d][d];
                for (Rational[] row : e) {
                    java.util.Arrays.fill(row, Rational.ZERO);
                }
                e[cell[0]][cell[1]] = Rational.of(change, m.denominator());
                e[cell[1]][cell[0]] = e[cell[0]][cell[1]];
                final RationalMatrix perturbed = m.add(RationalMatrix.of(e));
                assertThrows(IllegalArgumentException.class, () -> PlaneSpectrum.of(perturbed, alpha, g, y),
                        "entry (" + cell[0] + ", " + cell[1] + ") changed by " + change);
            }
        }
    }

    /**
     * A matrix whose columns are combinations of g and y with non-integral coefficients in the
     * integer basis (G, Y): the check must take the general path, not read the quotient by the
     * minor's odd part as a combination. diag(2, 1, 1) = I + (1/4)·ggᵀ for g = (2, 0, 0): column
     * 0 of M − I is G/2, the minor of rows 0 and 1 of [G Y] is 4, and Cramer's numerator is 2.
     */
    @Test
    void nonIntegralCombinationsOfGAndYPass() {
        final double[] g = {2, 0, 0};
        final double[] y = {0, 2, 0};
        final RationalMatrix m = RationalMatrix.of(new double[][] {{2, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        final PlaneSpectrum p = PlaneSpectrum.of(m, Rational.ONE, g, y);
        assertFalse(p.isLine());
        assertEquals(Rational.of(3), p.restriction().trace());             // eigenvalues 2 and 1 on the plane
        assertEquals(Rational.of(2), p.restriction().determinant());
        final RationalMatrix notInSpan = RationalMatrix.of(new double[][] {{2, 0, 0}, {0, 1, 0}, {0, 0, 1.5}});
        assertThrows(IllegalArgumentException.class, () -> PlaneSpectrum.of(notInSpan, Rational.ONE, g, y));
    }
}
