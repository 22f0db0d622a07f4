package ngdref.numerics;

import org.apache.commons.math3.exception.MathArithmeticException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The smallest eigenvalue of the symmetric part of a small dense matrix, by Commons Math's
 * {@link EigenDecomposition} (accurate to about D·u·‖A‖, plus half a subnormal ulp, 2^-1075,
 * when λ_min is rounded into the subnormal range).
 *
 * <p>A thin wrapper so that the statically verified package {@code ngdref.discrete} does not
 * depend on Commons Math types: KeY sees this class through a contract-only stub.
 */
public final class SymmetricEigenvalues {

    private SymmetricEigenvalues() {
    }

    /**
     * λ_min((A + Aᵀ)/2).
     *
     * @param a a square matrix with finite entries (not modified)
     * @return its symmetric part's smallest eigenvalue, finite (computed on a scaled by a power
     *     of two, so entries of any magnitude from 2^-1074 to 2^1023 give the same relative
     *     accuracy, up to the absolute 2^-1075 of the final rounding when λ_min is subnormal)
     * @throws IllegalArgumentException if a is null, empty, not square or has a non-finite entry
     * @throws ArithmeticException if the eigenvalue iteration does not converge, or λ_min lies
     *     outside the range of double
     */
    /*@ public behavior
      @   requires a != null && a.length >= 1;
      @   requires (\forall int i; 0 <= i && i < a.length; a[i] != null && a[i].length == a.length);
      @   requires (\forall int i; 0 <= i && i < a.length;
      @               (\forall int j; 0 <= j && j < a.length; a[i][j] - a[i][j] == 0.0));
      @   ensures \result - \result == 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public static double smallestOfSymmetricPart(double[][] a) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException("the matrix must be non-null and non-empty");
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || a[i].length != a.length) {
                throw new IllegalArgumentException("row " + i + " is null or not of length " + a.length);
            }
            for (int j = 0; j < a.length; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException("entry [" + i + "][" + j + "] is not finite: "
                            + a[i][j]);
                }
            }
        }
        final int d = a.length;
        // Scale by 2^-e (exact) so that max|a| lies in [1, 2): Commons Math's QL iteration then
        // neither overflows nor meets subnormals, whatever the magnitudes of the entries; entries
        // below 2^-100 of that are set to zero, which moves λ_min by at most D·2^-100·max|a|,
        // far below the stated accuracy D·u·‖A‖.
        double max = 0.0;
        for (double[] row : a) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        if (max == 0.0) {
            return 0.0;
        }
        final int e = exponent(max);
        final double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                final double v = 0.5 * Math.scalb(a[i][j], -e) + 0.5 * Math.scalb(a[j][i], -e);
                s[i][j] = Math.abs(v) < 0x1.0p-100 ? 0.0 : v;
            }
        }
        final double[] l;
        try {
            l = new EigenDecomposition(new Array2DRowRealMatrix(s, false)).getRealEigenvalues();
        } catch (MathIllegalStateException | MathArithmeticException e1) {
            throw new ArithmeticException("the symmetric eigenvalue iteration did not converge: "
                    + e1.getMessage());
        }
        double min = Double.POSITIVE_INFINITY;
        for (double v : l) {
            min = Math.min(min, v);
        }
        if (Double.isNaN(min)) {
            throw new ArithmeticException("the symmetric eigenvalue iteration returned NaN");
        }
        final double result = Math.scalb(min, e);
        if (!Double.isFinite(result)) {
            throw new ArithmeticException("λ_min((A + Aᵀ)/2) = " + min + "·2^" + e
                    + " overflows the range of double");
        }
        return result;
    }

    /** The exponent k with 2^k &le; x &lt; 2^(k+1) for finite x &gt; 0, subnormals included. */
    private static int exponent(double x) {
        final int k = Math.getExponent(x);
        return k >= Double.MIN_EXPONENT ? k : Math.getExponent(x * 0x1.0p54) - 54;
    }
}
