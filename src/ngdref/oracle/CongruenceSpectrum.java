package ngdref.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Certified eigenvalue enclosures of a symmetric rational matrix of any dimension, by
 * congruence with refined approximate eigenvectors and Gershgorin discs (package-private;
 * used by {@link SpectrumOracle}).
 *
 * <p><b>Certificate.</b> Let Ã be the exactly symmetric dyadic matrix nearest M at p+ bits
 * (scaled so that its entries lie in [−1, 1]), T = ‖Ã‖_∞ (so every eigenvalue lies in
 * [−T, T]), and X any dyadic matrix. With {@code C = XᵀÃX} and {@code G = XᵀX} (exact),
 * {@code B(t) = C − tG = Xᵀ(Ã − tI)X} is symmetric. C is known as S, the exact product of Xᵀ
 * with ÃX rounded entrywise by less than f, so {@code |C_ij − S_ij| <= e = f·max_k ‖x_k‖_1}.
 * For {@code |t| <= T}, row i of B(t) is strictly diagonally dominant outside the disc
 * {@code D_i = [(S_ii − ρ_i)/G_ii, (S_ii + ρ_i)/G_ii]},
 * {@code ρ_i = Σ_{j≠i} (|S_ij| + T |G_ij|) + n·e}. Hence:
 * <ul>
 * <li>every eigenvalue λ of Ã lies in the union of the discs (else B(λ) would be strictly
 * diagonally dominant, hence nonsingular, yet {@code det B(λ) = det(X)² det(Ã − λI) = 0});
 * <li>at a point t between two connected components of the union, B(t) is strictly diagonally
 * dominant, so it is nonsingular (then X is nonsingular) and its inertia equals the signs of its
 * diagonal (the path {@code diag(B) + s·offdiag(B)}, s ∈ [0, 1], never meets a singular matrix);
 * by Sylvester's law of inertia the number of eigenvalues of Ã below t is the number of discs
 * left of t.
 * </ul>
 * So each component holds exactly the number of eigenvalues counted by the differences of these
 * inertia counts. Finally Weyl's inequality moves each eigenvalue of M at most
 * {@code ‖M − Ã‖_2 <= ‖M − Ã‖_F <= D·max|M_ij − Ã_ij|} from the eigenvalue of Ã of the same
 * index, so the components widened by that bound (and merged where they meet) certify M.
 * Nothing here depends on X being accurate: a poor X only gives wide discs.
 *
 * <p><b>Refinement (not part of the certificate).</b> X starts from the double-precision
 * eigenvectors of commons-math's {@link EigenDecomposition} and is refined by the iteration of
 * Ogita and Aishima ("Iterative refinement for symmetric eigenvalue decomposition", Japan J.
 * Indust. Appl. Math. 35, 2018): with {@code R = I − XᵀX}, {@code S = XᵀÃX},
 * {@code λ_i = S_ii/(1 − R_ii)}, {@code E_ij = (S_ij + λ_j R_ij)/(λ_j − λ_i)} for well separated
 * pairs and {@code R_ij/2} otherwise, {@code X <- X + XE}; the error roughly squares each step.
 * All matrix products are exact integer products of {@link LimbMatrix} digits; only E is
 * formed in double precision, which suffices because E is itself a small correction. Pairs
 * closer than the iteration's threshold ω are a cluster, which the Newton step only
 * orthonormalises; a cluster that is still coupled after the first step (distinct but close
 * eigenvalues) is diagonalised by a rotation within it ({@code rotateClusters}).
 *
 * <p><b>Precision.</b> p = 53 + {@link #GUARD} + log2 D + log2(|λ|_max/|λ|_min) bits (from the
 * double estimate, ignoring eigenvalues indistinguishable from 0), doubled while a cluster away
 * from 0 is undecided, up to a cap. The cost is O(D³ (p/26)²) long multiply-adds per step, and
 * about two steps per precision.
 */
final class CongruenceSpectrum {

    /** Bits carried beyond a double's 53, so that enclosures are far narrower than an ulp. */
    static final int GUARD = 32;
    /** Refinement steps per precision; the error roughly squares each step. */
    private static final int MAX_STEPS = 6;
    /** Significant digits of the disc ends (relative to each end: far beyond a double's 17). */
    private static final int DIGITS = 200;

    private CongruenceSpectrum() {
    }

    /**
     * Certified clusters of the symmetric matrix {@code m}, refining with up to
     * {@code maxBits} bits of precision.
     */
    static Spectrum enclose(RationalMatrix m, int maxBits) {
        final int n = m.dimension();
        BigInteger maxAbs = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                maxAbs = maxAbs.max(m.numerator(i, j).abs());
            }
        }
        if (maxAbs.signum() == 0) {
            return new Spectrum(List.of(new EigenvalueCluster(Enclosure.point(BigDecimal.ZERO), n)),
                    Spectrum.Method.CONGRUENCE);
        }
        // |M_ij| < 2^sigma: work with M·2^-sigma, whose entries lie in (−1, 1).
        final int sigma = maxAbs.bitLength() - m.denominator().bitLength() + 1;

        // Double-precision start: eigenvalues ascending and their eigenvectors as columns.
        final double[][] ad = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ad[i][j] = approximate(m.numerator(i, j), m.denominator(), sigma);
            }
        }
        final double[] estimate = new double[n];
        final double[][] start = startingVectors(ad, estimate);

        int bits = Math.min(maxBits, initialBits(estimate));
        LimbMatrix x = null;
        Spectrum best = null;
        while (true) {
            final int k = (bits + 8 + LimbMatrix.W - 1) / LimbMatrix.W;
            final Scaled a = Scaled.of(m, sigma, k);
            final boolean resumed = x != null;
            x = resumed ? x.withExponent(-LimbMatrix.W * k) : vectors(start, k);
            final Refined r = refine(a, x, resumed, sigma, n);
            x = r.x;
            best = r.spectrum.isDecided() ? r.spectrum : ExactPoints.resolve(m, r.spectrum);
            if (bits >= maxBits || !undecidedAwayFromZero(best)) {
                return best;
            }
            bits = Math.min(maxBits, 2 * bits);
        }
    }

    /**
     * Whether a cluster is undecided without containing 0: more precision can then help. (An
     * enclosure of an eigenvalue 0 never decides: the doubles accumulate at 0.)
     */
    private static boolean undecidedAwayFromZero(Spectrum s) {
        for (EigenvalueCluster c : s.clusters()) {
            final Enclosure e = c.enclosure();
            if (e.correctlyRounded().isEmpty() && (e.isPositive() || e.isNegative())) {
                return true;
            }
        }
        return false;
    }

    /** Precision for the relative accuracy of the smallest eigenvalue distinguishable from 0. */
    private static int initialBits(double[] estimate) {
        final int n = estimate.length;
        double top = 0;
        for (double e : estimate) {
            top = Math.max(top, Math.abs(e));
        }
        // Eigenvalues below n·2^-50·top are not resolved by the double start; ignore them here
        // (if they are nonzero the escalation of precision finds them).
        final double floor = top * n * 0x1.0p-50;
        double small = top;
        for (double e : estimate) {
            if (Math.abs(e) > floor) {
                small = Math.min(small, Math.abs(e));
            }
        }
        final int range = top == 0 ? 0 : Math.getExponent(top) - Math.getExponent(small) + 1;
        return 53 + GUARD + 32 - Integer.numberOfLeadingZeros(n) + range;
    }

    /** The dyadic matrix Ã = N·2^exponent nearest M·2^-sigma, and its distance to it. */
    private static final class Scaled {
        final BigInteger[][] n;
        final int exponent;
        /** Whether some entry was rounded (else Ã = M·2^-sigma exactly). */
        final boolean inexact;

        private Scaled(BigInteger[][] n, int exponent, boolean inexact) {
            this.n = n;
            this.exponent = exponent;
            this.inexact = inexact;
        }

        /** Entries rounded to nearest at k digits: N = round(M·2^(26k − sigma)). */
        static Scaled of(RationalMatrix m, int sigma, int k) {
            final int dim = m.dimension();
            final int shift = LimbMatrix.W * k - sigma;
            final BigInteger den = shift >= 0 ? m.denominator() : m.denominator().shiftLeft(-shift);
            final BigInteger twoDen = den.shiftLeft(1);
            final BigInteger[][] out = new BigInteger[dim][dim];
            boolean inexact = false;
            for (int i = 0; i < dim; i++) {
                for (int j = i; j < dim; j++) {
                    final BigInteger num = shift >= 0 ? m.numerator(i, j).shiftLeft(shift) : m.numerator(i, j);
                    // round half up: floor((2 num + den) / (2 den)); symmetric by construction
                    final BigInteger[] qr = num.shiftLeft(1).add(den).divideAndRemainder(twoDen);
                    BigInteger q = qr[0];
                    if (qr[1].signum() < 0) {
                        q = q.subtract(BigInteger.ONE);
                    }
                    inexact |= num.mod(den).signum() != 0;
                    out[i][j] = q;
                    out[j][i] = q;
                }
            }
            return new Scaled(out, -LimbMatrix.W * k, inexact);
        }
    }

    /** The result of refining at one precision. */
    private static final class Refined {
        final LimbMatrix x;
        final Spectrum spectrum;

        Refined(LimbMatrix x, Spectrum spectrum) {
            this.x = x;
            this.spectrum = spectrum;
        }
    }

    private static Refined refine(Scaled scaled, LimbMatrix x, boolean resumed, int sigma, int n) {
        final LimbMatrix a = LimbMatrix.of(scaled.n, scaled.exponent);
        final int ka = -scaled.exponent / LimbMatrix.W;
        // T = ‖Ã‖_∞ bounds every eigenvalue of Ã.
        BigInteger rowMax = BigInteger.ZERO;
        for (BigInteger[] row : scaled.n) {
            BigInteger s = BigInteger.ZERO;
            for (BigInteger v : row) {
                s = s.add(v.abs());
            }
            rowMax = rowMax.max(s);
        }
        final BigDecimal t = dyadic(rowMax, scaled.exponent);
        // Weyl: ‖M·2^-sigma − Ã‖_2 <= n · 2^(exponent−1) (round to nearest), or 0 if exact.
        final BigDecimal weyl = scaled.inexact
                ? dyadic(BigInteger.valueOf(n), scaled.exponent - 1) : BigDecimal.ZERO;

        double previous = Double.POSITIVE_INFINITY;
        for (int step = 0; ; step++) {
            final LimbMatrix ax = a.multiply(x);
            // Keep AX to 2^-(26(kx+1)): each entry moves by less than f = 2^-(26(kx+1)).
            final LimbMatrix axKept = ax.dropDigits(ka - 1);
            final LimbMatrix xt = x.transpose();
            // S = Xᵀ(AX) is symmetric up to the error of AX: form the upper triangle only.
            final LimbMatrix s = xt.multiplyUpper(axKept);
            final LimbMatrix g = x.gram();
            final Approximation e = new Approximation(s, g, t.doubleValue());
            // Near-degenerate clusters are split by a rotation within the cluster once the rest
            // has converged (not from the double start, whose coupling is all noise).
            final LimbMatrix rotated = step < MAX_STEPS && (step > 0 || resumed) ? rotateClusters(x, e) : null;
            // Certify when the estimate says the discs decide, or when refining stops helping.
            final boolean last = step >= MAX_STEPS || (rotated == null && !(e.width <= previous * 0x1.0p-8));
            if (last || (rotated == null && e.looksDecided())) {
                final Spectrum spectrum = certify(s, g, xt, dyadic(BigInteger.ONE, axKept.exponent), t, weyl, sigma);
                if (last || spectrum.isDecided()) {
                    return new Refined(x, spectrum);
                }
            }
            if (rotated != null) {
                x = rotated;
                previous = Double.POSITIVE_INFINITY;     // a rotation restarts the progress test
                continue;
            }
            previous = e.width;
            final LimbMatrix next = update(x, e);
            if (next == null) {
                previous = 0;                            // X is a fixed point: certify next round
            } else {
                x = next;
            }
        }
    }

    /**
     * Gershgorin discs of the pencil (C, G), their components and inertia counts; see the class
     * comment. {@code xt} is Xᵀ, {@code f} bounds the entrywise error of the AX used in S.
     */
    private static Spectrum certify(LimbMatrix s, LimbMatrix g, LimbMatrix xt, BigDecimal f,
            BigDecimal t, BigDecimal weyl, int sigma) {
        final int n = s.rows;
        final MathContext down = new MathContext(DIGITS, RoundingMode.FLOOR);
        final MathContext up = new MathContext(DIGITS, RoundingMode.CEILING);
        final BigInteger[] offS = s.absRowSums(true);
        final BigInteger[] offG = g.absRowSums(true);
        BigInteger colX = BigInteger.ZERO;
        for (BigInteger c : xt.absRowSums(false)) {
            colX = colX.max(c);
        }
        // |C_ij − S_ij| <= f·max_k ‖x_k‖_1 for every i, j: S_ij = x_iᵀ(AX)_j with AX off by < f
        // entrywise, and the lower triangle mirrors the upper one (C is symmetric).
        final BigDecimal err = f.multiply(BigDecimal.valueOf(n)).multiply(dyadic(colX, xt.exponent));
        final BigDecimal[] lo = new BigDecimal[n];
        final BigDecimal[] hi = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            final BigDecimal rho = dyadic(offS[i], s.exponent)
                    .add(t.multiply(dyadic(offG[i], g.exponent)))
                    .add(err);
            final BigDecimal cii = dyadic(s.integer(i, i), s.exponent);
            final BigDecimal gii = dyadic(g.integer(i, i), g.exponent);
            if (gii.signum() <= 0) {
                lo[i] = t.negate();                 // a zero column of X: the disc is everything
                hi[i] = t;
            } else {
                lo[i] = cii.subtract(rho).divide(gii, down);
                hi[i] = cii.add(rho).divide(gii, up);
            }
        }
        // Components of the union of discs, in increasing order.
        final Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> lo[i]));
        final List<BigDecimal[]> parts = new ArrayList<>();
        final List<Integer> discs = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            final int i = order[q];
            final BigDecimal[] last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
            if (last != null && lo[i].compareTo(last[1]) <= 0) {
                last[1] = last[1].max(hi[i]);
                discs.set(discs.size() - 1, discs.get(discs.size() - 1) + 1);
            } else {
                parts.add(new BigDecimal[] {lo[i], hi[i]});
                discs.add(1);
            }
        }
        // Inertia counts at the gaps: the number of eigenvalues below the gap point.
        final int[] below = new int[parts.size() + 1];
        below[parts.size()] = n;
        int discsSoFar = 0;
        for (int c = 0; c + 1 < parts.size(); c++) {
            discsSoFar += discs.get(c);
            final BigDecimal gap = parts.get(c)[1].add(parts.get(c + 1)[0]).divide(BigDecimal.valueOf(2));
            if (gap.compareTo(t.negate()) < 0) {
                below[c + 1] = 0;                    // no eigenvalue is below −T
            } else if (gap.compareTo(t) > 0) {
                below[c + 1] = n;                    // none is above T
            } else {
                below[c + 1] = discsSoFar;           // diagonal signs of the dominant B(gap)
            }
        }
        // Scale back by 2^sigma, widen by the Weyl bound, merge what then meets.
        final BigDecimal scale = dyadic(BigInteger.ONE, sigma);
        final BigDecimal widen = weyl.multiply(scale);
        final List<EigenvalueCluster> clusters = new ArrayList<>();
        for (int c = 0; c < parts.size(); c++) {
            final int mult = below[c + 1] - below[c];
            if (mult == 0) {
                continue;
            }
            final BigDecimal cl = parts.get(c)[0].multiply(scale).subtract(widen).round(down);
            final BigDecimal ch = parts.get(c)[1].multiply(scale).add(widen).round(up);
            final EigenvalueCluster last = clusters.isEmpty() ? null : clusters.get(clusters.size() - 1);
            if (last != null && cl.compareTo(last.enclosure().hi()) <= 0) {
                clusters.set(clusters.size() - 1, new EigenvalueCluster(
                        Enclosure.of(last.enclosure().lo(), ch.max(last.enclosure().hi())), last.multiplicity() + mult));
            } else {
                clusters.add(new EigenvalueCluster(Enclosure.of(cl, ch), mult));
            }
        }
        return new Spectrum(clusters, Spectrum.Method.CONGRUENCE);
    }

    /** Double-precision view of S and R = I − G for the refinement step and the progress test. */
    private static final class Approximation {
        final int n;
        /** λ_i = S_ii/G_ii as a double-double (hi + lo), so close gaps keep their digits. */
        final double[] lamHi;
        final double[] lamLo;
        final double[][] sd;
        final double[][] rd;
        final double normA;
        /** Estimated total width of the discs. */
        final double width;
        /** Estimated disc radius per row. */
        final double[] radius;

        Approximation(LimbMatrix s, LimbMatrix g, double normA) {
            n = s.rows;
            this.normA = normA;
            lamHi = new double[n];
            lamLo = new double[n];
            sd = new double[n][n];
            rd = new double[n][n];
            radius = new double[n];
            final MathContext mc = new MathContext(40, RoundingMode.HALF_EVEN);
            double total = 0;
            for (int i = 0; i < n; i++) {
                final BigDecimal sii = dyadic(s.integer(i, i), s.exponent);
                final BigDecimal gii = dyadic(g.integer(i, i), g.exponent);
                final BigDecimal lam = gii.signum() == 0 ? BigDecimal.ZERO : sii.divide(gii, mc);
                lamHi[i] = lam.doubleValue();
                lamLo[i] = lam.subtract(new BigDecimal(lamHi[i])).doubleValue();
                rd[i][i] = BigDecimal.ONE.subtract(gii).doubleValue();
                double r = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        sd[i][j] = s.approximate(i, j);
                        rd[i][j] = -g.approximate(i, j);
                        r += Math.abs(sd[i][j]) + normA * Math.abs(rd[i][j]);
                    }
                }
                radius[i] = r;
                total += 2 * r;
            }
            width = total;
        }

        /** Ogita–Aishima's cluster threshold {@code ω = 2(‖S − diag(λ)‖ + ‖A‖‖R‖)}, Frobenius norms. */
        double omega() {
            double offS = 0;
            double normR = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    final double sij = i == j ? lamHi[i] * rd[i][i] : sd[i][j];   // S_ii − λ_i = −λ_i R_ii
                    offS += sij * sij;
                    normR += rd[i][j] * rd[i][j];
                }
            }
            return 2 * (Math.sqrt(offS) + normA * Math.sqrt(normR));
        }

        /** Whether every disc looks narrow enough (60 bits relative) to decide a double. */
        boolean looksDecided() {
            for (int i = 0; i < n; i++) {
                if (!(2 * radius[i] <= Math.abs(lamHi[i]) * 0x1.0p-60)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One Ogita–Aishima step {@code X + XE}, with E in double precision; null if E = 0. */
    private static LimbMatrix update(LimbMatrix x, Approximation a) {
        final int n = a.n;
        // Pairs closer than ω are treated as a cluster.
        final double omega = a.omega();
        final double[][] e = new double[n][n];
        double maxE = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    e[i][i] = a.rd[i][i] / 2;
                } else {
                    final double gap = (a.lamHi[j] - a.lamHi[i]) + (a.lamLo[j] - a.lamLo[i]);
                    e[i][j] = Math.abs(gap) > omega ? (a.sd[i][j] + a.lamHi[j] * a.rd[i][j]) / gap : a.rd[i][j] / 2;
                }
                maxE = Math.max(maxE, Math.abs(e[i][j]));
            }
        }
        if (maxE == 0 || !Double.isFinite(maxE)) {
            return null;
        }
        // E to about 61 bits relative to its largest entry, as a whole number of digits.
        final int ke = Math.max(1, (61 - Math.getExponent(maxE) + LimbMatrix.W - 1) / LimbMatrix.W);
        final LimbMatrix xe = x.multiply(LimbMatrix.ofDoubles(e, LimbMatrix.W * ke)).dropDigits(ke);
        return x.add(xe);
    }

    /**
     * Rotations that diagonalise each coupled cluster, or null if none is needed. For a cluster
     * c (eigenvalue estimates closer than Ogita–Aishima's ω) with mean μ, the Newton step cannot
     * separate the vectors; the coupling that matters is {@code K = S_cc − μ G_cc}, whose
     * entries are small but known to many digits. A double eigendecomposition {@code K = VΘVᵀ}
     * and {@code X_c <- X_c V} leave a coupling of about ε·‖K‖, after which the gaps exceed ω.
     * A cluster is rotated only if its coupling exceeds both 2^-62 of its eigenvalue over n and
     * the noise of the working precision (a true multiple eigenvalue, already resolved, is left
     * alone).
     */
    private static LimbMatrix rotateClusters(LimbMatrix x, Approximation a) {
        final int n = a.n;
        final double omega = a.omega();
        final double noise = a.normA * n * Math.scalb(16.0, x.exponent);
        final Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> a.lamHi[i]));
        final double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            w[i][i] = 1;
        }
        boolean rotated = false;
        int first = 0;
        while (first < n) {
            int end = first + 1;
            while (end < n && a.lamHi[order[end]] - a.lamHi[order[end - 1]] <= omega) {
                end++;
            }
            final int size = end - first;
            if (size > 1) {
                final int[] idx = new int[size];
                double mu = 0;
                for (int q = 0; q < size; q++) {
                    idx[q] = order[first + q];
                    mu += a.lamHi[idx[q]] / size;
                }
                final double[][] k = new double[size][size];
                double coupling = 0;
                for (int p = 0; p < size; p++) {
                    k[p][p] = (a.lamHi[idx[p]] - mu) + a.lamLo[idx[p]];
                    for (int q = p + 1; q < size; q++) {
                        final int i = Math.min(idx[p], idx[q]);
                        final int j = Math.max(idx[p], idx[q]);
                        k[p][q] = a.sd[i][j] + mu * a.rd[i][j];      // S_ij − μ G_ij
                        k[q][p] = k[p][q];
                        coupling = Math.max(coupling, Math.abs(k[p][q]));
                    }
                }
                if (coupling > Math.abs(mu) * 0x1.0p-62 / n && coupling > noise) {
                    final double[][] v = eigenvectors(k);
                    for (int p = 0; p < size; p++) {
                        for (int q = 0; q < size; q++) {
                            w[idx[p]][idx[q]] = v[p][q];
                        }
                    }
                    rotated = true;
                }
            }
            first = end;
        }
        if (!rotated) {
            return null;
        }
        final int kw = 3;                                   // 78 bits: V's 53 bits and the exact 1s
        return x.multiply(LimbMatrix.ofDoubles(w, LimbMatrix.W * kw)).dropDigits(kw);
    }

    /** Eigenvectors (columns) of a small symmetric double matrix, scaled to unit size first. */
    private static double[][] eigenvectors(double[][] k) {
        final int n = k.length;
        double max = 0;
        for (double[] row : k) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        final double[][] scaled = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scaled[i][j] = max == 0 ? 0 : k[i][j] / max;
            }
        }
        return startingVectors(scaled, new double[n]);
    }

    /** commons-math eigenvectors (columns) sorted by ascending eigenvalue; fills {@code values}. */
    private static double[][] startingVectors(double[][] a, double[] values) {
        final int n = a.length;
        final double[][] v = new double[n][n];
        try {
            final EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(a, false));
            final double[] ev = ed.getRealEigenvalues();
            final RealMatrix vm = ed.getV();
            final Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> ev[i]));
            for (int c = 0; c < n; c++) {
                values[c] = ev[order[c]];
                for (int i = 0; i < n; i++) {
                    v[i][c] = vm.getEntry(i, order[c]);
                }
            }
        } catch (RuntimeException notConverged) {
            // The certificate does not need a good start; the identity is a valid one.
            for (int i = 0; i < n; i++) {
                v[i][i] = 1;
                values[i] = a[i][i];
            }
        }
        return v;
    }

    /**
     * The starting vectors at k digits: the doubles rounded to 26(k−1) bits, so that the lowest
     * digit is zero and the first products skip it.
     */
    private static LimbMatrix vectors(double[][] v, int k) {
        return LimbMatrix.ofDoubles(v, LimbMatrix.W * (k - 1)).withExponent(-LimbMatrix.W * k);
    }

    /** {@code num/den · 2^-sigma} to about 60 bits, without a BigInteger division. */
    private static double approximate(BigInteger num, BigInteger den, int sigma) {
        if (num.signum() == 0) {
            return 0;
        }
        final int sn = Math.max(0, num.bitLength() - 62);
        final int sd = Math.max(0, den.bitLength() - 62);
        return Math.scalb(num.shiftRight(sn).doubleValue() / den.shiftRight(sd).doubleValue(), sn - sd - sigma);
    }

    /** The exact decimal value of {@code n·2^e}. */
    static BigDecimal dyadic(BigInteger n, int e) {
        if (e >= 0) {
            return new BigDecimal(n.shiftLeft(e));
        }
        // 2^-k = 5^k / 10^k
        return new BigDecimal(n.multiply(BigInteger.valueOf(5).pow(-e)), -e);
    }
}
