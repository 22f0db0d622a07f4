package ngdref.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalDouble;
import ngdref.oracle.Enclosure;
import ngdref.oracle.Ulps;

/**
 * The oracle's word on one double: a decimal of the exact value, a certified bound on that
 * decimal's error, the correctly rounded double when the enclosure decides it, and how far the
 * reported double is from it in ulps.
 *
 * @param exact the midpoint of the oracle's enclosure, to {@link #DIGITS} significant digits
 * @param errorBound a bound on |exact value − {@code exact}|, rounded up to two digits
 * @param correctlyRounded the nearest double to the exact value (ties to even), if decided
 * @param ulpsLower certified lower bound on the reported double's distance in ulps
 * @param ulpsUpper certified upper bound (equal to the lower one when the rounding is decided)
 */
record Certificate(BigDecimal exact, BigDecimal errorBound, OptionalDouble correctlyRounded,
                   long ulpsLower, long ulpsUpper) {

    /** Significant digits of {@link #exact()}: at least 30, as the issue asks; 40 is plenty. */
    static final int DIGITS = 40;

    private static final MathContext NEAREST = new MathContext(DIGITS, RoundingMode.HALF_EVEN);
    private static final MathContext BOUND = new MathContext(2, RoundingMode.CEILING);

    /**
     * The certificate of {@code value} against the enclosure {@code exact} of the true value.
     *
     * @param value the reported double (finite)
     * @param exact the oracle's enclosure
     * @return the certificate
     */
    static Certificate of(double value, Enclosure exact) {
        final BigDecimal mid = exact.lo().add(exact.hi()).divide(BigDecimal.valueOf(2));
        final BigDecimal decimal = mid.round(NEAREST);
        // |x − decimal| <= (hi − lo)/2 + |mid − decimal| for every x in [lo, hi].
        final BigDecimal error = exact.width().divide(BigDecimal.valueOf(2))
                .add(mid.subtract(decimal).abs());
        final BigDecimal bound = error.signum() == 0 ? BigDecimal.ZERO : error.round(BOUND);
        final OptionalDouble rounded = exact.correctlyRounded();
        long lower = -1;
        long upper = -1;
        if (Double.isFinite(value)) {
            final Ulps.Error e = Ulps.error(value, exact);
            lower = e.lower();
            upper = e.upper();
        }
        return new Certificate(plain(decimal), bound, rounded, lower, upper);
    }

    /** Strips trailing zeros (2.000… → 2) without turning integers into 2E+1 forms needlessly. */
    private static BigDecimal plain(BigDecimal x) {
        final BigDecimal s = x.stripTrailingZeros();
        return s.scale() < 0 && s.precision() - s.scale() <= DIGITS ? s.setScale(0) : s;
    }
}
