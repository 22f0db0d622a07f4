package ngdref.dense;

import ngdref.metric.Inputs;
import ngdref.metric.OneParameterMetric;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Dense views of the metrics as Commons Math {@link RealMatrix} (O(D²) memory, small D), and the
 * natural-gradient check g = −M⁻¹∇L (Eq. (4)) for an arbitrary dense metric.
 */
public final class DenseMetrics {

    private DenseMetrics() {
    }

    /**
     * The metric as a Commons Math matrix.
     *
     * @param metric a one-parameter metric
     * @return a new D×D RealMatrix, exactly symmetric
     * @throws IllegalArgumentException if metric is null
     */
    /*@ public normal_behavior
      @   requires metric != null;
      @   ensures \result != null;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires metric == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static RealMatrix toRealMatrix(OneParameterMetric metric) {
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        return new Array2DRowRealMatrix(metric.toArray(), false);
    }

    /**
     * Whether g is the natural gradient step for the metric M: M symmetric positive definite and
     * g = −M⁻¹∇L, checked as ‖g + M⁻¹∇L‖∞ &le; tol·‖g‖∞ with a Cholesky solve.
     *
     * <p>The test is invariant under M → 2^a·M, g → 2^b·g, ∇L → 2^(a+b)·∇L; it is run on the inputs
     * scaled by such powers of two (exact) so that max|M| and max|g| lie in [1, 2), whatever the
     * magnitudes of the entries. M counts as positive definite when every Cholesky pivot exceeds
     * the relative tolerance times its diagonal entry and 10^-10·max|M|.
     *
     * @param m a D×D matrix
     * @param g the update
     * @param gradient ∇L
     * @param tolerance relative tolerance in (0, 1)
     * @return true if M is SPD and g = −M⁻¹∇L within the tolerance; false if it is SPD but the
     *     relation fails
     * @throws IllegalArgumentException naming the fault for malformed input, a non-symmetric M,
     *     or an M that is not positive definite
     */
    /*@ public behavior
      @   requires m != null && g != null && gradient != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires m == null || g == null || gradient == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static boolean isNaturalGradient(double[][] m, double[] g, double[] gradient,
                                            double tolerance) {
        Inputs.requireVector("g", g);
        Inputs.requireEntries("gradient", gradient);
        Inputs.requireSameLength("g", g, "gradient", gradient);
        DenseChecks.requireTolerance(tolerance);
        DenseChecks.requireSquare("M", m, g.length);
        DenseChecks.requireSymmetric("M", m, tolerance);
        if (DenseChecks.maxAbs(m) == 0.0) {
            throw new IllegalArgumentException("M is the zero matrix, not positive definite");
        }
        final int em = Scaling.evenExponentOfMax(m);
        final int eg = Scaling.exponentOfMax(g);
        final double[][] ms = Scaling.symmetricPart(m, -em);
        final double[] gs = Scaling.scale(g, -eg);
        final CholeskyDecomposition chol;
        try {
            // only a non-positive pivot refuses (the default 1e-10 refused valid metrics with κ
            // beyond about 10^10, as in SymmetricPositiveDefinite.solve)
            chol = new CholeskyDecomposition(new Array2DRowRealMatrix(ms, false), tolerance, 0.0);
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalArgumentException("M is not positive definite (Cholesky failed: "
                    + e.getMessage() + ", on M scaled by 2^" + -em + ")", e);
        }
        // ∇L·2^-(em+eg): an entry that overflows makes M⁻¹∇L exceed the range of g by far.
        final double[] grad = Scaling.scale(gradient, -em - eg);
        for (double v : grad) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        final double[] step = Scaling.commonsMath("the Cholesky solve M⁻¹∇L",
                () -> chol.getSolver().solve(new ArrayRealVector(grad, false)).toArray());
        double res = 0.0;
        for (int i = 0; i < g.length; i++) {
            res = Math.max(res, Math.abs(gs[i] + step[i]));
        }
        if (Double.isNaN(res)) {
            throw new ArithmeticException("the Cholesky solve M⁻¹∇L produced NaN");
        }
        return res <= tolerance * Scaling.maxAbs(gs);
    }
}
