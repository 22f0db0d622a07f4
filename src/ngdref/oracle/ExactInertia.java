package ngdref.oracle;

import java.math.BigInteger;

/**
 * The exact inertia (and so the exact rank) of a symmetric rational matrix, by fraction-free
 * symmetric Gaussian elimination (Bareiss 1968, "Sylvester's identity and multistep
 * integer-preserving Gaussian elimination", Math. Comp. 22).
 *
 * <p>With a common positive denominator removed the matrix is an integer matrix A. Bareiss'
 * step {@code a_ij <- (p a_ij − a_ik a_kj)/p_prev} divides exactly, and the k-th pivot is the
 * leading principal minor {@code Δ_k} of the (symmetrically permuted) matrix. By the Jacobi /
 * Sylvester argument the LDLᵀ pivots are {@code d_k = Δ_k/Δ_{k−1}}, so the inertia is the
 * count of positive and negative {@code sign(Δ_k)·sign(Δ_{k−1})}, and the zero block left
 * when no nonzero entry remains gives the zero eigenvalues.
 *
 * <p>Pivots are taken from the diagonal (symmetric row and column swaps). When the remaining
 * diagonal is all zero but an entry {@code a_ij ≠ 0} remains, the congruence
 * {@code row_i += row_j, col_i += col_j} makes the diagonal entry {@code 2 a_ij ≠ 0}; a
 * congruence on the active block is a congruence of the whole matrix on the not yet eliminated
 * indices, so the inertia and the exact divisions are preserved.
 *
 * <p>Cost: O(D³) BigInteger operations on integers that grow to about D times the entry size;
 * use it for small D or for low-rank matrices (elimination stops at the zero block).
 */
public final class ExactInertia {

    private ExactInertia() {
    }

    /**
     * The inertia of the symmetric matrix {@code s}.
     *
     * @throws IllegalArgumentException if {@code s} is null or not exactly symmetric
     */
    public static Inertia of(RationalMatrix s) {
        return of(s, Integer.MAX_VALUE);
    }

    /**
     * The exact rank of the symmetric matrix {@code s} if it is at most {@code limit}, else
     * {@code limit + 1}; the elimination stops after {@code limit + 1} pivots, so a small limit
     * keeps the cost at O(limit · D²) operations.
     *
     * @throws IllegalArgumentException if {@code s} is null or not exactly symmetric
     */
    public static int rankAtMost(RationalMatrix s, int limit) {
        return Math.min(of(s, limit + 1).rank(), limit + 1);
    }

    /** The inertia after at most {@code maxPivots} pivots (exact if the rank is below that). */
    private static Inertia of(RationalMatrix s, int maxPivots) {
        if (s == null) {
            throw new IllegalArgumentException("s is null");
        }
        s.requireSymmetric("s");
        final int n = s.dimension();
        final BigInteger[][] a = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = s.numerator(i, j);
            }
        }
        int positive = 0;
        int negative = 0;
        BigInteger previous = BigInteger.ONE;   // Δ_0 = 1
        int k = 0;
        while (k < n && k < maxPivots) {
            int p = smallestNonzeroDiagonal(a, k);
            if (p < 0) {
                p = makeDiagonalNonzero(a, k);
                if (p < 0) {
                    break;                       // the active block is zero
                }
            }
            swap(a, k, p);
            final BigInteger pivot = a[k][k];
            if (pivot.signum() * previous.signum() > 0) {
                positive++;
            } else {
                negative++;
            }
            for (int i = k + 1; i < n; i++) {
                for (int j = i; j < n; j++) {
                    final BigInteger v = pivot.multiply(a[i][j]).subtract(a[i][k].multiply(a[k][j]));
                    a[i][j] = v.divide(previous);       // exact by Sylvester's identity
                    a[j][i] = a[i][j];
                }
            }
            previous = pivot;
            k++;
        }
        return new Inertia(positive, negative, n - positive - negative);
    }

    /**
     * The number of eigenvalues of {@code s} below {@code t} (the negative index of
     * {@code s − tI}) and the multiplicity of {@code t}.
     */
    public static Inertia shifted(RationalMatrix s, Rational t) {
        if (t == null) {
            throw new IllegalArgumentException("t is null");
        }
        if (s == null) {
            throw new IllegalArgumentException("s is null");
        }
        return of(s.shift(t));
    }

    /**
     * The exact rank of the symmetric matrix {@code s}.
     *
     * @throws IllegalArgumentException if {@code s} is null or not exactly symmetric
     */
    public static int rank(RationalMatrix s) {
        return of(s).rank();
    }

    private static int smallestNonzeroDiagonal(BigInteger[][] a, int k) {
        int best = -1;
        for (int i = k; i < a.length; i++) {
            if (a[i][i].signum() != 0 && (best < 0 || a[i][i].bitLength() < a[best][best].bitLength())) {
                best = i;
            }
        }
        return best;
    }

    /** Congruence row_i += row_j, col_i += col_j on the active block; returns i, or -1 if all zero. */
    private static int makeDiagonalNonzero(BigInteger[][] a, int k) {
        final int n = a.length;
        for (int i = k; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (a[i][j].signum() != 0) {
                    for (int c = k; c < n; c++) {
                        a[i][c] = a[i][c].add(a[j][c]);
                    }
                    for (int r = k; r < n; r++) {
                        a[r][i] = a[r][i].add(a[r][j]);
                    }
                    return i;                    // a_ii is now a_ii + 2 a_ij + a_jj = 2 a_ij
                }
            }
        }
        return -1;
    }

    private static void swap(BigInteger[][] a, int k, int p) {
        if (k == p) {
            return;
        }
        final BigInteger[] row = a[k];
        a[k] = a[p];
        a[p] = row;
        for (BigInteger[] r : a) {
            final BigInteger x = r[k];
            r[k] = r[p];
            r[p] = x;
        }
    }
}
