package ngdref.dense;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.numbers.core.Norm;

/**
 * An orthonormal basis of g⊥ from the Householder reflector H = I − 2vvᵀ/vᵀv that maps g to
 * −sign(g₁)‖g‖e₁ (v = g + sign(g₁)‖g‖e₁, no cancellation): H is orthogonal and symmetric, and its
 * columns 2…D span g⊥.
 */
final class OrthogonalComplement {

    private OrthogonalComplement() {
    }

    /** The D×(D−1) matrix whose columns are an orthonormal basis of g⊥ (g nonzero). */
    static RealMatrix of(double[] g) {
        final int d = g.length;
        final double norm = Norm.EUCLIDEAN.of(g);
        final double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = g[i] / norm;
        }
        v[0] += v[0] >= 0 ? 1.0 : -1.0;
        final double vv = 2.0 * Math.abs(v[0]);    // vᵀv = 2(1 + |ĝ₁|) = 2|v₁|
        final double[][] q = new double[d][d - 1];
        for (int i = 0; i < d; i++) {
            for (int j = 1; j < d; j++) {
                q[i][j - 1] = (i == j ? 1.0 : 0.0) - 2.0 * v[i] * v[j] / vv;
            }
        }
        return new Array2DRowRealMatrix(q, false);
    }
}
