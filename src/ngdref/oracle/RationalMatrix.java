package ngdref.oracle;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An explicit square matrix of exact rationals, stored as an integer matrix over one common
 * positive denominator: {@code M = N/d}.
 *
 * <p>The common denominator keeps every operation gcd-free (sums and products of the integer
 * numerators only), which matters for D = 256 (65536 entries). The representation is not
 * canonical; {@link #equals(Object)} compares values. The explicit metrics of the family keep N
 * as the rule for its entries ({@link SymmetricEntries}), which the plane check evaluates
 * without allocation; their {@code BigInteger} numerators are formed only if another operation
 * asks for them.
 */
public final class RationalMatrix {

    /** The numerators as {@code BigInteger}s; for a matrix given entry by entry, formed when first asked for. */
    private volatile BigInteger[][] num;
    /** The numerators entry by entry (symmetric matrices of the family), or null. */
    private final SymmetricEntries entries;
    private final BigInteger den;

    private RationalMatrix(BigInteger[][] num, BigInteger den) {
        this.num = num;
        this.entries = null;
        this.den = den;
    }

    private RationalMatrix(SymmetricEntries entries, BigInteger den) {
        this.num = null;
        this.entries = entries;
        this.den = den;
    }

    /** Package-private: wraps (does not copy) an integer matrix over {@code den > 0}. */
    static RationalMatrix ofCommonDenominator(BigInteger[][] num, BigInteger den) {
        return new RationalMatrix(num, den);
    }

    /** Package-private: wraps a symmetric integer matrix given entry by entry over {@code den > 0}. */
    static RationalMatrix ofCommonDenominator(SymmetricEntries num, BigInteger den) {
        return new RationalMatrix(num, den);
    }

    /**
     * Package-private: the numerators of this symmetric matrix entry by entry ({@link PlaneSpectrum}
     * works on those), read from the {@code BigInteger}s if it was not built so.
     *
     * @throws IllegalArgumentException if the matrix is not symmetric
     */
    SymmetricEntries symmetricEntries(String name) {
        if (entries != null) {
            return entries;
        }
        requireSymmetric(name);
        return SymmetricEntries.of(num);
    }

    /** The numerators as {@code BigInteger}s (formed from the entries' rule once, on first use). */
    private BigInteger[][] num() {
        BigInteger[][] n = num;
        if (n == null) {
            synchronized (this) {
                n = num;
                if (n == null) {
                    final int d = entries.dimension();
                    n = new BigInteger[d][d];
                    for (int i = 0; i < d; i++) {
                        for (int j = 0; j <= i; j++) {
                            n[i][j] = entries.get(i, j);
                            n[j][i] = n[i][j];
                        }
                    }
                    num = n;
                }
            }
        }
        return n;
    }

    /** The exact matrix of the doubles in {@code m}; see {@link #of(double[][], String)}. */
    public static RationalMatrix of(double[][] m) {
        return of(m, "m");
    }

    /**
     * The exact value of a square matrix of doubles (no rounding: each double is dyadic).
     *
     * @param name the argument name used in error messages
     * @throws IllegalArgumentException if {@code m} is null or empty, has a null or ragged row,
     *     is not square, or has a NaN or infinite entry
     */
    public static RationalMatrix of(double[][] m, String name) {
        if (m == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        final int n = m.length;
        if (n == 0) {
            throw new IllegalArgumentException(name + " must be non-empty");
        }
        final Rational[][] r = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            if (m[i] == null) {
                throw new IllegalArgumentException(name + " row " + i + " is null");
            }
            if (m[i].length != n) {
                throw new IllegalArgumentException(name + " must be square: row " + i + " has length "
                        + m[i].length + ", expected " + n);
            }
            for (int j = 0; j < n; j++) {
                r[i][j] = Rational.of(m[i][j], name + "[" + i + "][" + j + "]");
            }
        }
        return of(r);
    }

    /**
     * The exact value of a square, symmetric matrix of doubles.
     *
     * @throws IllegalArgumentException as {@link #of(double[][], String)}, or if {@code m} is
     *     not exactly symmetric
     */
    public static RationalMatrix symmetric(double[][] m, String name) {
        return of(m, name).requireSymmetric(name);
    }

    /**
     * The matrix of the given rationals.
     *
     * @throws IllegalArgumentException if {@code r} is null, empty, ragged or not square, or
     *     has a null entry
     */
    public static RationalMatrix of(Rational[][] r) {
        if (r == null) {
            throw new IllegalArgumentException("r is null");
        }
        final int n = r.length;
        if (n == 0) {
            throw new IllegalArgumentException("r must be non-empty");
        }
        BigInteger d = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            if (r[i] == null || r[i].length != n) {
                throw new IllegalArgumentException("r must be square: row " + i + " is null or of length != " + n);
            }
            for (int j = 0; j < n; j++) {
                if (r[i][j] == null) {
                    throw new IllegalArgumentException("r[" + i + "][" + j + "] is null");
                }
                d = lcm(d, r[i][j].denominator());
            }
        }
        final BigInteger[][] nm = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                nm[i][j] = r[i][j].numerator().multiply(d.divide(r[i][j].denominator()));
            }
        }
        return new RationalMatrix(nm, d);
    }

    /** The n×n identity. */
    public static RationalMatrix identity(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        final BigInteger[][] nm = zeros(n);
        for (int i = 0; i < n; i++) {
            nm[i][i] = BigInteger.ONE;
        }
        return new RationalMatrix(nm, BigInteger.ONE);
    }

    /**
     * The outer product {@code a bᵀ}.
     *
     * @throws IllegalArgumentException if a vector is null, empty, has a null entry, or the
     *     lengths differ
     */
    public static RationalMatrix outer(Rational[] a, Rational[] b) {
        checkVector(a, "a");
        checkVector(b, "b");
        if (a.length != b.length) {
            throw new IllegalArgumentException("a and b must have equal lengths, were " + a.length + " and " + b.length);
        }
        final int n = a.length;
        final BigInteger da = commonDenominator(a);
        final BigInteger db = commonDenominator(b);
        final BigInteger[] na = scaled(a, da);
        final BigInteger[] nb = scaled(b, db);
        final BigInteger[][] nm = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                nm[i][j] = na[i].multiply(nb[j]);
            }
        }
        return new RationalMatrix(nm, da.multiply(db));
    }

    /** The dimension n of this n×n matrix. */
    public int dimension() {
        return entries != null ? entries.dimension() : num.length;
    }

    /** Entry (i, j), reduced. */
    public Rational get(int i, int j) {
        return Rational.of(numerator(i, j), den);
    }

    /** Package-private: the integer numerator of entry (i, j) over {@link #denominator()}. */
    BigInteger numerator(int i, int j) {
        return entries != null ? entries.get(i, j) : num[i][j];
    }

    /** Package-private: the common positive denominator. */
    BigInteger denominator() {
        return den;
    }

    /** The product {@code M v}, exact. */
    public Rational[] multiply(Rational[] v) {
        final Quotients q = product(v);
        final Rational[] out = new Rational[q.numerators().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Rational.of(q.numerators()[i], q.denominator());
        }
        return out;
    }

    /**
     * Exact rationals numerators[i]/denominator sharing one positive denominator, unreduced.
     *
     * @param numerators the numerators
     * @param denominator the common denominator (&gt; 0)
     */
    public record Quotients(BigInteger[] numerators, BigInteger denominator) {
    }

    /** The product {@code M v}, exact, over one common denominator (no reduction: no gcd). */
    public Quotients product(Rational[] v) {
        checkVector(v, "v");
        final BigInteger[][] num = num();
        final int n = num.length;
        if (v.length != n) {
            throw new IllegalArgumentException("v must have length " + n + ", was " + v.length);
        }
        final BigInteger dv = commonDenominator(v);
        final BigInteger[] nv = scaled(v, dv);
        final BigInteger[] out = new BigInteger[n];
        final java.util.stream.IntStream rows = java.util.stream.IntStream.range(0, n);
        (n >= PlaneSpectrum.PARALLEL_DIMENSION ? rows.parallel() : rows).forEach(i -> {
            BigInteger s = BigInteger.ZERO;
            for (int j = 0; j < n; j++) {
                s = s.add(IntegerVector.multiply(num[i][j], nv[j]));
            }
            out[i] = s;
        });
        return new Quotients(out, den.multiply(dv));
    }

    /** {@code this + o}, exact. */
    public RationalMatrix add(RationalMatrix o) {
        return combine(o, false);
    }

    /** {@code this - o}, exact. */
    public RationalMatrix subtract(RationalMatrix o) {
        return combine(o, true);
    }

    /** {@code c · this}, exact. */
    public RationalMatrix scale(Rational c) {
        final BigInteger[][] num = num();
        final int n = num.length;
        final BigInteger[][] nm = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                nm[i][j] = num[i][j].multiply(c.numerator());
            }
        }
        return new RationalMatrix(nm, den.multiply(c.denominator()));
    }

    /** {@code this - t I}, exact. */
    public RationalMatrix shift(Rational t) {
        final BigInteger[][] num = num();
        final int n = num.length;
        final BigInteger[][] nm = new BigInteger[n][n];
        final BigInteger td = t.denominator();
        final BigInteger diag = t.numerator().multiply(den);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                nm[i][j] = num[i][j].multiply(td);
            }
            nm[i][i] = nm[i][i].subtract(diag);
        }
        return new RationalMatrix(nm, den.multiply(td));
    }

    /** Whether {@code M = Mᵀ} exactly. */
    public boolean isSymmetric() {
        if (entries != null) {
            return true;                        // given by its lower triangle
        }
        final int n = num.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (!num[i][j].equals(num[j][i])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Returns this matrix if it is exactly symmetric.
     *
     * @param name the argument name used in the error message
     * @throws IllegalArgumentException naming the first asymmetric pair otherwise
     */
    public RationalMatrix requireSymmetric(String name) {
        if (entries != null) {
            return this;                        // given by its lower triangle
        }
        final int n = num.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (!num[i][j].equals(num[j][i])) {
                    throw new IllegalArgumentException(name + " must be symmetric: " + name + "[" + i + "][" + j
                            + "] = " + get(i, j) + " but " + name + "[" + j + "][" + i + "] = " + get(j, i));
                }
            }
        }
        return this;
    }

    /** Whether every entry is zero. */
    public boolean isZero() {
        for (BigInteger[] row : num()) {
            for (BigInteger x : row) {
                if (x.signum() != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private RationalMatrix combine(RationalMatrix o, boolean minus) {
        final BigInteger[][] num = num();
        final int n = num.length;
        if (o.dimension() != n) {
            throw new IllegalArgumentException("o must have dimension " + n + ", was " + o.dimension());
        }
        final BigInteger d = lcm(den, o.den);
        final BigInteger fa = d.divide(den);
        final BigInteger fb = d.divide(o.den);
        final BigInteger[][] nm = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                final BigInteger b = o.numerator(i, j).multiply(fb);
                nm[i][j] = num[i][j].multiply(fa).add(minus ? b.negate() : b);
            }
        }
        return new RationalMatrix(nm, d);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RationalMatrix)) {
            return false;
        }
        final RationalMatrix m = (RationalMatrix) o;
        final BigInteger[][] num = num();
        final BigInteger[][] other = m.num();
        if (other.length != num.length) {
            return false;
        }
        // a/d == b/e  <=>  a·e == b·d   (d, e > 0)
        for (int i = 0; i < num.length; i++) {
            for (int j = 0; j < num.length; j++) {
                if (!num[i][j].multiply(m.den).equals(other[i][j].multiply(den))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        final int n = dimension();
        int h = n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h = 31 * h + get(i, j).hashCode();
            }
        }
        return h;
    }

    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder("[");
        final int n = dimension();
        for (int i = 0; i < n; i++) {
            final Rational[] row = new Rational[n];
            for (int j = 0; j < n; j++) {
                row[j] = get(i, j);
            }
            sb.append(i == 0 ? "" : ", ").append(Arrays.toString(row));
        }
        return sb.append(']').toString();
    }

    static BigInteger lcm(BigInteger a, BigInteger b) {
        if (a.equals(b)) {
            return a;
        }
        if (a.bitCount() == 1 && b.bitCount() == 1) {
            return a.compareTo(b) > 0 ? a : b;       // powers of two, as for every double
        }
        return a.divide(a.gcd(b)).multiply(b);
    }

    static BigInteger commonDenominator(Rational[] v) {
        BigInteger d = BigInteger.ONE;
        for (Rational x : v) {
            d = lcm(d, x.denominator());
        }
        return d;
    }

    static BigInteger[] scaled(Rational[] v, BigInteger d) {
        final BigInteger[] out = new BigInteger[v.length];
        for (int i = 0; i < v.length; i++) {
            final BigInteger den = v[i].denominator();
            out[i] = d.bitCount() == 1 && den.bitCount() == 1
                    ? v[i].numerator().shiftLeft(d.getLowestSetBit() - den.getLowestSetBit())
                    : v[i].numerator().multiply(d.divide(den));
        }
        return out;
    }

    static void checkVector(Rational[] v, String name) {
        if (v == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (v.length == 0) {
            throw new IllegalArgumentException(name + " must be non-empty");
        }
        for (int i = 0; i < v.length; i++) {
            if (v[i] == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is null");
            }
        }
    }

    private static BigInteger[][] zeros(int n) {
        final BigInteger[][] z = new BigInteger[n][n];
        for (BigInteger[] row : z) {
            Arrays.fill(row, BigInteger.ZERO);
        }
        return z;
    }
}
