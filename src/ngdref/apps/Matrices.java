package ngdref.apps;

/**
 * Small dense matrix and vector helpers for the applications (row-major double[][]): products,
 * norms, copies and validation. Nothing here is a formula of the paper.
 */
final class Matrices {

    private Matrices() {
    }

    /** Validates a square matrix with finite entries and returns n. */
    static int requireSquare(String name, double[][] m) {
        if (m == null || m.length == 0) {
            throw new IllegalArgumentException(name + " must be a non-empty square matrix");
        }
        final int n = m.length;
        for (int i = 0; i < n; i++) {
            if (m[i] == null || m[i].length != n) {
                throw new IllegalArgumentException(name + " row " + i + " does not have " + n + " entries");
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] = " + m[i][j]
                            + "; entries must be finite");
                }
            }
        }
        return n;
    }

    static double[][] identity(int n) {
        final double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1.0;
        }
        return id;
    }

    static double[][] copy(double[][] m) {
        final double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    static double[][] symmetrize(double[][] m) {
        final int n = m.length;
        final double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = 0.5 * (m[i][j] + m[j][i]);
            }
        }
        return s;
    }

    static double[][] transpose(double[][] m) {
        final double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        final int n = a.length;
        final int k = b.length;
        final int m = b[0].length;
        final double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                final double ail = a[i][l];
                if (ail == 0.0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    c[i][j] += ail * b[l][j];
                }
            }
        }
        return c;
    }

    static double[] multiply(double[][] a, double[] x) {
        final double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0.0;
            for (int j = 0; j < x.length; j++) {
                s += a[i][j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    static double[][] scale(double[][] a, double s) {
        final double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = s * a[i][j];
            }
        }
        return c;
    }

    static double[][] add(double[][] a, double[][] b) {
        final double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = a[i][j] + b[i][j];
            }
        }
        return c;
    }

    static double frobenius(double[][] a) {
        double s = 0.0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** The 1-norm, max column sum. */
    static double norm1(double[][] a) {
        double max = 0.0;
        for (int j = 0; j < a[0].length; j++) {
            double s = 0.0;
            for (double[] row : a) {
                s += Math.abs(row[j]);
            }
            max = Math.max(max, s);
        }
        return max;
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double[] negate(double[] a) {
        final double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = -a[i];
        }
        return r;
    }

    static double[] scale(double[] a, double s) {
        final double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = s * a[i];
        }
        return r;
    }

    /** x + s·p. */
    static double[] along(double[] x, double s, double[] p) {
        final double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i] + s * p[i];
        }
        return r;
    }

    static double[] subtract(double[] a, double[] b) {
        final double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }

    static double maxAbs(double[] a) {
        double m = 0.0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
