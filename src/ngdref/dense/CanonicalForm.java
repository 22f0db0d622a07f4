package ngdref.dense;

import ngdref.metric.UpdateGeometry;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.numbers.core.Sum;
import org.apache.commons.numbers.core.Norm;

/**
 * The canonical-form theorem of Section 2.1 as an operation: EVERY symmetric positive definite M
 * with Mg = y (yᵀg &gt; 0) is M = yyᵀ/(yᵀg) + Σᵢ uᵢuᵢᵀ with u₁…u_{D−1} spanning g⊥ (Eq. (6)).
 *
 * <p>Given a symmetric M with Mg = y within a relative tolerance, {@link #decompose} forms
 * M' = M − yyᵀ/(yᵀg), checks M'g = 0 (Eq. (7)) and that M' is positive definite on g⊥, and returns
 * a basis uᵢ with M' = Σ uᵢuᵢᵀ: with Q an orthonormal basis of g⊥ (from a Householder reflector of
 * g) and QᵀM'Q = VΛVᵀ, uᵢ = √λᵢ·Q vᵢ. Dense: O(D³), for small D.
 *
 * <p>Machine-checked: The theorem, for every D (Coq, {@code proofs/coq/Statements.v}): {@code canonical_form_forward} (M' PSD with kernel exactly span{g}), {@code canonical_form_factor_span} (M' = Σuᵢuᵢᵀ with D − 1 vectors spanning g⊥), {@code canonical_form_iff}.
 */
public final class CanonicalForm {

    private final double[][] mPrime;
    private final double[][] basis;
    private final double mPrimeGResidual;
    private final double reconstructionError;

    private CanonicalForm(double[][] mPrime, double[][] basis, double mPrimeGResidual,
                          double reconstructionError) {
        this.mPrime = mPrime;
        this.basis = basis;
        this.mPrimeGResidual = mPrimeGResidual;
        this.reconstructionError = reconstructionError;
    }

    /**
     * The stated accuracy of the decomposition, relative to μ = max|mᵢⱼ|: every entry of
     * Σ uᵢuᵢᵀ − M' (the returned basis and M', exactly) is at most
     * <pre>  RECONSTRUCTION_BOUND·D·μ + 3·‖M'g‖∞/‖g‖₂ + 4·D·2^-1074,</pre>
     * with ‖M'g‖∞ the exact residual of the returned M' ({@link #mPrimeGResidual()} reports it
     * rounded, and it may underflow there while ‖M'g‖∞/‖g‖₂ does not).
     * The symmetric eigen-solver is backward stable to a small multiple of D·u·‖QᵀM'Q‖ (u = 2^-53,
     * ‖QᵀM'Q‖ &le; D·μ); 2^-40 leaves a factor of about 2^13/D above that for the Householder
     * products and the square roots. Σ uᵢuᵢᵀ is M' projected on g⊥, which differs from M' by at
     * most 3‖M'ĝ‖∞ entrywise: the second term (the tolerance admits ‖M'g‖∞ &gt; 0). The absolute
     * term covers entries of M' or uᵢ that round into the subnormal range when scaled back.
     */
    public static final double RECONSTRUCTION_BOUND = 0x1.0p-40;

    /**
     * Entries of the scaled QᵀM'Q below 2^-100 (max|M| is in [1, 2) there) are set to zero before
     * the eigen-solver: that moves each eigenvalue by at most D·2^-100, far below both the
     * positive-definiteness threshold 4·D·u·‖M‖ and the stated accuracy, and keeps Commons Math's
     * QL iteration away from subnormal numbers, on which it fails to converge or returns NaN.
     */
    private static final double NEGLIGIBLE = 0x1.0p-100;

    /**
     * Decomposes a candidate metric.
     *
     * <p>Method. M, g and y are scaled by powers of two (exact) so that max|M| and max|g| lie in
     * [1, 2) and the checks, M', the Householder basis Q of g⊥ and Commons Math's symmetric
     * eigen-decomposition of QᵀM'Q all run in range; the rank-one term is formed as
     * (‖y‖/(‖g‖cos ψ))·ŷŷᵀ with cos ψ from {@link UpdateGeometry} (never a rounded yᵀg that may
     * cancel, overflow or underflow). M' and the uᵢ are then scaled back exactly. So entries from
     * 2^-1074 to 2^1023, mixed in one matrix, give results as accurate as entries near 1.
     *
     * @param m a symmetric D×D matrix (not modified)
     * @param g the update
     * @param y the negative gradient, yᵀg &gt; 0
     * @param tolerance relative tolerance in (0, 1) for symmetry (|mᵢⱼ − mⱼᵢ| &le; tol·max|m|),
     *     for Mg = y (‖Mg − y‖∞ &le; tol·‖M‖∞‖g‖∞) and for M'g = 0 (the same bound)
     * @return M', the basis uᵢ and the residuals; every entry finite; each entry of M' within
     *     2^-48·(max|M| + yᵀy/yᵀg) + 2^-1074 of (M + Mᵀ)/2 − yyᵀ/(yᵀg); the reconstruction error
     *     within the bound stated at {@link #RECONSTRUCTION_BOUND}
     * @throws IllegalArgumentException naming the fault: not square, non-finite entry, not
     *     symmetric, Mg ≠ y (with the worst component), M' not positive definite on g⊥ (with its
     *     smallest eigenvalue there), or any invalid g, y
     * @throws ArithmeticException if an entry of M' or ‖M'g‖∞ lies outside the range of double,
     *     or the eigen-solver does not converge or does not reach the stated accuracy
     */
    /*@ public behavior
      @   requires m != null && g != null && y != null && m.length == g.length;
      @   ensures \result != null && \result.basis().length == g.length - 1;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires m == null || g == null || y == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static CanonicalForm decompose(double[][] m, double[] g, double[] y, double tolerance) {
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        DenseChecks.requireTolerance(tolerance);
        final int d = g.length;
        DenseChecks.requireSquare("M", m, d);
        DenseChecks.requireSymmetric("M", m, tolerance);
        if (DenseChecks.maxAbs(m) == 0.0) {
            throw new IllegalArgumentException("M is the zero matrix; it cannot map g to y ≠ 0");
        }
        // Scaled problem: Ms = M·2^-em (em even), gs = g·2^-eg, ys = y·2^-(eg+em); Ms·gs = ys.
        final int em = Scaling.evenExponentOfMax(m);
        final int eg = Scaling.exponentOfMax(g);
        final double[][] ms = Scaling.symmetricPart(m, -em);
        final double[] gs = Scaling.scale(g, -eg);
        final double[] ys = Scaling.scale(y, -eg - em);
        final double mu = DenseChecks.maxAbs(ms);               // in [1, 2)
        final double normM = Scaling.normInf(ms);              // ‖M‖∞ = ‖M‖₁ for symmetric M
        final double normG = Scaling.maxAbs(gs);               // in [1, 2)
        // tol·‖M‖∞‖g‖∞, rounded down by more than the rounding of its three factors, so that the
        // checks below imply the documented inequalities exactly (D < 2^30).
        final double allowed = tolerance * normM * normG * (1.0 - 0x1.0p-20);
        final double[] mg = Scaling.times(ms, gs);
        int worst = 0;
        for (int i = 1; i < d; i++) {
            if (!(Math.abs(mg[i] - ys[i]) <= Math.abs(mg[worst] - ys[worst]))) {
                worst = i;
            }
        }
        if (!(Math.abs(mg[worst] - ys[worst]) <= allowed)) {
            throw new IllegalArgumentException("M does not map g to y: (Mg)[" + worst + "] = "
                    + Scaling.describe(mg[worst], eg + em) + " but y[" + worst + "] = " + y[worst]
                    + " (tolerance " + tolerance + "·‖M‖∞‖g‖∞ = "
                    + Scaling.describe(allowed, eg + em) + ")");
        }
        // yyᵀ/(yᵀg) = c·ŷŷᵀ with c = ‖y‖/(‖g‖cos ψ); in the scaled problem c is scaled by 2^-em.
        final int ey = Scaling.exponentOfMax(y);
        final double[] yHat = Scaling.scale(y, -ey);
        final double normY = Norm.EUCLIDEAN.of(yHat);
        for (int i = 0; i < d; i++) {
            yHat[i] /= normY;
        }
        // c = σ·2^-em, σ = yᵀy/yᵀg = cMantissa·2^ec from the geometry's extended value (formed as
        // ‖y'‖/(‖g'‖cos ψ) it overflowed when cos ψ < 2^-1020, and the refusal printed "Infinity·2^k",
        // found by LibraryFuzzProperties).
        final int[] sigmaExponent = new int[1];
        final double cMantissa = geo.sigmaMantissa(sigmaExponent);
        final int ec = sigmaExponent[0];
        final double c = Math.scalb(cMantissa, ec - em);
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("yᵀy/yᵀg = " + Scaling.describe(cMantissa, ec) + " exceeds"
                    + " max|M| = " + Scaling.describe(mu, em) + " by more than the range of double;"
                    + " for an SPD M with Mg = y it is at most λ_max(M), so M' = M − yyᵀ/(yᵀg) is"
                    + " not positive semidefinite");
        }
        // M' = M − yyᵀ/(yᵀg), symmetric by construction.
        final double[][] mp = new double[d][d];
        for (int i = 0; i < d; i++) {
            final double cy = c * yHat[i];
            for (int j = i; j < d; j++) {
                final double v = Math.fma(-cy, yHat[j], ms[i][j]);
                mp[i][j] = v;
                mp[j][i] = v;
            }
        }
        // ‖M'g‖∞, each component as one accurate sum (it enters the stated bound)
        double residual = 0.0;
        for (int i = 0; i < d; i++) {
            residual = Math.max(residual, Math.abs(Sum.ofProducts(mp[i], gs).getAsDouble()));
        }
        if (!(residual <= allowed)) {
            throw new IllegalArgumentException("M' = M − yyᵀ/(yᵀg) does not annihilate g (Eq. 7):"
                    + " ‖M'g‖∞ = " + Scaling.describe(residual, eg + em) + " > "
                    + Scaling.describe(allowed, eg + em));
        }
        final RealMatrix q = OrthogonalComplement.of(gs);              // D × (D−1)
        final RealMatrix mpm = new Array2DRowRealMatrix(mp, false);
        final RealMatrix b = q.transpose().multiply(mpm).multiply(q);  // (D−1) × (D−1)
        final RealMatrix bs = Scaling.flushBelow(symmetrize(b), NEGLIGIBLE);
        final EigenDecomposition eig = Scaling.commonsMath(
                "the symmetric eigen-decomposition of QᵀM'Q (M' restricted to g⊥)",
                () -> new EigenDecomposition(bs));
        final double[] lambda = eig.getRealEigenvalues();
        double lambdaMin = Double.POSITIVE_INFINITY;
        double lambdaMax = 0.0;
        for (double l : lambda) {
            lambdaMin = Math.min(lambdaMin, l);
            lambdaMax = Math.max(lambdaMax, Math.abs(l));
        }
        // The eigenvalues of the symmetric QᵀM'Q are accurate to about D·u·‖M'‖: require more.
        if (!(lambdaMin > 4 * d * Math.ulp(1.0) * Math.max(lambdaMax, normM))) {
            throw new IllegalArgumentException("M' = M − yyᵀ/(yᵀg) is not positive definite on g⊥:"
                    + " its smallest eigenvalue there is " + Scaling.describe(lambdaMin, em)
                    + " (not above the eigen-solver's accuracy 4·D·u·‖M‖ = "
                    + Scaling.describe(4 * d * Math.ulp(1.0) * Math.max(lambdaMax, normM), em)
                    + "), so M is not SPD, Mg = y fails, or M is too ill-conditioned to decompose"
                    + " in double");
        }
        final RealMatrix qv = q.multiply(eig.getV());
        final double[][] us = new double[d - 1][d];
        for (int k = 0; k < d - 1; k++) {
            final double root = Math.sqrt(lambda[k]);
            for (int i = 0; i < d; i++) {
                us[k][i] = root * qv.getEntry(i, k);
            }
        }
        // A posteriori error of the scaled decomposition, each entry as one accurate sum.
        final double[] left = new double[d];
        final double[] right = new double[d];
        double err = 0.0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d - 1; k++) {
                    left[k] = us[k][i];
                    right[k] = us[k][j];
                }
                left[d - 1] = mp[i][j];
                right[d - 1] = -1.0;
                err = Math.max(err, Math.abs(Sum.ofProducts(left, right).getAsDouble()));
            }
        }
        // The stated bound, in scaled units, with 2^-20 of it kept for the rounding of this check
        // and of the scaling back (which moves entries by at most 2^-1075 each).
        final double bound = RECONSTRUCTION_BOUND * d * mu + 3.0 * residual / Norm.EUCLIDEAN.of(gs);
        if (!(err <= bound * (1.0 - 0x1.0p-20))) {
            throw new ArithmeticException("the eigen-decomposition of M' on g⊥ did not reach the"
                    + " stated accuracy: max|Σ uᵢuᵢᵀ − M'| = " + Scaling.describe(err, em) + " > "
                    + "2^-40·D·max|M| + 3‖M'g‖∞/‖g‖₂ = " + Scaling.describe(bound, em));
        }
        final double[][] mPrime = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                mPrime[i][j] = Math.scalb(mp[i][j], em);
                if (!Double.isFinite(mPrime[i][j])) {
                    throw new ArithmeticException("M'[" + i + "][" + j + "] = (M − yyᵀ/(yᵀg))[" + i
                            + "][" + j + "] = " + Scaling.describe(mp[i][j], em)
                            + " overflows the range of double");
                }
            }
        }
        final double[][] u = new double[d - 1][];
        for (int k = 0; k < d - 1; k++) {
            u[k] = Scaling.scale(us[k], em / 2);
        }
        final double residualOut = Math.scalb(residual, eg + em);
        if (!Double.isFinite(residualOut)) {
            throw new ArithmeticException("‖M'g‖∞ = " + Scaling.describe(residual, eg + em)
                    + " overflows the range of double");
        }
        return new CanonicalForm(mPrime, u, residualOut, Math.scalb(err, em));
    }

    private static RealMatrix symmetrize(RealMatrix b) {
        return b.add(b.transpose()).scalarMultiply(0.5);
    }

    /**
     * M' = M − yyᵀ/(yᵀg).
     *
     * @return a new D×D array
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public double[][] mPrime() {
        return DenseChecks.copy(mPrime);
    }

    /**
     * The vectors u₁…u_{D−1} (rows) with M' = Σ uᵢuᵢᵀ; they span g⊥.
     *
     * @return a new (D−1)×D array
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public double[][] basis() {
        return DenseChecks.copy(basis);
    }

    /**
     * ‖M'g‖∞, ideally 0 (Eq. (7)).
     *
     * @return the residual
     */
    /*@ public normal_behavior
      @   ensures \result >= 0.0;
      @   assignable \nothing;
      @*/
    public double mPrimeGResidual() {
        return mPrimeGResidual;
    }

    /**
     * max |(Σ uᵢuᵢᵀ − M')ᵢⱼ|.
     *
     * @return the reconstruction error
     */
    /*@ public normal_behavior
      @   ensures \result >= 0.0;
      @   assignable \nothing;
      @*/
    public double reconstructionError() {
        return reconstructionError;
    }
}
