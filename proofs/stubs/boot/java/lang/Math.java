package java.lang;

/*
 * @replaces-javaredux: the runner uses this class instead of JavaRedux's Math, whose
 * abs(double) contract says nothing when the argument is NaN (so |NaN| could be negative).
 *
 * Each contract states only facts that hold for the real JDK method (trusted, not proved):
 * NaN propagation, signs, ranges, the exact value where Java specifies one. KeY's taclets still
 * give sqrt, sin, cos, tan, asin, acos, atan, atan2, exp and pow their floating-point meaning
 * (sqrtDouble etc., sqrt exact in the SMT translation); the other results are otherwise free.
 */
public final class Math {

    public static final double PI = 3.141592653589793;
    public static final double E = 2.718281828459045;

    private Math() {
    }

    /*@ public normal_behavior
      @   ensures \fp_nan(a) <==> \fp_nan(\result);
      @   ensures !\fp_nan(a) ==> \result >= 0.0 && (\result == a || \result == -a);
      @   assignable \strictly_nothing;
      @*/
    public static double abs(double a);

    /*@ public normal_behavior
      @   ensures \result == (a < 0 ? -a : a);
      @   assignable \strictly_nothing;
      @*/
    public static int abs(int a);

    /*@ public normal_behavior
      @   ensures \result == (a < 0 ? -a : a);
      @   assignable \strictly_nothing;
      @*/
    public static long abs(long a);

    /*@ public normal_behavior
      @   ensures (\fp_nan(a) || \fp_nan(b)) <==> \fp_nan(\result);
      @   ensures !\fp_nan(\result) ==> \result >= a && \result >= b && (\result == a || \result == b);
      @   assignable \strictly_nothing;
      @*/
    public static double max(double a, double b);

    /*@ public normal_behavior
      @   ensures (\fp_nan(a) || \fp_nan(b)) <==> \fp_nan(\result);
      @   ensures !\fp_nan(\result) ==> \result <= a && \result <= b && (\result == a || \result == b);
      @   assignable \strictly_nothing;
      @*/
    public static double min(double a, double b);

    /*@ public normal_behavior
      @   ensures \result == (a >= b ? a : b);
      @   assignable \strictly_nothing;
      @*/
    public static int max(int a, int b);

    /*@ public normal_behavior
      @   ensures \result == (a <= b ? a : b);
      @   assignable \strictly_nothing;
      @*/
    public static int min(int a, int b);

    /*@ public normal_behavior
      @   ensures \result == (a >= b ? a : b);
      @   assignable \strictly_nothing;
      @*/
    public static long max(long a, long b);

    /*@ public normal_behavior
      @   ensures \result == (a <= b ? a : b);
      @   assignable \strictly_nothing;
      @*/
    public static long min(long a, long b);

    /*@ public normal_behavior
      @   ensures (\fp_nan(a) || \fp_nan(b) || \fp_nan(c)) ==> \fp_nan(\result);
      @   assignable \strictly_nothing;
      @*/
    public static double fma(double a, double b, double c);

    /*@ public normal_behavior
      @   ensures \fp_nan(d) <==> \fp_nan(\result);
      @   ensures d > 0.0 ==> \result >= 0.0;
      @   ensures d < 0.0 ==> \result <= 0.0;
      @   ensures scaleFactor == 0 ==> \result == d;
      @   assignable \strictly_nothing;
      @*/
    public static double scalb(double d, int scaleFactor);

    /*@ public normal_behavior
      @   ensures -1023 <= \result && \result <= 1024;
      @   ensures \fp_nice(d) ==> \result <= 1023;
      @   assignable \strictly_nothing;
      @*/
    public static int getExponent(double d);

    /*@ public normal_behavior
      @   ensures \fp_nan(d) <==> \fp_nan(\result);
      @   ensures \fp_nice(d) ==> \result > 0.0 && \fp_nice(\result);
      @   assignable \strictly_nothing;
      @*/
    public static double ulp(double d);

    /*@ public normal_behavior
      @   ensures (\fp_nan(a) || a < 0.0) ==> \fp_nan(\result);
      @   assignable \strictly_nothing;
      @*/
    public static double log(double a);

    /*@ public normal_behavior
      @   ensures \fp_nan(a) <==> \fp_nan(\result);
      @   assignable \strictly_nothing;
      @*/
    public static double rint(double a);

    /*@ public normal_behavior
      @   assignable \strictly_nothing;
      @*/
    public static long round(double a);

    // Given meaning by KeY's floating-point taclets (calls are rewritten to sqrtDouble etc.).
    public static double sqrt(double a);
    public static double sin(double a);
    public static double cos(double a);
    public static double tan(double a);
    public static double asin(double a);
    public static double acos(double a);
    public static double atan(double a);
    public static double atan2(double y, double x);
    public static double exp(double a);
    public static double pow(double a, double b);
}
