package ngdref.apps;

/**
 * Cholesky factorisation A = LLᵀ of a symmetric banded matrix with half-bandwidth w (Aᵢⱼ = 0 for
 * |i − j| &gt; w), in O(n·w²) time and O(n·w) memory: the linear algebra of Newton's method on a
 * discretised action, whose Hessian is block tridiagonal. The band is stored by rows,
 * {@code band[i][k]} = A_{i, i−k}, k = 0 … w (entries with i − k &lt; 0 ignored).
 */
final class BandedCholesky {

    private final double[][] lower;
    private final int width;
    private final boolean positiveDefinite;

    private BandedCholesky(double[][] lower, int width, boolean positiveDefinite) {
        this.lower = lower;
        this.width = width;
        this.positiveDefinite = positiveDefinite;
    }

    /**
     * Factors A; when a pivot is not positive (A not numerically positive definite) the result
     * reports it and cannot solve.
     *
     * @param band A's lower band, n rows of w + 1 entries (not modified)
     * @return the factor
     */
    static BandedCholesky factor(double[][] band) {
        final int n = band.length;
        final int w = band[0].length - 1;
        final double[][] l = new double[n][w + 1];
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - w); j <= i; j++) {
                double s = band[i][i - j];
                for (int k = Math.max(0, i - w); k < j; k++) {
                    s -= l[i][i - k] * l[j][j - k];
                }
                if (i == j) {
                    if (!(s > 0.0)) {
                        return new BandedCholesky(l, w, false);
                    }
                    l[i][0] = Math.sqrt(s);
                } else {
                    l[i][i - j] = s / l[j][0];
                }
            }
        }
        return new BandedCholesky(l, w, true);
    }

    /** @return whether every pivot was positive */
    boolean positiveDefinite() {
        return positiveDefinite;
    }

    /**
     * x = A⁻¹b by forward and back substitution.
     *
     * @param b right-hand side, n entries
     * @return x
     * @throws ArithmeticException if A was not positive definite
     */
    double[] solve(double[] b) {
        if (!positiveDefinite) {
            throw new ArithmeticException("the banded matrix is not numerically positive definite");
        }
        final int n = lower.length;
        final double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            double s = x[i];
            for (int k = Math.max(0, i - width); k < i; k++) {
                s -= lower[i][i - k] * x[k];
            }
            x[i] = s / lower[i][0];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k <= Math.min(n - 1, i + width); k++) {
                s -= lower[k][k - i] * x[k];
            }
            x[i] = s / lower[i][0];
        }
        return x;
    }
}
