package ngdref.numerics;

/** KeY stub (contracts only, trusted) of src/ngdref/numerics/SymmetricEigenvalues.java. */
public final class SymmetricEigenvalues {

    /*@ public behavior
      @   requires a != null && a.length >= 1;
      @   requires (\forall int i; 0 <= i && i < a.length; a[i] != null && a[i].length == a.length);
      @   requires (\forall int i; 0 <= i && i < a.length;
      @               (\forall int j; 0 <= j && j < a.length; a[i][j] - a[i][j] == 0.0));
      @   ensures \result - \result == 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public static double smallestOfSymmetricPart(double[][] a);
}
