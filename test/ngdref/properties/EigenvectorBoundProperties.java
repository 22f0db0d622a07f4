package ngdref.properties;

import static ngdref.properties.ExtremeMagnitudeProperties.bd;
import static ngdref.properties.ExtremeMagnitudeProperties.dot;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import ngdref.metric.OneParameterMetric;

/**
 * Issue 12, item 5: the bound that {@link OneParameterMetric#simpleEigenvectors} states in its
 * javadoc, checked against exact rationals (BigDecimal; quotients and the square root of the
 * discriminant to 100 digits) over the whole double range: ‖M v_k − λ_k v_k‖₂ ≤
 * (2^-48 + D·2^-1070)·(σ + α) with λ₀ = λ_max, λ₁ = λ_min the exact roots of
 * λ² − (σ + α)λ + αρ (σ = yᵀy/yᵀg, ρ = yᵀg/gᵀg, Lemma 1), |‖v_k‖ − 1| ≤ 2^-50, |v₀ᵀv₁| ≤ 2^-50,
 * and every entry finite. The exact Mv = y·(yᵀv)/(yᵀg) + α(v − g·(gᵀv)/(gᵀg)) is formed from the
 * definition (Eq. 8), not from the code under test. Pairs: entries from 2^-1074 to 2^1023 with
 * zeros and subnormals, and y a copy of g (scaled by a power of two) with one entry nudged by an
 * ulp or replaced by a subnormal, so that sin ψ ranges down to far below 2^-1074; γ = 1 (the
 * optimal metric, where the eigenvalues are σ(1 ± |sin ψ|) and nearly equal for tiny ψ), γ near
 * cos²ψ and α or γ anywhere in the range. 10 calls per try: 2,000 at the default tries, 30,000
 * in the long profile.
 */
class EigenvectorBoundProperties {

    private static final MathContext MC = new MathContext(100);
    private static final int CALLS = 10;
    private static final BigDecimal NORM_LOW = BigDecimal.ONE.subtract(new BigDecimal(0x1.0p-50)).pow(2);
    private static final BigDecimal NORM_HIGH = BigDecimal.ONE.add(new BigDecimal(0x1.0p-50)).pow(2);
    private static final BigDecimal ORTHOGONAL = new BigDecimal(0x1.0p-50);

    @Property
    void simpleEigenvectorsMeetTheirResidualBound(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int d,
            @ForAll @IntRange(min = -1074, max = 1023) int base,
            @ForAll @IntRange(min = 0, max = 2097) int spread) {
        final Random r = new Random(seed);
        for (int call = 0; call < CALLS; call++) {
            final double[] g = ApplySolveBoundProperties.vector(r, d, base, spread);
            final double[] y = r.nextInt(3) == 0 ? ApplySolveBoundProperties.vector(r, d, r.nextInt(2098) - 1074, r.nextInt(2098))
                    : nearlyParallel(r, g);
            BigDecimal yg = dot(y, g);
            if (yg.signum() == 0) {
                Statistics.label("pair").collect("yᵀg = 0");
                continue;
            }
            if (yg.signum() < 0) {
                for (int i = 0; i < d; i++) {
                    y[i] = -y[i];
                }
                yg = yg.negate();
            }
            final BigDecimal gg = dot(g, g);
            final BigDecimal yy = dot(y, y);
            final BigDecimal sigma = yy.divide(yg, MC);
            final BigDecimal rho = yg.divide(gg, MC);
            final BigDecimal sigmaMinusRho = yy.multiply(gg).subtract(yg.multiply(yg)).divide(yg.multiply(gg), MC);
            final int kind = r.nextInt(4);
            final boolean byGamma = kind < 3;
            final double p;
            if (kind == 0) {
                p = 1.0;                                  // the optimal metric
            } else if (kind == 1) {
                p = rho.divide(sigma, MC).doubleValue();  // γ ≈ cos²ψ: the diagonal of M/σ nearly equal
                if (!(p > 0.0)) {
                    continue;
                }
            } else {
                p = ApplySolveBoundProperties.parameter(r);
            }
            final OneParameterMetric m;
            try {
                m = byGamma ? OneParameterMetric.ofGamma(g, y, p) : OneParameterMetric.ofAlpha(g, y, p);
            } catch (IllegalArgumentException e) {
                fail("an effective pair with yᵀg = " + yg.round(MathContext.DECIMAL64) + " was refused: " + e);
                return;
            }
            final BigDecimal alpha = byGamma ? bd(p).multiply(sigma, MC) : bd(p);
            final String metric = (byGamma ? "ofGamma(" : "ofAlpha(") + ApplySolveBoundProperties.hex(g) + ", "
                    + ApplySolveBoundProperties.hex(y) + ", " + Double.toHexString(p) + ")";
            final double[][] v = m.simpleEigenvectors();
            // λ² − (σ + α)λ + αρ = 0; the discriminant (σ − α)² + 4α(σ − ρ) without cancellation
            final BigDecimal trace = sigma.add(alpha);
            final BigDecimal root = sigma.subtract(alpha).pow(2).add(alpha.multiply(sigmaMinusRho).multiply(BigDecimal.valueOf(4)))
                    .sqrt(MC);
            final BigDecimal lambdaMax = trace.add(root).divide(BigDecimal.valueOf(2), MC);
            final BigDecimal lambdaMin = alpha.multiply(rho).multiply(BigDecimal.valueOf(2)).divide(trace.add(root), MC);
            final BigDecimal bound = new BigDecimal(0x1.0p-48).add(new BigDecimal(d).multiply(new BigDecimal(0x1.0p-1070)))
                    .multiply(trace);
            final BigDecimal[] lambda = {lambdaMax, lambdaMin};
            for (int k = 0; k < 2; k++) {
                final String row = metric + ": row " + k + " = " + ApplySolveBoundProperties.hex(v[k]);
                for (double x : v[k]) {
                    assertTrue(Double.isFinite(x), row);
                }
                final BigDecimal norm2 = dot(v[k], v[k]);
                assertTrue(norm2.compareTo(NORM_LOW) >= 0 && norm2.compareTo(NORM_HIGH) <= 0,
                        row + ": ‖v‖² = " + norm2.round(MathContext.DECIMAL64));
                final BigDecimal residual2 = residualSquared(g, y, v[k], gg, yg, alpha, lambda[k]);
                assertTrue(residual2.compareTo(bound.pow(2)) <= 0, row + ": ‖Mv − λv‖ = "
                        + residual2.sqrt(MathContext.DECIMAL64) + " > bound " + bound.round(MathContext.DECIMAL64));
                Statistics.label("residual/bound").collect(magnitude(residual2, bound));
            }
            assertTrue(dot(v[0], v[1]).abs().compareTo(ORTHOGONAL) <= 0, metric + ": v₀ᵀv₁ = " + dot(v[0], v[1]));
        }
    }

    /** The binade of residual/bound, those below 2^-20 together. */
    private static String magnitude(BigDecimal residual2, BigDecimal bound) {
        final BigDecimal ratio = residual2.divide(bound.pow(2), MathContext.DECIMAL64);
        if (ratio.compareTo(new BigDecimal(0x1.0p-40)) < 0) {
            return "below 2^-20";
        }
        return "2^" + (int) Math.floor(Math.log(ratio.doubleValue()) / Math.log(4));
    }

    /** A copy of g scaled by a power of two with one entry nudged by an ulp, or set to ±2^-1074. */
    static double[] nearlyParallel(Random r, double[] g) {
        int shift = r.nextInt(3) == 0 ? 0 : r.nextInt(400) - 200;
        double max = 0.0;
        for (double x : g) {
            max = Math.max(max, Math.abs(x));
        }
        if (!Double.isFinite(Math.scalb(max, shift + 1))) {
            shift = 0;   // scaled up beyond the range (the nudge below may add one ulp)
        }
        final double[] y = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            y[i] = Math.scalb(g[i], shift);
        }
        final int i = r.nextInt(g.length);
        switch (r.nextInt(3)) {
            case 0:
                y[i] = Math.abs(y[i]) == Double.MAX_VALUE ? Math.nextDown(y[i]) : Math.nextUp(y[i]);
                break;
            case 1:
                y[i] = Math.abs(y[i]) == Double.MAX_VALUE ? Math.nextUp(y[i]) : Math.nextDown(y[i]);
                break;
            default:
                y[i] = r.nextBoolean() ? Double.MIN_VALUE : -Double.MIN_VALUE;
        }
        return y;
    }

    /** ‖Mv − λv‖² with Mv from the definition (Eq. 8), exact up to the 100-digit quotients. */
    private static BigDecimal residualSquared(double[] g, double[] y, double[] v, BigDecimal gg, BigDecimal yg,
                                              BigDecimal alpha, BigDecimal lambda) {
        final BigDecimal yv = dot(y, v).divide(yg, MC);
        final BigDecimal gv = dot(g, v).divide(gg, MC);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < v.length; i++) {
            final BigDecimal vi = bd(v[i]);
            final BigDecimal mv = bd(y[i]).multiply(yv).add(alpha.multiply(vi.subtract(bd(g[i]).multiply(gv))));
            final BigDecimal ri = mv.subtract(lambda.multiply(vi)).round(MC);
            sum = sum.add(ri.multiply(ri));
        }
        return sum;
    }
}
