package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The oracle's allocation-free integer sums ({@link DigitSum}) and the explicit matrix given
 * entry by entry into them ({@link SymmetricEntries}), against {@code BigInteger} arithmetic: sums of
 * products of long integers (up to 9,000 bits, odd parts and powers of two of any size) with
 * doubles' integers (53-bit odd parts), of both signs, and their shortest stored form.
 */
class DigitSumTest {

    /** A random integer of up to {@code bits} bits, of either sign, often with many trailing zeros. */
    private static BigInteger wide(Random r, int bits) {
        final BigInteger v = new BigInteger(1 + r.nextInt(bits), r).shiftLeft(r.nextInt(3) == 0 ? 0 : r.nextInt(3000));
        return r.nextBoolean() ? v.negate() : v;
    }

    /** A double's integer: an odd part of up to 53 bits times a power of two (or 0, ±1, ±(2^53 − 1)). */
    private static BigInteger narrow(Random r) {
        switch (r.nextInt(8)) {
            case 0:
                return BigInteger.ZERO;
            case 1:
                return BigInteger.ONE.shiftLeft(r.nextInt(2100)).negate();
            case 2:
                return BigInteger.ONE.shiftLeft(53).subtract(BigInteger.ONE).shiftLeft(r.nextInt(2100));
            default:
                final BigInteger odd = new BigInteger(1 + r.nextInt(53), r).setBit(0);
                return (r.nextBoolean() ? odd.negate() : odd).shiftLeft(r.nextInt(2100));
        }
    }

    /** The stored form of the sum, checked to be the shortest one, read back. */
    private static BigInteger stored(DigitSum sum) {
        final int[] out = new int[sum.slots() + 4];
        out[0] = 12345;                                      // an offset, and ints around it
        out[out.length - 1] = -7;
        final int count = sum.store(out, 1);
        assertTrue(count >= 2 && count <= sum.slots() + 1, "count " + count);
        final int z = out[1];
        final int top = out[count];
        if (count > 2) {
            assertTrue(top != 0 && top != -1, "shortest form: last digit " + top);
        }
        assertTrue(out[2] != 0 || (count == 2 && z == 0), "shortest form: lowest digit 0 at " + z);
        for (int k = 2; k < count; k++) {
            assertTrue(out[k] >= 0 && out[k] < 1 << DigitSum.W, "digit " + out[k]);
        }
        assertEquals(12345, out[0]);
        assertEquals(-7, out[out.length - 1]);
        return DigitSum.valueOf(out, 1, count);
    }

    @Test
    void sumsOfProductsAreExact() {
        final Random r = new Random(2026);
        for (int trial = 0; trial < 3000; trial++) {
            final int terms = 1 + r.nextInt(5);
            final BigInteger[] a = new BigInteger[terms];
            final BigInteger[] s = new BigInteger[terms];
            final int[] sign = new int[terms];
            long bits = 0;
            for (int t = 0; t < terms; t++) {
                a[t] = wide(r, trial % 10 == 0 ? 9000 : 600);
                s[t] = narrow(r);
                sign[t] = r.nextBoolean() ? 1 : -1;
                bits = Math.max(bits, a[t].bitLength() + s[t].bitLength());
            }
            final DigitSum sum = new DigitSum(DigitSum.slotsFor(bits + 3));
            BigInteger expected = BigInteger.ZERO;
            for (int t = 0; t < terms; t++) {
                sum.addProduct(DigitSum.Wide.of(a[t]), DigitSum.Narrow.of(s[t]), sign[t]);
                expected = expected.add(a[t].multiply(s[t]).multiply(BigInteger.valueOf(sign[t])));
            }
            assertEquals(expected, stored(sum), "trial " + trial);
            // store left the sum zero: a second use starts from nothing.
            sum.addProduct(DigitSum.Wide.of(a[0]), DigitSum.Narrow.of(s[0]), 1);
            assertEquals(a[0].multiply(s[0]), stored(sum));
        }
    }

    @Test
    void aDifferenceIsZeroExactlyWhenTheIntegersAreEqual() {
        final Random r = new Random(5);
        for (int trial = 0; trial < 2000; trial++) {
            final BigInteger a = wide(r, 4000);
            final BigInteger s = narrow(r);
            final BigInteger product = a.multiply(s);
            // e: the product itself, or off by ±1, by ±2^k at a random bit, or negated.
            final BigInteger e;
            switch (trial % 5) {
                case 0:
                    e = product;
                    break;
                case 1:
                    e = product.add(r.nextBoolean() ? BigInteger.ONE : BigInteger.ONE.negate());
                    break;
                case 2:
                    e = product.add(BigInteger.ONE.shiftLeft(r.nextInt(Math.max(1, product.bitLength() + 2))));
                    break;
                case 3:
                    e = product.negate();
                    break;
                default:
                    e = product.subtract(BigInteger.ONE.shiftLeft(Math.max(0, product.bitLength() - 1)));
                    break;
            }
            final DigitSum sum = new DigitSum(DigitSum.slotsFor(Math.max(product.bitLength(), e.bitLength()) + 2));
            sum.addProduct(DigitSum.Wide.of(e), DigitSum.Narrow.ONE, -1);
            sum.addProduct(DigitSum.Wide.of(a), DigitSum.Narrow.of(s), 1);
            assertEquals(product.equals(e), sum.isZero(), "trial " + trial);
            // isZero left the sum zero either way: a second use starts from nothing.
            assertTrue(sum.isZero());
            sum.addProduct(DigitSum.Wide.of(a), DigitSum.Narrow.of(s), 1);
            assertEquals(product, stored(sum), "trial " + trial);
        }
    }

    /** The value of a {@link DigitSum.Wide}. */
    private static BigInteger value(DigitSum.Wide w) {
        BigInteger v = BigInteger.ZERO;
        for (int k = w.digits().length - 1; k >= 0; k--) {
            assertTrue(w.digits()[k] >= 0 && w.digits()[k] < 1L << DigitSum.W, "digit " + w.digits()[k]);
            v = v.shiftLeft(DigitSum.W).add(BigInteger.valueOf(w.digits()[k]));
        }
        return v.shiftLeft(w.shift()).multiply(BigInteger.valueOf(w.sign()));
    }

    @Test
    void aSumTakenAsALongIntegerIsExact() {
        final Random r = new Random(31);
        for (int trial = 0; trial < 2000; trial++) {
            final int terms = 1 + r.nextInt(4);
            // up to 9,000 + 3,000 bits times two doubles' integers of up to 2,153 bits each
            final DigitSum sum = new DigitSum(DigitSum.slotsFor(9000 + 3000 + 2 * 2153 + 8));
            BigInteger expected = BigInteger.ZERO;
            for (int t = 0; t < terms; t++) {
                final BigInteger a = wide(r, trial % 10 == 0 ? 9000 : 600);
                final BigInteger s = narrow(r);
                sum.addProduct(DigitSum.Wide.of(a), DigitSum.Narrow.of(s), 1);
                expected = expected.add(a.multiply(s));
            }
            if (trial % 7 == 0) {                          // sums that cancel to 0, ±1 or ±2^k
                final BigInteger back = expected.subtract(trial % 2 == 0 ? BigInteger.ZERO
                        : BigInteger.ONE.shiftLeft(r.nextInt(100)).multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1)));
                sum.addProduct(DigitSum.Wide.of(back), DigitSum.Narrow.ONE, -1);
                expected = expected.subtract(back);
            }
            final DigitSum.Wide w = sum.toWide();
            assertEquals(expected, value(w), "trial " + trial);
            assertEquals(expected.signum(), w.sign());
            if (w.digits().length > 0) {
                assertTrue(w.digits()[0] != 0 && w.digits()[w.digits().length - 1] != 0, "no zero digit at either end");
            }
            // toWide left the sum zero, and the long integer multiplies like any other.
            assertTrue(sum.isZero());
            final BigInteger s = narrow(r);
            sum.addProduct(w, DigitSum.Narrow.of(s), 1);
            assertEquals(expected.multiply(s), stored(sum), "trial " + trial);
        }
    }

    @Test
    void theShortestFormAtDigitBoundaries() {
        final BigInteger base = BigInteger.ONE.shiftLeft(DigitSum.W);
        final BigInteger[] values = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(),
            base.subtract(BigInteger.ONE), base, base.negate(), base.negate().add(BigInteger.ONE), base.multiply(base),
            base.multiply(base).negate(), base.multiply(base).subtract(BigInteger.ONE).negate(), base.pow(7).negate()};
        final DigitSum sum = new DigitSum(12);
        for (BigInteger v : values) {
            sum.addProduct(DigitSum.Wide.of(v), DigitSum.Narrow.ONE, 1);
            assertEquals(v, stored(sum), v.toString());
        }
    }

    @Test
    void aFaultOfTheCallerIsAnExceptionNotAWrongSum() {
        final DigitSum sum = new DigitSum(5);
        final DigitSum.Wide wide = DigitSum.Wide.of(BigInteger.ONE.shiftLeft(200).subtract(BigInteger.ONE));
        assertThrows(IllegalStateException.class, () -> sum.addProduct(wide, new DigitSum.Narrow(3, 0), 1));
        assertThrows(IllegalStateException.class, () -> sum.addProduct(DigitSum.Wide.of(BigInteger.ONE), 1L << 53, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> DigitSum.Narrow.of(BigInteger.ONE.shiftLeft(53).add(BigInteger.ONE)));
        final DigitSum many = new DigitSum(8);
        for (int t = 0; t < DigitSum.MAX_TERMS; t++) {
            many.addProduct(DigitSum.Wide.of(BigInteger.ONE), DigitSum.Narrow.ONE, 1);
        }
        assertThrows(IllegalStateException.class,
                () -> many.addProduct(DigitSum.Wide.of(BigInteger.ONE), DigitSum.Narrow.ONE, 1));
    }

    @Test
    void aSymmetricMatrixGivenEntryByEntryHoldsItsEntries() {
        final Random r = new Random(9);
        final int n = 7;
        final BigInteger[][] m = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                m[i][j] = i == 3 ? BigInteger.ZERO : wide(r, 3000);
                m[j][i] = m[i][j];
            }
        }
        final SymmetricEntries d = SymmetricEntries.of(m);
        assertEquals(n, d.dimension());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(m[i][j], d.get(i, j));
                final DigitSum sum = new DigitSum(d.slots());
                sum.addProduct(DigitSum.Wide.of(m[i][j]), DigitSum.Narrow.ONE, 1);
                assertTrue(d.equalsEntry(sum, i, j));
                sum.addProduct(DigitSum.Wide.of(m[i][j].add(BigInteger.ONE)), DigitSum.Narrow.ONE, 1);
                assertFalse(d.equalsEntry(sum, i, j));
            }
        }
        // A matrix given entry by entry is the same matrix as its BigInteger form.
        final RationalMatrix a = RationalMatrix.ofCommonDenominator(d, BigInteger.valueOf(3));
        final RationalMatrix b = RationalMatrix.ofCommonDenominator(m, BigInteger.valueOf(3));
        assertEquals(b, a);
        assertEquals(a, b);
        assertEquals(b.hashCode(), a.hashCode());
        assertTrue(a.isSymmetric());
        assertEquals(b.subtract(a), a.subtract(a));
        assertTrue(a.subtract(b).isZero());
    }
}
