package ngdref.cli;

import java.util.SplittableRandom;
import ngdref.oracle.ExactDots;

/**
 * The inputs of the test vectors: random and adversarial pairs (g, y) with γ, deterministic
 * from a seed. Case i has kind {@code KINDS[i % 7]} and is drawn from its own generator
 * (seeded by the seed, i and the attempt number), so that a case does not depend on the others;
 * a draw that the oracle cannot certify to a correctly rounded double, or whose yᵀg is not
 * exactly positive, is redrawn with the next attempt number.
 *
 * <p>Only {@link SplittableRandom} (a specified algorithm) and {@link StrictMath} (fdlibm,
 * identical on every JVM) are used, so a seed gives the same file everywhere.
 */
final class CaseGenerator {

    /** The kinds of case, in the order they are cycled. */
    enum Kind {
        /** Gaussian g, y of log-uniform D, γ = 1 or log-uniform in [1e−3, 1e3]. */
        RANDOM("random"),
        /** ψ from about 1 down to exactly 0: y = s·(g + t·n), t = 10^−u, u ∈ [0, 20]. */
        PSI_NEAR_ZERO("psi_near_zero"),
        /** cos ψ from 1e−8 down to about 1e−16: ψ within 1e−8 of π/2. */
        PSI_NEAR_HALF_PI("psi_near_half_pi"),
        /** ‖y‖/‖g‖ from 1e−150 to 1e150. */
        NORM_RATIO("norm_ratio"),
        /** Entries of magnitudes from 2^−300 to 2^300 mixed in one vector, mixed signs. */
        MIXED_MAGNITUDES("mixed_magnitudes"),
        /** γ from 1e−12 to 1e12 (the ends included). */
        GAMMA_EXTREME("gamma_extreme"),
        /** D = 2 and D = the largest dimension. */
        DIMENSION_EXTREME("dimension_extreme");

        final String json;

        Kind(String json) {
            this.json = json;
        }
    }

    /**
     * One case's inputs.
     *
     * @param id the case id, e.g. "psi_near_zero-0001"
     * @param kind what it tests
     * @param g the update
     * @param y the negative gradient
     * @param gamma γ of M(γ)
     */
    record Case(String id, Kind kind, double[] g, double[] y, double gamma) {
    }

    private static final Kind[] KINDS = Kind.values();

    private final long seed;
    private final int maxDimension;

    /**
     * @param seed the seed
     * @param maxDimension the largest D (&ge; 2)
     */
    CaseGenerator(long seed, int maxDimension) {
        if (maxDimension < 2) {
            throw new NgdrefCli.UsageException("--max-dimension must be >= 2, was " + maxDimension);
        }
        this.seed = seed;
        this.maxDimension = maxDimension;
    }

    /**
     * The inputs of case {@code index} at draw {@code attempt}, or null when the draw is not an
     * effective update (yᵀg &le; 0 exactly) and must be redrawn.
     */
    Case draw(int index, int attempt) {
        final SplittableRandom rng = new SplittableRandom(mix(seed, index, attempt));
        final Kind kind = KINDS[index % KINDS.length];
        final int round = index / KINDS.length;
        final String id = kind.json + "-" + String.format(java.util.Locale.ROOT, "%04d", index);
        double[] g;
        double[] y;
        double gamma = 1.0;
        switch (kind) {
            case RANDOM: {
                final int d = dimension(rng);
                g = SeededDraws.gaussian(rng, d);
                y = SeededDraws.gaussian(rng, d);
                gamma = rng.nextBoolean() ? 1.0 : SeededDraws.pow10(rng, -3, 3);
                break;
            }
            case PSI_NEAR_ZERO: {
                final int d = dimension(rng);
                g = SeededDraws.gaussian(rng, d);
                final double[] n = SeededDraws.gaussian(rng, d);
                final double t = StrictMath.pow(10, -20 * rng.nextDouble());
                final double s = StrictMath.scalb(1.0, rng.nextInt(-4, 5));
                y = new double[d];
                for (int i = 0; i < d; i++) {
                    y[i] = s * (g[i] + t * n[i]);
                }
                gamma = rng.nextInt(3) == 0 ? SeededDraws.pow10(rng, -12, 12) : 1.0;
                break;
            }
            case PSI_NEAR_HALF_PI: {
                final int d = dimension(rng);
                g = SeededDraws.gaussian(rng, d);
                final double[] e = SeededDraws.gaussian(rng, d);
                final double gg = SeededDraws.dot(g, g);
                final double c = SeededDraws.dot(e, g) / gg;
                for (int i = 0; i < d; i++) {
                    e[i] -= c * g[i];                   // e ⊥ g up to rounding
                }
                final double delta = StrictMath.pow(10, -8 - 8 * rng.nextDouble());
                final double scale = delta * StrictMath.sqrt(SeededDraws.dot(e, e) / gg);
                y = new double[d];
                for (int i = 0; i < d; i++) {
                    y[i] = e[i] + scale * g[i];         // cos ψ ≈ δ
                }
                gamma = rng.nextBoolean() ? 1.0 : SeededDraws.pow10(rng, -6, 6);
                break;
            }
            case NORM_RATIO: {
                final int d = dimension(rng);
                g = SeededDraws.gaussian(rng, d);
                y = SeededDraws.gaussian(rng, d);
                final int k = round % 4 == 0 ? 150 : round % 4 == 1 ? -150 : rng.nextInt(-150, 151);
                scale(y, StrictMath.pow(10, k));
                scale(g, StrictMath.pow(10, rng.nextInt(-20, 21)));
                gamma = rng.nextBoolean() ? 1.0 : SeededDraws.pow10(rng, -3, 3);
                break;
            }
            case MIXED_MAGNITUDES: {
                final int d = dimension(rng);
                g = new double[d];
                y = new double[d];
                for (int i = 0; i < d; i++) {
                    g[i] = SeededDraws.gaussian(rng) * StrictMath.scalb(1.0, rng.nextInt(-300, 301));
                    y[i] = rng.nextInt(10) < 7 ? g[i] * (1 + 0.5 * SeededDraws.gaussian(rng))
                            : SeededDraws.gaussian(rng) * StrictMath.scalb(1.0, rng.nextInt(-300, 301));
                }
                gamma = rng.nextBoolean() ? 1.0 : SeededDraws.pow10(rng, -3, 3);
                break;
            }
            case GAMMA_EXTREME: {
                final int d = dimension(rng);
                g = SeededDraws.gaussian(rng, d);
                y = SeededDraws.gaussian(rng, d);
                gamma = round % 4 == 0 ? 1e-12 : round % 4 == 1 ? 1e12 : SeededDraws.pow10(rng, -12, 12);
                break;
            }
            default: {
                final int d = round % 2 == 0 ? 2 : maxDimension;
                g = SeededDraws.gaussian(rng, d);
                y = SeededDraws.gaussian(rng, d);
                gamma = rng.nextBoolean() ? 1.0 : SeededDraws.pow10(rng, -2, 2);
                break;
            }
        }
        // An effective update has yᵀg > 0, decided exactly; a negative pair is turned around.
        final int sign = ExactDots.of(g, y).yTg().signum();
        if (sign == 0 || SeededDraws.isZero(g) || SeededDraws.isZero(y)) {
            return null;
        }
        if (sign < 0) {
            if (kind == Kind.PSI_NEAR_HALF_PI || kind == Kind.PSI_NEAR_ZERO) {
                return null;   // turning y around would leave the intended angle
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = -y[i];
            }
        }
        return new Case(id, kind, g, y, gamma);
    }

    /** Log-uniform D in [2, maxDimension]. */
    private int dimension(SplittableRandom rng) {
        return SeededDraws.dimension(rng, maxDimension);
    }

    private static void scale(double[] v, double s) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
    }

    /** A 64-bit seed for (seed, index, attempt) (SplittableRandom mixes it further). */
    private static long mix(long seed, int index, int attempt) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h ^= (long) index * 0xC2B2AE3D27D4EB4FL;
        h ^= (long) attempt * 0x165667B19E3779F9L;
        return h ^ (h >>> 31);
    }
}
