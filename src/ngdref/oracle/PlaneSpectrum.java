package ngdref.oracle;

import java.math.BigInteger;

/**
 * The exact certificate behind the oracle's fast spectrum of an explicit metric of the family,
 * Eq. (8): every column of {@code M − αI} lies in span{g, y} (in span{g} when y ∥ g), checked in
 * exact integer arithmetic, O(D²). With M symmetric this proves {@code M − αI = 0} on
 * (span{g, y})⊥ — for v ⊥ span{g, y} and every w, {@code wᵀ(M − αI)v = ((M − αI)w)ᵀv = 0} — so
 * every eigenvalue of M is α or an eigenvalue of M restricted to the plane
 * ({@link SpanRestriction}). Nothing here uses a spectral formula: the matrix is the explicit
 * rational one and the test is linear algebra on its entries.
 */
public final class PlaneSpectrum {

    private final Rational alpha;
    private final Rational onLine;
    private final SpanRestriction restriction;

    private PlaneSpectrum(Rational alpha, Rational onLine, SpanRestriction restriction) {
        this.alpha = alpha;
        this.onLine = onLine;
        this.restriction = restriction;
    }

    /** Whether y is a multiple of g: the spectrum is α and {@link #eigenvalueOnG()}. */
    public boolean isLine() {
        return restriction == null;
    }

    /** When {@link #isLine()}: the eigenvalue of M on g, exact. */
    public Rational eigenvalueOnG() {
        return onLine;
    }

    /** When not {@link #isLine()}: M restricted to the plane, from the same exact certificate. */
    public SpanRestriction restriction() {
        return restriction;
    }

    /**
     * Checks that every column of {@code m − αI} is a rational combination of g and y, and
     * returns M on the plane (or on g) from the coefficients of those combinations: with
     * column j of {@code (m − αI)·k} (k the common denominator) equal to
     * {@code (aⱼ·G + bⱼ·Y)/minor}, {@code (m − αI)·G = [(Σ aⱼGⱼ)·G + (Σ bⱼGⱼ)·Y]/(minor·k)} and
     * likewise for Y: O(D) more work, no second matrix product.
     *
     * @param m the explicit symmetric matrix
     * @param alpha the shift α
     * @param g the update (nonzero)
     * @param y the negative gradient
     * @return the certified structure
     * @throws IllegalArgumentException if an argument is invalid, m is not symmetric, or some
     *     column of {@code m − αI} leaves the span (then the spectrum is not plane + α)
     */
    public static PlaneSpectrum of(RationalMatrix m, Rational alpha, double[] g, double[] y) {
        if (m == null || alpha == null) {
            throw new IllegalArgumentException("m and alpha must not be null");
        }
        m.requireSymmetric("m");
        final int n = m.dimension();
        final Rational[] eg = MetricIdentities.vector(g, "g", n);
        final Rational[] ey = MetricIdentities.vector(y, "y", n);
        final BigInteger sg = RationalMatrix.commonDenominator(eg);
        final BigInteger sy = RationalMatrix.commonDenominator(ey);
        final BigInteger[] gi = RationalMatrix.scaled(eg, sg);
        final BigInteger[] yi = RationalMatrix.scaled(ey, sy);
        // The columns of (m − αI)·den·q are the integers N_ij = num_ij·q − δ_ij·p·den, α = p/q.
        final BigInteger p = alpha.numerator();
        final BigInteger q = alpha.denominator();
        final BigInteger shift = p.multiply(m.denominator());
        int pivot = 0;
        for (int i = 1; i < n; i++) {
            if (gi[i].abs().compareTo(gi[pivot].abs()) > 0) {
                pivot = i;
            }
        }
        if (gi[pivot].signum() == 0) {
            throw new IllegalArgumentException("g is the zero vector");
        }
        // A second row r with a nonzero 2×2 minor of [g y] makes (g, y) a basis of the plane.
        int second = -1;
        BigInteger minor = BigInteger.ZERO;
        for (int r = 0; r < n && second < 0; r++) {
            final BigInteger d = gi[pivot].multiply(yi[r]).subtract(gi[r].multiply(yi[pivot]));
            if (d.signum() != 0) {
                second = r;
                minor = d;
            }
        }
        final BigInteger[] column = new BigInteger[n];
        // Σⱼ aⱼGⱼ, Σⱼ aⱼYⱼ, Σⱼ bⱼGⱼ, Σⱼ bⱼYⱼ (or, on a line, Σⱼ N_pivot,j·Gⱼ).
        BigInteger aG = BigInteger.ZERO;
        BigInteger aY = BigInteger.ZERO;
        BigInteger bG = BigInteger.ZERO;
        BigInteger bY = BigInteger.ZERO;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                final BigInteger v = m.numerator(i, j).multiply(q);
                column[i] = i == j ? v.subtract(shift) : v;
            }
            if (second < 0) {
                // y ∥ g: column = a·g, i.e. N_ij·g_pivot = N_pivot,j·g_i for every i.
                for (int i = 0; i < n; i++) {
                    if (!column[i].multiply(gi[pivot]).equals(column[pivot].multiply(gi[i]))) {
                        throw notInSpan(j);
                    }
                }
                aG = aG.add(column[pivot].multiply(gi[j]));
                continue;
            }
            // Cramer on rows (pivot, second): minor·column = a'·g + b'·y with integer a', b'.
            final BigInteger a = column[pivot].multiply(yi[second]).subtract(column[second].multiply(yi[pivot]));
            final BigInteger b = gi[pivot].multiply(column[second]).subtract(gi[second].multiply(column[pivot]));
            for (int i = 0; i < n; i++) {
                if (!minor.multiply(column[i]).equals(a.multiply(gi[i]).add(b.multiply(yi[i])))) {
                    throw notInSpan(j);
                }
            }
            aG = aG.add(a.multiply(gi[j]));
            aY = aY.add(a.multiply(yi[j]));
            bG = bG.add(b.multiply(gi[j]));
            bY = bY.add(b.multiply(yi[j]));
        }
        final BigInteger k = m.denominator().multiply(q);
        if (second < 0) {
            // (m − αI)·G = (Σ N_pivot,j·Gⱼ)/(G_pivot·k)·G.
            return new PlaneSpectrum(alpha, alpha.add(Rational.of(aG, gi[pivot].multiply(k))), null);
        }
        // (m − αI) maps G to (aG·G + bG·Y)/(minor·k) and Y to (aY·G + bY·Y)/(minor·k); in the
        // basis (g, y) = (G/sg, Y/sy) the off-diagonal entries pick up sg/sy and sy/sg, and
        // M = αI + (m − αI) on the plane.
        final Rational scale = Rational.of(BigInteger.ONE, minor.multiply(k));
        final Rational ratio = Rational.of(sg, sy);
        return new PlaneSpectrum(alpha, null, SpanRestriction.ofBasisMatrix(new Rational[][] {
            {alpha.add(Rational.of(aG).multiply(scale)), Rational.of(aY).multiply(scale).multiply(ratio)},
            {Rational.of(bG).multiply(scale).divide(ratio), alpha.add(Rational.of(bY).multiply(scale))},
        }));
    }

    /**
     * The exact solution z of {@code m·z = b}, O(D²): a candidate from the certified structure —
     * b splits into its projection b_S on the plane (exact Gram solve) and b − b_S, on which m is
     * α; so z = (b − b_S)/α + (m on the plane)⁻¹·b_S — then {@code m·z = b} checked exactly with
     * the explicit matrix, which makes z the solution whatever produced it.
     *
     * @param m the matrix this structure was certified for
     * @param g the update
     * @param y the negative gradient
     * @param b the right-hand side
     * @return z (a new array)
     * @throws IllegalStateException if the check fails (an oracle inconsistency)
     */
    public Rational[] solve(RationalMatrix m, double[] g, double[] y, Rational[] b) {
        final int n = m.dimension();
        final Rational[] eg = MetricIdentities.vector(g, "g", n);
        final Rational[] ey = MetricIdentities.vector(y, "y", n);
        final Rational gg = ExactDots.dot(eg, eg);
        final Rational rg = ExactDots.dot(eg, b);
        final Rational[] z = new Rational[n];
        if (isLine()) {
            final Rational u = rg.divide(gg);                     // b_S = u·g, m·g = λ_g·g
            final Rational p = u.divide(onLine);
            for (int i = 0; i < n; i++) {
                z[i] = b[i].subtract(u.multiply(eg[i])).divide(alpha).add(p.multiply(eg[i]));
            }
        } else {
            final Rational gy = ExactDots.dot(eg, ey);
            final Rational yy = ExactDots.dot(ey, ey);
            final Rational ry = ExactDots.dot(ey, b);
            final Rational det = gg.multiply(yy).subtract(gy.multiply(gy));
            final Rational u = rg.multiply(yy).subtract(ry.multiply(gy)).divide(det);
            final Rational w = gg.multiply(ry).subtract(gy.multiply(rg)).divide(det);
            // m [g y] = [g y] B: the plane part of z has coordinates B⁻¹ (u, w).
            final Rational b00 = restriction.get(0, 0);
            final Rational b01 = restriction.get(0, 1);
            final Rational b10 = restriction.get(1, 0);
            final Rational b11 = restriction.get(1, 1);
            final Rational detB = restriction.determinant();
            final Rational p = u.multiply(b11).subtract(b01.multiply(w)).divide(detB);
            final Rational r = b00.multiply(w).subtract(b10.multiply(u)).divide(detB);
            for (int i = 0; i < n; i++) {
                final Rational rest = b[i].subtract(u.multiply(eg[i])).subtract(w.multiply(ey[i]));
                z[i] = rest.divide(alpha).add(p.multiply(eg[i])).add(r.multiply(ey[i]));
            }
        }
        final Rational[] check = m.multiply(z);
        for (int i = 0; i < n; i++) {
            if (!check[i].equals(b[i])) {
                throw new IllegalStateException("oracle inconsistency: (m·z)[" + i + "] differs from b[" + i + "]");
            }
        }
        return z;
    }

    private static IllegalArgumentException notInSpan(int column) {
        return new IllegalArgumentException("column " + column + " of M − αI is not in span{g, y}:"
                + " M is not α on the orthogonal complement of the plane");
    }
}
