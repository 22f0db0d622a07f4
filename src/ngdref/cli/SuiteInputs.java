package ngdref.cli;

import java.util.SplittableRandom;
import ngdref.cli.ConformanceSuite.Category;
import ngdref.cli.ConformanceSuite.Input;
import ngdref.oracle.ExactDots;

/**
 * The inputs of the conformance suite's cases, by category (spec/conformance/v1/README.md). Edge
 * values are constructed, not waited for: exponents drawn uniformly over the whole double range,
 * results placed below 2^−1022 or near 2^1024 by choosing the scales of g and y, midpoints built
 * from exact sums. Only {@link SplittableRandom}, {@link StrictMath} and exact operations
 * ({@code Math.scalb} is exact or correctly rounded, as IEEE 754 specifies) are used, so the
 * inputs are the same on every JVM.
 */
final class SuiteInputs {

    private static final String[] SCALAR_OPS = {"spectrum", "geometry", "bounds"};

    private SuiteInputs() {
    }

    /** The inputs of case {@code i} of {@code c} from {@code rng}, or null to redraw. */
    static Input draw(Category c, int i, SplittableRandom rng) {
        switch (c) {
            case NORMAL:
                return normal(i, rng);
            case NEAR_PARALLEL:
                return oriented(nearParallel(SCALAR_OPS[i % 3], i, rng), false);
            case NEAR_ORTHOGONAL:
                return oriented(nearOrthogonal(SCALAR_OPS[i % 3], i, rng), false);
            case MIXED_MAGNITUDES:
                return oriented(mixed(SCALAR_OPS[i % 3], rng), true);
            case SUBNORMAL_RESULTS:
                return oriented(subnormal(i, rng), true);
            case NEAR_OVERFLOW:
                return oriented(nearOverflow(i, rng), true);
            case OUT_OF_RANGE:
                return oriented(outOfRange(i, rng), true);
            case EXTREME_PARAMETERS: {
                final Input in = gaussian("spectrum", SeededDraws.dimension(rng, 16), rng);
                return oriented(i % 2 == 0 ? in.withGamma(positiveWide(rng)) : in.withAlpha(positiveWide(rng)), true);
            }
            case APPLY_SOLVE:
                return applySolve(i, rng);
            case BOUNDS:
                return anyKind("bounds", i, rng);
            case GEOMETRY:
                return i < REPRODUCERS.length ? Input.of("geometry", REPRODUCERS[i][0], REPRODUCERS[i][1])
                        : anyKind("geometry", i, rng);
            case ROUNDING_MIDPOINTS:
                return midpoint(i, rng);
            case INVALID_INPUTS:
                return invalid(i, rng);
            default:
                throw new IllegalStateException("category " + c);
        }
    }

    /** Issue 12's geometry reproducers (g, y), each once. */
    private static final double[][][] REPRODUCERS = {
        {{0x1p300, 0}, {0x1p-250, 0x1p-250}},
        {{0x1p265, 0}, {0x1.23456789abcdep-267, 0x1.fedcba987654p-268}},
        {{0x1p-300, 0}, {0x1p250, 0x1p250}},
        {{0x1p-700, 1}, {0x1p-380, 0}},
        {{1e300, 1e-200}, {0, 1e300}},
        {{0x1p100, 0}, {0x1.4p-973, 0x1.4p-1003}},
    };

    private static Input normal(int i, SplittableRandom rng) {
        final String op = i % 4 == 3 ? "bounds" : i % 4 == 2 ? "geometry" : "spectrum";
        final Input in = gaussian(op, SeededDraws.dimension(rng, 64), rng);
        final Input p = i % 4 == 1 ? in.withAlpha(SeededDraws.pow10(rng, -3, 3))
                : op.equals("spectrum") && rng.nextBoolean() ? in.withGamma(SeededDraws.pow10(rng, -3, 3)) : in;
        return oriented(p, true);
    }

    private static Input nearParallel(String op, int i, SplittableRandom rng) {
        final int d = SeededDraws.dimension(rng, 24);
        final double[] g = SeededDraws.gaussian(rng, d);
        final double[] n = SeededDraws.gaussian(rng, d);
        final double t = i % 8 == 0 ? 0.0 : StrictMath.pow(10, -20 * rng.nextDouble());
        final double s = StrictMath.scalb(1.0, rng.nextInt(-4, 5));
        final double[] y = new double[d];
        for (int k = 0; k < d; k++) {
            y[k] = s * (g[k] + t * n[k]);
        }
        final Input in = Input.of(op, g, y);
        return op.equals("spectrum") && rng.nextInt(3) == 0 ? in.withGamma(SeededDraws.pow10(rng, -12, 12)) : in;
    }

    private static Input nearOrthogonal(String op, int i, SplittableRandom rng) {
        final int d = SeededDraws.dimension(rng, 24);
        final double[] g = SeededDraws.gaussian(rng, d);
        final double[] y;
        if (i % 2 == 0) {
            // y = e + δ‖e‖/‖g‖·g with e ⊥ g up to rounding: cos ψ ≈ δ ∈ [1e−16, 1e−8].
            final double[] e = SeededDraws.gaussian(rng, d);
            final double gg = SeededDraws.dot(g, g);
            final double c = SeededDraws.dot(e, g) / gg;
            for (int k = 0; k < d; k++) {
                e[k] -= c * g[k];
            }
            final double delta = StrictMath.pow(10, -8 - 8 * rng.nextDouble());
            final double scale = delta * StrictMath.sqrt(SeededDraws.dot(e, e) / gg);
            y = new double[d];
            for (int k = 0; k < d; k++) {
                y[k] = e[k] + scale * g[k];
            }
        } else {
            // Exact: g = (g₀, 0, …), y = (2^−k·m, y₁, …): yᵀg = g₀·m·2^−k > 0, cos ψ ≈ 2^−k.
            for (int k = 1; k < d; k++) {
                g[k] = 0.0;
            }
            g[0] = Math.abs(g[0]) + 0.5;
            y = SeededDraws.gaussian(rng, d);
            y[0] = StrictMath.scalb(1.0 + rng.nextDouble(), -rng.nextInt(20, 1071));
        }
        final Input in = Input.of(op, g, y);
        return op.equals("spectrum") && rng.nextBoolean() ? in.withGamma(SeededDraws.pow10(rng, -6, 6)) : in;
    }

    private static Input mixed(String op, SplittableRandom rng) {
        final int d = SeededDraws.dimension(rng, 16);
        final double[] g = new double[d];
        final double[] y = new double[d];
        for (int k = 0; k < d; k++) {
            g[k] = rng.nextInt(10) == 0 ? 0.0 : signedWide(rng);
            if (rng.nextInt(10) < 7) {
                final double v = g[k] * (1 + 0.5 * SeededDraws.gaussian(rng));
                y[k] = Double.isFinite(v) ? v : 0.5 * g[k];
            } else {
                y[k] = signedWide(rng);
            }
        }
        final Input in = Input.of(op, g, y);
        return op.equals("spectrum") && rng.nextBoolean() ? in.withGamma(SeededDraws.pow10(rng, -3, 3)) : in;
    }

    /** g at scale 2^p, y at scale 2^q: ‖y‖/‖g‖ ≈ 2^(q−p). */
    private static Input scaled(String op, int d, int p, int q, SplittableRandom rng) {
        final double[] g = SeededDraws.gaussian(rng, d);
        final double[] y = SeededDraws.gaussian(rng, d);
        for (int k = 0; k < d; k++) {
            g[k] = StrictMath.scalb(g[k], p);
            y[k] = StrictMath.scalb(y[k], q);
        }
        return Input.of(op, g, y);
    }

    private static Input subnormal(int i, SplittableRandom rng) {
        final int d = SeededDraws.dimension(rng, 8);
        final int p = rng.nextInt(0, 61);
        switch (i % 5) {
            case 0:       // ‖y‖/‖g‖ and yᵀg/… subnormal
                return scaled("geometry", d, p, p - rng.nextInt(1022, 1076), rng);
            case 1:       // sup λ_min = yᵀg/gᵀg and inf λ_max subnormal
                return scaled("bounds", d, p, p - rng.nextInt(1022, 1076), rng);
            case 2:       // α = γ·yᵀy/yᵀg subnormal, so λ_min and λ_d too
                return scaled("spectrum", d, 0, 0, rng).withGamma(
                        StrictMath.scalb(1.0 + rng.nextDouble(), -rng.nextInt(1022, 1075)));
            case 3:       // α given subnormal
                return scaled("spectrum", d, 0, 0, rng).withAlpha(
                        Double.longBitsToDouble(rng.nextLong(1, 1L << 52)));
            default:      // every λ subnormal: yᵀy/yᵀg ≈ 2^(q−p)
                return scaled("spectrum", d, p, p - rng.nextInt(1022, 1070), rng);
        }
    }

    private static Input nearOverflow(int i, SplittableRandom rng) {
        final int d = SeededDraws.dimension(rng, 8);
        final int q = rng.nextInt(500, 1019);
        switch (i % 5) {
            case 0:       // ‖y‖/‖g‖ ≈ 2^(1020..1025)
                return scaled("geometry", d, q - rng.nextInt(1020, 1026), q, rng);
            case 1:       // inf λ_max = yᵀy/yᵀg ≈ 2^(1020..1025)
                return scaled("bounds", d, q - rng.nextInt(1020, 1026), q, rng);
            case 2:       // α ≈ 2^(1018..1026): λ_max may overflow while κ does not
                return scaled("spectrum", d, 0, 0, rng).withGamma(
                        StrictMath.scalb(1.0 + rng.nextDouble(), rng.nextInt(1016, 1024)));
            case 3:       // α within 2^40 ulps of the largest double
                return scaled("spectrum", d, 0, 0, rng).withAlpha(
                        Double.longBitsToDouble(0x7FEFFFFFFFFFFFFFL - rng.nextLong(0, 1L << 40)));
            default:      // every λ near the top: yᵀy/yᵀg ≈ 2^(q−p)
                return scaled("spectrum", d, q - rng.nextInt(1016, 1025), q, rng);
        }
    }

    private static Input outOfRange(int i, SplittableRandom rng) {
        final int d = SeededDraws.dimension(rng, 8);
        switch (i % 5) {
            case 0:       // yᵀy overflows (and ‖y‖/‖g‖ with it when g is small)
                return scaled("geometry", d, -rng.nextInt(0, 600), rng.nextInt(600, 1020), rng);
            case 1:       // ‖y‖/‖g‖ and yᵀg underflow
                return scaled("geometry", d, rng.nextInt(600, 1020), -rng.nextInt(600, 1000), rng);
            case 2:       // α = γ·yᵀy/yᵀg overflows: every λ refused, κ still a double
                return scaled("spectrum", d, 0, rng.nextInt(20, 200), rng).withGamma(
                        StrictMath.scalb(1.0 + rng.nextDouble(), rng.nextInt(1000, 1024)));
            case 3:       // α below 2^−1075: λ_min, λ_d refused, κ overflows
                return scaled("spectrum", d, rng.nextInt(20, 200), 0, rng).withGamma(Double.MIN_VALUE);
            default:      // Props. 2–3 out of range both ways
                return scaled("bounds", d, -rng.nextInt(300, 600), rng.nextInt(300, 600), rng);
        }
    }

    private static Input applySolve(int i, SplittableRandom rng) {
        final int d = SeededDraws.dimension(rng, 12);
        final Input base = i % 4 == 3 ? nearParallel("metric", 1, rng) : gaussian("metric", d, rng);
        final Input in = oriented(base, true);
        if (in == null) {
            return null;
        }
        final int n = in.g().length;
        final double[] x;
        final double[] b;
        switch (i % 6) {
            case 0:       // x = g (M·g = y), b = y (M⁻¹·y = g): Eq. (4)
                x = in.g().clone();
                b = in.y().clone();
                break;
            case 1:       // wide entries
                x = new double[n];
                b = new double[n];
                for (int k = 0; k < n; k++) {
                    x[k] = StrictMath.scalb(SeededDraws.gaussian(rng), rng.nextInt(-200, 201));
                    b[k] = StrictMath.scalb(SeededDraws.gaussian(rng), rng.nextInt(-200, 201));
                }
                break;
            default:
                x = SeededDraws.gaussian(rng, n);
                b = SeededDraws.gaussian(rng, n);
                break;
        }
        final Input p = i % 3 == 0 ? in.withAlpha(StrictMath.scalb(1.0 + rng.nextDouble(), rng.nextInt(-300, 301)))
                : in.withGamma(SeededDraws.pow10(rng, -6, 6));
        return p.withVectors(x, b);
    }

    private static Input anyKind(String op, int i, SplittableRandom rng) {
        switch (i % 4) {
            case 0:
                return oriented(nearParallel(op, i, rng), false);
            case 1:
                return oriented(nearOrthogonal(op, i, rng), false);
            case 2:
                return oriented(mixed(op, rng), true);
            default:
                return oriented(gaussian(op, SeededDraws.dimension(rng, 64), rng), true);
        }
    }

    /**
     * yᵀg constructed on a midpoint of the double grid, or 2^−k off it: g = (1, 1[, 1]),
     * y = (m, h[, ±δ]) with h half an ulp of m (normal or subnormal m), so yᵀg = m + h is the
     * midpoint between m and its successor; with gᵀg = 2 (or 3), yᵀg/gᵀg is a midpoint too.
     */
    private static Input midpoint(int i, SplittableRandom rng) {
        final boolean subnormalGrid = i % 3 == 2;
        final double m = subnormalGrid ? Double.longBitsToDouble(rng.nextLong(1, 1L << 52))
                : StrictMath.scalb(1.0 + rng.nextDouble(), rng.nextInt(-900, 1000));
        final boolean off = i % 4 >= 2;
        final String op = i % 2 == 0 ? "geometry" : "bounds";
        if (subnormalGrid) {
            // Half of 2^−1074 is no double: g = (1, 2^−1), y = (m, 2^−1074) puts yᵀg = m + 2^−1075.
            final double[] g = off ? new double[] {1, 0.5, 0x1p-100} : new double[] {1, 0.5};
            final double[] y = off ? new double[] {m, 0x1p-1074, rng.nextBoolean() ? 0x1p-1000 : -0x1p-1000}
                    : new double[] {m, 0x1p-1074};
            return Input.of(op, g, y);
        }
        final double h = Math.ulp(m) / 2;
        if (!off) {
            return Input.of(op, new double[] {1, 1}, new double[] {m, h});
        }
        final double delta = StrictMath.scalb(h, -rng.nextInt(1, 40)) * (rng.nextBoolean() ? 1 : -1);
        return Input.of(op, new double[] {1, 1, 1}, new double[] {m, h, delta});
    }

    private static Input invalid(int i, SplittableRandom rng) {
        final double[] g = SeededDraws.gaussian(rng, 3);
        final double[] y = g.clone();
        final String[] ops = {"geometry", "spectrum", "bounds", "metric"};
        final String op = ops[i % 4];
        Input in = Input.of(op, g, y);
        switch (i) {
            case 0:       // yᵀg < 0
                in = Input.of(op, g, negate(y));
                return in.fault("not_effective");
            case 1:       // yᵀg = 0 exactly
                return Input.of(op, new double[] {1, 0}, new double[] {0, 1}).fault("not_effective");
            case 2:       // yᵀg = 0 exactly by cancellation
                return Input.of(op, new double[] {0x1p-600, 0x1p-600}, new double[] {0x1p600, -0x1p600})
                        .fault("not_effective");
            case 3:       // yᵀg = −2^−1074·2^−60 < 0 exactly, which rounds to −0
                return Input.of(op, new double[] {0x1p-60, 1}, new double[] {-0x1p-1074, 0})
                        .fault("not_effective");
            case 4:       // NaN entry
                g[1] = Double.NaN;
                return in.fault("invalid_argument");
            case 5:       // infinite entry
                y[2] = Double.POSITIVE_INFINITY;
                return in.fault("invalid_argument");
            case 6:       // lengths differ
                return Input.of(op, g, new double[] {1, 1}).fault("invalid_argument");
            case 7:       // D = 1
                return Input.of(op, new double[] {1}, new double[] {1}).fault("invalid_argument");
            case 8:       // g = 0
                return Input.of(op, new double[3], y).fault("invalid_argument");
            case 9:       // γ = 0
                return Input.of("spectrum", g, y).withGamma(0.0).fault("invalid_argument");
            case 10:      // γ < 0
                return Input.of("spectrum", g, y).withGamma(-1.0).fault("invalid_argument");
            case 11:      // γ = ∞
                return Input.of("metric", g, y).withGamma(Double.POSITIVE_INFINITY).fault("invalid_argument");
            case 12:      // α = −0
                return Input.of("spectrum", g, y).withAlpha(-0.0).fault("invalid_argument");
            case 13:      // x of the wrong length
                return Input.of("metric", g, y).withGamma(1.0).withVectors(new double[] {1, 2}, null)
                        .fault("invalid_argument");
            case 14:      // b with a NaN
                return Input.of("metric", g, y).withGamma(1.0).withVectors(null, new double[] {1, Double.NaN, 2})
                        .fault("invalid_argument");
            default:      // y = 0
                return Input.of(op, g, new double[3]).fault("invalid_argument");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** y turned around when yᵀg &lt; 0 (when {@code flip}); null when yᵀg = 0 or, without flip, &lt; 0. */
    private static Input oriented(Input in, boolean flip) {
        if (SeededDraws.isZero(in.g()) || SeededDraws.isZero(in.y())) {
            return null;
        }
        final double[] y = orient(in.g(), in.y());
        if (y == null || (!flip && y != in.y())) {
            return null;
        }
        return new Input(in.op(), in.g(), y, in.gamma(), in.alpha(), in.x(), in.b(), in.error());
    }

    /** For a draw whose yᵀg is negative: y turned around; null when yᵀg = 0 exactly. */
    private static double[] orient(double[] g, double[] y) {
        final int s = ExactDots.of(g, y).yTg().signum();
        if (s == 0) {
            return null;
        }
        if (s > 0) {
            return y;
        }
        final double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = -y[i];
        }
        return out;
    }

    private static Input gaussian(String op, int d, SplittableRandom rng) {
        return Input.of(op, SeededDraws.gaussian(rng, d), SeededDraws.gaussian(rng, d));
    }

    /** A finite double with exponent field uniform over [0, 2046] (subnormals and 0 included). */
    private static double positiveWide(SplittableRandom rng) {
        double v;
        do {
            final long exponent = rng.nextLong(0, 2047);
            v = Double.longBitsToDouble((exponent << 52) | (rng.nextLong() & ((1L << 52) - 1)));
        } while (v == 0.0);
        return v;
    }

    private static double signedWide(SplittableRandom rng) {
        final double v = positiveWide(rng);
        return rng.nextBoolean() ? v : -v;
    }

    private static double[] negate(double[] v) {
        final double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = -v[k];
        }
        return out;
    }
}
