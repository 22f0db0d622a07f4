package ngdref.exact;

/**
 * KeY stub (contracts only, trusted) of src/ngdref/exact/ExactCurvature.java. The contracts state
 * only shapes and exception types; the values (exact definiteness, correct rounding by exact
 * comparison) are what EtaBoundProperties checks against the independent oracle. The three
 * rounding methods throw IllegalStateException when called without a negative eigenvalue; the
 * callers call them only after hasNegativeEigenvalue() (KeY has no model of that exception).
 */
public final class ExactCurvature {

    /*@ public normal_behavior
      @   requires h != null && h.length >= 1;
      @   requires (\forall int i; 0 <= i && i < h.length; h[i] != null && h[i].length == h.length);
      @   requires (\forall int i; 0 <= i && i < h.length;
      @               (\forall int j; 0 <= j && j < h.length; h[i][j] - h[i][j] == 0.0));
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public static ExactCurvature of(double[][] h);

    /*@ public normal_behavior
      @   assignable \nothing;
      @*/
    public boolean hasNegativeEigenvalue();

    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double negativeCurvature(double hApprox);

    /*@ public behavior
      @   requires g != null && yBar != null && g.length == yBar.length;
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double paperBound(double[] g, double[] yBar, double hApprox, String name);

    /*@ public behavior
      @   requires g != null && yBar != null && g.length == yBar.length;
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double metricBound(double[] g, double[] yBar, double gamma, double hApprox, String name);

    /*@ public normal_behavior
      @   requires g != null && yBar != null && g.length == yBar.length;
      @   assignable \nothing;
      @*/
    public boolean isBelowMetricBound(double[] g, double[] yBar, double gamma, double eta);
}
