package ngdref.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ExactRounding#roundPositive} on rationals known only by comparison, against
 * {@link BigDecimal#doubleValue} (correctly rounded, half-even): values over the whole range
 * (subnormal, near 2^1024), exact midpoints between doubles (ties to even), and starting
 * approximations anywhere (0, far above, far below: the gallop once overflowed a long here and
 * looped forever when the approximation was 0 and Q above 2).
 */
class ExactRoundingTest {

    private static double round(BigDecimal q, BigDecimal approx, int[] comparisons) {
        return ExactRounding.roundPositive(new ExactRounding.Quantity() {
            @Override
            public int compareWith(BigDecimal b) {
                comparisons[0]++;
                return q.compareTo(b);
            }

            @Override
            public BigDecimal approximation() {
                return approx;
            }
        }, "q");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void matchesBigDecimalRoundingFromAnyStart() {
        final Random r = new Random(12);
        final BigDecimal[] starts = {BigDecimal.ZERO, new BigDecimal(Double.MAX_VALUE), new BigDecimal(Double.MIN_VALUE),
            BigDecimal.ONE, new BigDecimal(-5)};
        for (int k = 0; k < 400; k++) {
            final double x = Math.scalb(1 + r.nextDouble(), r.nextInt(2098) - 1074);
            if (!(x > 0 && x <= Double.MAX_VALUE)) {
                continue;
            }
            final double next = Math.nextUp(x) == Double.POSITIVE_INFINITY ? x : Math.nextUp(x);
            final BigDecimal lo = new BigDecimal(x);
            final BigDecimal mid = lo.add(new BigDecimal(next)).multiply(new BigDecimal("0.5"));
            // x itself, the midpoint above it (a tie), and a point strictly between
            for (BigDecimal q : new BigDecimal[] {lo, mid, lo.add(mid).multiply(new BigDecimal("0.5"))}) {
                for (BigDecimal start : starts) {
                    final int[] n = new int[1];
                    assertEquals(q.doubleValue(), round(q, start, n), "Q = " + q.doubleValue() + " from " + start);
                    assertTrue(n[0] <= 140, n[0] + " comparisons");
                }
                final int[] n = new int[1];
                round(q, q, n);
                // the range checks are decided by the search's own comparisons
                final int least = q.doubleValue() == Double.MIN_VALUE ? 3 : 2;
                assertEquals(least, n[0], "an exact start costs " + n[0] + " comparisons");
            }
        }
    }

    @Test
    void refusesWhatRoundsToZeroOrInfinity() {
        final BigDecimal max = new BigDecimal(Double.MAX_VALUE);
        final BigDecimal halfUlp = new BigDecimal(Math.ulp(Double.MAX_VALUE)).multiply(new BigDecimal("0.5"));
        final ArithmeticException over = assertThrows(ArithmeticException.class, () -> round(max.add(halfUlp), max, new int[1]));
        assertTrue(over.getMessage().contains("overflows") && ExactRounding.isOverflow(over), over.getMessage());
        assertEquals(Double.MAX_VALUE, round(max.add(halfUlp).subtract(BigDecimal.ONE), BigDecimal.ONE, new int[1]));
        final BigDecimal halfMin = new BigDecimal(Double.MIN_VALUE).multiply(new BigDecimal("0.5"));
        final ArithmeticException under = assertThrows(ArithmeticException.class, () -> round(halfMin, BigDecimal.ONE, new int[1]));
        assertTrue(under.getMessage().contains("underflows") && !ExactRounding.isOverflow(under), under.getMessage());
        assertEquals(Double.MIN_VALUE, round(halfMin.add(new BigDecimal("1e-400")), BigDecimal.ZERO, new int[1]));
        // the refusals from every kind of start: the range checks are now part of the search
        for (BigDecimal start : new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ONE, max, new BigDecimal(Double.MIN_VALUE), max.add(max)}) {
            assertThrows(ArithmeticException.class, () -> round(max.add(halfUlp), start, new int[1]), "from " + start);
            assertThrows(ArithmeticException.class, () -> round(max.multiply(max), start, new int[1]), "from " + start);
            assertThrows(ArithmeticException.class, () -> round(halfMin, start, new int[1]), "from " + start);
            assertThrows(ArithmeticException.class, () -> round(halfMin.multiply(halfMin), start, new int[1]), "from " + start);
            assertEquals(Double.MAX_VALUE, round(max.add(halfUlp).subtract(BigDecimal.ONE), start, new int[1]), "from " + start);
            assertEquals(Double.MIN_VALUE, round(halfMin.add(new BigDecimal("1e-400")), start, new int[1]), "from " + start);
        }
    }
}
