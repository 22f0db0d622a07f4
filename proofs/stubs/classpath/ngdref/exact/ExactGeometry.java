package ngdref.exact;

import org.apache.commons.numbers.core.DD;

/**
 * KeY stub (contracts only, trusted) of src/ngdref/exact/ExactGeometry.java. The contracts state
 * only shapes and the exception type; the values (exact inner products, correct rounding by exact
 * comparison) are what the oracle tests check (EdgeRangeTest, EdgeReproducersTest).
 */
public final class ExactGeometry {

    public static final int YY = 0;
    public static final int GG = 1;
    public static final int YG = 2;
    public static final int COS = 3;
    public static final int SIN = 4;
    public static final int ONE_MINUS_SIN = 5;
    public static final int NORM_RATIO = 6;
    public static final int RHO = 7;
    public static final int SIGMA = 8;
    public static final int KAPPA_MIN = 9;
    public static final int ALPHA = 10;
    public static final int GAMMA = 11;
    public static final int LAMBDA_MAX = 12;
    public static final int LAMBDA_MIN = 13;
    public static final int KAPPA = 14;

    /*@ public normal_behavior
      @   requires g != null && y != null && g.length == y.length;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0);
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public static ExactGeometry of(double[] g, double[] y);

    /*@ public normal_behavior
      @   ensures -1 <= \result && \result <= 1;
      @   assignable \nothing;
      @*/
    public int signOfYG();

    /*@ public normal_behavior
      @   requires exponent != null && exponent.length >= 1;
      @   ensures \result != null;
      @   assignable exponent[0];
      @*/
    public DD normalized(int quantity, int[] exponent);

    /*@ public behavior
      @   ensures \result >= 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double rounded(int quantity, double parameter, boolean parameterIsGamma, String name);
}
