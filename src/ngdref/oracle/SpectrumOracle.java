package ngdref.oracle;

/**
 * Certified eigenvalues of an explicit real symmetric matrix, by algorithms that share nothing
 * with closed forms: each eigenvalue comes as an {@link Enclosure} with a certified count.
 *
 * <p>{@link #of(RationalMatrix)} uses congruence with refined eigenvectors and Gershgorin discs
 * (any dimension; cost O(D³·(p/26)²) for p bits of precision, p chosen from the spread of the
 * eigenvalues and doubled while a cluster stays undecided, up to {@link #maxBits(int)}); when
 * some cluster is still undecided and {@code D <= } {@link #EXACT_LIMIT}, it falls back to
 * bisection with exact inertia counts, which decides everything (exact eigenvalues such as 0
 * come out as points). {@link #byExactBisection(RationalMatrix)} runs that exact method alone.
 *
 * <p>For larger D an enclosure can never decide an eigenvalue that is exactly 0 or exactly a
 * midpoint between two doubles. For an undecided cluster of multiplicity k whose enclosure holds
 * 0 or a single such midpoint t, the exact rank of {@code M − tI} is computed when
 * {@code D − k <= } {@link #EXACT_RANK_LIMIT} (fraction-free elimination stops after at
 * most D − k + 1 pivots); {@code rank = D − k} proves that all k eigenvalues equal t, and the cluster becomes
 * the point t ({@link ExactPoints}, tried before more precision).
 */
public final class SpectrumOracle {

    /** Largest dimension for the exact-inertia fallback (its cost grows like D^4 · bits). */
    public static final int EXACT_LIMIT = 12;
    /** Largest expected rank {@code D − k} for the exact point test of a cluster. */
    public static final int EXACT_RANK_LIMIT = ExactPoints.RANK_LIMIT;

    private SpectrumOracle() {
    }

    /**
     * The certified spectrum of the symmetric double matrix {@code m} (taken exactly).
     *
     * @throws IllegalArgumentException if {@code m} is null, empty, ragged, not square, not
     *     exactly symmetric, or has a NaN or infinite entry
     */
    public static Spectrum of(double[][] m) {
        return of(RationalMatrix.symmetric(m, "m"));
    }

    /**
     * The certified spectrum of the symmetric rational matrix {@code m}.
     *
     * @throws IllegalArgumentException if {@code m} is null or not exactly symmetric
     */
    public static Spectrum of(RationalMatrix m) {
        check(m);
        final int n = m.dimension();
        final Spectrum s = CongruenceSpectrum.enclose(m, maxBits(n));
        if (s.isDecided()) {
            return s;
        }
        return n <= EXACT_LIMIT ? BisectionSpectrum.enclose(m) : s;
    }

    /**
     * The certified spectrum by bisection on exact inertia counts only (intended for small D:
     * each count is an exact O(D³) elimination on growing integers).
     *
     * @throws IllegalArgumentException if {@code m} is null or not exactly symmetric
     */
    public static Spectrum byExactBisection(RationalMatrix m) {
        check(m);
        return BisectionSpectrum.enclose(m);
    }

    /**
     * The precision cap (bits) for dimension n: enough for eigenvalue ratios up to about
     * {@code 2^(cap − 100)}, bounded so that D = 256 stays within seconds.
     */
    public static int maxBits(int n) {
        return n <= 16 ? 1024 : n <= 64 ? 512 : 320;
    }

    private static void check(RationalMatrix m) {
        if (m == null) {
            throw new IllegalArgumentException("m is null");
        }
        m.requireSymmetric("m");
    }
}
