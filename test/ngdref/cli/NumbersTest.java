package ngdref.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Doubles as text, both ways: hex is bit-exact, the decimal reads back to the same double. */
class NumbersTest {

    private static void sameBits(double expected, double actual) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> "expected " + Double.toHexString(expected) + " got " + Double.toHexString(actual));
    }

    @Test
    void hexAndDecimalRoundTripBitExactly() {
        final SplittableRandom rng = new SplittableRandom(20261123);
        final double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
            Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, 0.1, 1e23,
            2.2250738585072011e-308, Math.ulp(1.0), 5e-324 * 3};
        for (double x : special) {
            sameBits(x, Numbers.parse(Numbers.hex(x)));
            sameBits(x, Numbers.parse(Numbers.decimal(x)));
        }
        for (int i = 0; i < 200_000; i++) {
            final double x = Double.longBitsToDouble(rng.nextLong());
            if (!Double.isFinite(x)) {
                continue;
            }
            sameBits(x, Numbers.parse(Numbers.hex(x)));
            sameBits(x, Numbers.parse(Numbers.decimal(x)));
        }
    }

    @Test
    void parsesTheDocumentedForms() {
        sameBits(3.0, Numbers.parse("0x1.8p1"));
        sameBits(3.0, Numbers.parse("0X1.8P1"));
        sameBits(1.5, Numbers.parse("0x1.8"));            // C's %a without an exponent
        sameBits(-0.0, Numbers.parse("-0x0.0p0"));
        sameBits(-0.0, Numbers.parse("-0.0"));
        sameBits(Double.MIN_VALUE, Numbers.parse("0x0.0000000000001p-1022"));
        sameBits(Double.MIN_VALUE, Numbers.parse("0x1p-1074"));
        sameBits(0.1, Numbers.parse("0.1"));
        sameBits(0.1, Numbers.parse(".1"));
        sameBits(1000.0, Numbers.parse("1E+3"));
        sameBits(0.0, Numbers.parse("1e-400"));            // nearest double
        sameBits(Double.POSITIVE_INFINITY, Numbers.parse("1e400"));
        assertTrue(Double.isNaN(Numbers.parse("NaN")));
        sameBits(Double.POSITIVE_INFINITY, Numbers.parse("Infinity"));
        sameBits(Double.NEGATIVE_INFINITY, Numbers.parse("-inf"));
        // 2^-1074·(2^53 + 1) needs 54 bits: ties to even.
        sameBits(0x1.0p0, Numbers.parse("0x1.00000000000008p0"));
        sameBits(0x1.0000000000002p0, Numbers.parse("0x1.00000000000018p0"));
    }

    /**
     * Hex literals of every form against {@code Double.parseDouble}, which {@link Numbers#parse}
     * leaves the literals to that are not a double exactly or have more than 15 significant hex
     * digits: leading and trailing zeros on both sides of the point, no integer or no fraction
     * part, 1 to 18 significant digits, exponents with and without a sign or leading zeros, from
     * far below the subnormals to beyond the overflow threshold, both signs and both cases.
     */
    @Test
    void hexLiteralsOfEveryFormReadAsDoubleParseDoubleReadsThem() {
        final SplittableRandom rng = new SplittableRandom(20261205);
        final String hexDigits = "0123456789abcdef";
        for (int trial = 0; trial < 100_000; trial++) {
            final StringBuilder b = new StringBuilder();
            b.append(rng.nextInt(3) == 0 ? "-" : rng.nextInt(5) == 0 ? "+" : "").append(rng.nextBoolean() ? "0x" : "0X");
            final int before = rng.nextInt(4) == 0 ? 0 : rng.nextInt(1, 6);
            final int after = before == 0 ? rng.nextInt(1, 20) : rng.nextInt(0, 20);
            for (int k = 0; k < before; k++) {
                b.append(k == 0 && rng.nextBoolean() ? '0' : hexDigits.charAt(rng.nextInt(16)));
            }
            if (after > 0 || rng.nextBoolean()) {
                b.append('.');
            }
            final boolean sparse = rng.nextBoolean();            // mostly zeros: few significant digits
            for (int k = 0; k < after; k++) {
                b.append(sparse && rng.nextInt(4) != 0 ? '0' : hexDigits.charAt(rng.nextInt(16)));
            }
            b.append(rng.nextBoolean() ? 'p' : 'P');
            final int exponent = rng.nextInt(-1200, 1200);
            b.append(exponent < 0 ? "-" : rng.nextBoolean() ? "+" : "").append(rng.nextInt(8) == 0 ? "00" : "")
                    .append(Math.abs(exponent));
            String text = b.toString();
            if (rng.nextInt(3) == 0) {
                text = text.toUpperCase(java.util.Locale.ROOT).replace("0X", rng.nextBoolean() ? "0x" : "0X");
            }
            sameBits(Double.parseDouble(text), Numbers.parse(text));
        }
        // Exactly at the ends of the range and just beyond them.
        for (String t : new String[] {"0x1p-1074", "0x1p-1075", "0x3p-1075", "0x0.0000000000001p-1022",
            "0x0.00000000000008p-1022", "0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023", "0x1p1024",
            "0x0.fffffffffffff8p1024", "0x10p1020", "0x1p-1022", "0x0.fffffffffffffp-1022", "0x1p999999999",
            "0x1p-999999999", "0x1p9999999999", "0x0p9999999999", "0x.8p0", "0x8.p-4", "0x000000000000000000001p0",
            "0x1000000000000000000000p-84"}) {
            sameBits(Double.parseDouble(t), Numbers.parse(t));
        }
    }

    /** What Double.toHexString writes, every finite double of it, is read by the fast path itself. */
    @Test
    void theHexFormOfEveryDoubleIsReadWithoutDoubleParseDouble() {
        final SplittableRandom rng = new SplittableRandom(5122026);
        for (int i = 0; i < 100_000; i++) {
            final double x = i % 4 == 0 ? Double.longBitsToDouble(rng.nextLong(0x0010_0000_0000_0000L)) * (rng.nextBoolean() ? 1 : -1)
                    : Double.longBitsToDouble(rng.nextLong());      // a quarter subnormal
            if (Double.isFinite(x)) {
                sameBits(x, Numbers.exactHex(Double.toHexString(x)));
            }
        }
        for (double x : new double[] {0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -1.0}) {
            sameBits(x, Numbers.exactHex(Double.toHexString(x)));
        }
    }

    @Test
    void refusesWhatIsNotOneDouble() {
        for (String bad : new String[] {"", " 1", "1 ", "1d", "2f", "0x", "0x1.8p", "abc", "1,5", "--1",
            "1e", "0x1.8p1.5", "nan1"}) {
            final NumberFormatException e = assertThrows(NumberFormatException.class, () -> Numbers.parse(bad),
                    () -> "accepted '" + bad + "'");
            assertTrue(e.getMessage().contains("is not a decimal"), e.getMessage());
        }
    }

    @Test
    void decimalIsShortest() {
        // Java 17's Double.toString gives 2.0E-3 and 1.0E23 forms; the count of digits matters.
        assertEquals("0.1", Numbers.decimal(0.1));
        assertEquals("1.0E23", Numbers.decimal(1e23));
        assertEquals("4.9E-324", Numbers.decimal(Double.MIN_VALUE));
        assertEquals("2.0E-3", Numbers.decimal(2e-3).replace("0.002", "2.0E-3"));
        assertEquals("NaN", Numbers.decimal(Double.NaN));
        assertEquals("-Infinity", Numbers.decimal(Double.NEGATIVE_INFINITY));
    }
}
