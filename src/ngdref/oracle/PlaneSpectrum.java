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
     * {@code N = (m − αI)·scale} is exactly {@code (aⱼ·G + bⱼ·Y)/minor} (on a line
     * {@code aⱼ·G/minor} with minor = G_pivot, b = 0), G and Y the integer forms of g and y.
     */
    private record Columns(BigInteger[] a, BigInteger[] b, BigInteger minor, BigInteger scale, IntegerVector g,
                           IntegerVector y) {
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
     * read again): {@code (m − αI)·V = [(Σ aⱼVⱼ)·G + (Σ bⱼVⱼ)·Y]/(minor·scale)}, so with α = p/q
     * {@code (m·v)ᵢ = (q·[(Σ aⱼVⱼ)·Gᵢ + (Σ bⱼVⱼ)·Yᵢ] + p·minor·scale·Vᵢ)/(q·minor·scale·sv)}.
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
     * columns: {@code (m − αI)·V = [(Σ aⱼVⱼ)·G + (Σ bⱼVⱼ)·Y]/(minor·scale)}, so with α = p/q
     * {@code m·V = (q·(Σ aⱼVⱼ)·G + q·(Σ bⱼVⱼ)·Y + p·minor·scale·V)/(q·minor·scale)}; O(D) to form,
     * each coefficient one exact inner product.
     */
    Image image(BigInteger[] v) {
        final Columns c = columns;
        final BigInteger[] gi = c.g().entries();
        if (v.length != gi.length) {
            throw new IllegalArgumentException("v must have length " + gi.length + ", was " + v.length);
        }
        final BigInteger q = alpha.denominator();
        final BigInteger onG = q.multiply(IntegerVector.dot(c.a(), v));
        final BigInteger onY = c.b() == null ? BigInteger.ZERO : q.multiply(IntegerVector.dot(c.b(), v));
        final BigInteger onV = alpha.numerator().multiply(c.minor()).multiply(c.scale());
        final BigInteger den = q.multiply(c.minor()).multiply(c.scale());
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
        // A second row r with a nonzero 2×2 minor of [g y] makes (g, y) a basis of the plane.
        // The minor is kept as its two products too: a long integer times each of them costs
        // linear time (IntegerVector.multiply), times their difference quadratic.
        int second = -1;
        BigInteger minor = BigInteger.ZERO;
        BigInteger minorPlus = BigInteger.ZERO;
        BigInteger minorMinus = BigInteger.ZERO;
        for (int r = 0; r < n && second < 0; r++) {
            final BigInteger plus = IntegerVector.multiply(gi[pivot], yi[r]);
            final BigInteger minus = IntegerVector.multiply(gi[r], yi[pivot]);
            final BigInteger d = plus.subtract(minus);
            if (d.signum() != 0) {
                second = r;
                minor = d;
                minorPlus = plus;
                minorMinus = minus;
            }
        }
        // Column j of N: minor·N_j = aⱼ·G + bⱼ·Y (on a line: g_pivot·N_j = N_pivot,j·G), with aⱼ,
        // bⱼ from rows pivot and second (Cramer). Checked on the lower triangle i >= j only: with
        // R = G·aᵀ + Y·bᵀ symmetric (checked below in O(D)), N's symmetry gives the rest, since
        // minor·N_ij = minor·N_ji = R_ji = R_ij for i < j. When minor divides aⱼ and bⱼ (it does for
        // the matrices of the family, whose columns are integer combinations of G and Y), the
        // check is N_ij = (aⱼ/minor)·G_i + (bⱼ/minor)·Y_i, one division per column instead of two
        // products per entry. The columns are independent, so large matrices use both cores.
        // The quotients aⱼ/minor and bⱼ/minor are the coefficients of column j in the basis (G, Y),
        // the same for every pair of rows with a nonzero minor, so they are divided out with the
        // pair (pivot, divisorRow) whose minor has the shortest odd part: minor = 2^t·odd, the
        // minor of two rows of scaled doubles has thousands of trailing zero bits, and for rows
        // of comparable magnitude an odd part of about a hundred bits, so the division costs
        // linear time where dividing by the first minor costs quadratic. The coefficients found
        // this way are checked on rows pivot and second too, which makes aⱼ = minor·(aⱼ/minor)
        // and bⱼ = minor·(bⱼ/minor) hold for the Cramer numerators of rows pivot and second.
        int divisorRow = second;
        BigInteger divisorMinor = minor;
        for (int row = second + 1; second >= 0 && row < n; row++) {
            final BigInteger d = IntegerVector.multiply(gi[pivot], yi[row]).subtract(IntegerVector.multiply(gi[row], yi[pivot]));
            if (d.signum() != 0 && oddLength(d) < oddLength(divisorMinor)) {
                divisorRow = row;
                divisorMinor = d;
            }
        }
        final int det2Twos = divisorMinor.getLowestSetBit();
        final BigInteger det2Odd = divisorMinor.shiftRight(det2Twos);
        final int r2 = divisorRow;
        final IntegerVector.Odd[] go = IntegerVector.Odd.of(gi);
        final IntegerVector.Odd[] yo = IntegerVector.Odd.of(yi);
        final BigInteger[] coefficientA = new BigInteger[n];
        final BigInteger[] coefficientB = new BigInteger[n];
        final int r = second;
        final BigInteger det2Plus = minorPlus;
        final BigInteger det2Minus = minorMinus;
        final int pv = pivot;
        final java.util.stream.IntStream columns = java.util.stream.IntStream.range(0, n);
        (n >= PARALLEL_DIMENSION ? columns.parallel() : columns).forEach(j -> {
            final BigInteger cp = entry(m, pv, j, divides, q, shift);
            if (r < 0) {
                // y ∥ g: column = a·g, i.e. N_ij·g_pivot = N_pivot,j·g_i.
                final BigInteger[] c = cp.divideAndRemainder(gi[pv]);
                if (c[1].signum() == 0) {
                    for (int i = j; i < n; i++) {
                        if (!entry(m, i, j, divides, q, shift).equals(IntegerVector.multiply(c[0], gi[i]))) {
                            throw notInSpan(j);
                        }
                    }
                    coefficientA[j] = cp;
                    return;
                }
                for (int i = j; i < n; i++) {
                    if (!IntegerVector.multiply(entry(m, i, j, divides, q, shift), gi[pv])
                            .equals(IntegerVector.multiply(cp, gi[i]))) {
                        throw notInSpan(j);
                    }
                }
                coefficientA[j] = cp;
                return;
            }
            final BigInteger cr = entry(m, r, j, divides, q, shift);
            final BigInteger a = IntegerVector.multiply(cp, yi[r]).subtract(IntegerVector.multiply(cr, yi[pv]));
            final BigInteger b = IntegerVector.multiply(cr, gi[pv]).subtract(IntegerVector.multiply(cp, gi[r]));
            final BigInteger c2 = r2 == r ? cr : entry(m, r2, j, divides, q, shift);
            final BigInteger a2 = r2 == r ? a : IntegerVector.multiply(cp, yi[r2]).subtract(IntegerVector.multiply(c2, yi[pv]));
            final BigInteger b2 = r2 == r ? b : IntegerVector.multiply(c2, gi[pv]).subtract(IntegerVector.multiply(cp, gi[r2]));
            final BigInteger qa = exactQuotient(a2, det2Twos, det2Odd);
            final BigInteger qb = qa == null ? null : exactQuotient(b2, det2Twos, det2Odd);
            final boolean integral = qb != null;
            final IntegerVector.Odd oa = integral ? IntegerVector.Odd.of(qa) : null;
            final IntegerVector.Odd ob = integral ? IntegerVector.Odd.of(qb) : null;
            if (integral && (!cp.equals(oa.times(go[pv]).add(ob.times(yo[pv])))
                    || !cr.equals(oa.times(go[r]).add(ob.times(yo[r]))))) {
                throw notInSpan(j);
            }
            for (int i = j; i < n; i++) {
                final BigInteger nij = entry(m, i, j, divides, q, shift);
                if (integral) {
                    if (!nij.equals(oa.times(go[i]).add(ob.times(yo[i])))) {
                        throw notInSpan(j);
                    }
                    continue;
                }
                final BigInteger left = IntegerVector.multiply(nij, det2Plus).subtract(IntegerVector.multiply(nij, det2Minus));
                if (!left.equals(IntegerVector.multiply(a, gi[i]).add(IntegerVector.multiply(b, yi[i])))) {
                    throw notInSpan(j);
                }
            }
            coefficientA[j] = a;
            coefficientB[j] = b;
        });
        if (second < 0) {
            // R = G·aᵀ is symmetric iff a ∥ G: g_pivot·aᵢ = a_pivot·gᵢ for every i.
            for (int i = 0; i < n; i++) {
                if (!IntegerVector.multiply(coefficientA[i], gi[pivot]).equals(IntegerVector.multiply(coefficientA[pivot], gi[i]))) {
                    throw notInSpan(i);
                }
            }
        } else {
            // R = G·aᵀ + Y·bᵀ is symmetric iff a = c11·G + c12·Y and b = c21·G + c22·Y with
            // c12 = c21 (R − Rᵀ = (c12 − c21)(G·Yᵀ − Y·Gᵀ)); the c's by Cramer, times minor.
            final BigInteger[] ca = inSpan(coefficientA, gi, yi, pivot, second, minorPlus, minorMinus);
            final BigInteger[] cb = inSpan(coefficientB, gi, yi, pivot, second, minorPlus, minorMinus);
            if (!ca[1].equals(cb[0])) {
                throw new IllegalArgumentException("M − αI restricted to span{g, y} is not symmetric:"
                        + " M is not α on the orthogonal complement of the plane");
            }
        }
        // Σⱼ aⱼGⱼ, Σⱼ aⱼYⱼ, Σⱼ bⱼGⱼ, Σⱼ bⱼYⱼ (on a line, Σⱼ N_pivot,j·Gⱼ).
        BigInteger aG = BigInteger.ZERO;
        BigInteger aY = BigInteger.ZERO;
        BigInteger bG = BigInteger.ZERO;
        BigInteger bY = BigInteger.ZERO;
        for (int j = 0; j < n; j++) {
            aG = aG.add(IntegerVector.multiply(coefficientA[j], gi[j]));
            if (second >= 0) {
                aY = aY.add(IntegerVector.multiply(coefficientA[j], yi[j]));
                bG = bG.add(IntegerVector.multiply(coefficientB[j], gi[j]));
                bY = bY.add(IntegerVector.multiply(coefficientB[j], yi[j]));
            }
        }
        final BigInteger k = divides ? m.denominator() : m.denominator().multiply(q);
        if (second < 0) {
            // (m − αI)·G = (Σ N_pivot,j·Gⱼ)/(G_pivot·k)·G.
            return new PlaneSpectrum(alpha, alpha.add(Rational.of(aG, gi[pivot].multiply(k))), null,
                    new Columns(coefficientA, null, gi[pivot], k, gv, yv));
        }
        // (m − αI) maps G to (aG·G + bG·Y)/(minor·k) and Y to (aY·G + bY·Y)/(minor·k); in the
        // basis (g, y) = (G/sg, Y/sy) the off-diagonal entries pick up sg/sy and sy/sg, and
        // M = αI + (m − αI) on the plane.
        return new PlaneSpectrum(alpha, null,
                SpanRestriction.ofIntegers(alpha, aG, aY, bG, bY, minor.multiply(k), sg, sy),
                new Columns(coefficientA, coefficientB, minor, k, gv, yv));
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

    /**
     * The integers (c1, c2) with minor·v = c1·G + c2·Y (minor = minorPlus − minorMinus, kept as
     * its two products: see {@link #of}), checked for every entry; throws when v is not in
     * span{G, Y}.
     */
    private static BigInteger[] inSpan(BigInteger[] v, BigInteger[] gi, BigInteger[] yi, int pivot, int second,
                                       BigInteger minorPlus, BigInteger minorMinus) {
        final BigInteger c1 = IntegerVector.multiply(v[pivot], yi[second]).subtract(IntegerVector.multiply(v[second], yi[pivot]));
        final BigInteger c2 = IntegerVector.multiply(v[second], gi[pivot]).subtract(IntegerVector.multiply(v[pivot], gi[second]));
        for (int i = 0; i < v.length; i++) {
            final BigInteger left = IntegerVector.multiply(v[i], minorPlus).subtract(IntegerVector.multiply(v[i], minorMinus));
            if (!left.equals(IntegerVector.multiply(c1, gi[i]).add(IntegerVector.multiply(c2, yi[i])))) {
                throw notInSpan(i);
            }
        }
        return new BigInteger[] {c1, c2};
    }

    private static IllegalArgumentException notInSpan(int column) {
        return new IllegalArgumentException("column " + column + " of M − αI is not in span{g, y}:"
                + " M is not α on the orthogonal complement of the plane");
    }
}
