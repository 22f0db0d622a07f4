package ngdref.oracle;

/**
 * The exact solution of a nonsingular rational linear system by Gaussian elimination on
 * rationals (no rounding anywhere), O(D³): the test's independent check of
 * {@link ExactSolution}.
 */
final class ExactSolve {

    private ExactSolve() {
    }

    /**
     * The exact x with {@code m·x = b}.
     *
     * @param m a square rational matrix
     * @param b a vector of its dimension
     * @return x (a new array)
     * @throws IllegalArgumentException if a dimension differs or {@code m} is singular
     */
    static Rational[] of(RationalMatrix m, Rational[] b) {
        final int n = m.dimension();
        if (b == null || b.length != n) {
            throw new IllegalArgumentException("b must have length " + n);
        }
        final Rational[][] a = new Rational[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = m.get(i, j);
            }
            a[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            while (pivot < n && a[pivot][col].signum() == 0) {
                pivot++;
            }
            if (pivot == n) {
                throw new IllegalArgumentException("the matrix is singular (column " + col + ")");
            }
            final Rational[] swap = a[pivot];
            a[pivot] = a[col];
            a[col] = swap;
            for (int i = col + 1; i < n; i++) {
                if (a[i][col].signum() != 0) {
                    final Rational f = a[i][col].divide(a[col][col]);
                    for (int j = col; j <= n; j++) {
                        a[i][j] = a[i][j].subtract(f.multiply(a[col][j]));
                    }
                }
            }
        }
        final Rational[] x = new Rational[n];
        for (int i = n - 1; i >= 0; i--) {
            Rational s = a[i][n];
            for (int j = i + 1; j < n; j++) {
                s = s.subtract(a[i][j].multiply(x[j]));
            }
            x[i] = s.divide(a[i][i]);
        }
        return x;
    }
}
