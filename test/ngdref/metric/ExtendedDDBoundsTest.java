package ngdref.metric;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;
import org.apache.commons.numbers.core.DD;
import org.junit.jupiter.api.Test;

/**
 * The error propagation of the extended type ({@link ExtendedDD}) is sound: for operands whose
 * values lie anywhere within their certified relative errors of exact reals A and B (the worst
 * cases, at the ends of the intervals, included), the result of ×, ÷, +, −, √ and the square lies
 * within its own certified error of the exact A∘B, computed in BigDecimal to 200 digits. The
 * operands span exponents far beyond the double range, mixed signs, sums that cancel to a few
 * bits and terms more than 2^200 apart. For × ÷ √ the bound is also not wildly pessimistic (a
 * loose bound only sends more values to the exact path, but the class comment documents it).
 */
class ExtendedDDBoundsTest {

    private static final MathContext MC = new MathContext(200);

    private static BigDecimal value(ExtendedDD x) {
        final BigDecimal m = new BigDecimal(x.mantissa().hi()).add(new BigDecimal(x.mantissa().lo()));
        return scale(m, x.exponent());
    }

    private static BigDecimal scale(BigDecimal m, int e) {
        return e >= 0 ? m.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e)))
                : m.multiply(BigDecimal.valueOf(5).pow(-e)).scaleByPowerOfTen(e);
    }

    /** An operand: its computed value X̃ (a random double-double times 2^e) and an exact A with X̃ = A(1 + s·err). */
    private record Operand(ExtendedDD x, BigDecimal exact) {
    }

    private static Operand operand(Random r, int e, double err, double s, boolean signed) {
        final double hi = (1 + r.nextDouble()) * (signed && r.nextBoolean() ? -1 : 1);
        final double lo = Math.ulp(hi) * (r.nextDouble() - 0.5);
        final ExtendedDD x = ExtendedDD.of(DD.ofSum(hi, lo), e, err);
        final BigDecimal exact = value(x).divide(BigDecimal.ONE.add(new BigDecimal(s * err)), MC);
        return new Operand(x, exact);
    }

    private static void assertSound(String op, ExtendedDD z, BigDecimal exact, String where) {
        assertTrue(z.error() >= 0.0, () -> op + ": negative error bound " + z.error() + " for " + where);
        if (exact.signum() == 0 || z.error() == Double.POSITIVE_INFINITY) {
            return;
        }
        final BigDecimal actual = value(z).subtract(exact).abs();
        final BigDecimal bound = exact.abs().multiply(new BigDecimal(z.error()));
        assertTrue(actual.compareTo(bound) <= 0, () -> op + ": actual relative error "
                + actual.divide(exact.abs(), MathContext.DECIMAL64) + " exceeds the certified " + z.error() + " for " + where);
    }

    @Test
    void everyOperationCoversTheErrorOfItsOperands() {
        final Random r = new Random(2026L);
        final double[] errors = {0.0, 0x1.0p-104, 0x1.0p-80, 0x1.0p-58, 0x1.0p-30};
        final double[] ends = {-0.999, 0.0, 0.999};
        for (int t = 0; t < 3000; t++) {
            final double ea = errors[r.nextInt(errors.length)];
            final double eb = errors[r.nextInt(errors.length)];
            final double sa = ends[r.nextInt(3)];
            final double sb = ends[r.nextInt(3)];
            final int e1 = r.nextInt(8000) - 4000;
            // exponents of the second operand: equal, near, far (beyond the 2^-200 alignment), random
            final int e2 = switch (t % 4) {
                case 0 -> e1;
                case 1 -> e1 + r.nextInt(60) - 30;
                case 2 -> e1 + (r.nextBoolean() ? 1 : -1) * (201 + r.nextInt(300));
                default -> r.nextInt(8000) - 4000;
            };
            final Operand a = operand(r, e1, ea, sa, true);
            Operand b = operand(r, e2, eb, sb, true);
            if (t % 5 == 0) {
                // a sum that cancels: B's value is −A's to within a few ulps of its double-double
                final DD m = a.x().mantissa().negate().add(DD.of(Math.scalb(r.nextDouble() - 0.5, -100)));
                final ExtendedDD bx = ExtendedDD.of(m, a.x().exponent(), eb);
                b = new Operand(bx, value(bx).divide(BigDecimal.ONE.add(new BigDecimal(sb * eb)), MC));
            }
            final String where = "case " + t + ": A ≈ " + a.x().describe() + " (±" + ea + "), B ≈ " + b.x().describe()
                    + " (±" + eb + ")";
            assertSound("×", a.x().multiply(b.x()), a.exact().multiply(b.exact(), MC), where);
            assertSound("÷", a.x().divide(b.x()), a.exact().divide(b.exact(), MC), where);
            assertSound("+", a.x().add(b.x()), a.exact().add(b.exact(), MC), where);
            assertSound("−", a.x().subtract(b.x()), a.exact().subtract(b.exact(), MC), where);
            assertSound("x²", a.x().square(), a.exact().multiply(a.exact(), MC), where);
            final ExtendedDD abs = a.x().mantissa().hi() < 0 ? a.x().negate() : a.x();
            assertSound("√", abs.sqrt(), a.exact().abs().sqrt(MC), where);
            // + of like signs, − of unlike ones (no cancellation): the absolute errors are taken
            // with |mantissa| ≤ 2 (a factor up to 2 over |X|), so at most about 2·max(ea, eb), plus
            // the operation's own 2^-100 relative to a sum whose larger term is at least 1 in its units
            final boolean like = (a.x().mantissa().hi() > 0) == (b.x().mantissa().hi() > 0);
            final ExtendedDD noCancellation = like ? a.x().add(b.x()) : a.x().subtract(b.x());
            assertTrue(noCancellation.error() <= 2.001 * Math.max(ea, eb) + 0x1.0p-98,
                    () -> (like ? "+" : "−") + " without cancellation: certified " + noCancellation.error() + " for " + where);
            // × ÷ √: at most about the documented first-order sums, plus the operation's own 2^-100
            assertTrue(a.x().multiply(b.x()).error() <= 1.001 * (ea + eb) + 0x1.0p-99, where);
            assertTrue(a.x().divide(b.x()).error() <= 1.001 * (ea + eb) + 0x1.0p-99, where);
            assertTrue(abs.sqrt().error() <= 0.5 * ea + 0x1.0p-99, where);
        }
    }

    @Test
    void aZeroOperandIsExactOnlyWhenItsErrorIsBelowOne() {
        final ExtendedDD one = ExtendedDD.of(1.0);
        final ExtendedDD zeroExact = ExtendedDD.of(DD.ZERO, 0, 0.5);
        final ExtendedDD zeroUnknown = ExtendedDD.of(DD.ZERO, 0, 1.0);
        // |0 − X| ≤ 0.5·|X| forces X = 0: adding it changes nothing
        assertTrue(one.add(zeroExact).error() == 0.0 && zeroExact.add(one).error() == 0.0);
        // an error of 1 allows any X: the sum is unknown
        assertTrue(one.add(zeroUnknown).error() == Double.POSITIVE_INFINITY);
        assertTrue(zeroUnknown.subtract(one).error() == Double.POSITIVE_INFINITY);
    }

    @Test
    void theSecondOrderTermsCoverOperandsAtTheVeryEndsOfTheirIntervals() {
        // X = A(1 + 2^-30), Y = B(1 ± 2^-30): X·Y = AB(1 + 2^-29 + 2^-60) and X/Y with Y = B(1 − 2^-30)
        // is (A/B)(1 + 2^-29 + 2^-59 + …): the terms of second order (2^-60, 2^-59) are far above the
        // operations' own 2^-100, so a bound without them fails here
        final double err = 0x1.0p-30;
        final Random r = new Random(11L);
        for (int t = 0; t < 200; t++) {
            final Operand a = operand(r, r.nextInt(200) - 100, err, 1.0, true);
            final Operand up = operand(r, r.nextInt(200) - 100, err, 1.0, true);
            final Operand down = operand(r, r.nextInt(200) - 100, err, -1.0, true);
            final String where = "case " + t;
            assertSound("×", a.x().multiply(up.x()), a.exact().multiply(up.exact(), MC), where);
            assertSound("÷", a.x().divide(down.x()), a.exact().divide(down.exact(), MC), where);
            assertSound("÷", down.x().divide(up.x()), down.exact().divide(up.exact(), MC), where);
        }
    }
}
