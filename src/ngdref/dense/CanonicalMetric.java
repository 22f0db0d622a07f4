package ngdref.dense;

import ngdref.metric.Inputs;
import ngdref.metric.UpdateGeometry;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The canonical metric, Eq. (6): M = yyᵀ/(yᵀg) + Σᵢ uᵢuᵢᵀ with u₁…u_{D−1} spanning g⊥.
 * Then Mg = y and M is SPD. Built either from the basis uᵢ or from any M' that is symmetric,
 * annihilates g and is positive definite on g⊥ (M = yyᵀ/(yᵀg) + M'). Dense, for small D.
 */
public final class CanonicalMetric {

    private final double[][] m;

    private CanonicalMetric(double[][] m) {
        this.m = m;
    }

    /**
     * M = yyᵀ/(yᵀg) + Σ uᵢuᵢᵀ from D−1 vectors uᵢ (rows of {@code u}).
     *
     * @param g the update
     * @param y the negative gradient, yᵀg &gt; 0
     * @param u D−1 rows of length D, each orthogonal to g (|uᵢᵀg| &le; tol·‖uᵢ‖‖g‖) and together
     *     linearly independent (smallest singular value &gt; tol·largest)
     * @param tolerance relative tolerance in (0, 1)
     * @return the metric
     * @throws IllegalArgumentException naming the fault: wrong count or length, non-finite entry,
     *     uᵢ not orthogonal to g, the uᵢ not spanning g⊥, or invalid g, y
     */
    /*@ public behavior
      @   requires g != null && y != null && u != null && u.length == g.length - 1;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires g == null || y == null || u == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static CanonicalMetric fromBasis(double[] g, double[] y, double[][] u, double tolerance) {
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        DenseChecks.requireTolerance(tolerance);
        final int d = g.length;
        if (u == null) {
            throw new IllegalArgumentException("u must not be null");
        }
        if (u.length != d - 1) {
            throw new IllegalArgumentException("u has " + u.length + " vectors; the canonical form"
                    + " needs D − 1 = " + (d - 1) + " vectors spanning g⊥");
        }
        final double normG = Math.sqrt(geo.gDotG());
        for (int k = 0; k < d - 1; k++) {
            Inputs.requireEntries("u[" + k + "]", u[k]);
            Inputs.requireSameLength("g", g, "u[" + k + "]", u[k]);
            double dot = 0.0;
            double nu = 0.0;
            for (int i = 0; i < d; i++) {
                dot += u[k][i] * g[i];
                nu += u[k][i] * u[k][i];
            }
            if (Math.abs(dot) > tolerance * Math.sqrt(nu) * normG) {
                throw new IllegalArgumentException("u[" + k + "] is not orthogonal to g: u[" + k
                        + "]ᵀg = " + dot + " (tolerance " + tolerance + "·‖u‖‖g‖)");
            }
        }
        final SingularValueDecomposition svd = new SingularValueDecomposition(
                new Array2DRowRealMatrix(u, true));
        final double[] sv = svd.getSingularValues();
        if (!(sv[sv.length - 1] > tolerance * sv[0])) {
            throw new IllegalArgumentException("the vectors u do not span g⊥: their smallest singular"
                    + " value is " + sv[sv.length - 1] + " (largest " + sv[0] + ")");
        }
        final double[][] mp = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double s = 0.0;
                for (int k = 0; k < d - 1; k++) {
                    s += u[k][i] * u[k][j];
                }
                mp[i][j] = s;
                mp[j][i] = s;
            }
        }
        return new CanonicalMetric(plusRankOne(mp, y, geo.yDotG()));
    }

    /**
     * M = yyᵀ/(yᵀg) + M' for a symmetric M' with M'g = 0 that is positive definite on g⊥.
     *
     * @param g the update
     * @param y the negative gradient, yᵀg &gt; 0
     * @param mPrime symmetric D×D, ‖M'g‖∞ &le; tol·‖M'‖∞‖g‖∞, positive definite on g⊥
     * @param tolerance relative tolerance in (0, 1)
     * @return the metric
     * @throws IllegalArgumentException naming the fault
     */
    /*@ public behavior
      @   requires g != null && y != null && mPrime != null && mPrime.length == g.length;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires g == null || y == null || mPrime == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static CanonicalMetric fromComplement(double[] g, double[] y, double[][] mPrime,
                                                 double tolerance) {
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        DenseChecks.requireTolerance(tolerance);
        final int d = g.length;
        DenseChecks.requireSquare("mPrime", mPrime, d);
        DenseChecks.requireSymmetric("mPrime", mPrime, tolerance);
        final RealMatrix mp = new Array2DRowRealMatrix(mPrime, true);
        final double[] mpg = mp.operate(g);
        double res = 0.0;
        double normG = 0.0;
        for (int i = 0; i < d; i++) {
            res = Math.max(res, Math.abs(mpg[i]));
            normG = Math.max(normG, Math.abs(g[i]));
        }
        if (res > tolerance * mp.getNorm() * normG) {
            throw new IllegalArgumentException("mPrime does not annihilate g: ‖M'g‖∞ = " + res
                    + " > " + tolerance * mp.getNorm() * normG);
        }
        final RealMatrix q = OrthogonalComplement.of(g);
        final RealMatrix b = q.transpose().multiply(mp).multiply(q);
        final double[] lambda = new EigenDecomposition(b.add(b.transpose()).scalarMultiply(0.5))
                .getRealEigenvalues();
        double min = Double.POSITIVE_INFINITY;
        double max = 0.0;
        for (double l : lambda) {
            min = Math.min(min, l);
            max = Math.max(max, Math.abs(l));
        }
        if (!(min > 4 * d * Math.ulp(1.0) * max)) {
            throw new IllegalArgumentException("mPrime is not positive definite on g⊥: its smallest"
                    + " eigenvalue there is " + min);
        }
        final double[][] sym = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                sym[i][j] = 0.5 * (mPrime[i][j] + mPrime[j][i]);
                sym[j][i] = sym[i][j];
            }
        }
        return new CanonicalMetric(plusRankOne(sym, y, geo.yDotG()));
    }

    private static double[][] plusRankOne(double[][] mp, double[] y, double yg) {
        final int d = y.length;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                final double v = mp[i][j] + y[i] * (y[j] / yg);
                mp[i][j] = v;
                mp[j][i] = v;
            }
        }
        return mp;
    }

    /**
     * M as a new array, exactly symmetric.
     *
     * @return D×D
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public double[][] toArray() {
        return DenseChecks.copy(m);
    }

    /**
     * M as a Commons Math matrix (a copy).
     *
     * @return D×D
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public RealMatrix toRealMatrix() {
        return new Array2DRowRealMatrix(m, true);
    }

    /**
     * Mx.
     *
     * @param x of dimension D
     * @return a new vector
     * @throws IllegalArgumentException if x is invalid
     */
    /*@ public behavior
      @   requires x != null;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    public double[] apply(double[] x) {
        Inputs.requireEntries("x", x);
        if (x.length != m.length) {
            throw new IllegalArgumentException("x has length " + x.length + " but the metric has dimension " + m.length);
        }
        return new Array2DRowRealMatrix(m, false).operate(x);
    }

    /**
     * The dimension D.
     *
     * @return D
     */
    /*@ public normal_behavior
      @   ensures \result >= 2;
      @   assignable \nothing;
      @*/
    public int dimension() {
        return m.length;
    }
}
