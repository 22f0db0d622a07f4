package ngdref.metric;

/**
 * Validation of the inputs shared by every construction of the paper: an update g and a
 * negative gradient y in R^D (D &ge; 2), finite and nonzero, and the parameters α, γ, η.
 *
 * <p>Every failure is an {@link IllegalArgumentException} whose message names the argument and
 * the fault ("g[3] is NaN", "y has length 4 but g has length 3"). Nothing is ever mutated.
 *
 * <p>Finiteness is tested as {@code x - x == 0.0}: in IEEE 754 this is true for every finite x
 * (the difference is +0.0) and false for ±∞ and NaN (the difference is NaN). It is written this way
 * so that the same expression is meaningful to a JML verifier without library support.
 */
public final class Inputs {

    private Inputs() {
    }

    /*
     * Specification-only predicate: the update is effective, Σᵢ gᵢyᵢ > 0 in exact (real)
     * arithmetic, for finite g, y of equal length. It is a JML model method without a body:
     * KeY 2.12 has no real arithmetic, so it treats the predicate as uninterpreted, and contracts
     * that depend on it are listed as open in proofs/open-contracts.tsv (the exact sign decision
     * of UpdateGeometry is checked by the oracle instead). With a verifier that has \real, its
     * meaning is (\sum int i; 0 <= i && i < g.length; (\real) g[i] * (\real) y[i]) > 0.
     */
    //@ public static model pure boolean effective(double[] g, double[] y);

    /**
     * True iff {@code x} is finite (neither NaN nor ±∞).
     *
     * @param x any double
     * @return whether x is finite
     */
    /*@ public normal_behavior
      @   ensures \result == (x - x == 0.0);
      @   assignable \strictly_nothing;
      @*/
    public static /*@ pure @*/ boolean isFinite(double x) {
        return x - x == 0.0;
    }

    /*
     * Frames: the checks that call another check (requireVector, requirePair) state
     * "assignable \nothing" in their normal case, not \strictly_nothing: KeY applies a callee's
     * contract with the frame of all its cases together, and an exceptional case allocates its
     * exception, so after the call the fields of objects not yet created are unknown; nothing the
     * callers prove depends on those.
     */

    /**
     * Checks that {@code v} is a usable vector of the paper: not null, of dimension D &ge; 2, with
     * finite entries, not the zero vector.
     *
     * @param name the argument's name, used in the message ("g", "y", "x")
     * @param v the vector
     * @throws IllegalArgumentException naming {@code name} and the fault
     */
    /*@ public normal_behavior
      @   requires v != null && v.length >= 2;
      @   requires (\forall int i; 0 <= i && i < v.length; v[i] - v[i] == 0.0);
      @   requires (\exists int i; 0 <= i && i < v.length; v[i] != 0.0);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires v == null || v.length < 2
      @         || (\exists int i; 0 <= i && i < v.length; !(v[i] - v[i] == 0.0))
      @         || (\forall int i; 0 <= i && i < v.length; v[i] == 0.0);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static void requireVector(String name, /*@ nullable @*/ double[] v) {
        requireEntries(name, v);
        if (v.length < 2) {
            throw new IllegalArgumentException(name + " has dimension " + v.length
                    + "; the paper's constructions need D >= 2");
        }
        boolean zero = true;
        /*@ loop_invariant 0 <= i && i <= v.length
          @   && zero == (\forall int j; 0 <= j && j < i; v[j] == 0.0);
          @ decreasing v.length - i;
          @ assignable \strictly_nothing;
          @*/
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0.0) {
                zero = false;
            }
        }
        if (zero) {
            throw new IllegalArgumentException(name + " is the zero vector");
        }
    }

    /**
     * Checks that {@code v} is not null and has only finite entries (any length, zero allowed).
     *
     * @param name the argument's name, used in the message
     * @param v the vector
     * @throws IllegalArgumentException naming {@code name}, and the index of the first bad entry
     */
    /*@ public normal_behavior
      @   requires v != null;
      @   requires (\forall int i; 0 <= i && i < v.length; v[i] - v[i] == 0.0);
      @   assignable \strictly_nothing;
      @ also public exceptional_behavior
      @   requires v == null || (\exists int i; 0 <= i && i < v.length; !(v[i] - v[i] == 0.0));
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static void requireEntries(String name, /*@ nullable @*/ double[] v) {
        if (v == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        /*@ loop_invariant 0 <= i && i <= v.length
          @   && (\forall int j; 0 <= j && j < i; v[j] - v[j] == 0.0);
          @ decreasing v.length - i;
          @ assignable \strictly_nothing;
          @*/
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] - v[i] == 0.0)) {
                throw new IllegalArgumentException(notFiniteEntry(name, i, v[i]));
            }
        }
    }

    /**
     * The message of {@link #requireEntries(String, double[])} for entry i of value x (its own
     * method so that the proof of requireEntries does not unfold the string concatenation).
     */
    /*@ private normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    private static String notFiniteEntry(String name, int i, double x) {
        return name + "[" + i + "] is " + describe(x) + "; entries must be finite";
    }

    /**
     * Checks two vectors of the paper and that they have the same dimension.
     *
     * @param gName name of the first argument
     * @param g first vector
     * @param yName name of the second argument
     * @param y second vector
     * @throws IllegalArgumentException naming the argument and the fault
     */
    /*@ public normal_behavior
      @   requires g != null && y != null && g.length >= 2 && g.length == y.length;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0);
      @   requires (\exists int i; 0 <= i && i < g.length; g[i] != 0.0);
      @   requires (\exists int i; 0 <= i && i < y.length; y[i] != 0.0);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires g == null || y == null || g.length != y.length || g.length < 2;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @ also public exceptional_behavior
      @   requires g != null && y != null && g.length >= 2 && g.length == y.length;
      @   requires (\exists int i; 0 <= i && i < g.length; !(g[i] - g[i] == 0.0) || !(y[i] - y[i] == 0.0))
      @         || (\forall int i; 0 <= i && i < g.length; g[i] == 0.0)
      @         || (\forall int i; 0 <= i && i < y.length; y[i] == 0.0);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static void requirePair(String gName, /*@ nullable @*/ double[] g, String yName,
                                   /*@ nullable @*/ double[] y) {
        requireVector(gName, g);
        requireVector(yName, y);
        requireSameLength(gName, g, yName, y);
    }

    /**
     * Checks that two non-null vectors have the same length.
     *
     * @param aName name of the first argument
     * @param a first vector, not null
     * @param bName name of the second argument
     * @param b second vector
     * @throws IllegalArgumentException if b is null or the lengths differ
     */
    /*@ public normal_behavior
      @   requires a != null && b != null && a.length == b.length;
      @   assignable \strictly_nothing;
      @ also public exceptional_behavior
      @   requires a != null && (b == null || a.length != b.length);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static void requireSameLength(String aName, double[] a, String bName,
                                         /*@ nullable @*/ double[] b) {
        if (b == null) {
            throw new IllegalArgumentException(bName + " must not be null");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException(bName + " has length " + b.length + " but "
                    + aName + " has length " + a.length + "; they must have the same dimension");
        }
    }

    /**
     * Checks a strictly positive finite parameter (α, γ, η, a tolerance).
     *
     * @param name the parameter's name
     * @param value its value
     * @throws IllegalArgumentException if value is NaN, infinite, zero or negative
     */
    /*@ public normal_behavior
      @   requires value > 0.0 && value - value == 0.0;
      @   assignable \strictly_nothing;
      @ also public exceptional_behavior
      @   requires !(value > 0.0 && value - value == 0.0);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static void requirePositive(String name, double value) {
        if (!(value - value == 0.0)) {
            throw new IllegalArgumentException(name + " is " + describe(value) + "; it must be finite and > 0");
        }
        if (!(value > 0.0)) {
            // describe(value) is Double.toString(value) here (value is finite): the same message
            // as concatenating the double, in a form KeY can execute (String + String)
            throw new IllegalArgumentException(name + " = " + describe(value) + "; it must be > 0");
        }
    }

    /**
     * Names a non-finite double for an error message.
     *
     * @param x a double
     * @return "NaN", "+Infinity", "-Infinity" or the decimal value
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public static String describe(double x) {
        if (x != x) {
            return "NaN";
        }
        if (x - x == 0.0) {
            return Double.toString(x);
        }
        return x > 0.0 ? "+Infinity" : "-Infinity";
    }
}
