package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed's Fig. 2d limits (4 and √4 = 2, exact numbers) and the optimal escape from the shallow
 * well of the tilted double well, checked against quantities recomputed here from the path.
 */
class OptimalControlExperimentTest {

    @Test
    void rateRatioTendsToFourForLargeDiscountAndToTwoForSmall() {
        // Ballistic limit: r = √(ηkH), ratio √4 = 2; next term from r = √c − γ/2 + γ²/(8√c) + O(γ⁴):
        // ratio = 2 + γ/2 + γ²/16 + O(γ³).
        assertEquals(2.0, OptimalControlExperiment.rateRatio(1.0, 4.0, 1.0, 0.0), 2 * Math.ulp(2.0));
        for (double gd : new double[] {1e-2, 1e-3, 1e-4}) {
            final double ratio = OptimalControlExperiment.rateRatio(1.0, 4.0, 1.0, gd);
            assertTrue(Math.abs(ratio - 2.0) <= 0.6 * gd, "gd " + gd + ": " + ratio);
            assertEquals(2.0 + gd / 2, ratio, gd * gd / 8, "gd " + gd);
        }
        // Gradient-descent limit: r = γ(x − x² + 2x³ …), x = ηkH/γ²: ratio = 4(1 − 3x₁ + O(x₁²)).
        for (double gd : new double[] {1e2, 1e3, 1e4}) {
            final double ratio = OptimalControlExperiment.rateRatio(1.0, 4.0, 1.0, gd);
            assertTrue(Math.abs(ratio - 4.0) <= 13.0 / (gd * gd), "gd " + gd + ": " + ratio);
            assertEquals(4.0 - 12.0 / (gd * gd), ratio, 200.0 / Math.pow(gd, 4) + 1e-15, "gd " + gd);
        }
    }

    @Test
    void wellRootsAreTheStationaryPoints() {
        final TiltedDoubleWell w = new TiltedDoubleWell(0.2, 1.0);
        for (double x : new double[] {w.shallowMinimum(), w.barrier(), w.deepMinimum()}) {
            assertEquals(0.0, x * x * x - x + 0.2, 1e-15);
        }
        assertTrue(w.deepMinimum() < w.barrier() && w.barrier() < w.shallowMinimum());
        assertTrue(w.value(new double[] {w.deepMinimum(), 0}) < w.value(new double[] {w.shallowMinimum(), 0}));
    }

    private static final OptimalControlExperiment.Escape ESCAPE =
            OptimalControlExperiment.escape(OptimalControlExperiment.Config.figure());

    /** −∇L of ¼(θ₀² − 1)² + τθ₀ + ½bθ₁², written out here. */
    private static double[] y(double[] x, double tau, double b) {
        return new double[] {-(x[0] * x[0] * x[0] - x[0] + tau), -b * x[1]};
    }

    private static double loss(double[] x, double tau, double b) {
        return 0.25 * (x[0] * x[0] - 1) * (x[0] * x[0] - 1) + tau * x[0] + 0.5 * b * x[1] * x[1];
    }

    @Test
    void optimalTrajectoryClimbsOutOfTheShallowWell() {
        final OptimalControlExperiment.Config c = ESCAPE.config();
        final double[][] path = ESCAPE.optimum().path();
        assertTrue(ESCAPE.optimum().hessianPositiveDefinite() && ESCAPE.stay().hessianPositiveDefinite());
        assertTrue(ESCAPE.optimum().value() < ESCAPE.stay().value(), "escaping has the lower J_h");
        // The loss first rises (the seed's Fig. 1b), then ends at the deep minimum.
        assertTrue(loss(path[1], c.tilt(), c.stiffness()) > loss(path[0], c.tilt(), c.stiffness()));
        final double[] end = path[path.length - 1];
        assertEquals(0.0, end[0] * end[0] * end[0] - end[0] + c.tilt(), 1e-9, "theta(T) is stationary");
        assertTrue(end[0] < -1.0 && Math.abs(end[1]) < 1e-12);
        assertTrue(ESCAPE.stay().path()[path.length - 1][0] > 0.8, "the other local minimum stays");
    }

    @Test
    void ineffectiveStepsAreEffectiveOverTheSmallestWindow() {
        final OptimalControlExperiment.Config c = ESCAPE.config();
        final double[][] path = ESCAPE.optimum().path();
        final List<OptimalControlExperiment.Step> steps = ESCAPE.steps();
        final int n = steps.size();
        final double[] l = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            l[k] = loss(path[k], c.tilt(), c.stiffness());
        }
        // m* recomputed: the smallest m with L(t+m) < L(t) for every t + m <= n.
        int mStar = -1;
        for (int m = 1; m <= n && mStar < 0; m++) {
            boolean all = true;
            for (int t = 0; t + m <= n; t++) {
                all &= l[t + m] < l[t];
            }
            mStar = all ? m : -1;
        }
        assertEquals(mStar, ESCAPE.window());
        assertTrue(mStar > 1);
        int ineffective = 0;
        for (OptimalControlExperiment.Step s : steps) {
            final int t = s.step();
            final double[] y = y(path[t], c.tilt(), c.stiffness());
            final double ytg = y[0] * (path[t + 1][0] - path[t][0]) + y[1] * (path[t + 1][1] - path[t][1]);
            assertEquals(ytg, s.yDotG(), 1e-15);
            assertEquals(ytg > 0, s.effective());
            if (ytg <= 0) {
                ineffective++;
                assertTrue(l[t + mStar] < l[t] && s.windowEffective(), "t = " + s.t());
                assertTrue(s.windowKappa() >= 1.0);
            } else {
                // κ(M_opt) = (1 + |sin ψ|)/(1 − |sin ψ|), |sin ψ| = |y × g|/(‖y‖‖g‖).
                final double[] g = {path[t + 1][0] - path[t][0], path[t + 1][1] - path[t][1]};
                final double sin = Math.abs(y[0] * g[1] - y[1] * g[0])
                        / Math.sqrt((y[0] * y[0] + y[1] * y[1]) * (g[0] * g[0] + g[1] * g[1]));
                final double kappa = (1 + sin) / (1 - sin);
                assertEquals(kappa, s.kappa(), 1e-9 * kappa);
            }
        }
        assertTrue(ineffective > 0, "the climb has steps with yTg <= 0");
    }
}
