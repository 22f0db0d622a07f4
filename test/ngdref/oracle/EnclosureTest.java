package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class EnclosureTest {

    private static BigDecimal d(double x) {
        return new BigDecimal(x);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** The exact midpoint between adjacent doubles a < b. */
    private static BigDecimal mid(double a, double b) {
        return d(a).add(d(b)).divide(BigDecimal.valueOf(2));
    }

    @Test
    void nearestDoubleTiesToEven() {
        final double one = 1.0;
        final double up = Math.nextUp(1.0);                 // 1 + 2^-52, odd significand
        final double up2 = Math.nextUp(up);                 // 1 + 2^-51, even
        assertEquals(one, NearestDouble.of(mid(one, up)));  // tie between 1 (even) and 1 + 2^-52
        assertEquals(up2, NearestDouble.of(mid(up, up2)));  // tie goes to the even 1 + 2^-51
        assertEquals(up, NearestDouble.of(mid(one, up).add(d("1e-40"))));
        assertEquals(one, NearestDouble.of(mid(one, up).subtract(d("1e-40"))));
        assertEquals(0.1, NearestDouble.of(d("0.1")));
        assertEquals(-0.1, NearestDouble.of(d("-0.1")));
    }

    @Test
    void nearestDoubleAtTheEnds() {
        // Overflow threshold 2^1024 − 2^970: the tie goes to 2^1024, i.e. infinity.
        final BigDecimal threshold = new BigDecimal(BigInteger.ONE.shiftLeft(1024).subtract(BigInteger.ONE.shiftLeft(970)));
        assertEquals(Double.POSITIVE_INFINITY, NearestDouble.of(threshold));
        assertEquals(Double.MAX_VALUE, NearestDouble.of(threshold.subtract(BigDecimal.ONE)));
        assertEquals(Double.NEGATIVE_INFINITY, NearestDouble.of(threshold.negate()));
        // Half the smallest subnormal ties to 0 (even); just above it rounds to MIN_VALUE.
        final BigDecimal halfMin = d(Double.MIN_VALUE).divide(BigDecimal.valueOf(2));
        assertEquals(0.0, NearestDouble.of(halfMin));
        assertEquals(Double.MIN_VALUE, NearestDouble.of(halfMin.add(d("1e-400"))));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(NearestDouble.of(halfMin.negate())));
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(NearestDouble.of(BigDecimal.ZERO)));
    }

    @Test
    void correctlyRoundedOnlyWhenBothEndsAgree() {
        assertEquals(OptionalDouble.of(0.1), Enclosure.of(0.1).correctlyRounded());           // exactly a double
        final double up = Math.nextUp(1.0);
        // Strictly between 1 and the midpoint: decided 1.0.
        assertEquals(OptionalDouble.of(1.0), Enclosure.of(d("1.00000000000000001"), d("1.00000000000000002")).correctlyRounded());
        // Straddles the midpoint between 1 and 1 + 2^-52: undecided.
        assertFalse(Enclosure.of(mid(1.0, up).subtract(d("1e-30")), mid(1.0, up).add(d("1e-30"))).correctlyRounded().isPresent());
        // The midpoint itself as a point: ties to even.
        assertEquals(OptionalDouble.of(1.0), Enclosure.point(mid(1.0, up)).correctlyRounded());
        // Around zero the sign of the rounded zero is unknown.
        assertFalse(Enclosure.of(d("-1e-400"), d("1e-400")).correctlyRounded().isPresent());
        assertEquals(OptionalDouble.of(0.0), Enclosure.point(BigDecimal.ZERO).correctlyRounded());
    }

    @Test
    void intervalArithmeticByHand() {
        final Enclosure a = Enclosure.of(d(1), d(2));
        final Enclosure b = Enclosure.of(d(-3), d(4));
        assertEquals(0, a.add(b).lo().compareTo(d(-2)));
        assertEquals(0, a.add(b).hi().compareTo(d(6)));
        assertEquals(0, a.subtract(b).lo().compareTo(d(-3)));
        assertEquals(0, a.subtract(b).hi().compareTo(d(5)));
        assertEquals(0, a.multiply(b).lo().compareTo(d(-6)));
        assertEquals(0, a.multiply(b).hi().compareTo(d(8)));
        assertEquals(0, b.negate().lo().compareTo(d(-4)));
        final Enclosure third = Enclosure.of(d(1), d(1)).divide(Enclosure.of(d(3), d(3)));
        assertTrue(third.lo().compareTo(d("0.3333333333")) > 0 && third.hi().compareTo(d("0.3333333334")) < 0);
        assertTrue(third.lo().multiply(d(3)).compareTo(BigDecimal.ONE) < 0);      // outward rounded
        assertTrue(third.hi().multiply(d(3)).compareTo(BigDecimal.ONE) > 0);
        assertEquals(OptionalDouble.of(1.0 / 3), third.correctlyRounded());       // 1/3 in double is correctly rounded
        assertThrows(ArithmeticException.class, () -> a.divide(b));
    }

    @Test
    void squareRootsAreRigorous() {
        final Enclosure r = Enclosure.of(2.0).sqrt();
        assertTrue(r.lo().multiply(r.lo()).compareTo(d(2)) < 0);
        assertTrue(r.hi().multiply(r.hi()).compareTo(d(2)) > 0);
        assertEquals(OptionalDouble.of(1.4142135623730951), r.correctlyRounded());   // IEEE sqrt(2), by hand
        final Enclosure exact = Enclosure.of(Rational.of(BigInteger.valueOf(9), BigInteger.valueOf(16))).sqrt();
        assertTrue(exact.isPoint());
        assertEquals(0, exact.lo().compareTo(d("0.75")));
        assertThrows(ArithmeticException.class, () -> Enclosure.of(d(-1), d(1)).sqrt());
    }

    @Test
    void rationalEnclosures() {
        assertTrue(Enclosure.of(Rational.of(BigInteger.ONE, BigInteger.valueOf(40))).isPoint());   // 0.025
        final Enclosure seventh = Enclosure.of(Rational.of(BigInteger.ONE, BigInteger.valueOf(7)));
        assertFalse(seventh.isPoint());
        assertTrue(seventh.lo().multiply(d(7)).compareTo(BigDecimal.ONE) < 0);     // lo < 1/7 < hi
        assertTrue(seventh.hi().multiply(d(7)).compareTo(BigDecimal.ONE) > 0);
    }

    @Test
    void badInputs() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Enclosure.of(d(2), d(1))).getMessage().contains("lo"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Enclosure.of(null, d(1))).getMessage().contains("lo"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Enclosure.of(Double.NaN)).getMessage().contains("x"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NearestDouble.of(null)).getMessage().contains("x"));
    }

    /**
     * ofFraction skips the gcd of of(Rational): the same ends, digit for digit and scale for
     * scale (the conformance files print them), for unreduced fractions that terminate (powers of
     * 2 and 5 in d, integers with trailing zeros), that do not, and with a common factor.
     */
    @Test
    void ofFractionIsOfRationalWithoutTheReduction() {
        final java.util.Random r = new java.util.Random(20261203);
        final BigInteger[] factors = {BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(5), BigInteger.TEN,
            BigInteger.valueOf(3), BigInteger.valueOf(7 * 13), BigInteger.TWO.pow(1100), BigInteger.valueOf(5).pow(40)};
        for (int trial = 0; trial < 4000; trial++) {
            BigInteger n = new BigInteger(1 + r.nextInt(300), r).multiply(factors[r.nextInt(factors.length)]);
            BigInteger d = BigInteger.ONE;
            for (int k = r.nextInt(4); k >= 0; k--) {
                d = d.multiply(factors[r.nextInt(factors.length)]);
            }
            if (r.nextBoolean()) {
                d = d.multiply(new BigInteger(1 + r.nextInt(200), r).add(BigInteger.ONE));
            }
            final BigInteger common = factors[r.nextInt(factors.length)];
            n = n.multiply(common);
            d = d.multiply(common);
            if (trial % 3 == 0) {
                n = n.negate();
            }
            if (trial % 5 == 0) {
                n = n.negate();
                d = d.negate();
            }
            if (trial % 97 == 0) {
                n = BigInteger.ZERO;
            }
            final Enclosure expected = Enclosure.of(Rational.of(n, d));
            final Enclosure fast = Enclosure.ofFraction(n, d);
            assertEquals(expected.lo().toString(), fast.lo().toString(), n + "/" + d);
            assertEquals(expected.hi().toString(), fast.hi().toString(), n + "/" + d);
        }
        assertEquals("100", Enclosure.ofFraction(BigInteger.valueOf(300), BigInteger.valueOf(3)).lo().toString());
        assertEquals("0.25", Enclosure.ofFraction(BigInteger.valueOf(3), BigInteger.valueOf(12)).hi().toString());
        assertThrows(IllegalArgumentException.class, () -> Enclosure.ofFraction(BigInteger.ONE, BigInteger.ZERO));
    }

    /** sqrtOfFraction is sqrtOf(Rational.of(n, d)) digit for digit, squares (unreduced) included. */
    @Test
    void sqrtOfFractionIsSqrtOfTheReducedRational() {
        final java.util.Random r = new java.util.Random(3122026);
        for (int trial = 0; trial < 3000; trial++) {
            BigInteger a = new BigInteger(1 + r.nextInt(200), r).add(BigInteger.ONE);
            BigInteger b = new BigInteger(1 + r.nextInt(200), r).add(BigInteger.ONE);
            if (trial % 2 == 0) {                  // a rational square a²/b², then unreduced
                a = a.multiply(a);
                b = b.multiply(b);
            }
            final BigInteger common = BigInteger.valueOf(1 + r.nextInt(50)).shiftLeft(r.nextInt(1200));
            final BigInteger n = trial % 7 == 0 ? BigInteger.ZERO : a.multiply(common);
            final BigInteger d = b.multiply(common);
            final Enclosure expected = Enclosure.sqrtOf(Rational.of(n, d));
            final Enclosure fast = Enclosure.sqrtOfFraction(n, d);
            assertEquals(expected.lo().toString(), fast.lo().toString(), n + "/" + d);
            assertEquals(expected.hi().toString(), fast.hi().toString(), n + "/" + d);
        }
        assertThrows(ArithmeticException.class, () -> Enclosure.sqrtOfFraction(BigInteger.ONE, BigInteger.valueOf(-4)));
    }

    /**
     * ofQuotient divides the leading bits first (Enclosure.ScaledFloor): the floor and the
     * exactness must be those of the whole division, which this test does directly, on operands
     * of up to 20,000 bits, at decimal scales of both signs, for exact quotients and for values
     * within 1/d of an integer (where the leading bits cannot decide and the whole division must).
     */
    @Test
    void scaledFloorIsTheWholeDivision() {
        final java.util.Random r = new java.util.Random(20261204);
        int exact = 0;
        int nearInteger = 0;
        for (int trial = 0; trial < 3000; trial++) {
            final BigInteger d = new BigInteger(1 + r.nextInt(20000), r).add(BigInteger.ONE);
            final int s = r.nextInt(1601) - 800;
            final BigInteger ten = BigInteger.TEN.pow(Math.abs(s));
            BigInteger m = new BigInteger(1 + r.nextInt(20000), r).add(BigInteger.ONE);
            if (trial % 4 == 1) {                     // m·10^s/d an integer (or m/(d·10^-s))
                m = s >= 0 ? d.multiply(new BigInteger(1 + r.nextInt(400), r).add(BigInteger.ONE))
                        : d.multiply(ten).multiply(new BigInteger(1 + r.nextInt(400), r).add(BigInteger.ONE));
                if (s >= 0 && r.nextBoolean()) {
                    m = m.multiply(ten);
                }
            } else if (trial % 4 == 2) {              // one unit away from an integer multiple
                final BigInteger q = new BigInteger(1 + r.nextInt(400), r).add(BigInteger.ONE);
                m = (s >= 0 ? d.multiply(q) : d.multiply(ten).multiply(q)).add(r.nextBoolean() ? BigInteger.ONE : BigInteger.ONE.negate());
                if (m.signum() <= 0) {
                    m = BigInteger.ONE;
                }
            }
            final BigInteger[] qr = s >= 0 ? m.multiply(ten).divideAndRemainder(d) : m.divideAndRemainder(d.multiply(ten));
            final Enclosure.ScaledFloor f = Enclosure.ScaledFloor.of(m, d, s);
            assertEquals(qr[0], f.value(), "floor of " + m + "·10^" + s + "/" + d);
            assertEquals(qr[1].signum() == 0, f.exact(), "exactness of " + m + "·10^" + s + "/" + d);
            exact += f.exact() ? 1 : 0;
            nearInteger += trial % 4 == 2 ? 1 : 0;
        }
        assertTrue(exact > 500 && nearInteger == 750, exact + " exact quotients");
        // through ofQuotient: 1/3 and −1/3 at scale 103 (bit lengths differ by 2: e10 = −1, s = 100 + 2 + 1), and an exact quotient of long operands
        final BigInteger big = BigInteger.ONE.shiftLeft(15000).add(BigInteger.valueOf(12345));
        final Enclosure third = Enclosure.ofQuotient(big, big.multiply(BigInteger.valueOf(3)));
        assertEquals("0." + "3".repeat(103), third.lo().toString());
        assertEquals("0." + "3".repeat(102) + "4", third.hi().toString());
        final Enclosure minusThird = Enclosure.ofQuotient(big.negate(), big.multiply(BigInteger.valueOf(3)));
        assertEquals("-0." + "3".repeat(102) + "4", minusThird.lo().toString());
        assertTrue(Enclosure.ofQuotient(big.multiply(BigInteger.valueOf(-7)), big.shiftLeft(3)).isPoint());
        assertEquals(0, Enclosure.ofQuotient(big.multiply(BigInteger.valueOf(-7)), big.shiftLeft(3)).lo()
                .compareTo(new BigDecimal("-0.875")));
    }
}
