package org.apache.commons.numbers.core;

/*
 * Contracts for Commons Numbers 1.3 DD (double-double), as KeY sees it: trusted, not proved.
 * KeY reads only declarations and contracts from the class path (it drops any body).
 * DD is immutable: no method writes the heap, queries read nothing but the receiver.
 * Results are otherwise unconstrained: nothing here says what value a DD holds.
 */
public final class DD extends Number {

    // Declared nullable: a non-null static field is a static invariant of DD, which KeY would then
    // require (\static_invariant_for(DD)) before every call of a DD method, and no caller can
    // establish it. KeY 2.12 has no class axioms to state ONE != null instead, so code that
    // dereferences DD.ONE keeps an open null branch: write DD.of(1.0) instead.
    public static final /*@ nullable @*/ DD ONE;
    public static final /*@ nullable @*/ DD ZERO;

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public static DD of(double x);

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public static DD ofSum(double a, double b);

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public static DD ofDifference(double a, double b);

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public static DD ofProduct(double a, double b);

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public static DD ofSquare(double a);

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public static DD fromQuotient(double x, double y);

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD negate();

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD abs();

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD square();

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD reciprocal();

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD sqrt();

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD add(double y);

    /*@ public normal_behavior
      @   requires y != null;
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD add(DD y);

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD subtract(double y);

    /*@ public normal_behavior
      @   requires y != null;
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD subtract(DD y);

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD multiply(double y);

    /*@ public normal_behavior
      @   requires y != null;
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD multiply(DD y);

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD multiply(int n);

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD divide(double y);

    /*@ public normal_behavior
      @   requires y != null;
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD divide(DD y);

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD scalb(int exp);

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD pow(int n);

    /*@ public normal_behavior
      @   assignable \strictly_nothing;
      @   accessible \nothing;
      @*/
    public /*@ pure @*/ double hi();

    /*@ public normal_behavior
      @   assignable \strictly_nothing;
      @   accessible \nothing;
      @*/
    public /*@ pure @*/ double lo();

    /*@ public normal_behavior
      @   assignable \strictly_nothing;
      @   accessible \nothing;
      @*/
    public /*@ pure @*/ double doubleValue();

    /*@ public normal_behavior
      @   assignable \strictly_nothing;
      @   accessible \nothing;
      @*/
    public /*@ pure @*/ boolean isFinite();
}
