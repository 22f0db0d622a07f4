package ngdref.numerics;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The smallest eigenvalue of the symmetric part of a small dense matrix, by Commons Math's
 * {@link EigenDecomposition} (accurate to about D·u·‖A‖).
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
     * @return its symmetric part's smallest eigenvalue
     * @throws IllegalArgumentException if a is null, empty, not square or has a non-finite entry
     * @throws ArithmeticException if the eigenvalue iteration does not converge
     */
    /*@ public behavior
      @   requires a != null && a.length >= 1;
      @   requires (\forall int i; 0 <= i && i < a.length; a[i] != null && a[i].length == a.length);
      @   requires (\forall int i; 0 <= i && i < a.length;
      @               (\forall int j; 0 <= j && j < a.length; a[i][j] - a[i][j] == 0.0));
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
        final double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                s[i][j] = 0.5 * a[i][j] + 0.5 * a[j][i];   // no overflow for entries near MAX_VALUE
            }
        }
        final double[] l;
        try {
            l = new EigenDecomposition(new Array2DRowRealMatrix(s, false)).getRealEigenvalues();
        } catch (MathIllegalStateException e) {
            throw new ArithmeticException("the symmetric eigenvalue iteration did not converge: "
                    + e.getMessage());
        }
        double min = Double.POSITIVE_INFINITY;
        for (double v : l) {
            min = Math.min(min, v);
        }
        return min;
    }
}
