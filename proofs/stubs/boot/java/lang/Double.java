package java.lang;

/*
 * Members of java.lang.Double that KeY 2.12's JavaRedux lacks; merged into JavaRedux's Double.
 */
public class Double {

    public static final double NaN = 0.0d / 0.0d;
    public static final double POSITIVE_INFINITY = 1.0d / 0.0d;
    public static final double NEGATIVE_INFINITY = -1.0d / 0.0d;
    public static final double MAX_VALUE = 1.7976931348623157E308;
    public static final double MIN_NORMAL = 2.2250738585072014E-308;
    public static final double MIN_VALUE = 4.9E-324;

    /*@ public normal_behavior
      @   ensures \result <==> \fp_nice(d);
      @   assignable \strictly_nothing;
      @*/
    public static boolean isFinite(double d);

    /*@ public normal_behavior
      @   ensures \result <==> \fp_infinite(v);
      @   assignable \strictly_nothing;
      @*/
    public static boolean isInfinite(double v);

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public static String toString(double d);
}
