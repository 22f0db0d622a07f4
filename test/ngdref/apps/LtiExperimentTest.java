package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/** Figure 3B/3C: stability, the Lyapunov identity yᵀg = ‖θ‖², monotone L, and the spectrum (9). */
class LtiExperimentTest {

    private static final LtiExperiment FIGURE = LtiExperiment.run(LtiExperiment.Config.figure(), null);

    @Test
    void aIsStableAndAsymmetric() {
        final double[][] a = FIGURE.a();
        final EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(a));
        for (double re : eig.getRealEigenvalues()) {
            assertTrue(re < 0, "eigenvalue real part " + re);
        }
        assertTrue(Math.abs(a[0][1] - a[1][0]) > 1e-3, "A is asymmetric");
        assertTrue(FIGURE.lyapunovResidual() < 1e-14, "residual " + FIGURE.lyapunovResidual());
    }

    @Test
    void lossDecreasesStrictlyAtEverySample() {
        final List<LtiExperiment.Sample> s = FIGURE.samples();
        assertEquals(LtiExperiment.Config.figure().samples() + 1, s.size());
        for (int k = 1; k < s.size(); k++) {
            assertTrue(s.get(k).loss() < s.get(k - 1).loss(), "L(t) increases at t = " + s.get(k).t());
            assertEquals(k * 24.0 / 2400, s.get(k).t(), 1e-12, "uniform grid");
        }
        assertEquals(0, FIGURE.lossIncreases());
    }

    @Test
    void effectivenessIsTheLyapunovIdentity() {
        // yᵀg = −2θᵀPAθ = −θᵀ(PA + AᵀP)θ = ‖θ‖².
        for (LtiExperiment.Sample x : FIGURE.samples()) {
            assertEquals(x.thetaNormSquared(), x.yDotG(), 1e-12 * x.thetaNormSquared());
        }
    }

    @Test
    void spectrumIsTheClosedFormOfEquation9() {
        for (LtiExperiment.Sample x : FIGURE.samples()) {
            final double c = Math.cos(x.psi());
            final double tan = Math.tan(x.psi());
            assertEquals(x.normRatio() * (1 / c + tan), x.lambdaMax(), 1e-10 * x.lambdaMax());
            assertEquals(x.normRatio() * (1 / c - tan), x.lambdaMin(), 1e-9 * x.lambdaMin());
            assertEquals(x.normRatio() / c, x.lambdaD(), 1e-10 * x.lambdaD());
            assertEquals(x.lambdaMax() / x.lambdaMin(), x.kappa(), 1e-9 * x.kappa());
        }
    }
}
