package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link AngleEnclosure} on cos²ψ given reduced ({@code of}) and unreduced ({@code ofFraction},
 * what {@link GradientAngle#psi()} passes): the same enclosure, containing the known angle.
 */
class AngleEnclosureTest {

    /** π to 60 digits (a constant, not computed by the code under test). */
    private static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494");

    @Test
    void knownAnglesAreEnclosedAlikeFromReducedAndUnreducedFractions() {
        // cos²ψ = 3/4, 1/2, 1/4, 0: ψ = π/6, π/4, π/3, π/2
        final long[][] fractions = {{3, 4}, {1, 2}, {1, 4}, {0, 1}};
        final int[] piOver = {6, 4, 3, 2};
        // common factors: a large power of two (cancelled by a shift), an odd one, and both
        final BigInteger[] factors = {BigInteger.ONE, BigInteger.ONE.shiftLeft(4000),
            BigInteger.valueOf(3).pow(700), BigInteger.valueOf(15).pow(300).shiftLeft(1234)};
        for (int i = 0; i < fractions.length; i++) {
            final Rational c = Rational.of(BigInteger.valueOf(fractions[i][0]), BigInteger.valueOf(fractions[i][1]));
            final Enclosure reduced = AngleEnclosure.of(c);
            final BigDecimal psi = PI.divide(BigDecimal.valueOf(piOver[i]), new java.math.MathContext(55));
            assertTrue(reduced.contains(psi), () -> reduced + " does not contain " + psi);
            for (BigInteger k : factors) {
                final Enclosure unreduced = AngleEnclosure.ofFraction(c.numerator().multiply(k), c.denominator().multiply(k));
                assertEquals(reduced.lo(), unreduced.lo(), "lower end for " + c + " times a factor");
                assertEquals(reduced.hi(), unreduced.hi(), "upper end for " + c + " times a factor");
            }
        }
    }

    @Test
    void cosSquaredOneIsTheAngleZero() {
        final BigInteger d = BigInteger.valueOf(7).pow(100).shiftLeft(300);
        assertTrue(AngleEnclosure.ofFraction(d, d).isPoint());
        assertEquals(0, AngleEnclosure.ofFraction(d, d).lo().signum());
    }

    @Test
    void fractionsOutsideTheUnitIntervalAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AngleEnclosure.ofFraction(BigInteger.TWO, BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> AngleEnclosure.ofFraction(BigInteger.ONE.negate(), BigInteger.TWO));
        assertThrows(IllegalArgumentException.class, () -> AngleEnclosure.ofFraction(BigInteger.ONE, BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> AngleEnclosure.ofFraction(BigInteger.ONE.negate(), BigInteger.ONE.negate()));
        assertThrows(IllegalArgumentException.class, () -> AngleEnclosure.ofFraction(null, BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> AngleEnclosure.of(null));
        assertThrows(IllegalArgumentException.class, () -> AngleEnclosure.of(Rational.of(BigInteger.valueOf(5), BigInteger.valueOf(4))));
    }
}
