package ngdref.properties;

import java.util.Random;
import ngdref.oracle.ExactDots;

/**
 * Effective pairs (g, y) and a parameter (γ or α) from the whole double domain, built from a seed
 * so that every failure is reproducible. The kinds go where the faults are:
 * <ul>
 * <li>{@code wide}: entries with exponents uniform over [−1074, 1023] (subnormal entries, zeros,
 *   mixed magnitudes within one vector);</li>
 * <li>{@code scaled}: each vector at its own scale 2^e (e uniform over the range), entries within
 *   2^±20 of it, so quotients such as ‖y‖/‖g‖ and ρ, σ land anywhere from the subnormal range to
 *   beyond the overflow threshold;</li>
 * <li>{@code threshold}: ‖y‖/‖g‖, ρ and σ placed within a few binades of 2^1024 or of 2^-1074, and
 *   yᵀy near the overflow threshold;</li>
 * <li>{@code midpoint}: values constructed exactly on rounding midpoints: yᵀg = (2^53 + 1)·2^k and
 *   ρ = yᵀg/2 (also in the subnormal range), ‖y‖/‖g‖ = m·2^k with m = p² + q² an odd 54-bit
 *   integer (a Pythagorean triple (p² − q², 2pq, m) with p ≈ 2^26.5), and yᵀg exactly at
 *   2^1024 − 2^970 (rounds to ∞) or just below it;</li>
 * <li>{@code parallel}: y = 2^k·g·(1 + tiny), so sin ψ is 0 or tiny.</li>
 * </ul>
 * The parameter is γ = 1, a moderate γ, an extreme γ = 2^e (e over the whole range), or an α given
 * directly (also extreme).
 */
final class EdgeCases {

    static final String[] KINDS = {"wide", "scaled", "threshold", "midpoint", "parallel"};

    final double[] g;
    final double[] y;
    final double parameter;
    final boolean parameterIsGamma;
    final String kind;
    final long seed;

    private EdgeCases(double[] g, double[] y, double parameter, boolean parameterIsGamma, String kind, long seed) {
        this.g = g;
        this.y = y;
        this.parameter = parameter;
        this.parameterIsGamma = parameterIsGamma;
        this.kind = kind;
        this.seed = seed;
    }

    /** A hand-made case (regression tests). */
    static EdgeCases fixed(double[] g, double[] y, double parameter, boolean parameterIsGamma) {
        return new EdgeCases(g, y, parameter, parameterIsGamma, "fixed", 0);
    }

    /** The case of a seed; null when the construction gave yᵀg = 0 (rare; the caller skips it). */
    static EdgeCases of(long seed) {
        final Random r = new Random(seed);
        final String kind = KINDS[r.nextInt(KINDS.length)];
        final double[][] gy;
        switch (kind) {
            case "wide": gy = wide(r); break;
            case "scaled": gy = scaled(r); break;
            case "threshold": gy = threshold(r); break;
            case "midpoint": gy = midpoint(r); break;
            default: gy = parallel(r); break;
        }
        final double[] g = gy[0];
        final double[] y = gy[1];
        final int sign = ExactDots.of(g, y).yTg().signum();
        if (sign == 0) {
            return null;
        }
        if (sign < 0) {
            for (int i = 0; i < y.length; i++) {
                y[i] = -y[i];
            }
        }
        final int p = r.nextInt(10);
        final double parameter;
        final boolean isGamma = p < 8;
        if (p < 4) {
            parameter = 1.0;
        } else if (p < 6) {
            parameter = Math.scalb(1 + r.nextDouble(), r.nextInt(121) - 60);
        } else {
            parameter = wideValue(r, false);
        }
        return new EdgeCases(g, y, parameter, isGamma, kind, seed);
    }

    /** A positive double with exponent uniform over [−1074, 1023] (subnormal included). */
    static double wideValue(Random r, boolean allowZero) {
        if (allowZero && r.nextInt(10) == 0) {
            return 0.0;
        }
        final int e = r.nextInt(2098) - 1074;
        final double v = Math.scalb(1.0 + r.nextDouble(), e);
        return v == 0.0 ? Double.MIN_VALUE : Math.min(v, Double.MAX_VALUE);
    }

    private static int dimension(Random r) {
        return 2 + (r.nextInt(4) == 0 ? r.nextInt(7) : r.nextInt(3));
    }

    private static double signed(Random r, double v) {
        return r.nextBoolean() ? v : -v;
    }

    private static double[][] wide(Random r) {
        final int d = dimension(r);
        final double[] g = new double[d];
        final double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = signed(r, wideValue(r, true));
            y[i] = signed(r, wideValue(r, true));
        }
        g[r.nextInt(d)] = signed(r, wideValue(r, false));
        // correlate the first entries so that many pairs are effective
        final int k = r.nextInt(d);
        y[k] = Math.copySign(wideValue(r, false), g[k]);
        return new double[][] {g, y};
    }

    private static double[] around(Random r, int d, int e) {
        final double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = signed(r, Math.scalb(1.0 + r.nextDouble(), e - r.nextInt(21)));
        }
        return v;
    }

    private static double[][] scaled(Random r) {
        final int d = dimension(r);
        final double[] g = around(r, d, r.nextInt(2054) - 1030);
        final double[] y = around(r, d, r.nextInt(2054) - 1030);
        if (r.nextBoolean()) { // align signs with g: ψ mostly well inside (0, π/2)
            for (int i = 0; i < d; i++) {
                y[i] = Math.copySign(y[i], g[i]);
            }
        }
        return new double[][] {g, y};
    }

    private static double[][] threshold(Random r) {
        final int d = dimension(r);
        final int which = r.nextInt(3);
        if (which == 2) { // yᵀy near 2^1024: entries near 2^(1023/2)·…
            final double[] y = around(r, d, 511 + r.nextInt(3));
            final double[] g = around(r, d, r.nextInt(40) - 20);
            for (int i = 0; i < d; i++) {
                g[i] = Math.copySign(g[i], y[i]);
            }
            return new double[][] {g, y};
        }
        final int eg = r.nextInt(200) - 100;
        final int ratio = which == 0 ? 1019 + r.nextInt(8) : -1078 + r.nextInt(8);
        final int ey = Math.max(-1074, Math.min(1023, eg + ratio));
        final int egFixed = ey - ratio;
        final double[] g = new double[d];
        final double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = signed(r, Math.scalb(1.0 + r.nextDouble(), egFixed - r.nextInt(3)));
            y[i] = Math.copySign(Math.scalb(1.0 + r.nextDouble(), ey - r.nextInt(3)), r.nextInt(4) == 0 ? -g[i] : g[i]);
        }
        return new double[][] {g, y};
    }

    private static double[][] midpoint(Random r) {
        final int which = r.nextInt(4);
        if (which == 0) {
            // yᵀg = (2^53 + 1)·2^(k1+k2), ρ = yᵀg/2: midpoints, down into the subnormal range
            final int k1 = r.nextInt(1000) - 500;
            final int k2 = -1075 - 53 - k1 + r.nextInt(2100);
            final int k2c = Math.max(-1074, Math.min(1023 - 53, k2));
            return new double[][] {{Math.scalb(1.0, k1), Math.scalb(1.0, k1)},
                    {Math.scalb(1.0, 53 + k2c), Math.scalb(1.0, k2c)}};
        }
        if (which == 1) {
            // ‖y‖/‖g‖ = (p² + q²)·2^k: an odd 54-bit integer, a midpoint
            final long p = 94906265L - 2 * r.nextInt(1000);          // odd, p² < 2^53
            final long need = (1L << 53) - p * p;                     // q² >= need
            long q = (long) Math.ceil(Math.sqrt((double) need));
            q += (q & 1L);                                            // even q: p² + q² odd
            while (p * p + q * q < (1L << 53)) {
                q += 2;
            }
            final int kg = r.nextInt(200) - 100;
            final int k = r.nextInt(1800) - 900 - Math.max(0, kg); // (2pq)·2^(k+kg) < 2^1023
            final double[] g = {Math.scalb(1.0, kg), 0.0};
            final double[] y = {Math.scalb((double) (p * p - q * q), k + kg), Math.scalb((double) (2 * p * q), k + kg)};
            return new double[][] {g, y};
        }
        if (which == 2) {
            // yᵀg at or just below the overflow threshold 2^1024 − 2^970
            final int below = r.nextInt(3);
            return new double[][] {{1.0, 1.0}, {Double.MAX_VALUE, Math.scalb(1.0, 970 - below)}};
        }
        // yᵀg exactly a subnormal midpoint (2n + 1)·2^-1075
        final long n = 1 + r.nextInt(1 << 20);
        return new double[][] {{Math.scalb(1.0, -540), Math.scalb(1.0, -540)},
                {Math.scalb((double) (2 * n), -535), Math.scalb(1.0, -535)}};
    }

    private static double[][] parallel(Random r) {
        final int d = dimension(r);
        final int eg = r.nextInt(1800) - 900;
        final double[] g = around(r, d, eg);
        final double[] y = new double[d];
        final int k = -1000 - eg + r.nextInt(2001); // y's scale 2^(eg+k) within [2^-1000, 2^1000]
        for (int i = 0; i < d; i++) {
            y[i] = Math.scalb(g[i], k);
        }
        if (r.nextBoolean()) {
            final int i = r.nextInt(d);
            y[i] = y[i] * (1 + Math.scalb(1.0, -(1 + r.nextInt(52))));
        }
        return new double[][] {g, y};
    }

    @Override
    public String toString() {
        final StringBuilder b = new StringBuilder(kind).append(" seed=").append(seed)
                .append(parameterIsGamma ? " gamma=" : " alpha=").append(Double.toHexString(parameter)).append("\n  g = {");
        for (int i = 0; i < g.length; i++) {
            b.append(i == 0 ? "" : ", ").append(Double.toHexString(g[i]));
        }
        b.append("}\n  y = {");
        for (int i = 0; i < y.length; i++) {
            b.append(i == 0 ? "" : ", ").append(Double.toHexString(y[i]));
        }
        return b.append('}').toString();
    }
}
