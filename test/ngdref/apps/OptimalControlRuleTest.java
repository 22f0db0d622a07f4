package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import ngdref.dense.MetricCheck;
import ngdref.dense.PreconditionerMetric;
import ngdref.metric.MetricBounds;
import ngdref.metric.UpdateGeometry;
import org.junit.jupiter.api.Test;

/**
 * The optimal-control rule on a diagonal quadratic: its rates are the decaying roots of the
 * Euler–Lagrange equation's characteristic polynomial, accurate without cancellation, and its
 * metric P = diag(H/r) is a valid metric with κ(P) &ge; κ(M_opt) (Prop. 1).
 */
class OptimalControlRuleTest {

    private static final double U = Math.ulp(1.0);

    @Test
    void ratesAreTheDecayingRootsOfTheCharacteristicPolynomial() {
        // θᵢ = e^{−rt} solves θ̈ − γ_d θ̇ = ηkHθ iff r² + γ_d r − ηkH = 0.
        for (double h : new double[] {1e-6, 0.3, 1.0, 4.0, 1e5}) {
            for (double etaK : new double[] {0.01, 1.0, 7.0}) {
                for (double gd : new double[] {0.0, 1e-3, 0.5, 3.0, 1e4}) {
                    final double r = OptimalControlRule.rate(h, etaK, gd);
                    final double c = etaK * h;
                    assertTrue(r > 0.0 && r <= Math.sqrt(c) * (1 + 4 * U), "0 < r <= sqrt(etaK H)");
                    final double residual = Math.abs(r * r + gd * r - c);
                    assertTrue(residual <= 8 * U * (r * r + gd * r + c),
                            "h " + h + " etaK " + etaK + " gd " + gd + ": residual " + residual);
                }
            }
        }
    }

    @Test
    void rateHasNoCancellationForALargeDiscountRate() {
        final double gd = 1e10;
        // The textbook form √(γ_d²/4 + c) − γ_d/2 loses every digit: √(2.5e19 + 1) rounds to 5e9.
        assertEquals(0.0, Math.sqrt(gd * gd / 4 + 1.0) - gd / 2, 0.0);
        final MathContext mc = new MathContext(60);
        final BigDecimal half = new BigDecimal(gd).divide(BigDecimal.valueOf(2), mc);
        final double exact = half.multiply(half, mc).add(BigDecimal.ONE, mc).sqrt(mc).subtract(half, mc).doubleValue();
        final double r = OptimalControlRule.rate(1.0, 1.0, gd);
        assertEquals(exact, r, 2 * Math.ulp(exact));
    }

    @Test
    void metricIsValidAndAtLeastAsConditionedAsTheOptimum() {
        final double[] h = {1.0, 4.0, 0.25};
        final double[] theta = {0.7, -1.3, 2.0};
        for (double gd : new double[] {0.0, 0.2, 1.0, 10.0, 1e3}) {
            final OptimalControlRule rule = OptimalControlRule.of(h, 0.5, gd);
            final double[] g = rule.update(theta);
            final double[] y = rule.negativeGradient(theta);
            final PreconditionerMetric p = rule.metric();
            final double[][] m = p.toArray();
            double pMax = 0.0;
            double pMin = Double.POSITIVE_INFINITY;
            for (int i = 0; i < h.length; i++) {
                // P = diag(√(γ_d²/4 + ηkH) + γ_d/2)/ηk, the closed form of H/r.
                final double closed = (Math.sqrt(gd * gd / 4 + 0.5 * h[i]) + gd / 2) / 0.5;
                assertEquals(closed, m[i][i], 8 * U * closed);
                assertEquals(-h[i] * theta[i], m[i][i] * g[i], 8 * U * Math.abs(h[i] * theta[i]), "Pg = y = −Hθ");
                pMax = Math.max(pMax, m[i][i]);
                pMin = Math.min(pMin, m[i][i]);
            }
            final MetricCheck check = MetricCheck.of(p, g, y);
            assertTrue(check.passes(MetricCheck.DEFAULT_TOLERANCE), check.failures(MetricCheck.DEFAULT_TOLERANCE).toString());
            // Prop. 1: κ_min = (1 + |sin ψ|)/(1 − |sin ψ|), |sin ψ| = ‖y × g‖/(‖y‖‖g‖) (no cancellation
            // when g and y are nearly parallel, as for large γ_d).
            final double c0 = y[1] * g[2] - y[2] * g[1];
            final double c1 = y[2] * g[0] - y[0] * g[2];
            final double c2 = y[0] * g[1] - y[1] * g[0];
            final double sin = Math.sqrt(c0 * c0 + c1 * c1 + c2 * c2)
                    / Math.sqrt((y[0] * y[0] + y[1] * y[1] + y[2] * y[2]) * (g[0] * g[0] + g[1] * g[1] + g[2] * g[2]));
            final double kappaMin = (1 + sin) / (1 - sin);
            assertEquals(kappaMin, MetricBounds.minimumConditionNumber(UpdateGeometry.of(g, y)), 1e-9 * kappaMin);
            assertTrue(pMax / pMin >= kappaMin, "kappa(P) " + pMax / pMin + " < kappa_min " + kappaMin);
        }
    }

    @Test
    void invalidArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OptimalControlRule.of(new double[] {1.0}, 1.0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> OptimalControlRule.of(new double[] {1.0, -1.0}, 1.0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> OptimalControlRule.of(new double[] {1.0, 2.0}, 0.0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> OptimalControlRule.of(new double[] {1.0, 2.0}, 1.0, -0.1));
        assertThrows(IllegalArgumentException.class,
                () -> OptimalControlRule.of(new double[] {1.0, 2.0}, 1.0, Double.NaN));
    }
}
