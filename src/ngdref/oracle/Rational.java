package ngdref.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An exact rational number {@code p/q} with {@code q > 0} and {@code gcd(p, q) = 1}.
 *
 * <p>Every finite double is a dyadic rational {@code m·2^e}; {@link #of(double)} converts it
 * without rounding, so the oracle starts from the exact value the caller passed. All
 * arithmetic is exact; the only rounding happens in {@link #toBigDecimal(int, RoundingMode)},
 * whose direction the caller chooses (FLOOR / CEILING for enclosures).
 */
public final class Rational implements Comparable<Rational> {

    /** 0. */
    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    /** 1. */
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    private final BigInteger num;
    private final BigInteger den;

    private Rational(BigInteger num, BigInteger den) {
        this.num = num;
        this.den = den;
    }

    /** The integer {@code n}. */
    public static Rational of(long n) {
        return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
    }

    /** The integer {@code n}. */
    public static Rational of(BigInteger n) {
        return new Rational(n, BigInteger.ONE);
    }

    /**
     * {@code num/den}, reduced.
     *
     * @throws IllegalArgumentException if an argument is null or {@code den} is zero
     */
    public static Rational of(BigInteger num, BigInteger den) {
        if (num == null) {
            throw new IllegalArgumentException("num is null");
        }
        if (den == null) {
            throw new IllegalArgumentException("den is null");
        }
        if (den.signum() == 0) {
            throw new IllegalArgumentException("den is zero");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        if (num.signum() == 0) {
            return new Rational(BigInteger.ZERO, BigInteger.ONE);
        }
        // Common powers of two first (cheap shifts): doubles are dyadic, so after this step one
        // side is often a power of two, coprime to the other's odd part, and no gcd is needed.
        final int twos = Math.min(num.getLowestSetBit(), den.getLowestSetBit());
        if (twos > 0) {
            num = num.shiftRight(twos);
            den = den.shiftRight(twos);
        }
        if (den.bitCount() == 1 && (num.testBit(0) || den.equals(BigInteger.ONE))) {
            return new Rational(num, den);
        }
        if (num.abs().bitCount() == 1 && den.testBit(0)) {
            return new Rational(num, den);
        }
        final BigInteger g = num.gcd(den);
        return g.equals(BigInteger.ONE) ? new Rational(num, den)
                : new Rational(num.divide(g), den.divide(g));
    }

    /** The exact value of the finite double {@code x}; see {@link #of(double, String)}. */
    public static Rational of(double x) {
        return of(x, "x");
    }

    /**
     * The exact value of the finite double {@code x} (a dyadic rational, no rounding).
     *
     * @param name the argument name used in the error message
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     */
    public static Rational of(double x, String name) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(name + " must be finite, was " + x);
        }
        if (x == 0) {
            return ZERO;
        }
        final long bits = Double.doubleToRawLongBits(x);
        final int biased = (int) ((bits >>> 52) & 0x7ff);
        long m = bits & 0xfffffffffffffL;
        int e;
        if (biased == 0) {
            e = -1074;                  // subnormal: m·2^-1074
        } else {
            m |= 1L << 52;
            e = biased - 1075;
        }
        // Strip the common factors of two so the result is already reduced.
        final int tz = Long.numberOfTrailingZeros(m);
        m >>= tz;
        e += tz;
        final BigInteger signed = BigInteger.valueOf(x < 0 ? -m : m);
        return e >= 0 ? new Rational(signed.shiftLeft(e), BigInteger.ONE)
                : new Rational(signed, BigInteger.ONE.shiftLeft(-e));
    }

    /**
     * The exact value of a decimal.
     *
     * @throws IllegalArgumentException if {@code x} is null
     */
    public static Rational of(BigDecimal x) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        final int scale = x.scale();
        return scale >= 0 ? of(x.unscaledValue(), BigInteger.TEN.pow(scale))
                : of(x.unscaledValue().multiply(BigInteger.TEN.pow(-scale)));
    }

    /** The numerator (sign carrier). */
    public BigInteger numerator() {
        return num;
    }

    /** The denominator, always positive. */
    public BigInteger denominator() {
        return den;
    }

    /** -1, 0 or 1. */
    public int signum() {
        return num.signum();
    }

    /** {@code this + o}. */
    public Rational add(Rational o) {
        if (den.equals(o.den)) {
            return of(num.add(o.num), den);
        }
        return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    /** {@code this - o}. */
    public Rational subtract(Rational o) {
        return add(o.negate());
    }

    /** {@code this · o}. */
    public Rational multiply(Rational o) {
        return of(num.multiply(o.num), den.multiply(o.den));
    }

    /**
     * {@code this / o}.
     *
     * @throws ArithmeticException if {@code o} is zero
     */
    public Rational divide(Rational o) {
        if (o.num.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return of(num.multiply(o.den), den.multiply(o.num));
    }

    /** {@code -this}. */
    public Rational negate() {
        return new Rational(num.negate(), den);
    }

    /** The larger of this and {@code o}. */
    public Rational max(Rational o) {
        return compareTo(o) >= 0 ? this : o;
    }

    /** The smaller of this and {@code o}. */
    public Rational min(Rational o) {
        return compareTo(o) <= 0 ? this : o;
    }

    /** {@code |this|}. */
    public Rational abs() {
        return num.signum() < 0 ? negate() : this;
    }

    /**
     * This value rounded to {@code digits} significant decimal digits in direction {@code mode}
     * (FLOOR and CEILING give rigorous lower and upper bounds).
     */
    public BigDecimal toBigDecimal(int digits, RoundingMode mode) {
        return new BigDecimal(num).divide(new BigDecimal(den), new MathContext(digits, mode));
    }

    /** An approximation to 34 digits, for diagnostics only (not an enclosure). */
    public double approximate() {
        return toBigDecimal(34, RoundingMode.HALF_EVEN).doubleValue();
    }

    @Override
    public int compareTo(Rational o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rational && num.equals(((Rational) o).num) && den.equals(((Rational) o).den);
    }

    @Override
    public int hashCode() {
        return 31 * num.hashCode() + den.hashCode();
    }

    @Override
    public String toString() {
        return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }
}
