package ngdref.dense;

import ngdref.metric.UpdateGeometry;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The canonical-form theorem of Section 2.1 as an operation: EVERY symmetric positive definite M
 * with Mg = y (yᵀg &gt; 0) is M = yyᵀ/(yᵀg) + Σᵢ uᵢuᵢᵀ with u₁…u_{D−1} spanning g⊥ (Eq. (6)).
 *
 * <p>Given a symmetric M with Mg = y within a relative tolerance, {@link #decompose} forms
 * M' = M − yyᵀ/(yᵀg), checks M'g = 0 (Eq. (7)) and that M' is positive definite on g⊥, and returns
 * a basis uᵢ with M' = Σ uᵢuᵢᵀ: with Q an orthonormal basis of g⊥ (from a Householder reflector of
 * g) and QᵀM'Q = VΛVᵀ, uᵢ = √λᵢ·Q vᵢ. Dense: O(D³), for small D.
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
     * Decomposes a candidate metric.
     *
     * @param m a symmetric D×D matrix (not modified)
     * @param g the update
     * @param y the negative gradient, yᵀg &gt; 0
     * @param tolerance relative tolerance in (0, 1) for symmetry (|mᵢⱼ − mⱼᵢ| &le; tol·max|m|),
     *     for Mg = y (‖Mg − y‖∞ &le; tol·‖M‖∞‖g‖∞) and for M'g = 0 (the same bound)
     * @return M', the basis uᵢ and the residuals
     * @throws IllegalArgumentException naming the fault: not square, non-finite entry, not
     *     symmetric, Mg ≠ y (with the worst component), M' not positive definite on g⊥ (with its
     *     smallest eigenvalue there), or any invalid g, y
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
        final RealMatrix mm = new Array2DRowRealMatrix(m, true);
        final double normM = mm.getNorm();   // max column sum = ‖M‖₁ = ‖M‖∞ for symmetric M
        final double normG = maxAbs(g);
        final double[] mg = mm.operate(g);
        int worst = 0;
        for (int i = 1; i < d; i++) {
            if (Math.abs(mg[i] - y[i]) > Math.abs(mg[worst] - y[worst])) {
                worst = i;
            }
        }
        if (Math.abs(mg[worst] - y[worst]) > tolerance * normM * normG) {
            throw new IllegalArgumentException("M does not map g to y: (Mg)[" + worst + "] = "
                    + mg[worst] + " but y[" + worst + "] = " + y[worst] + " (tolerance "
                    + tolerance + "·‖M‖∞‖g‖∞ = " + tolerance * normM * normG + ")");
        }
        // M' = M − yyᵀ/(yᵀg), symmetric by construction.
        final double ygInv = 1.0 / geo.yDotG();
        final double[][] mp = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                final double v = 0.5 * (m[i][j] + m[j][i]) - y[i] * (y[j] * ygInv);
                mp[i][j] = v;
                mp[j][i] = v;
            }
        }
        final RealMatrix mpm = new Array2DRowRealMatrix(mp, false);
        final double[] mpg = mpm.operate(g);
        final double residual = maxAbs(mpg);
        if (residual > tolerance * normM * normG) {
            throw new IllegalArgumentException("M' = M − yyᵀ/(yᵀg) does not annihilate g (Eq. 7):"
                    + " ‖M'g‖∞ = " + residual + " > " + tolerance * normM * normG);
        }
        final RealMatrix q = OrthogonalComplement.of(g);                // D × (D−1)
        final RealMatrix b = q.transpose().multiply(mpm).multiply(q);  // (D−1) × (D−1)
        final EigenDecomposition eig = new EigenDecomposition(symmetrize(b));
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
                    + " its smallest eigenvalue there is " + lambdaMin
                    + ", so M is not SPD (or Mg = y fails)");
        }
        final RealMatrix v = eig.getV();
        final RealMatrix qv = q.multiply(v);
        final double[][] u = new double[d - 1][d];
        for (int k = 0; k < d - 1; k++) {
            final double root = Math.sqrt(lambda[k]);
            for (int i = 0; i < d; i++) {
                u[k][i] = root * qv.getEntry(i, k);
            }
        }
        double err = 0.0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0.0;
                for (int k = 0; k < d - 1; k++) {
                    s += u[k][i] * u[k][j];
                }
                err = Math.max(err, Math.abs(s - mp[i][j]));
            }
        }
        return new CanonicalForm(mp, u, residual, err);
    }

    private static RealMatrix symmetrize(RealMatrix b) {
        return b.add(b.transpose()).scalarMultiply(0.5);
    }

    private static double maxAbs(double[] v) {
        double max = 0.0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
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
