package ngdref.exact;

/**
 * KeY stub (contracts only, trusted) of src/ngdref/exact/ExactRounding.java: only the method the
 * verified packages call.
 */
public final class ExactRounding {

    /*@ public normal_behavior
      @   assignable \nothing;
      @*/
    public static boolean isOverflow(ArithmeticException e);
}
