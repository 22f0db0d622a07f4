package ngdref.metric;

import org.apache.commons.numbers.core.DD;

/**
 * A positive real carried as m·2^e with a double-double mantissa m ∈ [1, 2) and an {@code int}
 * exponent e, together with a certified bound on its relative error against the exact quantity
 * it approximates. Every closed form of the paper is computed in this type from the certified
 * inner products, so no intermediate overflows or underflows whatever the inputs (products and
 * quotients of mantissas stay in [1/4, 4), the exponents add), and the one rounding to double
 * happens at the end, in {@link #roundOrNaN}.
 *
 * <p><b>Error bound.</b> Each operation adds its own rounding, at most {@link #OP} = 2^-100
 * relative (the double-double algorithms of Commons Numbers {@code DD} are within 16u²,
 * u = 2^-53, i.e. 2^-102, on operands without overflow or underflow, which the normalised
 * mantissas guarantee), to the propagated input errors, to first order with a margin:
 * <ul>
 * <li>x·y, x/y: e_x + e_y + e_x·e_y (+ the 1/(1 − e_y) of a quotient, covered by doubling the
 *   product term);</li>
 * <li>√x: e_x/2 (√(1+δ) ≤ 1 + δ/2);</li>
 * <li>x ± y: (|x|e_x + |y|e_y)/(|x ± y| − |x|e_x − |y|e_y) against the computed |x ± y| — large
 *   under cancellation, +∞ once the propagated error reaches half the computed sum (the exact sum
 *   may then be anything down to 0) and when the result is 0 but the operands are inexact.</li>
 * </ul>
 * The bound is itself computed in double and inflated by 2^-40 relative before use.
 *
 * <p><b>Rounding test</b> (Ziv's strategy). Let q be the spacing of doubles at the value
 * (2^(e−52), or 2^-1074 in the subnormal range). Write the value as w·q with w = m·2^(e−log2 q)
 * ∈ [2^52, 2^53) (less in the subnormal range), n = rint(w) and f = w − n. Every real within the
 * error interval rounds to n·q when |f| + e·|w| &lt; 1/2, or &lt; 1/4 when n = 2^52 in a normal
 * binade (the spacing below a power of two is half). Then n·q is the correctly rounded double,
 * computed without a second rounding in the subnormal range. Otherwise the test returns NaN and the
 * caller decides exactly ({@link ngdref.exact.ExactGeometry}). Values certainly at least 2^1025
 * or at most 2^-1076 are refused as overflow or underflow here; values nearer the thresholds go
 * to the exact decision.
 */
final class ExtendedDD {

    /** Bound on the relative rounding error of one double-double operation (64u²). */
    static final double OP = 0x1.0p-100;
    /** Error bounds above this are not worth a rounding test. */
    private static final double USEFUL = 0x1.0p-60;

    /** 1 exactly. */
    static final ExtendedDD ONE = new ExtendedDD(DD.ONE, 0, 0.0);

    /** The mantissa, hi ∈ [1, 2), or zero. */
    private final DD m;
    private final int e;
    /** Certified relative error bound, &ge; 0, possibly +∞. */
    private final double err;

    private ExtendedDD(DD m, int e, double err) {
        this.m = m;
        this.e = e;
        this.err = err;
    }

    /**
     * m·2^e with relative error err, normalised (|m.hi()| moved into [1, 2) exactly, also from a
     * subnormal hi, whose exponent {@link Math#getExponent} does not give).
     */
    static ExtendedDD of(DD m, int e, double err) {
        final double hi = m.hi();
        if (hi == 0.0) {
            return new ExtendedDD(DD.ZERO, 0, err);
        }
        final int k = Math.abs(hi) >= Double.MIN_NORMAL ? Math.getExponent(hi) : Math.getExponent(hi * 0x1.0p54) - 54;
        return new ExtendedDD(m.scalb(-k), e + k, err);
    }

    /** An exact double (finite, nonzero or zero). */
    static ExtendedDD of(double x) {
        return of(DD.of(x), 0, 0.0);
    }

    /** The value's binary exponent: value ∈ [2^e·(1 − 2^-53), 2^(e+1)). */
    int exponent() {
        return e;
    }

    /** The mantissa in [1, 2) (or zero). */
    DD mantissa() {
        return m;
    }

    /** The certified relative error bound. */
    double error() {
        return err;
    }

    boolean isZero() {
        return m.hi() == 0.0;
    }

    /** The mantissa scaled by 2^(e − shift) as a plain double-double (may overflow or underflow). */
    DD scaled(int shift) {
        return m.scalb(e - shift);
    }

    ExtendedDD multiply(ExtendedDD y) {
        return of(m.multiply(y.m), e + y.e, err + y.err + 2 * err * y.err + OP);
    }

    ExtendedDD divide(ExtendedDD y) {
        return of(m.divide(y.m), e - y.e, err + y.err + 2 * (err + y.err) * y.err + OP);
    }

    /** −x, exact. */
    ExtendedDD negate() {
        return new ExtendedDD(m.negate(), e, err);
    }

    /** x·2^k, exact. */
    ExtendedDD scalb(int k) {
        return isZero() ? this : new ExtendedDD(m, e + k, err);
    }

    ExtendedDD square() {
        return multiply(this);
    }

    ExtendedDD sqrt() {
        if (isZero()) {
            return this;
        }
        // make the exponent even so that √(m·2^e) = √m·2^(e/2)
        final DD mm = (e & 1) == 0 ? m : m.scalb(1);
        final int ee = (e & 1) == 0 ? e : e - 1;
        return of(mm.sqrt(), ee / 2, 0.5 * err + OP);
    }

    ExtendedDD add(ExtendedDD y) {
        return sum(y, false);
    }

    ExtendedDD subtract(ExtendedDD y) {
        return sum(y, true);
    }

    private ExtendedDD sum(ExtendedDD y, boolean negate) {
        // A zero must not take part in the alignment below, where its exponent 0 would drop the
        // other term if that were below 2^-200. A zero with a relative error below 1 is exactly
        // zero (|0 − X| < |X| forces X = 0); one with error ≥ 1 (a cancellation the operands did
        // not resolve) is an unknown value, so the sum keeps the other term's value with an
        // infinite error bound.
        if (y.isZero()) {
            return y.err < 1.0 ? this : new ExtendedDD(m, e, Double.POSITIVE_INFINITY);
        }
        if (isZero()) {
            final ExtendedDD other = negate ? new ExtendedDD(y.m.negate(), y.e, y.err) : y;
            return err < 1.0 ? other : new ExtendedDD(other.m, other.e, Double.POSITIVE_INFINITY);
        }
        // Align on the larger exponent; a term more than 2^-200 below the other only adds its
        // (bounded) size to the error.
        final int top = Math.max(e, y.e);
        final double absX = Math.abs(m.hi()) * 2;   // |x|/2^top <= |m|·2^(e−top) <= 2·2^(e−top)
        final double absY = Math.abs(y.m.hi()) * 2;
        final int dx = e - top;
        final int dy = y.e - top;
        final DD xs = dx < -200 ? DD.ZERO : m.scalb(dx);
        final DD ys = dy < -200 ? DD.ZERO : y.m.scalb(dy);
        final double lostX = dx < -200 ? 0x1.0p-199 : 0.0;
        final double lostY = dy < -200 ? 0x1.0p-199 : 0.0;
        final DD s = negate ? xs.subtract(ys) : xs.add(ys);
        // absolute error, in units of 2^top
        final double abs = Math.scalb(absX * err, dx) + Math.scalb(absY * y.err, dy) + lostX + lostY;
        if (s.hi() == 0.0) {
            return new ExtendedDD(DD.ZERO, 0, abs == 0.0 ? 0.0 : Double.POSITIVE_INFINITY);
        }
        // Relative to the exact sum Z, not to the computed s: |s − Z| <= abs + OP·|s| gives
        // |Z| >= |s| − abs − OP·|s|, so the relative error is at most (abs + OP·|s|)/(|s| − abs)
        // (the factor 1 + 2^-50 covers s.hi() for s and this arithmetic). Beyond abs = |s|/2 the
        // sum may be anything down to 0: unknown, +∞ (ExtendedDDBoundsTest found abs/|s|, which
        // is only the first order, below the true error there).
        final double sAbs = Math.abs(s.hi());
        if (!(abs < 0.5 * sAbs)) {
            return of(s, top, Double.POSITIVE_INFINITY);
        }
        return of(s, top, (abs + OP * sAbs) / (sAbs - abs) * (1 + 0x1.0p-50));
    }

    /**
     * The correctly rounded double of the exact value when the rounding test decides it
     * (see the class comment); NaN when it cannot, so that the caller decides exactly.
     *
     * @param name the quantity, for the message of a refusal
     * @throws ArithmeticException when the exact value certainly overflows (&ge; 2^1025) or
     *     certainly underflows to zero (&le; 2^-1076)
     */
    double roundOrNaN(String name) {
        if (!(err <= USEFUL) || m.hi() < 0.0) {
            return Double.NaN;
        }
        if (isZero()) {
            return err == 0.0 ? 0.0 : Double.NaN;
        }
        if (e >= 1025) {
            throw new ArithmeticException(name + " = " + describe() + " overflows the range of double");
        }
        if (e <= -1077) {
            throw new ArithmeticException(name + " = " + describe() + " underflows the range of double");
        }
        if (e > 1023) {
            return Double.NaN; // between 2^1024(1 − 2^-53) and 2^1025: at the threshold, decide exactly
        }
        final int quantum = Math.max(e - 52, -1074);
        final DD w = m.scalb(e - quantum);               // exact: w < 2^53
        final double n = Math.rint(w.hi());
        final double f = (w.hi() - n) + w.lo();          // w.hi() − n is exact
        final double bound = Math.abs(f) + err * (1 + 0x1.0p-40) * Math.abs(w.hi()) * (1 + 0x1.0p-40);
        final boolean narrowBelow = n == 0x1.0p52 && quantum > -1074;
        if (!(bound < (narrowBelow ? 0.25 : 0.5) * (1 - 0x1.0p-40))) {
            return Double.NaN;
        }
        if (n == 0.0) {
            throw new ArithmeticException(name + " = " + describe() + " underflows the range of double");
        }
        return Math.scalb(n, quantum); // exact: n is an integer below 2^53
    }

    /** "1.2345·2^1100". */
    String describe() {
        return (Math.round(m.hi() * 1e5) / 1e5) + "·2^" + e;
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    @Override
    public String toString() {
        // Double.toString spelled out: the same text as concatenating the doubles, in a form KeY executes
        return Double.toString(m.hi()) + "·2^" + e + " (±" + Double.toString(err) + ")";
    }
}
