package ngdref.discrete;

import ngdref.metric.Inputs;

/** Small vector helpers and the shared checks of the discrete-time classes. */
final class Vectors {

    private Vectors() {
    }

    /** Checks loss, x and xNext for a discrete gradient. */
    static void requireStep(Loss loss, double[] x, double[] xNext) {
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        Inputs.requireEntries("x", x);
        Inputs.requireEntries("xNext", xNext);
        Inputs.requireSameLength("x", x, "xNext", xNext);
    }

    /** Checks that a user-supplied gradient (or other vector) has the right length and finite entries. */
    static double[] requireResult(String what, double[] v, int d) {
        Inputs.requireEntries(what, v);
        if (v.length != d) {
            throw new IllegalArgumentException(what + " has length " + v.length + "; expected " + d);
        }
        return v;
    }

    static double requireFiniteValue(String what, double v) {
        if (!Inputs.isFinite(v)) {
            throw new IllegalArgumentException(what + " is " + Inputs.describe(v) + "; it must be finite");
        }
        return v;
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s = Math.fma(a[i], b[i], s);
        }
        return s;
    }

    static double[] difference(double[] a, double[] b) {
        final double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** x + s·p. */
    static double[] along(double[] x, double s, double[] p) {
        final double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = Math.fma(s, p[i], x[i]);
        }
        return v;
    }

    static double[] negate(double[] v) {
        final double[] n = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            n[i] = -v[i];
        }
        return n;
    }

    static double[] times(double[][] m, double[] v) {
        final double[] r = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            r[i] = dot(m[i], v);
        }
        return r;
    }
}
