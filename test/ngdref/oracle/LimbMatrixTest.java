package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exact limb products against schoolbook BigInteger products. */
class LimbMatrixTest {

    private static BigInteger[][] random(Random r, int rows, int cols, int bits) {
        final BigInteger[][] m = new BigInteger[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                final BigInteger v = new BigInteger(1 + r.nextInt(bits), r);
                m[i][j] = r.nextBoolean() ? v.negate() : v;
            }
        }
        return m;
    }

    private static BigInteger[][] product(BigInteger[][] a, BigInteger[][] b) {
        final BigInteger[][] c = new BigInteger[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                BigInteger s = BigInteger.ZERO;
                for (int l = 0; l < b.length; l++) {
                    s = s.add(a[i][l].multiply(b[l][j]));
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    @Test
    void productsAreExact() {
        final Random r = new Random(42);
        for (int[] shape : new int[][] {{1, 1, 1}, {3, 5, 2}, {17, 9, 11}, {40, 1100, 3}}) {
            final BigInteger[][] a = random(r, shape[0], shape[1], 200);
            final BigInteger[][] b = random(r, shape[1], shape[2], 90);
            final LimbMatrix p = LimbMatrix.of(a, -7).multiply(LimbMatrix.of(b, 3));
            assertEquals(-4, p.exponent);
            final BigInteger[][] expected = product(a, b);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], p.integers()[i]);
            }
        }
    }

    @Test
    void gramUpperSumsAndDroppedDigits() {
        final Random r = new Random(7);
        final BigInteger[][] x = random(r, 12, 8, 120);
        final BigInteger[][] xt = new BigInteger[8][12];
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 8; j++) {
                xt[j][i] = x[i][j];
            }
        }
        final BigInteger[][] gram = product(xt, x);
        final LimbMatrix lx = LimbMatrix.of(x, 0);
        final BigInteger[][] g = lx.gram().integers();
        final BigInteger[][] u = lx.transpose().multiplyUpper(lx).integers();
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(gram[i], g[i]);
            assertArrayEquals(gram[i], u[i]);
            BigInteger off = BigInteger.ZERO;
            for (int j = 0; j < 8; j++) {
                off = j == i ? off : off.add(gram[i][j].abs());
            }
            assertEquals(off, lx.gram().absRowSums(true)[i]);
        }
        // Dropping t digits moves each value by less than 2^(26 t).
        final LimbMatrix dropped = lx.gram().dropDigits(3);
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                final BigInteger diff = gram[i][j].subtract(dropped.integer(i, j).shiftLeft(78)).abs();
                assertTrue(diff.compareTo(BigInteger.ONE.shiftLeft(78)) < 0);
            }
        }
    }

    @Test
    void doublesArePlacedExactly() {
        final double[][] v = {{0.1, -0.75, 1e-30, -Double.MIN_VALUE}, {3.5, 0x1p-60 + 0x1p-113, -1.0 / 3, 0}};
        for (int bits : new int[] {0, 26, 52, 78, 104}) {
            final LimbMatrix m = LimbMatrix.ofDoubles(v, bits);
            assertEquals(-bits, m.exponent);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 4; j++) {
                    // round(x·2^bits), half away from zero
                    final BigInteger expected = new java.math.BigDecimal(v[i][j]).multiply(new java.math.BigDecimal(BigInteger.ONE.shiftLeft(bits)))
                            .setScale(0, java.math.RoundingMode.HALF_UP).toBigIntegerExact();
                    assertEquals(expected, m.integer(i, j), "bits " + bits + " entry " + v[i][j]);
                }
            }
        }
    }
}
