package ngdref.numerics;

/** KeY stub (contracts only, trusted) of src/ngdref/numerics/GaussLegendre.java. */
public final class GaussLegendre {

    public static final int MAX_NODES = 128;

    /*@ public normal_behavior
      @   requires 1 <= n && n <= 128;
      @   ensures \result != null && \result.length == n && \fresh(\result);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires n < 1 || n > 128;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    public static double[] nodes(int n);

    /*@ public normal_behavior
      @   requires 1 <= n && n <= 128;
      @   ensures \result != null && \result.length == n && \fresh(\result);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires n < 1 || n > 128;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    public static double[] weights(int n);
}
