package ngdref.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A certified enclosure of the angle ψ ∈ [0, π/2] with an exact rational cos²ψ: a candidate a
 * from decimal Newton steps (not trusted), then a proof that ψ lies in [a(1 − 2^−p), a(1 + 2^−p)]
 * from exact rational bounds on sin or cos at the two ends.
 *
 * <p>The bounds are partial sums of the Taylor series, which alternate with terms decreasing in
 * magnitude for 0 &lt; t &lt; √6 (sin, from the first term) and 0 &lt; t &lt; √12 (cos, from the
 * second): the sum lies between two consecutive partial sums. sin and cos are monotone on
 * [0, π/2], so for an end t: ψ &gt; t ⟺ sin²ψ &gt; sin²t (used when sin²ψ ≤ 1/2, where sin is
 * well conditioned) or ψ &gt; t ⟺ cos²ψ &lt; cos²t while cos t &gt; 0 (when cos²ψ &lt; 1/2; an
 * end with cos t ≤ 0 is ≥ π/2 &gt; ψ). Everything in the check is exact integer arithmetic; no
 * floating-point function is trusted. ψ is never a rounding midpoint of double unless it is 0
 * (an arccosine of a square root of a rational other than 0, 1/4, 1/2, 3/4, 1 is irrational, and
 * none of those gives a dyadic ψ), so a narrow enough enclosure decides its rounding.
 */
public final class AngleEnclosure {

    /** Relative half-widths tried, in bits (the second only when the first does not decide). */
    private static final int[] BITS = {150, 320};

    private AngleEnclosure() {
    }

    /**
     * The enclosure of ψ = arccos(√c) for an exact rational c = cos²ψ in [0, 1].
     *
     * @param cosSquared cos²ψ
     * @return an enclosure of ψ of relative width about 2^−149 (2^−319 when that is needed to
     *     decide the rounding), or the point 0 when c = 1
     * @throws IllegalArgumentException if c is null or outside [0, 1]
     * @throws IllegalStateException if the candidate cannot be certified (an oracle bug)
     */
    public static Enclosure of(Rational cosSquared) {
        if (cosSquared == null) {
            throw new IllegalArgumentException("cos²ψ must be in [0, 1], was null");
        }
        return ofFraction(cosSquared.numerator(), cosSquared.denominator());
    }

    /**
     * As {@link #of(Rational)} for cos²ψ = n/d given as an unreduced fraction (as
     * {@link GradientAngle} keeps it): no gcd of integers with thousands of bits is needed.
     *
     * @param n the numerator, 0 &le; n &le; d
     * @param d the denominator, &gt; 0
     * @return the enclosure of ψ
     * @throws IllegalArgumentException if n or d is null, d &le; 0 or n/d is outside [0, 1]
     */
    public static Enclosure ofFraction(BigInteger n, BigInteger d) {
        if (n == null || d == null || d.signum() <= 0 || n.signum() < 0 || n.compareTo(d) > 0) {
            throw new IllegalArgumentException("cos²ψ must be a fraction n/d in [0, 1] with d > 0, was "
                    + n + "/" + d);
        }
        // the powers of two common to n and d cancel by a shift (the bulk of what they share)
        final int twos = Math.min(n.signum() == 0 ? d.getLowestSetBit() : n.getLowestSetBit(), d.getLowestSetBit());
        final Fraction cosSquared = new Fraction(n.shiftRight(twos), d.shiftRight(twos));
        final Fraction sinSquared = new Fraction(cosSquared.den().subtract(cosSquared.num()), cosSquared.den());
        if (sinSquared.num().signum() == 0) {
            return Enclosure.point(BigDecimal.ZERO);
        }
        Enclosure e = null;
        for (int bits : BITS) {
            e = certified(cosSquared, sinSquared, bits);
            if (e.correctlyRounded().isPresent()) {
                return e;
            }
        }
        return e;
    }

    /** A fraction num/den in [0, 1], den &gt; 0, not necessarily reduced: cos²ψ or sin²ψ. */
    private record Fraction(BigInteger num, BigInteger den) {

        /** Whether the value exceeds 1/2. */
        boolean exceedsHalf() {
            return num.shiftLeft(1).compareTo(den) > 0;
        }

        /** The value to the given significant digits. */
        BigDecimal decimal(int digits, RoundingMode mode) {
            return new BigDecimal(num).divide(new BigDecimal(den), new MathContext(digits, mode));
        }
    }

    private static Enclosure certified(Fraction cosSquared, Fraction sinSquared, int bits) {
        final MathContext mc = new MathContext(bits * 3 / 10 + 25);
        final BigDecimal a = candidate(cosSquared, sinSquared, mc);
        // The ends as dyadic rationals n/2^K, a(1 ∓ 2^−bits) rounded outward: K is chosen so that
        // n has about bits + 20 bits, and every power of the denominator is a shift.
        final int exponent = a.unscaledValue().bitLength() - (int) Math.ceil(a.scale() * 3.3219280948873623);
        final int k = bits + 20 - exponent;
        final BigInteger scaled = (k >= 0 ? a.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(k)))
                : a.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-k)), mc)).toBigInteger();
        final BigInteger lo = scaled.subtract(scaled.shiftRight(bits)).subtract(BigInteger.ONE);
        final BigInteger hi = scaled.add(scaled.shiftRight(bits)).add(BigInteger.ONE);
        if (lo.signum() <= 0 || k < 0) {
            throw new IllegalStateException("oracle: ψ candidate " + a + " out of the expected range");
        }
        if (!(compare(lo, k, cosSquared, sinSquared, bits) < 0 && compare(hi, k, cosSquared, sinSquared, bits) > 0)) {
            throw new IllegalStateException("oracle: the candidate " + a.round(new MathContext(20))
                    + " for ψ could not be certified to 2^-" + bits);
        }
        final BigDecimal scale = new BigDecimal(BigInteger.ONE.shiftLeft(k));
        return Enclosure.of(new BigDecimal(lo).divide(scale), new BigDecimal(hi).divide(scale));
    }

    /** The sign of t − ψ for t = n/2^k &gt; 0, exactly. */
    private static int compare(BigInteger n, int k, Fraction cosSquared, Fraction sinSquared, int bits) {
        final Rational t = Rational.of(n, BigInteger.ONE.shiftLeft(k));
        if (t.compareTo(Rational.of(BigInteger.valueOf(157), BigInteger.valueOf(100))) > 0
                || sinSquared.exceedsHalf()) {
            return compareByCos(n, k, cosSquared, bits);
        }
        return compareBySin(n, k, sinSquared, bits);
    }

    /** sign(t − ψ) from sin²t vs sin²ψ (0 &lt; t &le; 1.57). */
    private static int compareBySin(BigInteger n, int k, Fraction sinSquared, int bits) {
        for (int terms = firstTerms(n, k, true, bits); terms < 2000; terms *= 2) {
            final BigInteger[] s = coarsened(series(n, k, terms, true), bits);   // [lo, hi] / s[2]
            final BigInteger lo = s[0];
            final BigInteger hi = s[1];
            if (lo.signum() > 0 && squareCompare(lo, s[2], sinSquared) > 0) {
                return 1;                                     // sin t > sin ψ
            }
            if (hi.signum() >= 0 && squareCompare(hi, s[2], sinSquared) < 0) {
                return -1;
            }
        }
        throw new IllegalStateException("oracle: sin(t) not separated from sin ψ");
    }

    /** sign(t − ψ) from cos t vs cos ψ = √c (0 &lt; t &lt; 3.4). */
    private static int compareByCos(BigInteger n, int k, Fraction cosSquared, int bits) {
        for (int terms = firstTerms(n, k, false, bits); terms < 2000; terms *= 2) {
            final BigInteger[] s = coarsened(series(n, k, terms, false), bits);
            final BigInteger lo = s[0];
            final BigInteger hi = s[1];
            if (hi.signum() <= 0) {
                return 1;                                     // cos t ≤ 0: t ≥ π/2 > ψ
            }
            if (lo.signum() > 0 && squareCompare(lo, s[2], cosSquared) > 0) {
                return -1;                                    // cos t > cos ψ: t < ψ
            }
            if (squareCompare(hi, s[2], cosSquared) < 0) {
                return 1;                                     // 0 < cos t < cos ψ: t > ψ
            }
        }
        throw new IllegalStateException("oracle: cos(t) not separated from cos ψ");
    }

    /** sign((x/d)² − r) for x &ge; 0, d &gt; 0, in integers: sign(x²·den(r) − num(r)·d²). */
    private static int squareCompare(BigInteger x, BigInteger d, Fraction r) {
        return x.multiply(x).multiply(r.den()).compareTo(r.num().multiply(d.multiply(d)));
    }

    /**
     * Two consecutive partial sums {a, b} over the denominator d, rounded outward to about
     * {@code bits + 64} significant bits (relative to the sums, however small) by dropping powers
     * of two that d has: min(a, b) down, max(a, b) up. The bracket still contains the sum, and the
     * squares in {@link #squareCompare} stay small.
     */
    private static BigInteger[] coarsened(BigInteger[] s, int bits) {
        final int magnitude = Math.max(s[0].abs().bitLength(), s[1].abs().bitLength());
        final int shift = Math.min(s[2].getLowestSetBit(), magnitude - (bits + 64));
        if (shift <= 0) {
            return new BigInteger[] {s[0].min(s[1]), s[0].max(s[1]), s[2]};
        }
        final BigInteger lo = s[0].min(s[1]).shiftRight(shift);                 // floor
        final BigInteger hi = s[0].max(s[1]).shiftRight(shift).add(BigInteger.ONE);  // ≥ ceiling
        return new BigInteger[] {lo, hi, s[2].shiftRight(shift)};
    }

    /**
     * A first number of terms: the smallest m (at least 2) whose next term is below
     * 2^−(bits+30) (times t for sin), estimated in double; more are taken if that does not decide.
     */
    private static int firstTerms(BigInteger n, int k, boolean sin, int bits) {
        final double log2t = n.bitLength() - k;                // log2 t within 1
        final double target = -(bits + 30) + (sin ? log2t : 0);
        double log2term = sin ? log2t : 0;
        int m = 1;
        while (m < 2000) {
            final int e = 2 * m + (sin ? 1 : 0);
            log2term += 2 * (log2t + 1) - Math.log((double) e * (e - 1)) / Math.log(2);
            if (log2term < target) {
                break;
            }
            m++;
        }
        return Math.max(2, m);
    }

    /**
     * The partial sums with m and m + 1 terms of the Taylor series of sin t (or cos t) at
     * t = n/2^k, exactly: their numerators over the common denominator 2^(k·last)·last!, and that
     * denominator (no reduction).
     */
    private static BigInteger[] series(BigInteger n, int k, int m, boolean sin) {
        // term j = ±t^(2j+o)/(2j+o)!, o = 1 for sin, 0 for cos; the (m+1)-th has exponent last.
        final int o = sin ? 1 : 0;
        final int last = 2 * m + o;
        final BigInteger[] factorials = new BigInteger[m + 1];     // (2j+o)!
        BigInteger f = BigInteger.ONE;
        for (int j = 0; j <= m; j++) {
            if (j > 0) {
                f = f.multiply(BigInteger.valueOf((2L * j + o - 1) * (2L * j + o)));
            }
            factorials[j] = f;
        }
        final BigInteger lastFactorial = factorials[m];
        final BigInteger n2 = n.multiply(n);
        BigInteger power = sin ? n : BigInteger.ONE;               // n^(2j+o)
        BigInteger sum = BigInteger.ZERO;
        BigInteger nth = BigInteger.ZERO;
        for (int j = 0; j <= m; j++) {
            if (j > 0) {
                power = power.multiply(n2);
            }
            // numerator over the common denominator: n^(2j+o)·2^(k(last−2j−o))·last!/(2j+o)!
            final BigInteger term = power.shiftLeft(k * (last - 2 * j - o)).multiply(lastFactorial.divide(factorials[j]));
            final BigInteger signed = j % 2 == 0 ? term : term.negate();
            if (j == m) {
                nth = signed;
            } else {
                sum = sum.add(signed);
            }
        }
        final BigInteger den = lastFactorial.shiftLeft(k * last);
        return new BigInteger[] {sum, sum.add(nth), den};
    }

    /** A candidate for ψ: Newton's method on sin (small ψ) or cos, in decimal arithmetic. */
    private static BigDecimal candidate(Fraction cosSquared, Fraction sinSquared, MathContext mc) {
        final double c0 = Math.sqrt(cosSquared.decimal(34, RoundingMode.HALF_EVEN).doubleValue());
        final double s0 = Math.sqrt(sinSquared.decimal(34, RoundingMode.HALF_EVEN).doubleValue());
        BigDecimal t = new BigDecimal(StrictMath.atan2(s0, c0));
        if (t.signum() == 0) {
            t = new BigDecimal(Double.MIN_VALUE);
        }
        final boolean bySin = !sinSquared.exceedsHalf();
        final BigDecimal target = (bySin ? sinSquared : cosSquared).decimal(mc.getPrecision() + 5,
                RoundingMode.HALF_EVEN).sqrt(mc);
        for (int i = 0; i < 12; i++) {
            final BigDecimal[] sc = sinCos(t, mc);
            final BigDecimal step = bySin
                    ? sc[0].subtract(target, mc).divide(sc[1], mc)
                    : target.subtract(sc[1], mc).divide(sc[0], mc);   // t + (cos t − c)/sin t
            t = t.subtract(step, mc);
            // Newton converges quadratically (|f''/2f'| ≤ 1 on the side used): after a step below
            // 10^−(p/2 − 3)·t the error is below about 10^−(p − 6)·t, ample for the certificate.
            if (step.signum() == 0 || step.abs().compareTo(t.abs().movePointLeft(mc.getPrecision() / 2 - 3)) < 0) {
                break;
            }
        }
        return t.round(mc);
    }

    /** {sin t, cos t} to about mc's precision by their Taylor series (a candidate only). */
    private static BigDecimal[] sinCos(BigDecimal t, MathContext mc) {
        final BigDecimal t2 = t.multiply(t, mc);
        BigDecimal sin = t;
        BigDecimal cos = BigDecimal.ONE;
        BigDecimal sinTerm = t;
        BigDecimal cosTerm = BigDecimal.ONE;
        for (int k = 1; k < 400; k++) {
            sinTerm = sinTerm.multiply(t2, mc).divide(BigDecimal.valueOf((2L * k) * (2L * k + 1)), mc).negate();
            cosTerm = cosTerm.multiply(t2, mc).divide(BigDecimal.valueOf((2L * k - 1) * (2L * k)), mc).negate();
            sin = sin.add(sinTerm, mc);
            cos = cos.add(cosTerm, mc);
            if (sinTerm.signum() == 0 || sinTerm.abs().compareTo(sin.abs().movePointLeft(mc.getPrecision() + 2)) < 0
                    && cosTerm.abs().compareTo(BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2)) < 0) {
                break;
            }
        }
        return new BigDecimal[] {sin, cos};
    }
}
