package ngdref.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * A certified enclosure {@code [lo, hi]} of a real number, with exact decimal ends, and the
 * interval arithmetic needed to propagate it.
 *
 * <p>Results of arithmetic are rounded outward (lower end {@link RoundingMode#FLOOR}, upper end
 * {@link RoundingMode#CEILING}) to {@link #DIGITS} significant digits, so an operation on
 * enclosures of x and y encloses the exact result. {@link #correctlyRounded()} gives the double
 * nearest to the enclosed number (ties to even) only when both ends round to the same double:
 * rounding is monotone, so every number in between rounds to it too; otherwise the enclosure is
 * too wide to decide and no value is guessed. Signed zeros are distinguished: an enclosure
 * {@code [−ε, ε]} around 0 is undecided ({@code −0.0} versus {@code +0.0}) unless it is the
 * point 0.
 */
public final class Enclosure {

    /** Significant digits kept by outward rounding (about 332 bits: far below a double ulp). */
    public static final int DIGITS = 100;

    private static final MathContext DOWN = new MathContext(DIGITS, RoundingMode.FLOOR);
    private static final MathContext UP = new MathContext(DIGITS, RoundingMode.CEILING);

    private final BigDecimal lo;
    private final BigDecimal hi;
    /** The nearest doubles of the ends, computed once on first use (NaN: not yet). */
    private double loNearest = Double.NaN;
    private double hiNearest = Double.NaN;

    private Enclosure(BigDecimal lo, BigDecimal hi) {
        this.lo = lo;
        this.hi = hi;
    }

    /**
     * The enclosure {@code [lo, hi]} (kept exactly).
     *
     * @throws IllegalArgumentException if an end is null or {@code lo > hi}
     */
    public static Enclosure of(BigDecimal lo, BigDecimal hi) {
        if (lo == null) {
            throw new IllegalArgumentException("lo is null");
        }
        if (hi == null) {
            throw new IllegalArgumentException("hi is null");
        }
        if (lo.compareTo(hi) > 0) {
            throw new IllegalArgumentException("lo must be <= hi, were " + lo + " and " + hi);
        }
        return new Enclosure(lo, hi);
    }

    /** The point {@code [x, x]}. */
    public static Enclosure point(BigDecimal x) {
        return of(x, x);
    }

    /**
     * The point enclosure of the exact value of a finite double.
     *
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     */
    public static Enclosure of(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite, was " + x);
        }
        return point(new BigDecimal(x));
    }

    private static final BigInteger FIVE = BigInteger.valueOf(5);

    /**
     * An enclosure of the rational {@code r}: the point itself when its decimal expansion
     * terminates (denominator {@code 2^a 5^b}), else the outward rounding to {@link #DIGITS}
     * digits.
     *
     * @throws IllegalArgumentException if {@code r} is null
     */
    public static Enclosure of(Rational r) {
        if (r == null) {
            throw new IllegalArgumentException("r is null");
        }
        BigInteger d = r.denominator();
        final int twos = d.getLowestSetBit();
        d = d.shiftRight(twos);
        int fives = 0;
        while (d.mod(FIVE).signum() == 0) {
            d = d.divide(FIVE);
            fives++;
        }
        if (d.equals(BigInteger.ONE)) {
            // n/(2^a·5^b) = n·2^(m−a)·5^(m−b)/10^m, m = max(a, b): exact, and (r reduced) without
            // a trailing zero, as the exact BigDecimal quotient would be — but in linear time,
            // where BigDecimal's exact division by 2^2000 takes milliseconds.
            final int m = Math.max(twos, fives);
            return point(new BigDecimal(r.numerator().multiply(FIVE.pow(m - fives)).shiftLeft(m - twos), m));
        }
        return new Enclosure(r.toBigDecimal(DIGITS, RoundingMode.FLOOR), r.toBigDecimal(DIGITS, RoundingMode.CEILING));
    }

    /**
     * Exactly {@link #of(Rational) of(Rational.of(n, d))}, the same point or the same two
     * decimals, without reducing n/d: a gcd of integers with thousands of bits (exact dot
     * products of vectors spanning the double range) costs milliseconds, while deciding whether
     * n/d terminates takes one division — with d = 2^a·5^b·r (r coprime to 10), n/d is a
     * terminating decimal iff r divides n.
     *
     * @throws IllegalArgumentException if an argument is null or {@code d} is zero
     */
    public static Enclosure ofFraction(BigInteger n, BigInteger d) {
        if (n == null || d == null || d.signum() == 0) {
            throw new IllegalArgumentException("need n and d != 0, were " + n + " and " + d);
        }
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        if (n.signum() == 0) {
            return of(Rational.ZERO);
        }
        final int twos = d.getLowestSetBit();
        BigInteger rest = d.shiftRight(twos);
        int fives = 0;
        while (rest.mod(FIVE).signum() == 0) {
            rest = rest.divide(FIVE);
            fives++;
        }
        final BigInteger[] qr = n.divideAndRemainder(rest);
        if (qr[1].signum() == 0) {
            // n/d = q/(2^a·5^b): of(Rational)'s point is this value with no trailing zero and a
            // scale >= 0, which is unique. The powers of two common to q and 2^a are cancelled
            // first: for an unreduced fraction a can be thousands while the value is a short
            // dyadic (γ = 1 as a quotient of two 7000-bit integers), and stripTrailingZeros
            // divides by ten once per trailing zero.
            final int common = Math.min(qr[0].getLowestSetBit(), twos);
            final BigInteger q = qr[0].shiftRight(common);
            final int a = twos - common;
            final int m = Math.max(a, fives);
            final BigDecimal v = new BigDecimal(q.multiply(FIVE.pow(m - fives)).shiftLeft(m - a), m)
                    .stripTrailingZeros();
            return point(v.scale() < 0 ? v.setScale(0) : v);
        }
        // as Rational.toBigDecimal: the quotient to DIGITS digits depends on the value only
        final BigDecimal bn = new BigDecimal(n);
        final BigDecimal bd = new BigDecimal(d);
        return new Enclosure(bn.divide(bd, new MathContext(DIGITS, RoundingMode.FLOOR)),
                bn.divide(bd, new MathContext(DIGITS, RoundingMode.CEILING)));
    }

    /**
     * An enclosure of {@code n/d} (d &gt; 0, the fraction need not be reduced) to about
     * {@link #DIGITS} digits from one integer division: the point when the division at that
     * scale is exact, else the two neighbouring decimals. Unlike {@link #of(Rational)} a
     * terminating value longer than DIGITS digits is not a point (use that one when the rounding
     * of such a value must be decided).
     *
     * @throws IllegalArgumentException if an argument is null or {@code d <= 0}
     */
    public static Enclosure ofQuotient(BigInteger n, BigInteger d) {
        if (n == null || d == null || d.signum() <= 0) {
            throw new IllegalArgumentException("need n and d > 0, were " + n + " and " + d);
        }
        if (n.signum() == 0) {
            return point(BigDecimal.ZERO);
        }
        // n/d ≈ 2^(bits(n) − bits(d)): a decimal scale s with about DIGITS + 2 digits in n·10^s/d.
        final int e10 = (int) Math.floor((n.bitLength() - d.bitLength()) * 0.30102999566398120);
        final int s = DIGITS + 2 - e10;
        final ScaledFloor t = ScaledFloor.of(n.abs(), d, s);
        final BigDecimal q = new BigDecimal(n.signum() > 0 ? t.value() : t.value().negate(), s);   // truncated toward zero
        if (t.exact()) {
            return point(q);
        }
        final BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(-s);
        return n.signum() > 0 ? new Enclosure(q, q.add(step)) : new Enclosure(q.subtract(step), q);
    }

    /**
     * {@code floor(m·10^s/d)} for m, d &gt; 0 and whether it equals m·10^s/d. First from the
     * leading 512 bits ({@code LEADING_BITS}) of m and d: with m in [mh·2^km, (mh+1)·2^km) and d in
     * [dh·2^kd, (dh+1)·2^kd), the value V lies strictly between L = mh·2^km·10^s/((dh+1)·2^kd)
     * and U = (mh+1)·2^km·10^s/(dh·2^kd); when floor(L) = floor(U) that is floor(V), and V is
     * not an integer (V &gt; L &gt;= floor(V)). Otherwise (V within about 2^-170 of an integer,
     * or an integer) one exact division of the whole operands decides. The quotients here have
     * about 340 bits while m and d can have tens of thousands (M·x of vectors spanning the double
     * range), so the leading bits cost a small fraction of the whole division.
     *
     * @param value the floor
     * @param exact whether the division is exact
     */
    record ScaledFloor(BigInteger value, boolean exact) {

        /** Leading bits of each operand divided first. */
        private static final int LEADING_BITS = 512;

        static ScaledFloor of(BigInteger m, BigInteger d, int s) {
            final BigInteger ten = BigInteger.TEN.pow(Math.abs(s));
            final int km = Math.max(0, m.bitLength() - LEADING_BITS);
            final int kd = Math.max(0, d.bitLength() - LEADING_BITS);
            final BigInteger mh = m.shiftRight(km);
            final BigInteger dh = d.shiftRight(kd);
            final BigInteger mhUp = mh.add(BigInteger.ONE);
            final BigInteger dhUp = dh.add(BigInteger.ONE);
            // L = lowNumerator/lowDenominator, U = highNumerator/highDenominator
            BigInteger lowNumerator = s >= 0 ? mh.multiply(ten) : mh;
            BigInteger highNumerator = s >= 0 ? mhUp.multiply(ten) : mhUp;
            BigInteger lowDenominator = s >= 0 ? dhUp : dhUp.multiply(ten);
            BigInteger highDenominator = s >= 0 ? dh : dh.multiply(ten);
            final int shift = km - kd;
            if (shift >= 0) {
                lowNumerator = lowNumerator.shiftLeft(shift);
                highNumerator = highNumerator.shiftLeft(shift);
            } else {
                lowDenominator = lowDenominator.shiftLeft(-shift);
                highDenominator = highDenominator.shiftLeft(-shift);
            }
            final BigInteger low = lowNumerator.divide(lowDenominator);
            if (low.equals(highNumerator.divide(highDenominator))) {
                return new ScaledFloor(low, false);
            }
            final BigInteger[] qr = s >= 0 ? m.multiply(ten).divideAndRemainder(d) : m.divideAndRemainder(d.multiply(ten));
            return new ScaledFloor(qr[0], qr[1].signum() == 0);
        }
    }

    /** The lower end. */
    public BigDecimal lo() {
        return lo;
    }

    /** The upper end. */
    public BigDecimal hi() {
        return hi;
    }

    /** {@code hi − lo}, exact. */
    public BigDecimal width() {
        return hi.subtract(lo);
    }

    /** Whether {@code lo == hi}. */
    public boolean isPoint() {
        return lo.compareTo(hi) == 0;
    }

    /** Whether {@code lo <= x <= hi}. */
    public boolean contains(BigDecimal x) {
        return lo.compareTo(x) <= 0 && x.compareTo(hi) <= 0;
    }

    /** Whether the exact value of the finite double {@code x} lies in the enclosure. */
    public boolean contains(double x) {
        return Double.isFinite(x) && contains(new BigDecimal(x));
    }

    /** Whether the enclosure is certainly positive ({@code lo > 0}). */
    public boolean isPositive() {
        return lo.signum() > 0;
    }

    /** Whether the enclosure is certainly negative ({@code hi < 0}). */
    public boolean isNegative() {
        return hi.signum() < 0;
    }

    /** Whether this and {@code o} share a point. */
    public boolean intersects(Enclosure o) {
        return lo.compareTo(o.hi) <= 0 && o.lo.compareTo(hi) <= 0;
    }

    /** The double nearest to {@link #lo()} (ties to even). */
    public double loRounded() {
        if (Double.isNaN(loNearest)) {
            loNearest = NearestDouble.of(lo);
        }
        return loNearest;
    }

    /** The double nearest to {@link #hi()} (ties to even). */
    public double hiRounded() {
        if (Double.isNaN(hiNearest)) {
            hiNearest = lo == hi ? loRounded() : NearestDouble.of(hi);
        }
        return hiNearest;
    }

    /**
     * The correctly rounded (nearest, ties to even) double of the enclosed number, if both
     * ends round to the same double; empty when the enclosure is too wide to decide.
     */
    public OptionalDouble correctlyRounded() {
        final double a = loRounded();
        final double b = hiRounded();
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b) ? OptionalDouble.of(a) : OptionalDouble.empty();
    }

    /** {@code this + o}. */
    public Enclosure add(Enclosure o) {
        return new Enclosure(lo.add(o.lo, DOWN), hi.add(o.hi, UP));
    }

    /** {@code this − o}. */
    public Enclosure subtract(Enclosure o) {
        return new Enclosure(lo.subtract(o.hi, DOWN), hi.subtract(o.lo, UP));
    }

    /** {@code −this}, exact. */
    public Enclosure negate() {
        return new Enclosure(hi.negate(), lo.negate());
    }

    /** {@code this · o}: the hull of the four end products, each rounded outward. */
    public Enclosure multiply(Enclosure o) {
        final BigDecimal[] p = {lo.multiply(o.lo), lo.multiply(o.hi), hi.multiply(o.lo), hi.multiply(o.hi)};
        BigDecimal min = p[0];
        BigDecimal max = p[0];
        for (BigDecimal x : p) {
            min = min.min(x);
            max = max.max(x);
        }
        return new Enclosure(min.round(DOWN), max.round(UP));
    }

    /**
     * {@code this / o}.
     *
     * @throws ArithmeticException if {@code o} contains 0
     */
    public Enclosure divide(Enclosure o) {
        if (o.lo.signum() <= 0 && o.hi.signum() >= 0) {
            throw new ArithmeticException("division by an enclosure containing 0: " + o);
        }
        BigDecimal min = null;
        BigDecimal max = null;
        for (BigDecimal a : new BigDecimal[] {lo, hi}) {
            for (BigDecimal b : new BigDecimal[] {o.lo, o.hi}) {
                final BigDecimal down = a.divide(b, DOWN);
                final BigDecimal up = a.divide(b, UP);
                min = min == null ? down : min.min(down);
                max = max == null ? up : max.max(up);
            }
        }
        return new Enclosure(min, max);
    }

    /**
     * {@code sqrt(this)}, each end by an exact integer square root (BigInteger.sqrt is the floor).
     *
     * @throws ArithmeticException if {@code lo < 0}
     */
    public Enclosure sqrt() {
        if (lo.signum() < 0) {
            throw new ArithmeticException("sqrt of an enclosure with a negative lower end: " + this);
        }
        return new Enclosure(sqrt(lo, false), sqrt(hi, true));
    }

    /**
     * An enclosure of {@code sqrt(r)}: the exact root (a point when its decimal expansion
     * terminates, as for every dyadic square) when {@code r} is the square of a rational, else
     * {@code Enclosure.of(r).sqrt()}. An irrational root is never a rounding midpoint of double, so
     * only exact roots need the exact path to decide their rounding.
     *
     * @throws IllegalArgumentException if {@code r} is null
     * @throws ArithmeticException if {@code r < 0}
     */
    public static Enclosure sqrtOf(Rational r) {
        if (r == null) {
            throw new IllegalArgumentException("r is null");
        }
        if (r.signum() < 0) {
            throw new ArithmeticException("sqrt of a negative rational: " + r);
        }
        // r is reduced: a rational square iff its numerator and denominator are integer squares
        // (the denominator first: for cos²ψ = (yᵀg)²/(yᵀy·gᵀg) the numerator is usually one)
        final BigInteger d = ExactSquareRoot.of(r.denominator());
        final BigInteger n = d == null ? null : ExactSquareRoot.of(r.numerator());
        if (n != null) {
            return of(Rational.of(n, d));
        }
        return of(r).sqrt();
    }

    /**
     * Exactly {@link #sqrtOf sqrtOf(Rational.of(n, d))} without reducing n/d: for n, d &gt; 0,
     * n/d = (n·d)/d² is a rational square iff the integer n·d is a square, and then √(n/d) =
     * √(n·d)/d; otherwise the square root of {@link #ofFraction}, as sqrtOf takes it of
     * {@link #of(Rational)}.
     *
     * @throws IllegalArgumentException if an argument is null or {@code d} is zero
     * @throws ArithmeticException if n/d &lt; 0
     */
    public static Enclosure sqrtOfFraction(BigInteger n, BigInteger d) {
        if (n == null || d == null || d.signum() == 0) {
            throw new IllegalArgumentException("need n and d != 0, were " + n + " and " + d);
        }
        if (n.signum() * d.signum() < 0) {
            throw new ArithmeticException("sqrt of a negative rational: " + n + "/" + d);
        }
        final BigInteger root = n.signum() == 0 ? BigInteger.ZERO : ExactSquareRoot.of(n.multiply(d));
        if (root != null) {
            return ofFraction(root, d.abs());
        }
        return ofFraction(n, d).sqrt();
    }

    /** The smallest enclosure containing this and {@code o}. */
    public Enclosure hull(Enclosure o) {
        return new Enclosure(lo.min(o.lo), hi.max(o.hi));
    }

    /** {@code [lo − r, hi + r]} for {@code r >= 0}, rounded outward. */
    public Enclosure widen(BigDecimal r) {
        if (r.signum() < 0) {
            throw new IllegalArgumentException("r must be >= 0, was " + r);
        }
        return r.signum() == 0 ? this : new Enclosure(lo.subtract(r, DOWN), hi.add(r, UP));
    }

    /** Square root of {@code x >= 0} rounded down ({@code up == false}) or up, to about DIGITS digits. */
    private static BigDecimal sqrt(BigDecimal x, boolean up) {
        if (x.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // Scale by an even power of ten so that the integer part has about 2·DIGITS digits:
        // then floor(sqrt(U)) carries about DIGITS significant digits.
        final int integerDigits = x.precision() - x.scale();
        final int k = Math.floorDiv(2 * DIGITS + 2 - integerDigits + 1, 2);
        final BigDecimal scaled = x.movePointRight(2 * k);
        final BigInteger u = scaled.setScale(0, up ? RoundingMode.CEILING : RoundingMode.FLOOR).toBigIntegerExact();
        BigInteger r = u.sqrt();                         // floor(sqrt(u))
        if (up && r.multiply(r).compareTo(u) < 0) {
            r = r.add(BigInteger.ONE);                   // ceil(sqrt(u))
        }
        return new BigDecimal(r, k);                     // r · 10^-k
    }

    @Override
    public String toString() {
        return "[" + lo.round(new MathContext(25, RoundingMode.FLOOR)) + ", "
                + hi.round(new MathContext(25, RoundingMode.CEILING)) + "]";
    }
}
