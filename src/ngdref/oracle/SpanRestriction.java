package ngdref.oracle;

import java.math.BigInteger;

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

    private final Rational[][] b;
    private final Rational trace;
    private final Rational determinant;

    private SpanRestriction(Rational[][] b) {
        this.b = b;
        this.trace = b[0][0].add(b[1][1]);
        this.determinant = b[0][0].multiply(b[1][1]).subtract(b[0][1].multiply(b[1][0]));
    }

    /** Package-private: B given in the basis (g, y), certified by the caller ({@link PlaneSpectrum}). */
    static SpanRestriction ofBasisMatrix(Rational[][] b) {
        return new SpanRestriction(b);
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
                    s = s.add(m.numerator(i, j).multiply(basis[col][j]));
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
        final Rational scale = Rational.of(BigInteger.ONE, det.multiply(m.denominator()));
        final Rational ratio = Rational.of(sg, sy);
        final Rational[][] out = {
            {Rational.of(coordinates[0][0]).multiply(scale), Rational.of(coordinates[0][1]).multiply(scale).multiply(ratio)},
            {Rational.of(coordinates[1][0]).multiply(scale).divide(ratio), Rational.of(coordinates[1][1]).multiply(scale)},
        };
        return new SpanRestriction(out);
    }

    /**
     * Entry (i, j) of B: column 0 holds the coordinates of Mg, column 1 those of My, in the
     * basis (g, y).
     */
    public Rational get(int i, int j) {
        return b[i][j];
    }

    /** {@code tr(B)}. */
    public Rational trace() {
        return trace;
    }

    /** {@code det(B)}. */
    public Rational determinant() {
        return determinant;
    }

    /** The coefficients {@code {c0, c1, c2}} of {@code det(tI − B) = c2 t² + c1 t + c0}. */
    public Rational[] characteristicPolynomial() {
        return new Rational[] {determinant(), trace().negate(), Rational.ONE};
    }

    /** {@code det(tI − B)} at a rational t, exact. */
    public Rational characteristicValue(Rational t) {
        return t.multiply(t).subtract(trace.multiply(t)).add(determinant);
    }

    /**
     * The sign of {@code det(tI − B)} at a rational t = n/d, in integers only (no reduction):
     * with tr = a/b and det = c/e, sign(n²·b·e − a·e·n·d + c·b·d²) (b, d, e &gt; 0).
     */
    public int characteristicSign(Rational t) {
        final java.math.BigInteger n = t.numerator();
        final java.math.BigInteger d = t.denominator();
        final java.math.BigInteger be = trace.denominator().multiply(determinant.denominator());
        return n.multiply(n).multiply(be)
                .subtract(trace.numerator().multiply(determinant.denominator()).multiply(n).multiply(d))
                .add(determinant.numerator().multiply(trace.denominator()).multiply(d).multiply(d))
                .signum();
    }
}
