package ngdref.oracle;

import java.math.BigInteger;

/**
 * The exact solution z of {@code M(α)·z = b} for the explicit rational metric of Eq. (8), in
 * O(D) once {@link PlaneSpectrum#of} has checked every entry of the matrix: a candidate from the
 * definition — b splits into its projection b_S on span{g, y} (exact Gram solve) and b − b_S, on
 * which M is α; on the plane M acts by Mg = y and My = y·yᵀy/yᵀg + α(y − g·gᵀy/gᵀg), so
 * z = (b − b_S)/α + (M on the plane)⁻¹·b_S — then the exact check {@code m·z = b} through the
 * matrix's certified columns. The check, not the derivation, is the certificate: M is
 * nonsingular, so a z that passes it is the solution whatever produced it.
 */
public final class ExactSolution {

    private ExactSolution() {
    }

    /**
     * The exact z with {@code m·z = b}, m the matrix that {@code plane} certified.
     *
     * @param plane the certified structure of the explicit M(α) ({@link PlaneSpectrum#of})
     * @param b the right-hand side
     * @return z, over one common denominator
     * @throws IllegalArgumentException if an argument is invalid
     * @throws IllegalStateException if the check fails (m is not M(α) of this g and y: an oracle
     *     inconsistency)
     */
    public static RationalMatrix.Quotients of(PlaneSpectrum plane, Rational[] b) {
        if (plane == null) {
            throw new IllegalArgumentException("plane is null");
        }
        RationalMatrix.checkVector(b, "b");
        if (b.length != plane.g().entries().length) {
            throw new IllegalArgumentException("b must have the matrix's dimension " + plane.g().entries().length
                    + ", was " + b.length);
        }
        final Rational alpha = plane.alpha();
        final int n = b.length;
        final IntegerVector gv = plane.g();
        final IntegerVector yv = plane.y();
        final IntegerVector bv = IntegerVector.of(b);
        final BigInteger sg = gv.scale();
        final BigInteger sy = yv.scale();
        final BigInteger sb = bv.scale();
        final BigInteger[] gi = gv.entries();
        final BigInteger[] yi = yv.entries();
        final BigInteger[] bi = bv.entries();
        // In the integer vectors G = sg·g, Y = sy·y, B = sb·b, with α = p/q and the integer inner
        // products gg = GᵀG, gy = GᵀY, yy = YᵀY, bg = GᵀB, by = YᵀB: z = (n0·B + n1·G + n2·Y)/k.
        // All in integers, unreduced: a gcd of numbers with tens of thousands of bits (inputs
        // spanning the whole double range) costs milliseconds, and the check below certifies z
        // whatever its form.
        final BigInteger p = alpha.numerator();
        final BigInteger q = alpha.denominator();
        final BigInteger gg = IntegerVector.dot(gi, gi);
        final BigInteger gy = IntegerVector.dot(gi, yi);
        final BigInteger yy = IntegerVector.dot(yi, yi);
        final BigInteger bg = IntegerVector.dot(gi, bi);
        final BigInteger gram = gg.multiply(yy).subtract(gy.multiply(gy));
        final Combination z;
        if (gram.signum() == 0) {
            // y ∥ g: M·g = y = λ·g with λ = yᵀg/gᵀg = (gy/gg)·(sg/sy); b_S = u·G with
            // u = bg/(sb·gg), and z = B/(α·sb) + u·(1/λ − 1/α)·G:
            //   k = p·sb·gg·gy·sg, c0 = q·gg·gy·sg, c1 = bg·(p·gg·sy − q·gy·sg), c2 = 0.
            z = new Combination(p.multiply(sb).multiply(gg).multiply(gy).multiply(sg),
                    q.multiply(gg).multiply(gy).multiply(sg),
                    bg.multiply(p.multiply(gg).multiply(sy).subtract(q.multiply(gy).multiply(sg))),
                    BigInteger.ZERO).withPositiveDenominator();
        } else {
            // b_S = u·G + w·Y, the Gram system by Cramer: u = U/(sb·gram), w = W/(sb·gram) with
            // U = bg·yy − by·gy, W = gg·by − gy·bg. M on the plane in the basis (G, Y) (columns:
            // images): M·G = s·Y (s = sg/sy, from Mg = y), M·Y = −α(gy/gg)·G + (yy·s/gy + α)·Y.
            // Solving that 2×2 system for b_S and adding (b − b_S)/α, the terms in W cancel
            // (U·gg + W·gy = bg·gram) and
            //   z = [q/(p·sb)]·B + [(U·q·sg + p·sy·gy·bg)/(p·gy²·sg·sb)]·G − [q·bg/(p·sb·gy)]·Y,
            // over k = p·gy²·sg·sb.
            final BigInteger by = IntegerVector.dot(yi, bi);
            final BigInteger u = bg.multiply(yy).subtract(by.multiply(gy));
            z = new Combination(p.multiply(gy).multiply(gy).multiply(sg).multiply(sb),
                    q.multiply(gy).multiply(gy).multiply(sg),
                    u.multiply(q).multiply(sg).add(p.multiply(sy).multiply(gy).multiply(bg)),
                    q.multiply(bg).multiply(gy).multiply(sg).negate()).withPositiveDenominator();
        }
        final BigInteger k = z.k();
        final BigInteger c0 = z.c0();
        final BigInteger c1 = z.c1();
        final BigInteger c2 = z.c2();
        final BigInteger[] zi = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            zi[i] = IntegerVector.multiply(c0, bi[i]).add(IntegerVector.multiply(c1, gi[i]))
                    .add(IntegerVector.multiply(c2, yi[i]));
        }
        // The certificate m·z = b, by linearity: m·Z = c0·m·B + c1·m·G + c2·m·Y, each image a
        // combination of G, Y and itself (PlaneSpectrum.image: every entry of m was checked there),
        // so m·Z = (uG·G + uY·Y + uB·B)/den with a few products of long integers, and the check
        // of each component costs linear time (no long integer times an entry of Z).
        final PlaneSpectrum.Image mb = plane.image(bi);
        final PlaneSpectrum.Image mg = plane.image(gi);
        final PlaneSpectrum.Image my = plane.image(yi);       // the same denominator and onV for all three
        final BigInteger uG = c0.multiply(mb.onG()).add(c1.multiply(mg.onG().add(mg.onV()))).add(c2.multiply(my.onG()));
        final BigInteger uY = c0.multiply(mb.onY()).add(c1.multiply(mg.onY())).add(c2.multiply(my.onY().add(my.onV())));
        final BigInteger uB = c0.multiply(mb.onV());
        // (m·z)ᵢ = (uG·Gᵢ + uY·Yᵢ + uB·Bᵢ)/(den·k) = bᵢ = Bᵢ/sb
        final BigInteger right = mb.denominator().multiply(k);
        for (int i = 0; i < n; i++) {
            final BigInteger left = IntegerVector.multiply(uG, gi[i]).add(IntegerVector.multiply(uY, yi[i]))
                    .add(IntegerVector.multiply(uB, bi[i]));
            if (!IntegerVector.multiply(left, sb).equals(IntegerVector.multiply(right, bi[i]))) {
                throw new IllegalStateException("oracle inconsistency: (m·z)[" + i + "] differs from b[" + i + "]");
            }
        }
        return new RationalMatrix.Quotients(zi, k);             // k > 0
    }

    /** z = (c0·B + c1·G + c2·Y)/k, unreduced. */
    private record Combination(BigInteger k, BigInteger c0, BigInteger c1, BigInteger c2) {

        /**
         * The same z over k &gt; 0 (k &lt; 0 when gy &lt; 0: a line that is not an effective update;
         * the check still decides).
         */
        Combination withPositiveDenominator() {
            if (k.signum() == 0) {
                throw new IllegalArgumentException("yᵀg = 0: M(α) of Eq. (8) is undefined");
            }
            return k.signum() > 0 ? this : new Combination(k.negate(), c0.negate(), c1.negate(), c2.negate());
        }
    }
}
