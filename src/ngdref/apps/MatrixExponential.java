package ngdref.apps;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The matrix exponential exp(A) by scaling and squaring with the [13/13] Padé approximant
 * (N. J. Higham, "The scaling and squaring method for the matrix exponential revisited",
 * SIAM J. Matrix Anal. Appl. 26(4), 2005, Algorithm 2.3 restricted to m = 13): with
 * s = max(0, ⌈log₂(‖A‖₁/θ₁₃)⌉), exp(A) = r₁₃(A/2^s)^(2^s), where r₁₃ = q⁻¹p is evaluated as
 * (V − U)⁻¹(V + U) with U the odd and V the even part of the numerator. Commons Math has no expm;
 * this is the reference for the LTI solution θ(t) = exp(At)θ₀.
 */
public final class MatrixExponential {

    /** θ₁₃ of Higham's Table 2.3: the largest ‖A‖₁ for which r₁₃ meets unit roundoff backward error. */
    private static final double THETA_13 = 5.371920351148152;

    /** Coefficients b₀…b₁₃ of the [13/13] Padé numerator (Higham 2005, Eq. (2.4) with m = 13). */
    private static final double[] B = {
        64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0,
        129060195264000.0, 10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0,
        40840800.0, 960960.0, 16380.0, 182.0, 1.0,
    };

    private MatrixExponential() {
    }

    /**
     * exp(A).
     *
     * @param a a square matrix with finite entries (not modified)
     * @return exp(A) as a new array
     * @throws IllegalArgumentException for invalid input
     */
    public static double[][] of(double[][] a) {
        final int n = Matrices.requireSquare("A", a);
        final double norm = Matrices.norm1(a);
        final int s = norm > THETA_13 ? Math.getExponent(norm / THETA_13) + 1 : 0;
        final double[][] x = Matrices.scale(a, Math.scalb(1.0, -s));   // exact: a power of two
        final double[][] id = Matrices.identity(n);
        final double[][] x2 = Matrices.multiply(x, x);
        final double[][] x4 = Matrices.multiply(x2, x2);
        final double[][] x6 = Matrices.multiply(x4, x2);
        final double[][] inner = combine(n, id, x2, x4, x6, B[13], B[11], B[9], 0.0,
                B[7], B[5], B[3], B[1]);
        final double[][] u = Matrices.multiply(x, inner);
        final double[][] v = combine(n, id, x2, x4, x6, B[12], B[10], B[8], 0.0,
                B[6], B[4], B[2], B[0]);
        final double[][] vMinusU = new double[n][n];
        final double[][] vPlusU = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                vMinusU[i][j] = v[i][j] - u[i][j];
                vPlusU[i][j] = v[i][j] + u[i][j];
            }
        }
        RealMatrix r = new LUDecomposition(new Array2DRowRealMatrix(vMinusU, false)).getSolver()
                .solve(new Array2DRowRealMatrix(vPlusU, false));
        for (int k = 0; k < s; k++) {
            r = r.multiply(r);
        }
        return r.getData();
    }

    /**
     * X6·(c13·X6 + c11·X4 + c9·X2 + c0·I) + c7·X6 + c5·X4 + c3·X2 + c1·I, the Horner-like grouping
     * of Higham's Eq. (2.3)/(2.5) for the odd (U/X) and even (V) parts.
     */
    private static double[][] combine(int n, double[][] id, double[][] x2, double[][] x4, double[][] x6,
                                      double c13, double c11, double c9, double c0,
                                      double c7, double c5, double c3, double c1) {
        final double[][] high = new double[n][n];
        final double[][] low = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                high[i][j] = c13 * x6[i][j] + c11 * x4[i][j] + c9 * x2[i][j] + c0 * id[i][j];
                low[i][j] = c7 * x6[i][j] + c5 * x4[i][j] + c3 * x2[i][j] + c1 * id[i][j];
            }
        }
        return Matrices.add(Matrices.multiply(x6, high), low);
    }

    /**
     * exp(At)·θ₀, the solution of θ̇ = Aθ, θ(0) = θ₀.
     *
     * @param a A
     * @param t time
     * @param theta0 initial state
     * @return θ(t)
     */
    public static double[] propagate(double[][] a, double t, double[] theta0) {
        return Matrices.multiply(of(Matrices.scale(a, t)), theta0);
    }
}
