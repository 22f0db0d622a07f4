package ngdref.exact;

import org.apache.commons.numbers.core.DD;

/** KeY stub (contracts only, trusted) of src/ngdref/exact/ExactInnerProducts.java. */
public final class ExactInnerProducts {

    /*@ public normal_behavior
      @   requires a != null && b != null && a.length == b.length && exponent.length >= 1;
      @   requires (\forall int i; 0 <= i && i < a.length; a[i] - a[i] == 0.0 && b[i] - b[i] == 0.0);
      @   ensures \result != null;
      @   assignable exponent[0];
      @*/
    public static DD dot(double[] a, double[] b, int[] exponent);

    /*@ public normal_behavior
      @   requires g != null && y != null && b != null && g.length == y.length && b.length == g.length;
      @   requires exponent.length >= 1;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0
      @                                              && b[i] - b[i] == 0.0);
      @   ensures \result != null;
      @   assignable exponent[0];
      @*/
    public static DD solveCoefficient(double[] g, double[] y, double[] b, double parameter,
                                      boolean parameterIsGamma, int[] exponent);

    /*@ public normal_behavior
      @   requires g != null && y != null && g.length == y.length;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0);
      @   requires (\exists int i; 0 <= i && i < g.length; g[i] != 0.0);
      @   requires (\exists int i; 0 <= i && i < y.length; y[i] != 0.0);
      @   ensures \result != null && 0.0 <= \result.hi() && \result.hi() <= 1.0;
      @   assignable \nothing;
      @*/
    public static DD sin(double[] g, double[] y);

    /*@ public normal_behavior
      @   requires g != null && y != null && g.length == y.length;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0);
      @   ensures \result != null && \result.length == g.length;
      @   assignable \nothing;
      @*/
    public static double[] residualDirection(double[] g, double[] y);

    /*@ public behavior
      @   requires g != null && y != null && h != null && g.length == y.length && h.length == g.length;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0
      @                                              && h[i] - h[i] == 0.0);
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public static double rankOneBound(double[] g, double[] y, double[] h, double parameter,
                                      boolean parameterIsGamma, String name);
}
