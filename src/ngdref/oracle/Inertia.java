package ngdref.oracle;

/**
 * The inertia of a real symmetric matrix: the numbers of positive, negative and zero
 * eigenvalues, counted with multiplicity (Sylvester's law of inertia: invariant under
 * congruence {@code S -> Eᵀ S E}, E nonsingular).
 *
 * @param positive the number of positive eigenvalues
 * @param negative the number of negative eigenvalues
 * @param zero the number of zero eigenvalues
 */
public record Inertia(int positive, int negative, int zero) {

    /** Checks that the counts are non-negative. */
    public Inertia {
        if (positive < 0 || negative < 0 || zero < 0) {
            throw new IllegalArgumentException("counts must be >= 0, were " + positive + ", " + negative + ", " + zero);
        }
    }

    /** The rank, {@code positive + negative}. */
    public int rank() {
        return positive + negative;
    }

    /** The dimension, {@code positive + negative + zero}. */
    public int dimension() {
        return positive + negative + zero;
    }
}
