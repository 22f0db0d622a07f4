package ngdref.oracle;

import java.math.BigInteger;

/**
 * The exact integer square root of an integer that is a perfect square, or null. Most
 * non-squares (in the oracle's uses, almost every input) are rejected by Euler's criterion
 * modulo a few primes near 2^31 — a square is a quadratic residue modulo every prime, a
 * non-square fails at each prime not dividing it with probability about ½ — in time linear in the
 * integer's length; only the rest pay for the integer square root (Newton's method on integers
 * of tens of thousands of bits when the inputs span the whole double range).
 */
final class ExactSquareRoot {

    /** Primes below 2^31. */
    private static final long[] PRIMES = {
        2147483647L, 2147483629L, 2147483587L, 2147483579L, 2147483563L, 2147483549L, 2147483543L,
        2147483497L, 2147483489L, 2147483477L, 2147483423L, 2147483399L, 2147483353L, 2147483323L,
        2147483269L, 2147483249L,
    };

    private ExactSquareRoot() {
    }

    /** √n when n &ge; 0 is the square of an integer, else null. */
    static BigInteger of(BigInteger n) {
        if (n.signum() < 0) {
            return null;
        }
        for (long prime : PRIMES) {
            final BigInteger p = BigInteger.valueOf(prime);
            final BigInteger r = n.mod(p);
            if (r.signum() != 0 && !r.modPow(BigInteger.valueOf((prime - 1) / 2), p).equals(BigInteger.ONE)) {
                return null;
            }
        }
        final BigInteger root = n.sqrt();
        return root.multiply(root).equals(n) ? root : null;
    }
}
