package ngdref.oracle;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An explicit symmetric integer matrix stored as its lower triangle, each entry as its
 * normalised base-{@code 2^28} digits in shortest form, without the zero digits below its lowest
 * nonzero one ({@link DigitSum#store}): row i holds entries (i, 0) … (i, i) one after the other
 * in one int array, with their offsets. This is how the oracle holds the explicit matrix of the
 * family, Eq. (8), whose entries have thousands of bits at D = 256: two arrays per row instead of
 * a {@code BigInteger} (and its array) per entry, read without allocation.
 */
final class SymmetricDigits {

    private final int n;
    /** How many slots a sum of one entry needs. */
    private final int slots;
    private final int[][] rows;
    /** Entry (i, j) is {@code rows[i][offsets[i][j] .. offsets[i][j + 1])}. */
    private final int[][] offsets;

    private SymmetricDigits(int n, int slots) {
        this.n = n;
        this.slots = slots;
        this.rows = new int[n][];
        this.offsets = new int[n][];
    }

    /**
     * Fills the n×n symmetric matrix whose entry (i, j), i &gt;= j, {@code entries} writes to a
     * zero sum of {@code slots} slots ({@link DigitSum#slotsFor}); rows in parallel from
     * {@link PlaneSpectrum#PARALLEL_DIMENSION}, each row written by one task.
     */
    static SymmetricDigits build(int n, int slots, Entries entries) {
        final SymmetricDigits m = new SymmetricDigits(n, slots);
        final java.util.stream.IntStream rows = java.util.stream.IntStream.range(0, n);
        (n >= PlaneSpectrum.PARALLEL_DIMENSION ? rows.parallel() : rows).forEach(i -> {
            final long most = (long) (i + 1) * (slots + 1);
            if (most > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a row of " + (i + 1) + " entries of up to " + slots
                        + " digits is too long for one array");
            }
            final int[] row = new int[(int) most];
            final int[] at = new int[i + 2];
            final DigitSum sum = new DigitSum(slots);
            for (int j = 0; j <= i; j++) {
                entries.write(i, j, sum);
                at[j + 1] = at[j] + sum.store(row, at[j]);
            }
            m.rows[i] = Arrays.copyOf(row, at[i + 1]);
            m.offsets[i] = at;
        });
        return m;
    }

    /** What {@link #build} asks for each entry. */
    interface Entries {
        /** Adds entry (i, j), i &gt;= j, to the zero {@code sum}. */
        void write(int i, int j, DigitSum sum);
    }

    /** The symmetric integer matrix {@code num} (its lower triangle; the caller checked symmetry). */
    static SymmetricDigits of(BigInteger[][] num) {
        long bits = 1;
        for (int i = 0; i < num.length; i++) {
            for (int j = 0; j <= i; j++) {
                bits = Math.max(bits, num[i][j].bitLength());
            }
        }
        return build(num.length, DigitSum.slotsFor(bits),
                (i, j, sum) -> sum.addProduct(DigitSum.Wide.of(num[i][j]), DigitSum.Narrow.ONE, 1));
    }

    /** The dimension n. */
    int dimension() {
        return n;
    }

    /** How many slots a sum needs to hold any entry. */
    int slots() {
        return slots;
    }

    /** Whether {@code sum} equals entry (i, j) (either order: the matrix is symmetric); leaves it zero. */
    boolean equalsEntry(DigitSum sum, int i, int j) {
        final int r = Math.max(i, j);
        final int c = Math.min(i, j);
        return sum.equalsStored(rows[r], offsets[r][c], offsets[r][c + 1] - offsets[r][c]);
    }

    /** Entry (i, j) as an integer (either order). */
    BigInteger get(int i, int j) {
        final int r = Math.max(i, j);
        final int c = Math.min(i, j);
        return DigitSum.valueOf(rows[r], offsets[r][c], offsets[r][c + 1] - offsets[r][c]);
    }
}
