package ngdref.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The 2×2 matrix B of a metric M restricted to the invariant plane span{g, y}, in the exact
 * (non-orthogonal) basis (g, y): {@code M [g y] = [g y] B}, and its characteristic polynomial
 * {@code det(tI − B) = t² − tr(B) t + det(B)}.
 *
 * <p>For the family Eq. (8) the plane is invariant ({@code Mg = y}, and {@code My} is a
 * combination of y and g), so the two eigenvalues of M with eigenvectors in the plane are the
 * roots of this polynomial. The coefficients are found by solving the exact 2×2 Gram system and
 * checking the invariance exactly; no spectral formula is used.
 */
public final class SpanRestriction {

    // B = α·I + [[e00, e01·sg/sy], [e10·sy/sg, e11]]/K with α = p/q, every number an integer
    // (K, q, sg, sy > 0): the form in which the certificates find it. Its trace and determinant
    // are kept as unreduced quotients, so that no gcd is taken on the way (with inputs spanning
    // the whole double range these integers have tens of thousands of bits, and a gcd of them
    // costs milliseconds); the reduced rationals are formed only when asked for.
    private final BigInteger p;
    private final BigInteger q;
    private final BigInteger[] e;
    private final BigInteger k;
    private final BigInteger sg;
    private final BigInteger sy;
    /** tr(B) = traceNum/traceDen, det(B) = detNum/detDen (detDen = traceDen²), unreduced, denominators &gt; 0. */
    private final BigInteger traceNum;
    private final BigInteger traceDen;
    private final BigInteger detNum;
    private final BigInteger detDen;
    /** traceNum·traceDen, for {@link #characteristicSign}. */
    private final BigInteger traceNumTimesDen;
    private volatile Rational trace;
    private volatile Rational determinant;

    private SpanRestriction(Rational alpha, BigInteger[] e, BigInteger k, BigInteger sg, BigInteger sy) {
        this.p = alpha.numerator();
        this.q = alpha.denominator();
        this.e = e.clone();
        this.k = k;
        this.sg = sg;
        this.sy = sy;
        // tr = 2α + (e00 + e11)/K = (2pK + q(e00 + e11))/(qK);
        // det = (α + e00/K)(α + e11/K) − e01·e10/K² = [(pK + q·e00)(pK + q·e11) − q²·e01·e10]/(qK)².
        final BigInteger pk = p.multiply(k);
        this.traceNum = pk.shiftLeft(1).add(q.multiply(e[0].add(e[3])));
        this.traceDen = q.multiply(k);
        this.detNum = pk.add(q.multiply(e[0])).multiply(pk.add(q.multiply(e[3])))
                .subtract(q.multiply(q).multiply(e[1]).multiply(e[2]));
        this.detDen = traceDen.multiply(traceDen);
        this.traceNumTimesDen = traceNum.multiply(traceDen);
    }

    /**
     * Package-private: B = αI + [[e00, e01·sg/sy], [e10·sy/sg, e11]]/k in the basis (g, y),
     * certified by the caller ({@link PlaneSpectrum}); k ≠ 0, sg, sy &gt; 0.
     */
    static SpanRestriction ofIntegers(Rational alpha, BigInteger e00, BigInteger e01, BigInteger e10,
                                      BigInteger e11, BigInteger k, BigInteger sg, BigInteger sy) {
        final BigInteger[] e = {e00, e01, e10, e11};
        if (k.signum() < 0) {
            for (int i = 0; i < 4; i++) {
                e[i] = e[i].negate();
            }
            return new SpanRestriction(alpha, e, k.negate(), sg, sy);
        }
        return new SpanRestriction(alpha, e, k, sg, sy);
    }

    /**
     * The restriction of {@code m} to span{g, y}.
     *
     * @throws IllegalArgumentException if an argument is null or invalid, the dimensions differ,
     *     g and y are linearly dependent (the plane is a line), or the plane is not invariant
     *     under m
     */
    public static SpanRestriction of(RationalMatrix m, double[] g, double[] y) {
        if (m == null) {
            throw new IllegalArgumentException("m is null");
        }
        final int n = m.dimension();
        // In integers: G = sg·g, Y = sy·y, and the images den·M·G, den·M·Y (m = num/den).
        final IntegerVector gv = IntegerVector.of(g, "g", n);
        final IntegerVector yv = IntegerVector.of(y, "y", n);
        final BigInteger sg = gv.scale();
        final BigInteger sy = yv.scale();
        final BigInteger[] gi = gv.entries();
        final BigInteger[] yi = yv.entries();
        final BigInteger gg = IntegerVector.dot(gi, gi);
        final BigInteger gy = IntegerVector.dot(gi, yi);
        final BigInteger yy = IntegerVector.dot(yi, yi);
        final BigInteger det = gg.multiply(yy).subtract(gy.multiply(gy));
        if (det.signum() == 0) {
            throw new IllegalArgumentException("g and y are linearly dependent: span{g, y} is not a plane");
        }
        // Coordinates of den·M·V in the basis (G, Y), V = G then Y: the Gram system
        // [gg gy; gy yy] (a, c) = (Gᵀw, Yᵀw), by Cramer's rule: det·w = a'·G + c'·Y exactly.
        final BigInteger[][] coordinates = new BigInteger[2][2];
        final BigInteger[][] basis = {gi, yi};
        for (int col = 0; col < 2; col++) {
            final BigInteger[] w = new BigInteger[n];
            for (int i = 0; i < n; i++) {
                BigInteger s = BigInteger.ZERO;
                for (int j = 0; j < n; j++) {
                    s = s.add(IntegerVector.multiply(m.numerator(i, j), basis[col][j]));
                }
                w[i] = s;
            }
            final BigInteger rg = IntegerVector.dot(gi, w);
            final BigInteger ry = IntegerVector.dot(yi, w);
            final BigInteger a = rg.multiply(yy).subtract(ry.multiply(gy));
            final BigInteger c = gg.multiply(ry).subtract(gy.multiply(rg));
            for (int i = 0; i < n; i++) {
                if (!det.multiply(w[i]).equals(a.multiply(gi[i]).add(c.multiply(yi[i])))) {
                    throw new IllegalArgumentException("span{g, y} is not invariant under m");
                }
            }
            coordinates[0][col] = a;
            coordinates[1][col] = c;
        }
        // M·G = (a_G·G + c_G·Y)/(det·den); in the basis (g, y) of the doubles, g = G/sg and
        // y = Y/sy, so B = [[a_G, a_Y·sg/sy], [c_G·sy/sg, c_Y]] / (det·den).
        return ofIntegers(Rational.ZERO, coordinates[0][0], coordinates[0][1], coordinates[1][0],
                coordinates[1][1], det.multiply(m.denominator()), sg, sy);
    }

    /**
     * Entry (i, j) of B: column 0 holds the coordinates of Mg, column 1 those of My, in the
     * basis (g, y).
     */
    public Rational get(int i, int j) {
        final Rational alpha = Rational.of(p, q);
        final Rational scaled = Rational.of(e[2 * i + j], k);
        if (i == j) {
            return alpha.add(scaled);
        }
        final Rational ratio = Rational.of(sg, sy);
        return i == 0 ? scaled.multiply(ratio) : scaled.divide(ratio);
    }

    /** {@code tr(B)}, reduced (formed on the first call). */
    public Rational trace() {
        Rational t = trace;
        if (t == null) {
            t = Rational.of(traceNum, traceDen);
            trace = t;
        }
        return t;
    }

    /** {@code det(B)}, reduced (formed on the first call). */
    public Rational determinant() {
        Rational d = determinant;
        if (d == null) {
            d = Rational.of(detNum, detDen);
            determinant = d;
        }
        return d;
    }

    /** {@code tr(B)} to {@code digits} significant digits, rounded to nearest (no reduction). */
    public BigDecimal traceDecimal(int digits) {
        return traceDecimal(1, digits, RoundingMode.HALF_EVEN);
    }

    /** {@code tr(B)/divisor} (divisor &gt; 0) to {@code digits} significant digits, rounded as given. */
    public BigDecimal traceDecimal(int divisor, int digits, RoundingMode mode) {
        return new BigDecimal(traceNum).divide(new BigDecimal(traceDen.multiply(BigInteger.valueOf(divisor))),
                new MathContext(digits, mode));
    }

    /** {@code det(B)} to {@code digits} significant digits (no reduction). */
    public BigDecimal determinantDecimal(int digits) {
        return new BigDecimal(detNum).divide(new BigDecimal(detDen), new MathContext(digits));
    }

    /** The coefficients {@code {c0, c1, c2}} of {@code det(tI − B) = c2 t² + c1 t + c0}. */
    public Rational[] characteristicPolynomial() {
        return new Rational[] {determinant(), trace().negate(), Rational.ONE};
    }

    /** {@code det(tI − B)} at a rational t, exact. */
    public Rational characteristicValue(Rational t) {
        return t.multiply(t).subtract(trace().multiply(t)).add(determinant());
    }

    /**
     * The sign of {@code det(tI − B)} at a rational t = n/d, in integers only (no reduction):
     * with tr = a/b and det = c/b², sign(n²·b² − a·b·n·d + c·d²) (b, d &gt; 0), the long factors
     * b² and a·b formed once, so that each call multiplies them by the short n and d only.
     */
    public int characteristicSign(Rational t) {
        final BigInteger n = t.numerator();
        final BigInteger d = t.denominator();
        return n.multiply(n).multiply(detDen)
                .subtract(traceNumTimesDen.multiply(n.multiply(d)))
                .add(detNum.multiply(d.multiply(d)))
                .signum();
    }

    /** The sign of t − tr(B)/divisor (divisor &gt; 0), in integers only. */
    public int compareWithTrace(Rational t, int divisor) {
        return t.numerator().multiply(traceDen).multiply(BigInteger.valueOf(divisor))
                .compareTo(traceNum.multiply(t.denominator()));
    }

    /** The sign of the discriminant tr(B)² − 4·det(B), in integers only. */
    public int discriminantSign() {
        return discriminantNumerator().signum();
    }

    /** tr² − 4·det = (a² − 4·c)/b² with tr = a/b, det = c/b² (detDen = traceDen²): the numerator. */
    private BigInteger discriminantNumerator() {
        return traceNum.multiply(traceNum).subtract(detNum.shiftLeft(2));
    }

    /**
     * The exact square root of tr(B)² − 4·det(B) when it is the square of a rational, else null
     * (also when it is negative). It is (a² − 4·c)/b², a rational square iff the integer
     * a² − 4·c is a square ({@link ExactSquareRoot}).
     */
    public Rational discriminantSquareRoot() {
        final BigInteger root = ExactSquareRoot.of(discriminantNumerator());
        return root == null ? null : Rational.of(root, traceDen);
    }
}
