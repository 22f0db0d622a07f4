package ngdref.cli;

import java.util.SplittableRandom;

/**
 * The deterministic draws shared by the test-vector and conformance-suite generators: only
 * {@link SplittableRandom} (a specified algorithm) and {@link StrictMath} (fdlibm, identical on
 * every JVM), so a seed gives the same inputs everywhere.
 */
final class SeededDraws {

    private SeededDraws() {
    }

    /** A standard normal deviate by Box–Muller, in StrictMath. */
    static double gaussian(SplittableRandom rng) {
        final double u1 = 1.0 - rng.nextDouble();          // (0, 1]
        final double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** d standard normal deviates. */
    static double[] gaussian(SplittableRandom rng, int d) {
        final double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = gaussian(rng);
        }
        return v;
    }

    /** 10^U(lo, hi). */
    static double pow10(SplittableRandom rng, int lo, int hi) {
        return StrictMath.pow(10, lo + (hi - lo) * rng.nextDouble());
    }

    /** Log-uniform D in [2, max] (max = 2 draws nothing). */
    static int dimension(SplittableRandom rng, int max) {
        if (max == 2) {
            return 2;
        }
        final double u = rng.nextDouble() * StrictMath.log(max - 1.0);
        return (int) Math.min(max, 1 + Math.round(StrictMath.exp(u)));
    }

    /** aᵀb with StrictMath.fma, for constructing inputs (not a certified sum). */
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s = StrictMath.fma(a[i], b[i], s);
        }
        return s;
    }

    /** Whether every entry is ±0. */
    static boolean isZero(double[] v) {
        for (double x : v) {
            if (x != 0.0) {
                return false;
            }
        }
        return true;
    }
}
