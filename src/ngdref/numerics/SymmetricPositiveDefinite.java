package ngdref.numerics;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathRuntimeException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.numbers.core.Sum;

/**
 * M·x and M⁻¹·b for a small dense symmetric positive definite M (the dense metrics of the
 * project), on M, x and b scaled by powers of two so that no intermediate overflows or underflows
 * whatever the magnitudes of their entries; results outside the range of double are refused by
 * index, never returned as ∞, NaN or a flushed 0.
 *
 * <ul>
 * <li>{@link #multiply}: each (Mx)ᵢ = Σⱼ Mᵢⱼxⱼ by Commons Numbers {@code Sum.ofProducts} (an
 *   accurately rounded dot product) on row i and x each scaled to largest magnitude in [1, 2),
 *   then scaled back: within about 2u·Σⱼ|Mᵢⱼxⱼ| (u = 2^-53) plus 2^-1074 when it is subnormal.</li>
 * <li>{@link #solve}: Cholesky (Commons Math) of M·2^-em, b·2^-eb, x scaled back by 2^(eb − em):
 *   backward stable, (M + ΔM)x̂ = b with ‖ΔM‖ of order D·u·‖M‖ (Higham, <i>Accuracy and Stability
 *   of Numerical Algorithms</i>, Thm. 10.4).</li>
 * </ul>
 *
 * <p>A thin wrapper so that the statically verified package {@code ngdref.discrete} does not
 * depend on Commons Math types: KeY sees this class through a contract-only stub. The callers
 * validate their arguments (square, finite, of matching length) first.
 */
public final class SymmetricPositiveDefinite {

    private SymmetricPositiveDefinite() {
    }

    /**
     * M·x.
     *
     * @param m a square matrix with finite entries (not modified)
     * @param x finite, of length m.length (not modified)
     * @param what the name of the product, for the refusal ("Mx")
     * @return a new vector
     * @throws ArithmeticException naming the first component outside the range of double
     */
    /*@ public behavior
      @   requires m != null && x != null && x.length == m.length;
      @   requires (\forall int i; 0 <= i && i < m.length; m[i] != null && m[i].length == m.length);
      @   ensures \result != null && \result.length == x.length;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public static double[] multiply(double[][] m, double[] x, String what) {
        final int ex = exponentOfMax(x);
        final double[] xs = scale(x, -ex);
        final double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            final int er = exponentOfMax(m[i]);
            final double s = Sum.ofProducts(scale(m[i], -er), xs).getAsDouble();
            out[i] = Math.scalb(s, er + ex);
            if (!Double.isFinite(out[i])) {
                throw new ArithmeticException("(" + what + ")[" + i + "] = " + describe(s, er + ex)
                        + " overflows the range of double");
            }
        }
        return out;
    }

    /**
     * M⁻¹·b by Cholesky.
     *
     * @param m a symmetric positive definite matrix with finite entries (not modified)
     * @param b finite, of length m.length (not modified)
     * @param what the name of the solution, for the refusal ("M⁻¹b")
     * @return a new vector
     * @throws ArithmeticException if M is not numerically positive definite (Cholesky fails:
     *     its condition number is beyond what double precision resolves), or naming the first
     *     component of M⁻¹b outside the range of double
     */
    /*@ public behavior
      @   requires m != null && b != null && b.length == m.length;
      @   requires (\forall int i; 0 <= i && i < m.length; m[i] != null && m[i].length == m.length);
      @   ensures \result != null && \result.length == b.length;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public static double[] solve(double[][] m, double[] b, String what) {
        final int d = m.length;
        int em = Integer.MIN_VALUE;
        for (double[] row : m) {
            em = Math.max(em, exponentOfMax(row));
        }
        final double[][] ms = new double[d][];
        for (int i = 0; i < d; i++) {
            ms[i] = scale(m[i], -em);
        }
        final int eb = exponentOfMax(b);
        final double[] bs = scale(b, -eb);
        final double[] xs;
        try {
            // Only a non-positive pivot refuses: Commons Math's default threshold 1e-10 on the pivots
            // of M·2^-em would refuse every valid metric with κ beyond about 10^10 (M_opt of a
            // nearly orthogonal pair), for which the backward-stable solve is still what is asked.
            final CholeskyDecomposition chol = new CholeskyDecomposition(new Array2DRowRealMatrix(ms, false),
                    CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, 0.0);
            xs = chol.getSolver().solve(new ArrayRealVector(bs, false)).toArray();
        } catch (MathIllegalArgumentException | MathRuntimeException e) {
            throw new ArithmeticException(what + ": the Cholesky factorisation of M failed (" + e.getMessage()
                    + "): M is not numerically positive definite, its condition number beyond what double"
                    + " precision resolves");
        }
        final double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            out[i] = Math.scalb(xs[i], eb - em);
            if (!Double.isFinite(out[i])) {
                throw new ArithmeticException("(" + what + ")[" + i + "] = " + describe(xs[i], eb - em)
                        + " is outside the range of double");
            }
        }
        return out;
    }

    /** The exponent of max|vᵢ| (also for subnormal values), 0 for the zero vector. */
    private static int exponentOfMax(double[] v) {
        double max = 0.0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        if (max == 0.0) {
            return 0;
        }
        return exponent(max);
    }

    private static double[] scale(double[] v, int k) {
        final double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.scalb(v[i], k);
        }
        return out;
    }

    /** x·2^k for a message: the value when it is a normal double, else mantissa·2^exponent. */
    private static String describe(double x, int k) {
        if (!Double.isFinite(x)) {
            return "a value beyond the range of the scaled solve";
        }
        final double v = Math.scalb(x, k);
        if (x == 0.0 || (Double.isFinite(v) && Math.abs(v) >= Double.MIN_NORMAL)) {
            return Double.toString(v);
        }
        final int e = exponent(Math.abs(x));
        return Math.scalb(x, -e) + "·2^" + (e + k);
    }

    /** The binary exponent of x &gt; 0, also when x is subnormal. */
    private static int exponent(double x) {
        return x >= Double.MIN_NORMAL ? Math.getExponent(x) : Math.getExponent(x * 0x1.0p54) - 54;
    }
}
