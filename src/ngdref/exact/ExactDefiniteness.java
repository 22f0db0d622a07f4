package ngdref.exact;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The sign of the smallest eigenvalue of a symmetric matrix with dyadic rational entries, decided
 * exactly: +1 positive definite, 0 positive semidefinite and singular, −1 indefinite (some
 * eigenvalue negative).
 *
 * <p>Method: fraction-free symmetric elimination (Bareiss) with diagonal pivoting on integers.
 * The entries are scaled by one power of two to integers. After k pivots p₁..p_k the entry (i, j)
 * equals the minor on rows {p₁..p_k, i} and columns {p₁..p_k, j} (Sylvester's identity, for any
 * pivot order), so every division is exact, and the Schur complement of the pivot block P is the
 * current entries divided by det P &gt; 0. The next pivot is the largest remaining diagonal entry:
 * if it is positive the elimination goes on; if some remaining diagonal entry is negative the
 * matrix is indefinite; if all remaining diagonal entries are 0, the matrix is positive
 * semidefinite exactly when the remaining block is zero (a positive semidefinite matrix with a
 * zero diagonal entry has a zero row), and then singular. O(D³) big-integer operations on numbers
 * of at most D times the bits of one scaled entry.
 */
final class ExactDefiniteness {

    private ExactDefiniteness() {
    }

    /**
     * sign(λ_min(a)) for a symmetric matrix a of dyadic rationals (only the upper triangle is read).
     *
     * @param a n×n, n &ge; 1 (not modified)
     * @return +1, 0 or −1
     */
    static int signOfSmallestEigenvalue(Dyadic[][] a) {
        final int n = a.length;
        final BigInteger[][] m = toIntegers(a);
        final boolean[] done = new boolean[n];
        BigInteger previous = BigInteger.ONE;
        for (int k = 0; k < n; k++) {
            int p = -1;
            for (int i = 0; i < n; i++) {
                if (!done[i]) {
                    if (m[i][i].signum() < 0) {
                        return -1;
                    }
                    if (p < 0 || m[i][i].compareTo(m[p][p]) > 0) {
                        p = i;
                    }
                }
            }
            if (m[p][p].signum() == 0) {
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        if (!done[i] && !done[j] && m[i][j].signum() != 0) {
                            return -1;
                        }
                    }
                }
                return 0;
            }
            done[p] = true;
            final BigInteger pivot = m[p][p];
            for (int i = 0; i < n; i++) {
                if (done[i]) {
                    continue;
                }
                for (int j = i; j < n; j++) {
                    if (!done[j]) {
                        final BigInteger v = pivot.multiply(m[i][j]).subtract(m[i][p].multiply(m[p][j]))
                                .divide(previous);
                        m[i][j] = v;
                        m[j][i] = v;
                    }
                }
            }
            previous = pivot;
        }
        return 1;
    }

    /** The upper triangle (mirrored) times one power of two that makes every entry an integer. */
    private static BigInteger[][] toIntegers(Dyadic[][] a) {
        final int n = a.length;
        int low = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                if (a[i][j].mantissa.signum() != 0) {
                    low = Math.min(low, a[i][j].exponent);
                }
            }
        }
        final BigInteger[][] m = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                final Dyadic v = a[i][j];
                final BigInteger integer = v.mantissa.signum() == 0 ? BigInteger.ZERO : v.mantissa.shiftLeft(v.exponent - low);
                m[i][j] = integer;
                m[j][i] = integer;
            }
        }
        return m;
    }

    /** A dyadic rational m·2^e, exact. */
    static final class Dyadic {
        static final Dyadic ZERO = new Dyadic(BigInteger.ZERO, 0);

        final BigInteger mantissa;
        final int exponent;

        private Dyadic(BigInteger mantissa, int exponent) {
            this.mantissa = mantissa;
            this.exponent = exponent;
        }

        /** m·2^e with the trailing zero bits of m moved into e. */
        static Dyadic of(BigInteger m, int e) {
            if (m.signum() == 0) {
                return ZERO;
            }
            final int z = m.getLowestSetBit();
            return new Dyadic(m.shiftRight(z), e + z);
        }

        /**
         * A decimal that is a dyadic rational, exactly: u·10^-s = (u/5^s)·2^-s.
         *
         * @throws IllegalArgumentException if v is not dyadic
         */
        static Dyadic of(BigDecimal v) {
            final BigDecimal w = v.stripTrailingZeros();
            if (w.signum() == 0) {
                return ZERO;
            }
            if (w.scale() <= 0) {
                return of(w.toBigIntegerExact(), 0);
            }
            final BigInteger[] qr = w.unscaledValue().divideAndRemainder(BigInteger.valueOf(5).pow(w.scale()));
            if (qr[1].signum() != 0) {
                throw new IllegalArgumentException("not a dyadic rational: " + v);
            }
            return of(qr[0], -w.scale());
        }

        Dyadic multiply(Dyadic o) {
            return of(mantissa.multiply(o.mantissa), exponent + o.exponent);
        }

        Dyadic add(Dyadic o) {
            if (mantissa.signum() == 0) {
                return o;
            }
            if (o.mantissa.signum() == 0) {
                return this;
            }
            final int e = Math.min(exponent, o.exponent);
            return of(mantissa.shiftLeft(exponent - e).add(o.mantissa.shiftLeft(o.exponent - e)), e);
        }
    }
}
