package ngdref.oracle;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An exact integer formed as a sum of products, held as base-{@code 2^28} digits in
 * {@code long} slots: the allocation-free arithmetic of the oracle's O(D²) work on the explicit
 * matrix of the family, whose entries have thousands of bits ({@link SymmetricEntries},
 * {@link PlaneSpectrum}). {@code BigInteger} allocates a new array for every product, shift and
 * sum, and at D = 256 that allocation, not the arithmetic, was most of the cost.
 *
 * <p>The value is {@code Σ slot[k]·2^(28k)}. Each term added is a long integer (a {@link Wide}:
 * digits in [0, 2^28), a sign and a power of two) times a short one of at most 53 bits (the odd
 * part of an entry of G or Y, integers from doubles): the short factor times the power of two
 * modulo 28 has at most 81 bits, three digits, so every digit product is below 2^56 and one
 * term adds at most 3·2^56 in absolute value to a slot. After at most {@link #MAX_TERMS} terms
 * a slot is below 2^63: no overflow, no carry until {@link #isZero} or {@link #store}, which
 * propagate the carries once and leave the sum zero for the next entry.
 */
final class DigitSum {

    /** Digit width in bits. */
    static final int W = 28;
    /** How many terms a sum may have: 40·3·2^56 &lt; 2^63. */
    static final int MAX_TERMS = 40;

    private static final long MASK = (1L << W) - 1;

    private final long[] slot;
    /** Every slot below this one is zero (slot.length when the sum is zero). */
    private int low;
    /** Every slot from here on is zero. */
    private int used;
    private int terms;

    /** A zero sum of {@code slots} digits. */
    DigitSum(int slots) {
        this.slot = new long[slots];
        this.low = slots;
    }

    /** How many slots a sum needs whose terms have at most {@code bits} bits (with a sign digit). */
    static int slotsFor(long bits) {
        final long slots = bits / W + 4;
        if (slots > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("an integer of " + bits + " bits is too long for the oracle's digits");
        }
        return (int) slots;
    }

    /** The number of slots. */
    int slots() {
        return slot.length;
    }

    /**
     * Adds {@code sign·a·s·2^shift} ({@code sign} = ±1): a long integer times a short one,
     * {@code |s| < 2^53}.
     *
     * @throws IllegalStateException if the sum has too few slots for the term or too many terms
     *     since the last normalisation (a fault of the caller, never a wrong sum)
     */
    void addProduct(Wide a, long s, int shift, int sign) {
        if (s == 0 || a.signum() == 0) {
            return;
        }
        final long u = Math.abs(s);
        if (u >>> 53 != 0) {
            throw new IllegalStateException("short factor of more than 53 bits: " + s);
        }
        final int total = a.shift() + shift;
        final int w = total / W;
        final int r = total % W;
        // u·2^r = m0 + m1·2^28 + m2·2^56, each below 2^28 (u·2^r < 2^81).
        final long low = (u & MASK) << r;
        final long high = ((u >>> W) << r) + (low >>> W);
        final boolean negative = a.sign() * Long.signum(s) * sign < 0;
        final long[] d = a.digits();
        reserve(w, w + d.length + 2);
        // Three passes, one digit of the short factor each.
        multiplyAdd(d, negative ? -(low & MASK) : low & MASK, w);
        multiplyAdd(d, negative ? -(high & MASK) : high & MASK, w + 1);
        multiplyAdd(d, negative ? -(high >>> W) : high >>> W, w + 2);
    }

    private void multiplyAdd(long[] d, long m, int at) {
        if (m == 0) {
            return;
        }
        final long[] t = slot;
        for (int k = 0; k < d.length; k++) {
            t[at + k] += d[k] * m;
        }
    }

    /**
     * Whether the sum is zero; leaves it zero either way. One pass over the slots the terms used:
     * the carries are propagated digit by digit, and the sum is zero iff every digit and the last
     * carry are zero.
     */
    boolean isZero() {
        final long[] t = slot;
        long carry = 0;
        boolean zero = true;
        for (int k = Math.min(low, used); k < used; k++) {
            final long v = t[k] + carry;
            t[k] = 0;
            zero &= (v & MASK) == 0;
            carry = v >> W;
        }
        reset();
        return zero && carry == 0;
    }

    private void reserve(int start, int end) {
        if (end > slot.length) {
            throw new IllegalStateException("a term of " + end + " digits in a sum of " + slot.length);
        }
        if (++terms > MAX_TERMS) {
            throw new IllegalStateException("more than " + MAX_TERMS + " terms without a normalisation");
        }
        low = Math.min(low, start);
        used = Math.max(used, end);
    }

    private void reset() {
        low = slot.length;
        used = 0;
        terms = 0;
    }

    /**
     * Writes the sum to {@code out[from ..]} in its shortest form, and leaves the sum zero. The
     * form is {@code [z, d_z, …, d_top]}: the value is {@code Σ d_k·2^(28k)} with d_z the lowest
     * nonzero digit (z = 0 and one digit 0 for zero), digits in [0, 2^28) and a last, signed one
     * that is neither 0 nor −1 unless it is the only one (a last digit 0 or −1 is folded into the
     * one below it).
     *
     * @return the number of ints written, at most {@link #slots()} + 1
     * @throws IllegalStateException if the value does not fit the slots (a fault of the caller)
     */
    int store(int[] out, int from) {
        final long[] t = slot;
        final int start = Math.min(low, used);
        final int at = from + 1 - start;             // digit k goes to out[at + k]
        long carry = 0;
        int k = start;
        for (; k < used; k++) {
            final long v = t[k] + carry;
            t[k] = 0;
            out[at + k] = (int) (v & MASK);
            carry = v >> W;
        }
        reset();
        // The value is the digits written plus carry·2^(28k): the carry's own digits follow.
        for (; carry != 0 && carry != -1; k++) {
            requireRoom(k);
            out[at + k] = (int) (carry & MASK);
            carry >>= W;
        }
        // carry is now 0, or −1 for a negative value: a last digit −1, or folded into the one below.
        if (k == start) {
            out[at + k++] = (int) carry;
        } else if (carry != 0 && k < slot.length) {
            out[at + k++] = -1;
        } else if (carry != 0) {
            out[at + k - 1] -= 1 << W;
        }
        int top = k;                                 // digits start .. top − 1
        while (top - start > 1 && (out[at + top - 1] == 0 || out[at + top - 1] == -1)) {
            out[at + top - 2] += out[at + top - 1] << W;
            top--;
        }
        int z = start;
        while (z < top - 1 && out[at + z] == 0) {
            z++;
        }
        if (z == top - 1 && out[at + z] == 0) {
            z = 0;                                   // zero: one digit 0 at position 0
            out[from + 1] = 0;
            top = 1;
        } else if (z > start) {
            System.arraycopy(out, at + z, out, from + 1, top - z);
        }
        out[from] = z;
        return 1 + top - z;
    }

    /**
     * The sum as a {@link Wide} (its digits from the lowest nonzero one to the highest, its sign,
     * the power of two of the lowest digit's place), and leaves the sum zero: a long integer formed
     * here and then multiplied in other sums, with no {@code BigInteger} between.
     */
    Wide toWide() {
        final long[] t = slot;
        final int start = Math.min(low, used);
        // The digits from slot start on, and up to two of the final carry (|carry| < 2^35).
        final long[] d = new long[used - start + 2];
        long carry = 0;
        int k = 0;
        for (int s = start; s < used; s++) {
            final long v = t[s] + carry;
            t[s] = 0;
            d[k++] = v & MASK;
            carry = v >> W;
        }
        reset();
        while (carry != 0 && carry != -1) {
            d[k++] = carry & MASK;
            carry >>= W;
        }
        int sign = 1;
        if (carry == -1) {
            // The value is Σ d·2^(28i) − 2^(28k): its magnitude is 2^(28k) − Σ d·2^(28i).
            sign = -1;
            long borrow = 0;
            for (int i = 0; i < k; i++) {
                final long x = -d[i] - borrow;
                d[i] = x & MASK;
                borrow = x < 0 ? 1 : 0;
            }
        }
        int z = 0;
        while (z < k && d[z] == 0) {
            z++;
        }
        if (z == k) {
            return new Wide(new long[0], 0, 0);
        }
        int top = k - 1;
        while (d[top] == 0) {
            top--;
        }
        return new Wide(Arrays.copyOfRange(d, z, top + 1), sign, W * (start + z));
    }

    private void requireRoom(int k) {
        if (k >= slot.length) {
            throw new IllegalStateException("the sum does not fit its " + slot.length + " digits");
        }
    }

    /** The integer stored in the form of {@link #store} at {@code digits[from .. from + count)}. */
    static BigInteger valueOf(int[] digits, int from, int count) {
        final int z = digits[from];
        final int n = count - 1;
        final byte[] magnitude = new byte[(n - 1) * W / 8 + 1];
        long buffer = 0;
        int bits = 0;
        int at = magnitude.length - 1;
        for (int k = 0; k < n - 1; k++) {
            buffer |= (long) digits[from + 1 + k] << bits;
            bits += W;
            while (bits >= 8) {
                magnitude[at--] = (byte) buffer;
                buffer >>>= 8;
                bits -= 8;
            }
        }
        if (bits > 0) {
            magnitude[at] = (byte) buffer;
        }
        return new BigInteger(1, magnitude).add(BigInteger.valueOf(digits[from + n]).shiftLeft(W * (n - 1)))
                .shiftLeft(W * z);
    }

    /**
     * A long integer {@code sign·Σ digits[k]·2^(28k)·2^shift} with digits in [0, 2^28), split
     * once for the many products it enters: from a {@code BigInteger} its odd part and power of
     * two ({@link #of}), from a sum its digits without the zero ones at either end
     * ({@link DigitSum#toWide}).
     *
     * @param digits the digits of the magnitude (empty for 0)
     * @param sign −1, 0 or 1
     * @param shift the power of two
     */
    record Wide(long[] digits, int sign, int shift) {

        /** {@code v} split into odd part and power of two. */
        static Wide of(BigInteger v) {
            if (v.signum() == 0) {
                return new Wide(new long[0], 0, 0);
            }
            final int shift = v.getLowestSetBit();
            final byte[] b = v.abs().shiftRight(shift).toByteArray();
            final long[] d = new long[(b.length * 8 + W - 1) / W];
            long buffer = 0;
            int bits = 0;
            int k = 0;
            for (int i = b.length - 1; i >= 0; i--) {
                buffer |= (long) (b[i] & 0xff) << bits;
                bits += 8;
                if (bits >= W) {
                    d[k++] = buffer & MASK;
                    buffer >>>= W;
                    bits -= W;
                }
            }
            if (bits > 0) {
                d[k++] = buffer;
            }
            return new Wide(k == d.length ? d : Arrays.copyOf(d, k), v.signum(), shift);
        }

        int signum() {
            return sign;
        }

        /** An upper bound on the bit length of the value. */
        long bits() {
            return (long) digits.length * W + shift;
        }
    }

    /**
     * A short integer {@code odd·2^shift}, |odd| &lt; 2^53: an entry of G or Y (a double over
     * a power of two).
     *
     * @param odd the odd part with its sign (0 for 0)
     * @param shift the power of two
     */
    record Narrow(long odd, int shift) {

        /** The integer 1, for a long integer added as it is. */
        static final Narrow ONE = new Narrow(1, 0);

        /** {@code v} split, or an exception if its odd part has more than 53 bits. */
        static Narrow of(BigInteger v) {
            if (v.signum() == 0) {
                return new Narrow(0, 0);
            }
            final int shift = v.getLowestSetBit();
            final BigInteger odd = v.shiftRight(shift);
            if (odd.bitLength() > 53) {
                throw new IllegalArgumentException("not a double's integer: odd part of " + odd.bitLength() + " bits");
            }
            return new Narrow(odd.longValue(), shift);
        }

        static Narrow[] of(BigInteger[] v) {
            final Narrow[] out = new Narrow[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = of(v[i]);
            }
            return out;
        }

        /** An upper bound on the bit length of the value. */
        long bits() {
            return 53L + shift;
        }
    }

    /** Adds {@code sign·a·s}. */
    void addProduct(Wide a, Narrow s, int sign) {
        addProduct(a, s.odd(), s.shift(), sign);
    }
}
