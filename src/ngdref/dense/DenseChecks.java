package ngdref.dense;

import ngdref.metric.Inputs;

/**
 * Validation of dense matrices: square D×D, finite entries, symmetric within a tolerance.
 * Messages name the argument, the entry and the fault.
 */
final class DenseChecks {

    private DenseChecks() {
    }

    /** Square d×d with finite entries. */
    static void requireSquare(String name, double[][] m, int d) {
        if (m == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (m.length != d) {
            throw new IllegalArgumentException(name + " has " + m.length + " rows; expected " + d);
        }
        for (int i = 0; i < d; i++) {
            if (m[i] == null) {
                throw new IllegalArgumentException(name + "[" + i + "] (row " + i + ") is null");
            }
            if (m[i].length != d) {
                throw new IllegalArgumentException(name + " row " + i + " has " + m[i].length
                        + " columns; expected " + d + " (the matrix must be square)");
            }
            Inputs.requireEntries(name + "[" + i + "]", m[i]);
        }
    }

    /** Symmetric: |mᵢⱼ − mⱼᵢ| &le; tol·max|m|. */
    static void requireSymmetric(String name, double[][] m, double tol) {
        final double scale = maxAbs(m);
        for (int i = 0; i < m.length; i++) {
            for (int j = i + 1; j < m.length; j++) {
                if (Math.abs(m[i][j] - m[j][i]) > tol * scale) {
                    throw new IllegalArgumentException(name + " is not symmetric: " + name + "[" + i
                            + "][" + j + "] = " + m[i][j] + " but " + name + "[" + j + "][" + i + "] = "
                            + m[j][i] + " (tolerance " + tol + "·max|entry| = " + tol * scale + ")");
                }
            }
        }
    }

    static double maxAbs(double[][] m) {
        double max = 0.0;
        for (double[] row : m) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /** Tolerances are finite and in (0, 1). */
    static void requireTolerance(double tol) {
        Inputs.requirePositive("tolerance", tol);
        if (!(tol < 1.0)) {
            throw new IllegalArgumentException("tolerance = " + tol + "; it must be < 1 (a relative tolerance)");
        }
    }

    static double[][] copy(double[][] m) {
        final double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** A vector argument of a D-dimensional metric: finite entries, length D (IAE naming it). */
    static void requireVector(String name, double[] v, int d) {
        Inputs.requireEntries(name, v);
        if (v.length != d) {
            throw new IllegalArgumentException(name + " has length " + v.length + " but the metric has dimension " + d);
        }
    }
}
