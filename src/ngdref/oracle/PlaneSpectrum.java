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

    /** From this dimension on, the columns are checked in parallel (the common fork-join pool). */
    static final int PARALLEL_DIMENSION = 48;

    private final Rational alpha;
    private final Rational onLine;
    private final SpanRestriction restriction;
    private final Columns columns;

    private PlaneSpectrum(Rational alpha, Rational onLine, SpanRestriction restriction, Columns columns) {
        this.alpha = alpha;
        this.onLine = onLine;
        this.restriction = restriction;
        this.columns = columns;
    }

    /**
     * What the check of {@link #of} proved about the columns: column j of
     * {@code N = (m − αI)·scale} is exactly {@code (aⱼ·G + bⱼ·Y)/denominator}, G and Y the
     * integer forms of g and y; on the plane {@code (aⱼ, bⱼ) = c·(Gⱼ, Yⱼ)} with c a symmetric 2×2
     * integer matrix, on a line the coefficients {@code a} (b = 0, denominator = G_pivot).
     */
    private record Columns(BigInteger[][] c, BigInteger[] a, BigInteger denominator, BigInteger scale,
                           IntegerVector g, IntegerVector y) {

        static Columns plane(BigInteger[][] c, BigInteger denominator, BigInteger scale, IntegerVector g, IntegerVector y) {
            return new Columns(c, null, denominator, scale, g, y);
        }

        static Columns line(BigInteger[] a, BigInteger denominator, BigInteger scale, IntegerVector g, IntegerVector y) {
            return new Columns(null, a, denominator, scale, g, y);
        }

        /** {@code {Σⱼ aⱼVⱼ, Σⱼ bⱼVⱼ}}: on the plane from the inner products of V with G and Y. */
        BigInteger[] image(BigInteger[] v) {
            if (c == null) {
                return new BigInteger[] {IntegerVector.dot(a, v), BigInteger.ZERO};
            }
            final BigInteger gv = IntegerVector.dot(g.entries(), v);
            final BigInteger yv = IntegerVector.dot(y.entries(), v);
            return new BigInteger[] {IntegerVector.multiply(c[0][0], gv).add(IntegerVector.multiply(c[0][1], yv)),
                IntegerVector.multiply(c[1][0], gv).add(IntegerVector.multiply(c[1][1], yv))};
        }
    }

    /** g and y as integer vectors over their (power-of-two) common denominators. */
    IntegerVector g() {
        return columns.g();
    }

    /** See {@link #g()}. */
    IntegerVector y() {
        return columns.y();
    }

    /** The shift α of the checked matrix. */
    Rational alpha() {
        return alpha;
    }

    /**
     * {@code m·v}, exact, for v = V/sv, from the certified columns alone (O(D), no entry of m
     * read again): {@code (m − αI)·V = [(Σ aⱼVⱼ)·G + (Σ bⱼVⱼ)·Y]/(den·scale)}, so with α = p/q
     * {@code (m·v)ᵢ = (q·[(Σ aⱼVⱼ)·Gᵢ + (Σ bⱼVⱼ)·Yᵢ] + p·den·scale·Vᵢ)/(q·den·scale·sv)}, den and
     * scale those of the certified columns.
     *
     * @param v a vector of m's dimension
     * @return m·v over one positive common denominator (no reduction)
     * @throws IllegalArgumentException if v is null, has a null entry or the wrong length
     */
    public RationalMatrix.Quotients times(Rational[] v) {
        RationalMatrix.checkVector(v, "v");
        return times(IntegerVector.of(v));
    }

    /** See {@link #times(Rational[])}. */
    RationalMatrix.Quotients times(IntegerVector v) {
        final Image image = image(v.entries());
        final BigInteger[] vi = v.entries();
        final BigInteger[] out = new BigInteger[vi.length];
        for (int i = 0; i < vi.length; i++) {
            out[i] = image.numerator(i, vi);
        }
        return new RationalMatrix.Quotients(out, image.denominator().multiply(v.scale()));
    }

    /**
     * m·V for an integer vector V as a combination of G, Y and V itself, from the certified
     * columns: {@code (m − αI)·V = [(Σ aⱼVⱼ)·G + (Σ bⱼVⱼ)·Y]/(den·scale)}, so with α = p/q
     * {@code m·V = (q·(Σ aⱼVⱼ)·G + q·(Σ bⱼVⱼ)·Y + p·den·scale·V)/(q·den·scale)}; O(D) to form,
     * each coefficient one exact inner product.
     */
    Image image(BigInteger[] v) {
        final Columns c = columns;
        final BigInteger[] gi = c.g().entries();
        if (v.length != gi.length) {
            throw new IllegalArgumentException("v must have length " + gi.length + ", was " + v.length);
        }
        final BigInteger q = alpha.denominator();
        final BigInteger[] ab = c.image(v);
        final BigInteger onG = q.multiply(ab[0]);
        final BigInteger onY = q.multiply(ab[1]);
        final BigInteger onV = alpha.numerator().multiply(c.denominator()).multiply(c.scale());
        final BigInteger den = q.multiply(c.denominator()).multiply(c.scale());
        final BigInteger[] yi = c.y().entries();
        return den.signum() > 0 ? new Image(onG, onY, onV, den, gi, yi)
                : new Image(onG.negate(), onY.negate(), onV.negate(), den.negate(), gi, yi);
    }

    /**
     * {@code m·V = (onG·G + onY·Y + onV·V)/denominator}, denominator &gt; 0.
     *
     * @param onG the coefficient of G
     * @param onY the coefficient of Y (0 on a line)
     * @param onV the coefficient of V
     * @param denominator the common denominator
     * @param gi G
     * @param yi Y
     */
    record Image(BigInteger onG, BigInteger onY, BigInteger onV, BigInteger denominator, BigInteger[] gi,
                 BigInteger[] yi) {

        /** The numerator of component i of m·V. */
        BigInteger numerator(int i, BigInteger[] v) {
            return IntegerVector.multiply(onG, gi[i]).add(IntegerVector.multiply(onY, yi[i]))
                    .add(IntegerVector.multiply(onV, v[i]));
        }
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
     * returns M on the plane (or on g) from the coefficients of those combinations. In integers,
     * {@code N = (m − αI)·k} (k the common denominator) must be {@code B·C·Bᵀ} with
     * {@code B = [G Y]} and C a symmetric 2×2 matrix: C is solved from four entries of N and
     * checked against every entry of the lower triangle. Column j of N is then
     * {@code aⱼ·G + bⱼ·Y} with {@code (aⱼ, bⱼ) = C·(Gⱼ, Yⱼ)}, and
     * {@code (m − αI)·G = [(Σ aⱼGⱼ)·G + (Σ bⱼGⱼ)·Y]/k}, likewise for Y: O(D) more work, no
     * second matrix product.
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
        final SymmetricEntries entries = m.symmetricEntries("m");
        final int n = m.dimension();
        final IntegerVector gv = IntegerVector.of(g, "g", n);
        final IntegerVector yv = IntegerVector.of(y, "y", n);
        final BigInteger sg = gv.scale();
        final BigInteger sy = yv.scale();
        final BigInteger[] gi = gv.entries();
        final BigInteger[] yi = yv.entries();
        // With α = p/q, the columns of (m − αI)·den·q are the integers N_ij = num_ij·q − δ_ij·p·den.
        final BigInteger p = alpha.numerator();
        final BigInteger q = alpha.denominator();
        // When q divides den (as for ofAlpha's matrices) the columns of (m − αI)·den are the
        // integers num_ij − δ_ij·p·(den/q), one product fewer per entry; else scale by q.
        final BigInteger[] qr = m.denominator().divideAndRemainder(q);
        final boolean divides = qr[1].signum() == 0;
        final BigInteger shift = divides ? p.multiply(qr[0]) : p.multiply(m.denominator());
        int pivot = 0;
        for (int i = 1; i < n; i++) {
            if (gi[i].abs().compareTo(gi[pivot].abs()) > 0) {
                pivot = i;
            }
        }
        if (gi[pivot].signum() == 0) {
            throw new IllegalArgumentException("g is the zero vector");
        }
        // A second row r with a nonzero 2×2 minor of [G Y] makes (G, Y) a basis of the plane: of
        // those, the one whose minor has the shortest odd part (minor = 2^t·odd; for rows of
        // scaled doubles an odd part of about a hundred bits, the power of two thousands), by
        // which the coefficients below are divided.
        int second = -1;
        BigInteger minor = BigInteger.ZERO;
        for (int r = 0; r < n; r++) {
            final BigInteger d = IntegerVector.multiply(gi[pivot], yi[r]).subtract(IntegerVector.multiply(gi[r], yi[pivot]));
            if (d.signum() != 0 && (second < 0 || oddLength(d) < oddLength(minor))) {
                second = r;
                minor = d;
            }
        }
        final BigInteger k = divides ? m.denominator() : m.denominator().multiply(q);
        if (second < 0) {
            return line(m, alpha, gv, yv, pivot, divides, q, shift, k);
        }
        // The claim: N = B·C·Bᵀ with B = [G Y] (D×2) and C symmetric 2×2. Then every column of N
        // is in span{G, Y}, and N = 0 on the plane's orthogonal complement. On rows and columns
        // (pivot, second), N₂ = B₂·C·B₂ᵀ with B₂ the 2×2 block of [G Y] (det B₂ = minor), so
        // C = adj(B₂)·N₂·adj(B₂)ᵀ/minor²: the only candidate, formed from four entries of N. It
        // is checked against every entry of the lower triangle, N_ij = (C₁₁Gⱼ + C₁₂Yⱼ)·Gᵢ +
        // (C₁₂Gⱼ + C₂₂Yⱼ)·Yᵢ; with N and C symmetric that is every entry. For the matrices of the
        // family C is an integer matrix (minor² divides), and the check runs in one digit sum per
        // entry without allocation, the matrix's entry subtracted from this value of it
        // (SymmetricEntries); else the check is minor²·N_ij = (Ĉ·…) in integers, Ĉ = minor²·C.
        final int r = second;
        final BigInteger npp = entry(m, pivot, pivot, divides, q, shift);
        final BigInteger npr = entry(m, pivot, r, divides, q, shift);
        final BigInteger nrr = entry(m, r, r, divides, q, shift);
        // adj(B₂) = [[Y_r, −Y_p], [−G_r, G_p]]; Ĉ = adj·N₂·adjᵀ.
        final BigInteger[][] adj = {{yi[r], yi[pivot].negate()}, {gi[r].negate(), gi[pivot]}};
        final BigInteger[][] n2 = {{npp, npr}, {npr, nrr}};
        final BigInteger[][] c = new BigInteger[2][2];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                BigInteger sum = BigInteger.ZERO;
                for (int u = 0; u < 2; u++) {
                    for (int v = 0; v < 2; v++) {
                        sum = sum.add(IntegerVector.multiply(IntegerVector.multiply(adj[a][u], n2[u][v]), adj[b][v]));
                    }
                }
                c[a][b] = sum;
            }
        }
        final int twos = 2 * minor.getLowestSetBit();
        final BigInteger odd = minor.shiftRight(minor.getLowestSetBit()).pow(2);
        final BigInteger c11 = exactQuotient(c[0][0], twos, odd);
        final BigInteger c12 = c11 == null ? null : exactQuotient(c[0][1], twos, odd);
        final BigInteger c22 = c12 == null ? null : exactQuotient(c[1][1], twos, odd);
        final boolean integral = c22 != null && divides;
        // The columns' coefficients (aⱼ, bⱼ) = Ĉ·(Gⱼ, Yⱼ) over the denominator: Ĉ = C when C is
        // integral, else minor²·C over minor².
        final BigInteger[][] cc = integral ? new BigInteger[][] {{c11, c12}, {c12, c22}} : c;
        final BigInteger denominator = integral ? BigInteger.ONE : minor.multiply(minor);
        final java.util.stream.IntStream columns = java.util.stream.IntStream.range(0, n);
        if (integral) {
            // N_ij = num_ij − δ_ij·shift = aⱼ·G_i + bⱼ·Y_i, checked as
            // aⱼ·G_i + bⱼ·Y_i + δ_ij·shift = num_ij in one digit sum; aⱼ and bⱼ are formed in
            // digits too.
            final DigitSum.Narrow[] gn = DigitSum.Narrow.of(gi);
            final DigitSum.Narrow[] yn = DigitSum.Narrow.of(yi);
            long narrowBits = 0;
            for (int i = 0; i < n; i++) {
                narrowBits = Math.max(narrowBits, Math.max(gn[i].bits(), yn[i].bits()));
            }
            final long gyBits = narrowBits;
            final DigitSum.Wide diagonal = DigitSum.Wide.of(shift);
            final DigitSum.Wide w11 = DigitSum.Wide.of(c11);
            final DigitSum.Wide w12 = DigitSum.Wide.of(c12);
            final DigitSum.Wide w22 = DigitSum.Wide.of(c22);
            final long coefficientBits = Math.max(Math.max(w11.bits(), w12.bits()), w22.bits()) + gyBits + 1;
            (n >= PARALLEL_DIMENSION ? columns.parallel() : columns).forEach(j -> {
                final DigitSum coefficient = new DigitSum(DigitSum.slotsFor(coefficientBits));
                coefficient.addProduct(w11, gn[j], 1);
                coefficient.addProduct(w12, yn[j], 1);
                final DigitSum.Wide wa = coefficient.toWide();
                coefficient.addProduct(w12, gn[j], 1);
                coefficient.addProduct(w22, yn[j], 1);
                final DigitSum.Wide wb = coefficient.toWide();
                final long bits = Math.max(Math.max(wa.bits(), wb.bits()) + gyBits, diagonal.bits()) + 2;
                final DigitSum sum = new DigitSum(Math.max(entries.slots(), DigitSum.slotsFor(bits)));
                for (int i = j; i < n; i++) {
                    sum.addProduct(wa, gn[i], 1);
                    sum.addProduct(wb, yn[i], 1);
                    if (i == j) {
                        sum.addProduct(diagonal, DigitSum.Narrow.ONE, 1);
                    }
                    if (!entries.equalsEntry(sum, i, j)) {
                        throw notInSpan(j);
                    }
                }
            });
        } else {
            final BigInteger[] coefficientA = new BigInteger[n];
            final BigInteger[] coefficientB = new BigInteger[n];
            for (int j = 0; j < n; j++) {
                coefficientA[j] = IntegerVector.multiply(cc[0][0], gi[j]).add(IntegerVector.multiply(cc[0][1], yi[j]));
                coefficientB[j] = IntegerVector.multiply(cc[1][0], gi[j]).add(IntegerVector.multiply(cc[1][1], yi[j]));
            }
            (n >= PARALLEL_DIMENSION ? columns.parallel() : columns).forEach(j -> {
                for (int i = j; i < n; i++) {
                    final BigInteger left = IntegerVector.multiply(entry(m, i, j, divides, q, shift), denominator);
                    if (!left.equals(IntegerVector.multiply(coefficientA[j], gi[i]).add(IntegerVector.multiply(coefficientB[j], yi[i])))) {
                        throw notInSpan(j);
                    }
                }
            });
        }
        // Σⱼ aⱼGⱼ, Σⱼ aⱼYⱼ, Σⱼ bⱼGⱼ, Σⱼ bⱼYⱼ: (m − αI) maps G to (aG·G + bG·Y)/(denominator·k) and
        // Y to (aY·G + bY·Y)/(denominator·k); in the basis (g, y) = (G/sg, Y/sy) the off-diagonal
        // entries pick up sg/sy and sy/sg, and M = αI + (m − αI) on the plane. With
        // (aⱼ, bⱼ) = Ĉ·(Gⱼ, Yⱼ), e.g. Σⱼ aⱼGⱼ = Ĉ₁₁·GᵀG + Ĉ₁₂·YᵀG.
        final Columns certified = Columns.plane(cc, denominator, k, gv, yv);
        final BigInteger[] onG = certified.image(gi);
        final BigInteger[] onY = certified.image(yi);
        return new PlaneSpectrum(alpha, null,
                SpanRestriction.ofIntegers(alpha, onG[0], onY[0], onG[1], onY[1], denominator.multiply(k), sg, sy),
                certified);
    }

    /**
     * y ∥ g: every column of N must be a multiple of G, column j = (N_pivot,j/G_pivot)·G, i.e.
     * N_ij·G_pivot = N_pivot,j·G_i, checked on the lower triangle; with N symmetric the
     * coefficients (N_pivot,j)ⱼ must then be parallel to G, and M = α on G⊥.
     */
    private static PlaneSpectrum line(RationalMatrix m, Rational alpha, IntegerVector gv, IntegerVector yv, int pivot,
                                      boolean divides, BigInteger q, BigInteger shift, BigInteger k) {
        final BigInteger[] gi = gv.entries();
        final int n = gi.length;
        final BigInteger[] coefficientA = new BigInteger[n];
        final java.util.stream.IntStream columns = java.util.stream.IntStream.range(0, n);
        (n >= PARALLEL_DIMENSION ? columns.parallel() : columns).forEach(j -> {
            final BigInteger cp = entry(m, pivot, j, divides, q, shift);
            for (int i = j; i < n; i++) {
                if (!IntegerVector.multiply(entry(m, i, j, divides, q, shift), gi[pivot])
                        .equals(IntegerVector.multiply(cp, gi[i]))) {
                    throw notInSpan(j);
                }
            }
            coefficientA[j] = cp;
        });
        // R = G·aᵀ is symmetric iff a ∥ G: g_pivot·aᵢ = a_pivot·gᵢ for every i.
        for (int i = 0; i < n; i++) {
            if (!IntegerVector.multiply(coefficientA[i], gi[pivot]).equals(IntegerVector.multiply(coefficientA[pivot], gi[i]))) {
                throw notInSpan(i);
            }
        }
        // (m − αI)·G = (Σ N_pivot,j·Gⱼ)/(G_pivot·k)·G.
        final BigInteger aG = IntegerVector.dot(coefficientA, gi);
        return new PlaneSpectrum(alpha, alpha.add(Rational.of(aG, gi[pivot].multiply(k))), null,
                Columns.line(coefficientA, gi[pivot], k, gv, yv));
    }

    /**
     * {@code v/d} when {@code d = 2^twos·odd} divides v, else null: the low {@code twos} bits
     * of v must be zero, then the odd part must divide what remains.
     */
    private static BigInteger exactQuotient(BigInteger v, int twos, BigInteger odd) {
        if (v.signum() != 0 && v.getLowestSetBit() < twos) {
            return null;
        }
        final BigInteger[] qr = v.shiftRight(twos).divideAndRemainder(odd);
        return qr[1].signum() == 0 ? qr[0] : null;
    }

    /** The bit length of the odd part of v != 0. */
    private static int oddLength(BigInteger v) {
        return v.bitLength() - v.getLowestSetBit();
    }

    /** Entry (i, j) of N = (m − αI)·den (or ·den·q when q does not divide den). */
    private static BigInteger entry(RationalMatrix m, int i, int j, boolean divides, BigInteger q, BigInteger shift) {
        final BigInteger v = divides ? m.numerator(i, j) : m.numerator(i, j).multiply(q);
        return i == j ? v.subtract(shift) : v;
    }

    private static IllegalArgumentException notInSpan(int column) {
        return new IllegalArgumentException("column " + column + " of M − αI is not in span{g, y}:"
                + " M is not α on the orthogonal complement of the plane");
    }
}
