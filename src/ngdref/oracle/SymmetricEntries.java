package ngdref.oracle;

import java.math.BigInteger;

/**
 * An explicit symmetric integer matrix given entry by entry: a rule that adds ±entry (i, j) to a
 * {@link DigitSum}. Nothing is stored; an entry is formed, exactly, each time it is read or
 * checked. This is how the oracle holds the numerators of the family's explicit matrix, Eq. (8),
 * whose entries have thousands of bits: {@link PlaneSpectrum} checks each entry of the lower
 * triangle by adding its own value of it and subtracting the matrix's in one sum, one carry pass
 * per entry, without writing the matrix out first (at D = 256 that was 33,000 entries of up to
 * 300 digits each, read once).
 */
final class SymmetricEntries {

    private final int n;
    /** How many slots a sum of one entry needs. */
    private final int slots;
    private final Entries entries;

    private SymmetricEntries(int n, int slots, Entries entries) {
        this.n = n;
        this.slots = slots;
        this.entries = entries;
    }

    /** What a matrix is made of: the rule for its entries. */
    interface Entries {
        /** Adds {@code sign}·entry (i, j), i &gt;= j, {@code sign} = ±1, to {@code sum}. */
        void add(int i, int j, int sign, DigitSum sum);
    }

    /**
     * The n×n symmetric matrix whose entry (i, j), i &gt;= j, {@code entries} adds to a sum of
     * {@code slots} slots ({@link DigitSum#slotsFor}); {@code entries} must be safe to call from
     * several threads at once.
     */
    static SymmetricEntries of(int n, int slots, Entries entries) {
        return new SymmetricEntries(n, slots, entries);
    }

    /** The symmetric integer matrix {@code num} (its lower triangle; the caller checked symmetry). */
    static SymmetricEntries of(BigInteger[][] num) {
        long bits = 1;
        final DigitSum.Wide[][] lower = new DigitSum.Wide[num.length][];
        for (int i = 0; i < num.length; i++) {
            lower[i] = new DigitSum.Wide[i + 1];
            for (int j = 0; j <= i; j++) {
                lower[i][j] = DigitSum.Wide.of(num[i][j]);
                bits = Math.max(bits, num[i][j].bitLength());
            }
        }
        return of(num.length, DigitSum.slotsFor(bits), (i, j, sign, sum) -> sum.addProduct(lower[i][j], DigitSum.Narrow.ONE, sign));
    }

    /** The dimension n. */
    int dimension() {
        return n;
    }

    /** How many slots a sum needs to hold any entry. */
    int slots() {
        return slots;
    }

    /**
     * Whether {@code sum} equals entry (i, j) (either order: the matrix is symmetric); leaves the
     * sum zero. The sum must have at least {@link #slots()} slots and room for three more terms.
     */
    boolean equalsEntry(DigitSum sum, int i, int j) {
        entries.add(Math.max(i, j), Math.min(i, j), -1, sum);
        return sum.isZero();
    }

    /** Entry (i, j) as an integer (either order). */
    BigInteger get(int i, int j) {
        final DigitSum sum = new DigitSum(slots);
        entries.add(Math.max(i, j), Math.min(i, j), 1, sum);
        final int[] digits = new int[slots + 1];
        return DigitSum.valueOf(digits, 0, sum.store(digits, 0));
    }
}
