package ngdref.oracle;

import java.math.BigInteger;

/**
 * The exact solution z of {@code M(α)·z = b} for the explicit rational metric of Eq. (8), in
 * O(D²): a candidate from the definition — b splits into its projection b_S on span{g, y} (exact
 * Gram solve) and b − b_S, on which M is α; on the plane M acts by Mg = y and
 * My = y·yᵀy/yᵀg + α(y − g·gᵀy/gᵀg), so z = (b − b_S)/α + (M on the plane)⁻¹·b_S — then the
 * exact check {@code m·z = b} with the explicit matrix. The check, not the derivation, is the
 * certificate: M is nonsingular, so a z that passes it is the solution whatever produced it.
 */
public final class ExactSolution {

    private ExactSolution() {
    }

    /**
     * The exact z with {@code m·z = b}.
     *
     * @param m the explicit matrix M(α) ({@link ExplicitFamilyMetric#ofAlpha})
     * @param alpha α &gt; 0
     * @param g the update
     * @param y the negative gradient, yᵀg &gt; 0
     * @param b the right-hand side
     * @return z, over one common denominator
     * @throws IllegalArgumentException if an argument is invalid
     * @throws IllegalStateException if the check fails (m is not M(α): an oracle inconsistency)
     */
    public static RationalMatrix.Quotients of(RationalMatrix m, Rational alpha, double[] g, double[] y, Rational[] b) {
        if (m == null || alpha == null || b == null || b.length != m.dimension()) {
            throw new IllegalArgumentException("m, alpha and b (of m's dimension) are required");
        }
        final int n = m.dimension();
        final IntegerVector gv = IntegerVector.of(g, "g", n);
        final IntegerVector yv = IntegerVector.of(y, "y", n);
        final IntegerVector bv = IntegerVector.of(b);
        final BigInteger sg = gv.scale();
        final BigInteger sy = yv.scale();
        final BigInteger sb = bv.scale();
        final BigInteger[] gi = gv.entries();
        final BigInteger[] yi = yv.entries();
        final BigInteger[] bi = bv.entries();
        // In the integer vectors G = sg·g, Y = sy·y, B = sb·b:
        // z = c0·B + c1·G + c2·Y with three rationals.
        final Rational gg = Rational.of(IntegerVector.dot(gi, gi));
        final Rational gy = Rational.of(IntegerVector.dot(gi, yi));
        final Rational yy = Rational.of(IntegerVector.dot(yi, yi));
        final Rational bg = Rational.of(IntegerVector.dot(gi, bi), sb);
        final Rational by = Rational.of(IntegerVector.dot(yi, bi), sb);
        final Rational c0 = Rational.ONE.divide(alpha.multiply(Rational.of(sb)));
        final Rational c1;
        final Rational c2;
        final Rational gram = gg.multiply(yy).subtract(gy.multiply(gy));
        if (gram.signum() == 0) {
            // y ∥ g: M·g = y = λ·g with λ = yᵀg/gᵀg = (GᵀY/GᵀG)·(sg/sy); b_S = u·G.
            final Rational u = bg.divide(gg);
            final Rational lambda = gy.divide(gg).multiply(Rational.of(sg, sy));
            c1 = u.divide(lambda).subtract(u.divide(alpha));
            c2 = Rational.ZERO;
        } else {
            // b_S = u·G + w·Y (Gram system, Cramer).
            final Rational u = bg.multiply(yy).subtract(by.multiply(gy)).divide(gram);
            final Rational w = gg.multiply(by).subtract(gy.multiply(bg)).divide(gram);
            // M on the plane in the basis (G, Y): M·G = (sg/sy)·Y (from Mg = y) and
            // M·Y = [sy·(yᵀy/yᵀg) + α·sy]·y − α·sy·(gᵀy/gᵀg)·g, i.e. with s = sg/sy:
            // M·G = 0·G + s·Y, M·Y = −α(gy/gg)·G + (yy·s/gy + α)·Y   (gy = GᵀY, gg = GᵀG, yy = YᵀY).
            final Rational s = Rational.of(sg, sy);
            final Rational b00 = Rational.ZERO;
            final Rational b10 = s;
            final Rational b01 = alpha.negate().multiply(gy).divide(gg);
            final Rational b11 = yy.multiply(s).divide(gy).add(alpha);
            final Rational det = b00.multiply(b11).subtract(b01.multiply(b10));
            final Rational p = u.multiply(b11).subtract(b01.multiply(w)).divide(det);
            final Rational r = b00.multiply(w).subtract(b10.multiply(u)).divide(det);
            c1 = p.subtract(u.divide(alpha));
            c2 = r.subtract(w.divide(alpha));
        }
        // One common denominator k: z = (n0·B + n1·G + n2·Y)/k.
        final BigInteger k = RationalMatrix.commonDenominator(new Rational[] {c0, c1, c2});
        final BigInteger n0 = c0.numerator().multiply(k.divide(c0.denominator()));
        final BigInteger n1 = c1.numerator().multiply(k.divide(c1.denominator()));
        final BigInteger n2 = c2.numerator().multiply(k.divide(c2.denominator()));
        final BigInteger[] zi = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            zi[i] = n0.multiply(bi[i]).add(n1.multiply(gi[i])).add(n2.multiply(yi[i]));
        }
        // The certificate, with the explicit matrix m = num/den: num·Z·sb = B·den·k, i.e. m·z = b.
        final BigInteger right = m.denominator().multiply(k);
        final java.util.stream.IntStream rows = java.util.stream.IntStream.range(0, n);
        (n >= PlaneSpectrum.PARALLEL_DIMENSION ? rows.parallel() : rows).forEach(i -> {
            BigInteger sum = BigInteger.ZERO;
            for (int j = 0; j < n; j++) {
                sum = sum.add(m.numerator(i, j).multiply(zi[j]));
            }
            if (!sum.multiply(sb).equals(bi[i].multiply(right))) {
                throw new IllegalStateException("oracle inconsistency: (m·z)[" + i + "] differs from b[" + i + "]");
            }
        });
        return new RationalMatrix.Quotients(zi, k);             // k > 0: an lcm of denominators
    }
}
