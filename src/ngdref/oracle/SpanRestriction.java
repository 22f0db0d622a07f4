package ngdref.oracle;

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

    private SpanRestriction(Rational[][] b) {
        this.b = b;
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
        final Rational[] eg = MetricIdentities.vector(g, "g", m.dimension());
        final Rational[] ey = MetricIdentities.vector(y, "y", m.dimension());
        final Rational gg = ExactDots.dot(eg, eg);
        final Rational gy = ExactDots.dot(eg, ey);
        final Rational yy = ExactDots.dot(ey, ey);
        final Rational det = gg.multiply(yy).subtract(gy.multiply(gy));
        if (det.signum() == 0) {
            throw new IllegalArgumentException("g and y are linearly dependent: span{g, y} is not a plane");
        }
        final Rational[][] out = new Rational[2][2];
        final Rational[][] images = {m.multiply(eg), m.multiply(ey)};
        for (int col = 0; col < 2; col++) {
            final Rational[] v = images[col];
            final Rational rg = ExactDots.dot(eg, v);
            final Rational ry = ExactDots.dot(ey, v);
            // Gram system [gg gy; gy yy] (a, c) = (gᵀv, yᵀv), solved by Cramer's rule.
            final Rational a = rg.multiply(yy).subtract(ry.multiply(gy)).divide(det);
            final Rational c = gg.multiply(ry).subtract(gy.multiply(rg)).divide(det);
            for (int i = 0; i < v.length; i++) {
                if (!a.multiply(eg[i]).add(c.multiply(ey[i])).equals(v[i])) {
                    throw new IllegalArgumentException("span{g, y} is not invariant under m");
                }
            }
            out[0][col] = a;
            out[1][col] = c;
        }
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
        return b[0][0].add(b[1][1]);
    }

    /** {@code det(B)}. */
    public Rational determinant() {
        return b[0][0].multiply(b[1][1]).subtract(b[0][1].multiply(b[1][0]));
    }

    /** The coefficients {@code {c0, c1, c2}} of {@code det(tI − B) = c2 t² + c1 t + c0}. */
    public Rational[] characteristicPolynomial() {
        return new Rational[] {determinant(), trace().negate(), Rational.ONE};
    }

    /** {@code det(tI − B)} at a rational t, exact. */
    public Rational characteristicValue(Rational t) {
        return t.multiply(t).subtract(trace().multiply(t)).add(determinant());
    }
}
