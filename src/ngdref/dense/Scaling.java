package ngdref.dense;

import org.apache.commons.math3.exception.MathArithmeticException;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.MathRuntimeException;

/**
 * Power-of-two scaling of dense inputs before they reach Commons Math, and the translation of
 * Commons Math's exceptions into the library's two kinds of failure.
 *
 * <p>Multiplying by 2^k is exact while the result stays normal, so a matrix whose largest entry is
 * brought into [1, 2) loses nothing but entries more than 2^1022 below its largest (they are noise
 * at the matrix's scale anyway), and neither the Householder vectors, the products QᵀM'Q nor the
 * QR iterations of the eigen-solver can overflow or underflow: entries near 2^±1000 give the same
 * relative accuracy as entries near 1.
 */
final class Scaling {

    private Scaling() {
    }

    /**
     * The exponent e with 2^e &le; x &lt; 2^(e+1) for a finite x &gt; 0, subnormals included
     * ({@link Math#getExponent} answers −1023 for every subnormal).
     */
    static int exponent(double x) {
        final int e = Math.getExponent(x);
        if (e >= Double.MIN_EXPONENT) {
            return e;
        }
        // Subnormal: 2^54·x is normal and its exponent is exact.
        return Math.getExponent(x * 0x1.0p54) - 54;
    }

    /** The exponent of max|v| (0 for the zero vector). */
    static int exponentOfMax(double[] v) {
        final double max = maxAbs(v);
        return max == 0.0 ? 0 : exponent(max);
    }

    /** max|vᵢ| (NaN-free input assumed). */
    static double maxAbs(double[] v) {
        double max = 0.0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    /** The exponent of max|m| rounded down to an even number (so that √(2^e) is a power of two). */
    static int evenExponentOfMax(double[][] m) {
        final double max = DenseChecks.maxAbs(m);
        return max == 0.0 ? 0 : Math.floorDiv(exponent(max), 2) * 2;
    }

    /** v·2^k as a new array. */
    static double[] scale(double[] v, int k) {
        final double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.scalb(v[i], k);
        }
        return out;
    }

    /** The symmetric part (m + mᵀ)/2 times 2^k, as a new array (no overflow: scaled first). */
    static double[][] symmetricPart(double[][] m, int k) {
        final int d = m.length;
        final double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                final double v = 0.5 * Math.scalb(m[i][j], k) + 0.5 * Math.scalb(m[j][i], k);
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return s;
    }

    /** The infinity norm max row sum of |m|. */
    static double normInf(double[][] m) {
        double max = 0.0;
        for (double[] row : m) {
            double s = 0.0;
            for (double v : row) {
                s += Math.abs(v);
            }
            max = Math.max(max, s);
        }
        return max;
    }

    /** A copy of m with the entries of magnitude below {@code threshold} set to zero. */
    static org.apache.commons.math3.linear.RealMatrix flushBelow(
            org.apache.commons.math3.linear.RealMatrix m, double threshold) {
        final double[][] a = m.getData();
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                if (Math.abs(row[j]) < threshold) {
                    row[j] = 0.0;
                }
            }
        }
        return new org.apache.commons.math3.linear.Array2DRowRealMatrix(a, false);
    }

    /** m·v in double with fused multiply-adds. */
    static double[] times(double[][] m, double[] v) {
        final double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = 0.0;
            for (int j = 0; j < v.length; j++) {
                s = Math.fma(m[i][j], v[j], s);
            }
            out[i] = s;
        }
        return out;
    }

    /**
     * x·2^k for a message: the plain double when that is finite and normal, otherwise
     * "x·2^k" so that a value outside the range of double is still named exactly.
     */
    static String describe(double x, int k) {
        final double v = Math.scalb(x, k);
        if (x == 0.0 || (Double.isFinite(v) && Math.abs(v) >= Double.MIN_NORMAL)) {
            return Double.toString(v);
        }
        final int e = exponent(Math.abs(x));
        return Math.scalb(x, -e) + "·2^" + (e + k);
    }

    /**
     * Runs a Commons Math computation and translates its failures: a convergence or other state
     * failure becomes an {@link ArithmeticException}, an argument fault (singular, not positive
     * definite, not symmetric) an {@link IllegalArgumentException}; both name {@code what}.
     */
    static <T> T commonsMath(String what, java.util.function.Supplier<T> computation) {
        try {
            return computation.get();
        } catch (MathIllegalStateException | MathArithmeticException e) {
            throw new ArithmeticException(what + " failed in Commons Math: " + e.getMessage());
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        } catch (MathRuntimeException e) {
            throw new ArithmeticException(what + " failed in Commons Math: " + e.getMessage());
        }
    }
}
