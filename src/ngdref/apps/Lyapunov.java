package ngdref.apps;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The continuous Lyapunov equation of the paper's LTI example (Section 3, Eq. (21)):
 * <pre>  PA + AᵀP = −Q,</pre>
 * for a stable A (eigenvalues in the open left half-plane) and symmetric Q, whose unique solution
 * P is symmetric, and positive definite when Q is. Solved as the Kronecker system
 * <pre>  (I ⊗ Aᵀ + Aᵀ ⊗ I)·vec(P) = −vec(Q)</pre>
 * (vec stacks columns; vec(XPY) = (Yᵀ ⊗ X)vec(P)) by Commons Math's LU decomposition with one
 * step of iterative refinement, then symmetrised. The n²×n² system costs O(n⁶): for n up to
 * about 30. The system is nonsingular exactly when no two eigenvalues of A sum to zero, which a
 * stable A guarantees.
 */
public final class Lyapunov {

    /** Largest n for the dense Kronecker system (n² = 1600 unknowns, a 20 MB matrix). */
    static final int MAX_DIMENSION = 40;

    private final double[][] p;
    private final double residual;

    private Lyapunov(double[][] p, double residual) {
        this.p = p;
        this.residual = residual;
    }

    /**
     * Solves PA + AᵀP = −Q.
     *
     * @param a the n×n system matrix (not modified)
     * @param q the symmetric n×n right-hand side (not modified)
     * @return P and the residual of the equation
     * @throws IllegalArgumentException for non-square, mismatched, non-finite or too large input,
     *     or a singular Kronecker system (two eigenvalues of A summing to zero)
     */
    public static Lyapunov solve(double[][] a, double[][] q) {
        final int n = Matrices.requireSquare("A", a);
        if (Matrices.requireSquare("Q", q) != n) {
            throw new IllegalArgumentException("Q is " + q.length + "×" + q.length + " but A is " + n + "×" + n);
        }
        if (n > MAX_DIMENSION) {
            throw new IllegalArgumentException("n = " + n + " exceeds " + MAX_DIMENSION
                    + " for the dense Kronecker solver");
        }
        final int m = n * n;
        final double[][] k = new double[m][m];
        // Row (i + n·j) of the system is entry (i, j) of PA + AᵀP = Σ_l P[i][l]A[l][j] + Σ_l A[l][i]P[l][j];
        // unknown P[r][c] sits at column r + n·c.
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                final int row = i + n * j;
                for (int l = 0; l < n; l++) {
                    k[row][i + n * l] += a[l][j];
                    k[row][l + n * j] += a[l][i];
                }
            }
        }
        final RealMatrix km = new Array2DRowRealMatrix(k, false);
        final double[] rhs = new double[m];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                rhs[i + n * j] = -q[i][j];
            }
        }
        final DecompositionSolver lu = new LUDecomposition(km, 0x1.0p-60).getSolver();
        if (!lu.isNonSingular()) {
            throw new IllegalArgumentException("the Kronecker system I⊗Aᵀ + Aᵀ⊗I is singular:"
                    + " two eigenvalues of A sum to zero (A is not stable)");
        }
        final RealVector b = new ArrayRealVector(rhs, false);
        RealVector x = lu.solve(b);
        // One step of iterative refinement: x ← x + K⁻¹(b − Kx).
        x = x.add(lu.solve(b.subtract(km.operate(x))));
        final double[][] p = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                p[i][j] = x.getEntry(i + n * j);
            }
        }
        final double[][] sym = Matrices.symmetrize(p);
        return new Lyapunov(sym, residual(a, q, sym));
    }

    /**
     * ‖PA + AᵀP + Q‖_F / (2‖A‖_F‖P‖_F + ‖Q‖_F), the relative residual of a candidate P.
     *
     * @param a A
     * @param q Q
     * @param p candidate P
     * @return the relative residual (about n·u for a backward-stable solve)
     */
    public static double residual(double[][] a, double[][] q, double[][] p) {
        final int n = a.length;
        final double[][] pa = Matrices.multiply(p, a);
        double r = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                final double e = pa[i][j] + pa[j][i] + q[i][j];   // (PA)ᵀ = AᵀP for symmetric P
                r += e * e;
            }
        }
        return Math.sqrt(r) / (2 * Matrices.frobenius(a) * Matrices.frobenius(p) + Matrices.frobenius(q));
    }

    /**
     * The solution P (symmetric).
     *
     * @return a new n×n array
     */
    public double[][] p() {
        return Matrices.copy(p);
    }

    /**
     * The relative residual of the computed P, see {@link #residual}.
     *
     * @return the residual
     */
    public double residual() {
        return residual;
    }
}
