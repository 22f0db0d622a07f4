package ngdref.discrete;

import ngdref.metric.Inputs;

/** Small vector helpers and the shared checks of the discrete-time classes. */
final class Vectors {

    /** What {@link #maxExponent} answers for the zero vector (below every double's exponent). */
    static final int ZERO_VECTOR = -100000;
    /** Double.MIN_EXPONENT (KeY's JDK model lacks the constant): 2^-1022 is the least normal. */
    private static final int MIN_NORMAL_EXPONENT = -1022;

    private Vectors() {
    }

    /** Checks loss, x and xNext for a discrete gradient. */
    /*@ normal_behavior
      @   requires loss != null && x != null && xNext != null && x.length == xNext.length;
      @   requires (\forall int i; 0 <= i && i < x.length; x[i] - x[i] == 0.0 && xNext[i] - xNext[i] == 0.0);
      @   assignable \nothing;
      @ also exceptional_behavior
      @   requires loss == null || x == null || xNext == null || x.length != xNext.length
      @         || (\exists int i; 0 <= i && i < x.length; !(x[i] - x[i] == 0.0))
      @         || (\exists int i; 0 <= i && i < xNext.length; !(xNext[i] - xNext[i] == 0.0));
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    static void requireStep(/*@ nullable @*/ Loss loss, /*@ nullable @*/ double[] x, /*@ nullable @*/ double[] xNext) {
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        Inputs.requireEntries("x", x);
        Inputs.requireEntries("xNext", xNext);
        Inputs.requireSameLength("x", x, "xNext", xNext);
    }

    /**
     * Checks a vector returned by the user's code (what names the call, e.g. "loss.gradient(x)"):
     * not null, of length d, finite entries; otherwise an IllegalArgumentException naming the call.
     */
    /*@ normal_behavior
      @   requires v != null && v.length == d;
      @   requires (\forall int i; 0 <= i && i < v.length; v[i] - v[i] == 0.0);
      @   ensures \result == v;
      @   assignable \nothing;
      @ also exceptional_behavior
      @   requires v == null || v.length != d
      @         || (\exists int i; 0 <= i && i < v.length; !(v[i] - v[i] == 0.0));
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    static double[] requireResult(String what, /*@ nullable @*/ double[] v, int d) {
        if (v == null) {
            throw new IllegalArgumentException(what + " returned null");
        }
        Inputs.requireEntries(what, v);
        if (v.length != d) {
            throw new IllegalArgumentException(what + " has length " + v.length + "; expected " + d);
        }
        return v;
    }

    /*@ normal_behavior
      @   requires v - v == 0.0;
      @   ensures \result == v;
      @   assignable \nothing;
      @ also exceptional_behavior
      @   requires !(v - v == 0.0);
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    static double requireFiniteValue(String what, double v) {
        if (!Inputs.isFinite(v)) {
            throw new IllegalArgumentException(what + " is " + Inputs.describe(v) + "; it must be finite");
        }
        return v;
    }

    /**
     * A computed value that must lie in the range of double: otherwise an ArithmeticException
     * naming the quantity in the paper's terms (what, e.g. "L(θ_{t+1})").
     */
    /*@ normal_behavior
      @   requires v - v == 0.0;
      @   ensures \result == v;
      @   assignable \nothing;
      @ also exceptional_behavior
      @   requires !(v - v == 0.0);
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    static double requireInRange(String what, double v) {
        if (!(v - v == 0.0)) {
            throw new ArithmeticException(what + " is " + Inputs.describe(v)
                    + ": not finite (outside the range of double)");
        }
        return v;
    }

    /**
     * A computed vector whose entries must lie in the range of double: otherwise an
     * ArithmeticException naming the quantity (what, e.g. "θ_{t+1} = θ_t + ηg") and the entry.
     */
    /*@ normal_behavior
      @   requires v != null && (\forall int i; 0 <= i && i < v.length; v[i] - v[i] == 0.0);
      @   ensures \result == v;
      @   assignable \nothing;
      @ also exceptional_behavior
      @   requires v != null && (\exists int i; 0 <= i && i < v.length; !(v[i] - v[i] == 0.0));
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    static double[] requireInRange(String what, double[] v) {
        // Its own loop rather than a translation of Inputs.requireEntries' exception: KeY cannot
        // call getMessage() on a caught exception (it does not know the exception's invariant).
        /*@ loop_invariant 0 <= i && i <= v.length
          @   && (\forall int j; 0 <= j && j < i; v[j] - v[j] == 0.0);
          @ decreasing v.length - i;
          @ assignable \strictly_nothing;
          @*/
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] - v[i] == 0.0)) {
                throw new ArithmeticException(notFiniteEntry(what, i, v[i]));
            }
        }
        return v;
    }

    /** The message of {@link #requireInRange(String, double[])} for entry i, of value x. */
    /*@ normal_behavior
      @   requires what != null;
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    private static String notFiniteEntry(String what, int i, double x) {
        return what + " is not finite (outside the range of double): component[" + i + "] is "
                + Inputs.describe(x) + "; entries must be finite";
    }

    /**
     * The exponent e of max|vᵢ| (2^e &le; max|vᵢ| &lt; 2^(e+1), subnormals included), or
     * {@link #ZERO_VECTOR} for the zero vector; v·2^-e then has its largest entry in [1, 2).
     */
    /*@ normal_behavior
      @   requires v != null;
      @   assignable \strictly_nothing;
      @*/
    static int maxExponent(double[] v) {
        final double max = maxAbs(v);
        return max == 0.0 ? ZERO_VECTOR : exponent(max);
    }

    /** The exponent e of |x| for a finite x ≠ 0 (2^e &le; |x| &lt; 2^(e+1), subnormals included). */
    /*@ normal_behavior
      @   assignable \strictly_nothing;
      @*/
    static int exponent(double x) {
        final int e = Math.getExponent(x);
        // subnormal x: 2^54·x is normal and its exponent is exact
        return e >= MIN_NORMAL_EXPONENT ? e : Math.getExponent(x * 0x1.0p54) - 54;
    }

    /** max|vᵢ|. */
    /*@ normal_behavior
      @   requires v != null;
      @   assignable \strictly_nothing;
      @*/
    static double maxAbs(double[] v) {
        double max = 0.0;
        /*@ loop_invariant 0 <= i && i <= v.length;
          @ decreasing v.length - i;
          @ assignable \strictly_nothing;
          @*/
        for (int i = 0; i < v.length; i++) {
            max = Math.max(max, Math.abs(v[i]));
        }
        return max;
    }

    /** v·2^k as a new array (exact while the results stay normal). */
    /*@ normal_behavior
      @   requires v != null;
      @   ensures \result.length == v.length && \fresh(\result);
      @   assignable \nothing;
      @*/
    static double[] scalb(double[] v, int k) {
        final double[] out = new double[v.length];
        /*@ loop_invariant 0 <= i && i <= v.length;
          @ decreasing v.length - i;
          @ assignable out[*];
          @*/
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.scalb(v[i], k);
        }
        return out;
    }

    /*@ normal_behavior
      @   requires a != null && b != null && a.length <= b.length;
      @   assignable \strictly_nothing;
      @*/
    static double dot(double[] a, double[] b) {
        double s = 0.0;
        /*@ loop_invariant 0 <= i && i <= a.length;
          @ decreasing a.length - i;
          @ assignable \strictly_nothing;
          @*/
        for (int i = 0; i < a.length; i++) {
            s = Math.fma(a[i], b[i], s);
        }
        return s;
    }

    /*@ normal_behavior
      @   requires a != null && b != null && a.length <= b.length;
      @   ensures \result.length == a.length && \fresh(\result);
      @   assignable \nothing;
      @*/
    static double[] difference(double[] a, double[] b) {
        final double[] d = new double[a.length];
        /*@ loop_invariant 0 <= i && i <= a.length;
          @ decreasing a.length - i;
          @ assignable d[*];
          @*/
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** The midpoint (a + b)/2, as 0.5·aᵢ + 0.5·bᵢ (no overflow for finite a, b). */
    /*@ normal_behavior
      @   requires a != null && b != null && a.length <= b.length;
      @   ensures \result.length == a.length && \fresh(\result);
      @   assignable \nothing;
      @*/
    static double[] midpoint(double[] a, double[] b) {
        final double[] m = new double[a.length];
        /*@ loop_invariant 0 <= i && i <= a.length;
          @ decreasing a.length - i;
          @ assignable m[*];
          @*/
        for (int i = 0; i < a.length; i++) {
            m[i] = 0.5 * a[i] + 0.5 * b[i];
        }
        return m;
    }

    /** x + s·p. */
    /*@ normal_behavior
      @   requires x != null && p != null && x.length <= p.length;
      @   ensures \result.length == x.length && \fresh(\result);
      @   assignable \nothing;
      @*/
    static double[] along(double[] x, double s, double[] p) {
        final double[] v = new double[x.length];
        /*@ loop_invariant 0 <= i && i <= x.length;
          @ decreasing x.length - i;
          @ assignable v[*];
          @*/
        for (int i = 0; i < x.length; i++) {
            v[i] = Math.fma(s, p[i], x[i]);
        }
        return v;
    }

    /*@ normal_behavior
      @   requires v != null;
      @   ensures \result.length == v.length && \fresh(\result);
      @   assignable \nothing;
      @*/
    static double[] negate(double[] v) {
        final double[] n = new double[v.length];
        /*@ loop_invariant 0 <= i && i <= v.length;
          @ decreasing v.length - i;
          @ assignable n[*];
          @*/
        for (int i = 0; i < v.length; i++) {
            n[i] = -v[i];
        }
        return n;
    }

    /*@ normal_behavior
      @   requires m != null && v != null;
      @   requires (\forall int i; 0 <= i && i < m.length; m[i] != null && m[i].length <= v.length);
      @   ensures \result.length == m.length && \fresh(\result);
      @   assignable \nothing;
      @*/
    static double[] times(double[][] m, double[] v) {
        final double[] r = new double[m.length];
        /*@ loop_invariant 0 <= i && i <= m.length;
          @ decreasing m.length - i;
          @ assignable r[*];
          @*/
        for (int i = 0; i < m.length; i++) {
            r[i] = dot(m[i], v);
        }
        return r;
    }
}
