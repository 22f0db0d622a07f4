package ngdref.oracle;

import java.math.BigInteger;
import java.util.stream.IntStream;

/**
 * An exact integer matrix {@code N} times a power of two, {@code value = N · 2^exponent},
 * stored as signed base-{@code 2^26} digits so that exact products run as plain {@code long}
 * matrix products (package-private workhorse of {@link CongruenceSpectrum}).
 *
 * <p>Every digit satisfies {@code |d| <= 2^26}, so a digit product is at most {@code 2^52} and
 * a dot product over a block of {@code 2^10} inner indices at most {@code 2^62}: it cannot
 * overflow a long. The product of two limb matrices with {@code ka} and {@code kb} digits is
 * the exact sum of the {@code ka·kb} digit-matrix products, shifted by {@code 26(s+t)} bits;
 * each block product is split at once into three 26-bit pieces added to per-level
 * accumulators, and the JIT vectorises the inner loop. Results are normalised to balanced
 * digits in {@code [−2^25, 2^25)}, so small negative numbers keep few digits and dropping the
 * lowest {@code t} digits changes a value by less than {@code 2^(26t)} (in units of
 * {@code 2^exponent}).
 */
final class LimbMatrix {

    /** Digit width in bits. */
    static final int W = 26;
    /** Inner block length for which a digit dot product fits a long: 2^10 · 2^52 = 2^62. */
    static final int BLOCK = 1 << 10;

    private static final long MASK = (1L << W) - 1;
    private static final long HALF = 1L << (W - 1);
    /** Below this many multiply-adds a product runs sequentially. */
    private static final long PARALLEL_WORK = 1L << 20;

    final int rows;
    final int cols;
    /** The value is {@code N · 2^exponent}. */
    final int exponent;
    /** {@code digit[s][i][j]}: {@code N_ij = Σ_s digit[s][i][j] · 2^(26 s)}. */
    final long[][][] digit;

    private LimbMatrix(int rows, int cols, int exponent, long[][][] digit) {
        this.rows = rows;
        this.cols = cols;
        this.exponent = exponent;
        this.digit = digit;
    }

    /** The number of digits. */
    int digits() {
        return digit.length;
    }

    /** The exact matrix {@code n · 2^exponent}. */
    static LimbMatrix of(BigInteger[][] n, int exponent) {
        final int rows = n.length;
        final int cols = n[0].length;
        int bits = 1;
        for (BigInteger[] row : n) {
            for (BigInteger x : row) {
                bits = Math.max(bits, x.bitLength());
            }
        }
        final int k = (bits + W - 1) / W;
        final long[][][] d = new long[k][rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                final BigInteger x = n[i][j];
                final int sign = x.signum();
                if (sign == 0) {
                    continue;
                }
                // Big-endian magnitude bytes; digit s is bits [26s, 26s + 26), within five bytes.
                final byte[] b = x.abs().toByteArray();
                for (int s = 0; s < k; s++) {
                    final int bit = W * s;
                    long chunk = 0;
                    for (int q = (bit + W - 1) >>> 3; q >= bit >>> 3; q--) {
                        final int idx = b.length - 1 - q;
                        chunk = (chunk << 8) | (idx >= 0 ? (b[idx] & 0xffL) : 0);
                    }
                    final long v = (chunk >>> (bit & 7)) & MASK;
                    d[s][i][j] = sign * v;
                }
            }
        }
        return new LimbMatrix(rows, cols, exponent, d);
    }

    /**
     * The exact matrix {@code round(v·2^bits)·2^-bits} of finite doubles (half away from zero),
     * built without BigIntegers: each double's significand is placed into the digits directly.
     */
    static LimbMatrix ofDoubles(double[][] v, int bits) {
        final int rows = v.length;
        final int cols = v[0].length;
        int top = 1;
        for (double[] row : v) {
            for (double x : row) {
                if (x != 0) {
                    top = Math.max(top, Math.getExponent(x) + bits + 2);
                }
            }
        }
        final int k = (top + W - 1) / W;
        final long[][][] d = new long[k][rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                final double x = v[i][j];
                if (x == 0) {
                    continue;
                }
                final long raw = Double.doubleToRawLongBits(x);
                final int biased = (int) ((raw >>> 52) & 0x7ff);
                long mant = biased == 0 ? (raw & 0xfffffffffffffL) : ((raw & 0xfffffffffffffL) | (1L << 52));
                int e = (biased == 0 ? -1074 : biased - 1075) + bits;        // |x|·2^bits = mant·2^e
                if (e < 0) {
                    mant = e < -60 ? 0 : (mant + (1L << (-e - 1))) >> -e;  // round half up
                    e = 0;
                }
                final long sign = x < 0 ? -1 : 1;
                for (int s = 0; s < k; s++) {
                    // digit s = floor(mant·2^e / 2^(26 s)) mod 2^26; mod 2^64 overflow keeps the low bits
                    final int shift = e - W * s;
                    final long digit;
                    if (shift >= W) {
                        digit = 0;
                    } else if (shift >= 0) {
                        digit = (mant << shift) & MASK;
                    } else {
                        digit = -shift >= 64 ? 0 : (mant >>> -shift) & MASK;
                    }
                    d[s][i][j] = sign * digit;
                }
            }
        }
        return new LimbMatrix(rows, cols, -bits, d);
    }

    /** The integers {@code N} (the value is {@code N · 2^exponent}). */
    BigInteger[][] integers() {
        final BigInteger[][] out = new BigInteger[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = integer(i, j);
            }
        }
        return out;
    }

    /** The integer {@code N_ij}. */
    BigInteger integer(int i, int j) {
        BigInteger acc = BigInteger.ZERO;
        for (int s = digit.length - 1; s >= 0; s--) {
            acc = acc.shiftLeft(W).add(BigInteger.valueOf(digit[s][i][j]));
        }
        return acc;
    }

    /** An approximation of entry (i, j) as a double (for the non-rigorous refinement only). */
    double approximate(int i, int j) {
        // The three highest nonzero digits of this entry carry at least 48 significant bits.
        int s = digit.length - 1;
        while (s > 0 && digit[s][i][j] == 0) {
            s--;
        }
        double v = 0;
        for (int q = s; q >= 0 && q >= s - 2; q--) {
            v += Math.scalb((double) digit[q][i][j], W * q + exponent);
        }
        return v;
    }

    /** The same values with exponent lowered to {@code e} (a multiple of 26 below the current one). */
    LimbMatrix withExponent(int e) {
        final int t = (exponent - e) / W;
        if (t < 0 || exponent - e != W * t) {
            throw new IllegalArgumentException("exponent must drop by a multiple of " + W);
        }
        final long[][][] d = new long[digit.length + t][][];
        for (int s = 0; s < t; s++) {
            d[s] = new long[rows][cols];
        }
        System.arraycopy(digit, 0, d, t, digit.length);
        return new LimbMatrix(rows, cols, e, d);
    }

    /** The transpose. */
    LimbMatrix transpose() {
        final long[][][] d = new long[digit.length][cols][rows];
        for (int s = 0; s < digit.length; s++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    d[s][j][i] = digit[s][i][j];
                }
            }
        }
        return new LimbMatrix(cols, rows, exponent, d);
    }

    /**
     * The exact product {@code this · b}.
     *
     * @throws IllegalArgumentException if the inner dimensions differ
     */
    LimbMatrix multiply(LimbMatrix b) {
        return multiply(b, false);
    }

    /**
     * The upper triangle ({@code j >= i}) of the exact product {@code this · b}, mirrored to the
     * lower one: half the work, for products known to be symmetric up to a bounded error.
     *
     * @throws IllegalArgumentException if the inner dimensions differ or the product is not square
     */
    LimbMatrix multiplyUpper(LimbMatrix b) {
        if (rows != b.cols) {
            throw new IllegalArgumentException("the product must be square, was " + rows + "x" + b.cols);
        }
        return multiply(b, true);
    }

    private LimbMatrix multiply(LimbMatrix b, boolean upper) {
        if (cols != b.rows) {
            throw new IllegalArgumentException("inner dimensions differ: " + cols + " and " + b.rows);
        }
        final int ka = digit.length;
        final int kb = b.digit.length;
        final boolean[] useA = nonzeroDigits();
        final boolean[] useB = b.nonzeroDigits();
        // Every level receives fewer than 3·ka·kb·blocks pieces below 2^26: no overflow.
        final long[][][] acc = new long[ka + kb + 2][rows][b.cols];
        final long[][] tmp = new long[rows][b.cols];
        for (int from = 0; from < cols; from += BLOCK) {
            final int to = Math.min(cols, from + BLOCK);
            for (int s = 0; s < ka; s++) {
                for (int t = 0; t < kb; t++) {
                    if (useA[s] && useB[t]) {
                        product(digit[s], b.digit[t], tmp, from, to, upper);
                        split(tmp, false, acc, s + t);
                    }
                }
            }
        }
        if (upper) {
            for (long[][] level : acc) {
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < i; j++) {
                        level[i][j] = level[j][i];
                    }
                }
            }
        }
        return normalised(rows, b.cols, exponent + b.exponent, acc);
    }

    /** Which digit matrices have a nonzero entry (zero ones are skipped in products). */
    private boolean[] nonzeroDigits() {
        final boolean[] out = new boolean[digit.length];
        for (int s = 0; s < digit.length; s++) {
            scan:
            for (long[] row : digit[s]) {
                for (long v : row) {
                    if (v != 0) {
                        out[s] = true;
                        break scan;
                    }
                }
            }
        }
        return out;
    }

    /**
     * The exact Gram matrix {@code thisᵀ · this}; the digit pairs (s, t) and (t, s) give
     * transposed products, so only {@code k(k+1)/2} digit products are formed.
     */
    LimbMatrix gram() {
        final LimbMatrix xt = transpose();
        final int k = digit.length;
        final long[][][] acc = new long[2 * k + 2][cols][cols];
        final long[][] tmp = new long[cols][cols];
        for (int from = 0; from < rows; from += BLOCK) {
            final int to = Math.min(rows, from + BLOCK);
            for (int s = 0; s < k; s++) {
                for (int t = s; t < k; t++) {
                    product(xt.digit[s], digit[t], tmp, from, to, false);
                    split(tmp, false, acc, s + t);
                    if (t != s) {
                        split(tmp, true, acc, s + t);
                    }
                }
            }
        }
        return normalised(cols, cols, 2 * exponent, acc);
    }

    /**
     * For each row i, {@code Σ_j |N_ij|} (over {@code j != i} when {@code offDiagonal}), exact.
     * The sign of a balanced-digit number is the sign of its highest nonzero digit.
     */
    BigInteger[] absRowSums(boolean offDiagonal) {
        final int k = digit.length;
        final BigInteger[] out = new BigInteger[rows];
        final long[] level = new long[k];
        for (int i = 0; i < rows; i++) {
            java.util.Arrays.fill(level, 0L);
            for (int j = 0; j < cols; j++) {
                if (offDiagonal && i == j) {
                    continue;
                }
                int top = k - 1;
                while (top > 0 && digit[top][i][j] == 0) {
                    top--;
                }
                final long sign = Long.signum(digit[top][i][j]);
                for (int s = 0; s <= top; s++) {
                    level[s] += sign * digit[s][i][j];      // < cols · 2^26: no overflow
                }
            }
            BigInteger acc = BigInteger.ZERO;
            for (int s = k - 1; s >= 0; s--) {
                acc = acc.shiftLeft(W).add(BigInteger.valueOf(level[s]));
            }
            out[i] = acc;
        }
        return out;
    }

    /**
     * This matrix with its lowest {@code t} digits dropped: exponent grows by {@code 26 t}, and
     * each entry changes by less than {@code 2^(26 t + exponent)}.
     */
    LimbMatrix dropDigits(int t) {
        if (t <= 0) {
            return this;
        }
        if (t >= digit.length) {
            // Keep a zero digit so that the matrix stays well formed.
            return new LimbMatrix(rows, cols, exponent + W * t, new long[1][rows][cols]);
        }
        final long[][][] d = new long[digit.length - t][][];
        System.arraycopy(digit, t, d, 0, d.length);
        return new LimbMatrix(rows, cols, exponent + W * t, d);
    }

    /**
     * The exact sum {@code this + o}; both exponents must be equal.
     *
     * @throws IllegalArgumentException if shapes or exponents differ
     */
    LimbMatrix add(LimbMatrix o) {
        if (rows != o.rows || cols != o.cols || exponent != o.exponent) {
            throw new IllegalArgumentException("shapes or exponents differ");
        }
        final int k = Math.max(digit.length, o.digit.length) + 1;
        final long[][][] acc = new long[k][rows][cols];
        for (LimbMatrix m : new LimbMatrix[] {this, o}) {
            for (int s = 0; s < m.digit.length; s++) {
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        acc[s][i][j] += m.digit[s][i][j];
                    }
                }
            }
        }
        return normalised(rows, cols, exponent, acc);
    }

    /**
     * {@code c = a · b} over inner indices [from, to) (only {@code j >= i} when {@code upper}),
     * rows in parallel when the work is large.
     */
    private static void product(long[][] a, long[][] b, long[][] c, int from, int to, boolean upper) {
        final int m = b[0].length;
        if ((long) a.length * (to - from) * m >= PARALLEL_WORK) {
            IntStream.range(0, a.length).parallel().forEach(i -> productRow(a[i], b, c[i], from, to, upper ? i : 0, m));
        } else {
            for (int i = 0; i < a.length; i++) {
                productRow(a[i], b, c[i], from, to, upper ? i : 0, m);
            }
        }
    }

    private static void productRow(long[] ai, long[][] b, long[] ci, int from, int to, int j0, int m) {
        java.util.Arrays.fill(ci, 0L);
        for (int l = from; l < to; l++) {
            final long x = ai[l];
            if (x == 0) {
                continue;
            }
            final long[] bl = b[l];
            for (int j = j0; j < m; j++) {
                ci[j] += x * bl[j];
            }
        }
    }

    /** Adds p (or pᵀ) to levels s, s+1, s+2 as three 26-bit pieces: p = lo + mid·2^26 + hi·2^52. */
    private static void split(long[][] p, boolean transposed, long[][][] acc, int s) {
        final long[][] l0 = acc[s];
        final long[][] l1 = acc[s + 1];
        final long[][] l2 = acc[s + 2];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p[i].length; j++) {
                final long v = transposed ? p[j][i] : p[i][j];
                l0[i][j] += v & MASK;
                l1[i][j] += (v >> W) & MASK;
                l2[i][j] += v >> (2 * W);
            }
        }
    }

    /** Carries the level sums into balanced digits and trims all-zero top digits. */
    private static LimbMatrix normalised(int rows, int cols, int exponent, long[][][] acc) {
        final int levels = acc.length;
        int top = 1;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                long carry = 0;
                for (int s = 0; s < levels; s++) {
                    final long v = acc[s][i][j] + carry;
                    final long d = ((v + HALF) & MASK) - HALF;        // in [−2^25, 2^25)
                    carry = (v - d) >> W;                             // exact: v − d ≡ 0 mod 2^26
                    acc[s][i][j] = d;
                    if (d != 0) {
                        top = Math.max(top, s + 1);
                    }
                }
                if (carry != 0) {
                    throw new IllegalStateException("limb overflow");   // levels are sized to prevent this
                }
            }
        }
        final long[][][] d = new long[top][][];
        System.arraycopy(acc, 0, d, 0, top);
        return new LimbMatrix(rows, cols, exponent, d);
    }
}
