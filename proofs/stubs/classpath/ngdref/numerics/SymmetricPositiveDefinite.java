package ngdref.numerics;

/** KeY stub (contracts only, trusted) of src/ngdref/numerics/SymmetricPositiveDefinite.java. */
public final class SymmetricPositiveDefinite {

    /*@ public behavior
      @   requires m != null && x != null && x.length == m.length;
      @   requires (\forall int i; 0 <= i && i < m.length; m[i] != null && m[i].length == m.length);
      @   ensures \result != null && \result.length == x.length;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public static double[] multiply(double[][] m, double[] x, String what);

    /*@ public behavior
      @   requires m != null && b != null && b.length == m.length;
      @   requires (\forall int i; 0 <= i && i < m.length; m[i] != null && m[i].length == m.length);
      @   ensures \result != null && \result.length == b.length;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public static double[] solve(double[][] m, double[] b, String what);
}
