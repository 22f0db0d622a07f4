package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The γ-sweep of Eq. (22) against Lemma 1 and Proposition 1 computed here in plain doubles
 * (‖y‖/‖g‖ = 1, so the scale ‖y‖/(‖g‖cos ψ) is 1/cos ψ):
 * λ± = ((1+γ) ± √((1+γ)² − 4γcos²ψ))/(2cos ψ), α = λ_d = γ/cos ψ (α = γ·yᵀy/yᵀg with yᵀy = 1,
 * yᵀg = cos ψ), κ_min = (1+|sin ψ|)/(1−|sin ψ|).
 */
class GammaSweepFigureTest {

    /**
     * Relative tolerance for values against the closed forms: the library's values are correctly
     * rounded, the closed forms below cost a few roundings each (≤ 10 ulp, 2.2e-15), and λ₋ is
     * taken in the cancellation-free form γ/λ₊ (λ₊λ₋ = γ, the determinant on span{g, y}).
     */
    private static final double TOL = 1e-14;

    @Test
    void gridHoldsGammaOneExactlyAndSpansSixDecades() {
        final double[] gamma = GammaSweepFigure.gammaGrid();
        assertEquals(601, gamma.length);
        assertEquals(1.0, gamma[300], 0.0);
        assertEquals(1e-3, gamma[0], 1e-3 * 1e-15);
        assertEquals(1e3, gamma[600], 1e3 * 1e-15);
        for (int k = 1; k < gamma.length; k++) {
            assertTrue(gamma[k] > gamma[k - 1]);
        }
    }

    @Test
    void kappaIsMinimalAtGammaOneAndEqualsProposition1() {
        final double[] gamma = GammaSweepFigure.gammaGrid();
        for (double degrees : new double[] {15.0, 45.0, 75.0}) {
            final double psi = Math.toRadians(degrees);
            final List<GammaSweepFigure.Point> pts = GammaSweepFigure.sweep(psi, gamma);
            int best = 0;
            for (int k = 1; k < pts.size(); k++) {
                if (pts.get(k).kappa() < pts.get(best).kappa()) {
                    best = k;
                }
            }
            assertEquals(1.0, pts.get(best).gamma(), 0.0, "argmin of κ at ψ = " + degrees + "°");
            final double sin = Math.sin(psi);
            final double kappaMin = (1 + sin) / (1 - sin);
            assertEquals(kappaMin, pts.get(best).kappa(), TOL * kappaMin, "κ(γ = 1) at ψ = " + degrees + "°");
            // And strictly larger everywhere else on the grid, by the closed form too.
            final double c = Math.cos(psi);
            for (int k = 0; k < pts.size(); k++) {
                if (k == best) {
                    continue;
                }
                final double gm = gamma[k];
                final double r = Math.sqrt((1 + gm) * (1 + gm) - 4 * gm * c * c);
                final double closed = (1 + gm + r) * (1 + gm + r) / (4 * gm * c * c);
                assertTrue(closed > kappaMin * (1 + 1e-12), "closed-form κ(" + gm + ") > κ_min");
                assertEquals(closed, pts.get(k).kappa(), TOL * closed, "κ(" + gm + ") at ψ = " + degrees + "°");
            }
        }
    }

    @Test
    void alphaLiesBetweenTheSimpleEigenvaluesAtEveryGridPoint() {
        final double[] gamma = GammaSweepFigure.gammaGrid();
        for (double degrees : new double[] {15.0, 45.0, 75.0}) {
            final double psi = Math.toRadians(degrees);
            final double c = Math.cos(psi);
            final List<GammaSweepFigure.Point> pts = GammaSweepFigure.sweep(psi, gamma);
            for (int k = 0; k < gamma.length; k++) {
                final GammaSweepFigure.Point p = pts.get(k);
                final double gm = gamma[k];
                final double r = Math.sqrt((1 + gm) * (1 + gm) - 4 * gm * c * c);
                final double plus = (1 + gm + r) / (2 * c);
                final double minus = gm / plus;
                final double alpha = gm / c;
                final String at = "ψ = " + degrees + "°, γ = " + gm;
                assertEquals(plus, p.lambdaPlus(), TOL * plus, "λ₊, " + at);
                assertEquals(minus, p.lambdaMinus(), TOL * minus, "λ₋, " + at);
                assertEquals(alpha, p.alpha(), TOL * alpha, "α, " + at);
                assertEquals(alpha, p.lambdaD(), TOL * alpha, "λ_d, " + at);
                assertTrue(p.lambdaMinus() <= p.alpha() && p.alpha() <= p.lambdaPlus(), "λ₋ ≤ α ≤ λ₊, " + at);
                assertTrue(minus <= alpha && alpha <= plus, "closed forms: λ₋ ≤ α ≤ λ₊, " + at);
            }
        }
    }
}
