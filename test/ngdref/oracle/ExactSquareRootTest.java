package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ExactSquareRoot against BigInteger.sqrt on squares, their neighbours and the filter's primes. */
class ExactSquareRootTest {

    @Test
    void squaresAreFoundAndNeighboursRejected() {
        final Random r = new Random(7);
        for (int bits : new int[] {1, 31, 62, 200, 4000, 20000}) {
            for (int k = 0; k < 20; k++) {
                final BigInteger root = new BigInteger(bits, r).add(BigInteger.ONE);
                final BigInteger square = root.multiply(root);
                assertEquals(root, ExactSquareRoot.of(square));
                assertNull(ExactSquareRoot.of(square.add(BigInteger.ONE)), "square + 1");
                assertNull(ExactSquareRoot.of(square.subtract(BigInteger.ONE).max(BigInteger.TWO)), "square − 1");
            }
        }
        assertEquals(BigInteger.ZERO, ExactSquareRoot.of(BigInteger.ZERO));
        assertEquals(BigInteger.ONE, ExactSquareRoot.of(BigInteger.ONE));
        assertNull(ExactSquareRoot.of(BigInteger.valueOf(-4)));
    }

    @Test
    void multiplesOfTheFilterPrimesAreDecidedBySqrt() {
        // n ≡ 0 modulo a filter prime passes that prime's test; the square root decides.
        final BigInteger p = BigInteger.valueOf(2147483647L);
        assertEquals(p, ExactSquareRoot.of(p.multiply(p)));
        assertNull(ExactSquareRoot.of(p));
        assertNull(ExactSquareRoot.of(p.multiply(p).multiply(BigInteger.TWO)));
        // a non-square that is a quadratic residue modulo every filter prime: 2·(product of them)²
        BigInteger q = BigInteger.ONE;
        for (long prime : new long[] {2147483647L, 2147483629L, 2147483587L, 2147483579L, 2147483563L,
                2147483549L, 2147483543L, 2147483497L, 2147483489L, 2147483477L, 2147483423L, 2147483399L,
                2147483353L, 2147483323L, 2147483269L, 2147483249L}) {
            q = q.multiply(BigInteger.valueOf(prime));
        }
        assertNull(ExactSquareRoot.of(q.multiply(q).multiply(BigInteger.TWO)));
        assertEquals(q, ExactSquareRoot.of(q.multiply(q)));
    }
}
