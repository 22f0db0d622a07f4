package ngdref.properties;

import static ngdref.properties.ExtremeMagnitudeProperties.bd;
import static ngdref.properties.ExtremeMagnitudeProperties.dot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import ngdref.metric.OneParameterMetric;

/**
 * Issue 12, item 5: the componentwise bounds that {@link OneParameterMetric#apply} and
 * {@link OneParameterMetric#solve} state in their javadoc, checked against exact rationals
 * (BigDecimal; quotients to 100 digits, far below the bounds) over the whole double range:
 * entries from 2^-1074 to 2^1023, mixed magnitudes within one vector, zero and subnormal
 * entries, α and γ over the whole range, and the constructed cases x = g (Mg = y), b = y
 * (M⁻¹y = g, where ξ's numerator cancels) and b nearly parallel to y. Every returned component
 * must be within the bound; a refusal must name a component whose exact value, within the bound,
 * reaches the overflow threshold; ∞ or NaN is never returned. The same for toArray's entrywise
 * bound. 20 calls of apply and solve per try: 4,000 at the default tries, 60,000 in the long
 * profile; toArray on every other call (2,000 and 30,000).
 */
class ApplySolveBoundProperties {

    private static final MathContext MC = new MathContext(100);
    private static final BigDecimal BOUND = new BigDecimal(0x1.0p-50);
    private static final BigDecimal TINY = new BigDecimal(Double.MIN_VALUE);
    /** The least magnitude that rounds to ∞: 2^1024·(1 − 2^-54). */
    private static final BigDecimal OVERFLOW = new BigDecimal(Double.MAX_VALUE)
            .add(new BigDecimal(Math.ulp(Double.MAX_VALUE)).divide(BigDecimal.valueOf(2)));
    private static final int CALLS = 20;

    /** An entry 2^e·m, e = base ± spread within the range, sometimes 0 or the smallest subnormal. */
    private static double entry(Random r, int base, int spread) {
        final int kind = r.nextInt(20);
        if (kind == 0) {
            return 0.0;
        }
        if (kind == 1) {
            return r.nextBoolean() ? Double.MIN_VALUE : -Double.MIN_VALUE;
        }
        return ExtremeMagnitudeProperties.magnitude(r, base, spread);
    }

    static double[] vector(Random r, int d, int base, int spread) {
        final double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = entry(r, base, spread);
        }
        return v;
    }

    /** A positive parameter anywhere in the range (exponent −1074 … 1023). */
    static double parameter(Random r) {
        return Math.abs(ExtremeMagnitudeProperties.magnitude(r, -25, 1049));
    }

    @Property
    void applyAndSolveMeetTheirComponentwiseBounds(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int d,
            @ForAll @IntRange(min = -1074, max = 1023) int base,
            @ForAll @IntRange(min = 0, max = 2097) int spread) {
        final Random r = new Random(seed);
        for (int call = 0; call < CALLS; call++) {
            final double[] g = vector(r, d, base, spread);
            final double[] y = r.nextInt(3) == 0 ? vector(r, d, base, spread)
                    : vector(r, d, r.nextInt(2098) - 1074, r.nextInt(2098));
            final BigDecimal yg = dot(y, g);
            if (yg.signum() == 0) {
                Statistics.label("pair").collect("yᵀg = 0");
                continue;
            }
            if (yg.signum() < 0) {
                for (int i = 0; i < d; i++) {
                    y[i] = -y[i];
                }
            }
            final boolean byGamma = r.nextBoolean();
            final double p = parameter(r);
            final OneParameterMetric m;
            try {
                m = byGamma ? OneParameterMetric.ofGamma(g, y, p) : OneParameterMetric.ofAlpha(g, y, p);
            } catch (IllegalArgumentException e) {
                fail("an effective pair with yᵀg = " + yg.abs().round(MathContext.DECIMAL64) + " was refused: " + e);
                return;
            }
            final BigDecimal gg = dot(g, g);
            final BigDecimal yy = dot(y, y);
            final BigDecimal ygAbs = yg.abs();
            // α·yᵀg exactly (γ·yᵀy for the γ form), and α itself to 100 digits
            final BigDecimal alphaYG = byGamma ? bd(p).multiply(yy) : bd(p).multiply(ygAbs);
            final BigDecimal alpha = byGamma ? alphaYG.divide(ygAbs, MC) : bd(p);
            final double[] x = pick(r, d, base, spread, g, y);
            final String metric = (byGamma ? "ofGamma(" : "ofAlpha(") + hex(g) + ", " + hex(y) + ", "
                    + Double.toHexString(p) + ")";
            check("M·x", metric, x, m::apply, exactApply(g, y, x, gg, ygAbs, alpha));
            final double[] b = pick(r, d, base, spread, y, g);
            check("M⁻¹·b", metric, b, m::solve, exactSolve(g, y, b, yy, ygAbs, alphaYG, alpha));
            if (call % 2 == 0) {
                checkMatrix(metric, m, g, y, gg, ygAbs, alpha);   // O(D²) exact entries: every other call
            }
        }
    }

    /** x = the first of the pair, a nearly parallel perturbation of it, or random. */
    private static double[] pick(Random r, int d, int base, int spread, double[] first, double[] second) {
        switch (r.nextInt(4)) {
            case 0:
                return first.clone();
            case 1: {
                final double[] x = first.clone();
                final int i = r.nextInt(d);
                x[i] = x[i] == 0.0 ? second[i] : Math.nextUp(x[i]);
                return x;
            }
            default:
                return vector(r, d, r.nextBoolean() ? base : r.nextInt(2098) - 1074, spread);
        }
    }

    /** The exact components and their bounds: {value, bound} per component. */
    private static BigDecimal[][] exactApply(double[] g, double[] y, double[] x, BigDecimal gg,
                                             BigDecimal yg, BigDecimal alpha) {
        final BigDecimal c1 = dot(y, x).divide(yg, MC);
        final BigDecimal c2 = dot(g, x).divide(gg, MC);
        final BigDecimal[][] out = new BigDecimal[x.length][];
        final BigDecimal absolute = TINY.multiply(BigDecimal.valueOf(4).add(alpha.multiply(BigDecimal.valueOf(2))));
        for (int i = 0; i < x.length; i++) {
            final BigDecimal t1 = c1.multiply(bd(y[i]));
            final BigDecimal t2 = alpha.multiply(bd(x[i]));
            final BigDecimal t3 = alpha.multiply(c2).multiply(bd(g[i]));
            final BigDecimal value = t1.add(t2).subtract(t3);
            final BigDecimal bound = BOUND.multiply(t1.abs().add(t2.abs()).add(t3.abs())).add(absolute);
            out[i] = new BigDecimal[] {value, bound};
        }
        return out;
    }

    /**
     * ξ = t − (yᵀb − t·yᵀy)/(α·yᵀg) with t = gᵀb/yᵀg has a numerator that cancels (b nearly
     * parallel to y) far beyond any fixed precision, so it is taken over one exact denominator:
     * ξ = (α·yᵀg·gᵀb − yᵀg·yᵀb + yᵀy·gᵀb)/(α·yᵀg·yᵀg), one division at the end.
     */
    private static BigDecimal[][] exactSolve(double[] g, double[] y, double[] b, BigDecimal yy,
                                             BigDecimal yg, BigDecimal alphaYG, BigDecimal alpha) {
        final BigDecimal gb = dot(g, b);
        final BigDecimal yb = dot(y, b);
        final BigDecimal t = gb.divide(yg, MC);
        final BigDecimal xi = alphaYG.multiply(gb).subtract(yg.multiply(yb)).add(yy.multiply(gb))
                .divide(alphaYG.multiply(yg), MC);
        final BigDecimal inverseAlpha = BigDecimal.ONE.divide(alpha, MC);
        final BigDecimal absolute = TINY.multiply(BigDecimal.valueOf(4).add(inverseAlpha.multiply(BigDecimal.valueOf(2))));
        final BigDecimal[][] out = new BigDecimal[b.length][];
        for (int i = 0; i < b.length; i++) {
            final BigDecimal t1 = xi.multiply(bd(g[i]));
            final BigDecimal t2 = bd(b[i]).multiply(inverseAlpha);
            final BigDecimal t3 = t.multiply(bd(y[i])).multiply(inverseAlpha);
            final BigDecimal value = t1.add(t2).subtract(t3);
            final BigDecimal bound = BOUND.multiply(t1.abs().add(t2.abs()).add(t3.abs())).add(absolute);
            out[i] = new BigDecimal[] {value, bound};
        }
        return out;
    }

    /** toArray's entrywise bound (off the diagonal and, relative, on it; see exactEntry) + 2^-1073. */
    private static void checkMatrix(String metric, OneParameterMetric m, double[] g, double[] y,
                                    BigDecimal gg, BigDecimal yg, BigDecimal alpha) {
        final int d = g.length;
        final BigDecimal absolute = new BigDecimal(0x1.0p-1073);
        final double[][] out;
        try {
            out = m.toArray();
        } catch (ArithmeticException e) {
            final String message = e.getMessage();
            assertTrue(message.startsWith("M[") && message.contains("outside the range of double"),
                    () -> metric + ": toArray's refusal names no entry: " + message);
            final int i = Integer.parseInt(message.substring(2, message.indexOf(']')));
            final int open = message.indexOf('[', 2);
            final int j = Integer.parseInt(message.substring(open + 1, message.indexOf(']', open)));
            final BigDecimal[] entry = exactEntry(g, y, gg, yg, alpha, i, j);
            assertTrue(entry[0].abs().add(entry[1]).compareTo(OVERFLOW) >= 0,
                    () -> metric + ": toArray refused although M[" + i + "][" + j + "] = "
                            + entry[0].round(MathContext.DECIMAL64) + " is in range: " + message);
            Statistics.label("M").collect("refused: out of range");
            return;
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                final int r = i;
                final int c = j;
                assertTrue(Double.isFinite(out[i][j]), () -> metric + ": M[" + r + "][" + c + "] = " + out[r][c]);
                assertEquals(out[i][j], out[j][i], 0.0, "M is exactly symmetric");
                final BigDecimal[] entry = exactEntry(g, y, gg, yg, alpha, i, j);
                final BigDecimal error = bd(out[i][j]).subtract(entry[0]).abs();
                assertTrue(error.compareTo(entry[1].add(absolute)) <= 0,
                        () -> metric + ": M[" + r + "][" + c + "] = " + Double.toHexString(out[r][c]) + ", exact "
                                + entry[0].round(MathContext.DECIMAL64) + ": error " + error.round(MathContext.DECIMAL64)
                                + " > bound " + entry[1].add(absolute).round(MathContext.DECIMAL64));
            }
        }
        Statistics.label("M").collect("within bound");
    }

    /**
     * {Mᵢⱼ, 2^-50·(|yᵢyⱼ|/yᵀg + α|gᵢgⱼ|/gᵀg)} off the diagonal, {Mᵢᵢ, 2^-50·Mᵢᵢ} on it, with
     * Mᵢᵢ = yᵢ²/yᵀg + α(gᵀg − gᵢ²)/gᵀg: the numerator exact, so that no 100-digit quotient
     * cancels; quotients to 100 digits.
     */
    private static BigDecimal[] exactEntry(double[] g, double[] y, BigDecimal gg, BigDecimal yg,
                                           BigDecimal alpha, int i, int j) {
        final BigDecimal first = bd(y[i]).multiply(bd(y[j])).divide(yg, MC);
        if (i == j) {
            final BigDecimal value = first.add(alpha.multiply(gg.subtract(bd(g[i]).multiply(bd(g[i])))).divide(gg, MC));
            return new BigDecimal[] {value, BOUND.multiply(value)};
        }
        final BigDecimal second = alpha.multiply(bd(g[i]).multiply(bd(g[j]))).divide(gg, MC);
        return new BigDecimal[] {first.subtract(second), BOUND.multiply(first.abs().add(second.abs()))};
    }

    static String hex(double[] v) {
        final StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ", ").append(Double.toHexString(v[i]));
        }
        return s.append('}').toString();
    }

    private static void check(String what, String metric, double[] in, Function<double[], double[]> op,
                              BigDecimal[][] exact) {
        final int d = in.length;
        final String call = metric + " on " + hex(in) + ": ";
        final double[] out;
        try {
            out = op.apply(in);
        } catch (ArithmeticException e) {
            // a refusal names a component whose exact value may round to ±∞
            final String message = e.getMessage();
            assertTrue(message.startsWith("(" + what + ")[") && message.contains("outside the range of double"),
                    () -> call + "a refusal that names no component: " + message);
            final int i = Integer.parseInt(message.substring(what.length() + 3, message.indexOf(']')));
            assertTrue(exact[i][0].abs().add(exact[i][1]).compareTo(OVERFLOW) >= 0,
                    () -> call + what + " refused although component " + i + " = "
                            + exact[i][0].round(MathContext.DECIMAL64) + " is in range: " + message);
            Statistics.label(what).collect("refused: out of range");
            return;
        }
        assertEquals(d, out.length);
        for (int i = 0; i < d; i++) {
            final int k = i;
            assertTrue(Double.isFinite(out[i]), () -> what + "[" + k + "] = " + out[k]);
            final BigDecimal error = bd(out[i]).subtract(exact[i][0]).abs();
            assertTrue(error.compareTo(exact[i][1]) <= 0,
                    () -> call + what + "[" + k + "] = " + Double.toHexString(out[k]) + ", exact "
                            + exact[k][0].round(MathContext.DECIMAL64) + ": error "
                            + error.round(MathContext.DECIMAL64) + " > bound " + exact[k][1].round(MathContext.DECIMAL64));
        }
        Statistics.label(what).collect("within bound");
    }
}
