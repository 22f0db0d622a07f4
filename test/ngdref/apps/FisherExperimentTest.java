package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ngdref.dense.ExponentialFamily;
import ngdref.dense.FisherMetric;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

/** The Fisher metric as a canonical-form metric, and natural gradient = mean-parameter gradient. */
class FisherExperimentTest {

    private static double[] solve(double[][] f, double[] b) {
        return new LUDecomposition(new Array2DRowRealMatrix(f)).getSolver().solve(new ArrayRealVector(b)).toArray();
    }

    private static void commonChecks(FisherExperiment.Check c) {
        assertTrue(c.fgResidual() < 1e-13, "F g = y: " + c.fgResidual());
        assertTrue(c.isNaturalGradient(), "g = −F⁻¹∇L");
        assertTrue(c.canonicalReconstructionError() < 1e-12, "Σuᵢuᵢᵀ = F − yyᵀ/yᵀg: " + c.canonicalReconstructionError());
        assertTrue(c.kappaFisher() >= c.kappaMin() * (1 - 1e-12), "Proposition 1");
        assertTrue(c.lambdaMinFisher() <= c.lambdaMinSupremum() * (1 + 1e-12), "Proposition 2");
        assertTrue(c.lambdaMaxFisher() >= c.lambdaMaxInfimum() * (1 - 1e-12), "Proposition 3");
        assertTrue(c.naturalVsMeanGradient() < 1e-8, "F⁻¹∇_ηL = ∇_μL: " + c.naturalVsMeanGradient());
    }

    @Test
    void bernoulli() {
        final double[] eta = {0.3, -1.2, 2.0};
        final double[] tBar = {0.7, 0.1, 0.5};
        final ExponentialFamily m = ExponentialFamily.INDEPENDENT_BERNOULLI;
        // ∇_μL for L(μ) = −Σ T̄ᵢ log μᵢ + (1 − T̄ᵢ) log(1 − μᵢ): (μᵢ − T̄ᵢ)/(μᵢ(1 − μᵢ)).
        final double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            final double mu = 1 / (1 + Math.exp(-eta[i]));
            expected[i] = (mu - tBar[i]) / (mu * (1 - mu));
        }
        assertArrayEquals(expected, FisherExperiment.meanParameterGradient(m, eta, tBar), 1e-8);
        assertArrayEquals(expected, solve(FisherMetric.of(m, eta).toArray(), m.lossGradient(eta, tBar)), 1e-12);
        commonChecks(FisherExperiment.check(m, eta, tBar));
    }

    @Test
    void categorical() {
        final double[] eta = {0.5, -0.3, 1.1};
        final double[] tBar = {0.1, 0.4, 0.2};
        final ExponentialFamily m = ExponentialFamily.CATEGORICAL;
        // p = softmax(η, 0); ∇_μL for L = −Σₖ T̄ₖ log μₖ − T̄_K log(1 − Σμ): −T̄ₖ/μₖ + T̄_K/μ_K.
        final double z = 1 + Math.exp(0.5) + Math.exp(-0.3) + Math.exp(1.1);
        final double[] mu = {Math.exp(0.5) / z, Math.exp(-0.3) / z, Math.exp(1.1) / z};
        assertArrayEquals(mu, m.mean(eta), 1e-15);
        final double muK = 1 / z;
        final double tK = 1 - 0.7;
        final double[] expected = new double[3];
        for (int k = 0; k < 3; k++) {
            expected[k] = -tBar[k] / mu[k] + tK / muK;
        }
        assertArrayEquals(expected, FisherExperiment.meanParameterGradient(m, eta, tBar), 1e-8);
        assertArrayEquals(expected, solve(FisherMetric.of(m, eta).toArray(), m.lossGradient(eta, tBar)), 1e-11);
        commonChecks(FisherExperiment.check(m, eta, tBar));
    }

    @Test
    void gaussian() {
        final double mean = 1.25;
        final double var = 1.25;   // η = (m/σ², −1/(2σ²)) = (1, −0.4)
        final double[] eta = {mean / var, -1 / (2 * var)};
        final double[] tBar = {2.0, 5.0};   // data mean 2, second moment 5 (variance 1)
        final ExponentialFamily m = ExponentialFamily.GAUSSIAN;
        assertArrayEquals(new double[][] {{var, 2 * mean * var}, {2 * mean * var, 2 * var * var + 4 * mean * mean * var}}[0],
                FisherMetric.of(m, eta).toArray()[0], 1e-13);
        assertArrayEquals(new double[] {2 * mean * var, 2 * var * var + 4 * mean * mean * var}, FisherMetric.of(m, eta).toArray()[1], 1e-13);
        // L(μ) = ½ log s + (m² − 2mT̄₁ + T̄₂)/(2s), m = μ₁, s = μ₂ − μ₁²; chain rule by hand.
        final double q = mean * mean - 2 * mean * tBar[0] + tBar[1];
        final double dLdm = (mean - tBar[0]) / var;
        final double dLds = 1 / (2 * var) - q / (2 * var * var);
        final double[] expected = {dLdm - 2 * mean * dLds, dLds};
        assertArrayEquals(expected, FisherExperiment.meanParameterGradient(m, eta, tBar), 1e-8);
        assertArrayEquals(expected, solve(FisherMetric.of(m, eta).toArray(), m.lossGradient(eta, tBar)), 1e-12);
        commonChecks(FisherExperiment.check(m, eta, tBar));
        assertEquals(2, FisherExperiment.check(m, eta, tBar).dimension());
    }
}
