package ngdref.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.dfp.Dfp;
import org.apache.commons.math3.dfp.DfpField;
import org.apache.commons.math3.dfp.DfpMath;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The Fisher metric of an exponential family in the library: natural gradient in η = ordinary
 * gradient in the mean parameters μ (against ∇_μ L(η(μ)) derived by hand, never through F); it is
 * a valid metric for its own step (the one checker); its entries against 60-digit values over the
 * whole range of η; refusals by name where an entry leaves the normal range.
 */
class FisherMetricTest {

    private static final DfpField FIELD = new DfpField(60);

    /** ∇_μ L(η(μ)) for L = A − ηᵀT̄, by hand for each family (see the comments). */
    private static double[] meanGradientByHand(ExponentialFamily family, double[] mu, double[] tBar) {
        final double[] out = new double[mu.length];
        switch (family) {
            case INDEPENDENT_BERNOULLI:
                // L(μ) = Σ −T̄ᵢ log μᵢ − (1 − T̄ᵢ) log(1 − μᵢ): ∂ᵢ = (μᵢ − T̄ᵢ)/(μᵢ(1 − μᵢ))
                for (int i = 0; i < mu.length; i++) {
                    out[i] = (mu[i] - tBar[i]) / (mu[i] * (1 - mu[i]));
                }
                return out;
            case CATEGORICAL: {
                // A = −log p_K, η_k = log μ_k − log p_K, p_K = 1 − Σμ:
                // L(μ) = −log p_K − Σ T̄_k (log μ_k − log p_K); ∂ⱼ = (1 − ΣT̄)/p_K − T̄ⱼ/μⱼ
                double pK = 1.0;
                double sumT = 0.0;
                for (int i = 0; i < mu.length; i++) {
                    pK -= mu[i];
                    sumT += tBar[i];
                }
                for (int j = 0; j < mu.length; j++) {
                    out[j] = (1 - sumT) / pK - tBar[j] / mu[j];
                }
                return out;
            }
            default: {
                // v = μ₂ − μ₁², N = μ₁² − 2μ₁T̄₁ + T̄₂: L(μ) = N/(2v) + ½ log v;
                // ∂₁ = (μ₁ − T̄₁)/v + μ₁N/v² − μ₁/v, ∂₂ = −N/(2v²) + 1/(2v)
                final double v = mu[1] - mu[0] * mu[0];
                final double n = mu[0] * mu[0] - 2 * mu[0] * tBar[0] + tBar[1];
                out[0] = (mu[0] - tBar[0]) / v + mu[0] * n / (v * v) - mu[0] / v;
                out[1] = -n / (2 * v * v) + 1 / (2 * v);
                return out;
            }
        }
    }

    private static double[] randomEta(ExponentialFamily family, Random r, int d) {
        if (family == ExponentialFamily.GAUSSIAN) {
            return new double[] {4 * r.nextDouble() - 2, -(0.05 + 2 * r.nextDouble())};
        }
        final double[] eta = new double[d];
        for (int i = 0; i < d; i++) {
            eta[i] = 8 * r.nextDouble() - 4;
        }
        return eta;
    }

    /** A mean statistic T̄ of the family, away from μ(η): the mean at another random η. */
    private static double[] randomStatistic(ExponentialFamily family, Random r, int d) {
        return family.mean(randomEta(family, r, d));
    }

    private static double conditionNumber(double[][] m) {
        final double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(m)).getRealEigenvalues();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0.0;
        for (double v : ev) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi / lo;
    }

    @Test
    void naturalGradientInEtaIsTheGradientInTheMeanParameters() {
        final Random r = new Random(2026_12_03L);
        double worst = 0.0;
        for (ExponentialFamily family : ExponentialFamily.values()) {
            for (int trial = 0; trial < 300; trial++) {
                final int d = family == ExponentialFamily.GAUSSIAN ? 2 : 2 + r.nextInt(6);
                final double[] eta = randomEta(family, r, d);
                final double[] tBar = randomStatistic(family, r, d);
                final FisherMetric f = FisherMetric.of(family, eta);
                final double[] g = f.naturalGradientUpdate(tBar);          // −F⁻¹∇_ηL
                final double[] expected = meanGradientByHand(family, family.mean(eta), tBar);
                double scale = 0.0;
                for (double e : expected) {
                    scale = Math.max(scale, Math.abs(e));
                }
                // backward-stable solve: error ≲ D·κ(F)·u relative; the hand formula's own
                // rounding is of the same order
                final double tol = 64 * d * conditionNumber(f.toArray()) * 0x1.0p-52 * scale;
                for (int i = 0; i < d; i++) {
                    final double err = Math.abs(-g[i] - expected[i]);
                    assertTrue(err <= tol, family + " trial " + trial + " component " + i + ": "
                            + (-g[i]) + " vs " + expected[i] + " (tol " + tol + ")");
                    worst = Math.max(worst, err / tol);
                }
            }
        }
        assertTrue(worst > 0.0, "the comparison compared something");
    }

    @Test
    void theFisherMetricIsAValidMetricForItsOwnStep() {
        final Random r = new Random(15);
        for (ExponentialFamily family : ExponentialFamily.values()) {
            for (int trial = 0; trial < 50; trial++) {
                final int d = family == ExponentialFamily.GAUSSIAN ? 2 : 2 + r.nextInt(8);
                final double[] eta = randomEta(family, r, d);
                final double[] tBar = randomStatistic(family, r, d);
                final FisherMetric f = FisherMetric.of(family, eta);
                final double[] g = f.naturalGradientUpdate(tBar);
                final double[] y = family.lossGradient(eta, tBar);
                for (int i = 0; i < d; i++) {
                    y[i] = -y[i];
                }
                final List<String> failures = MetricCheck.of(f, g, y).failures(MetricCheck.DEFAULT_TOLERANCE);
                assertTrue(failures.isEmpty(), family + " trial " + trial + ": " + failures);
            }
        }
    }

    private static Dfp sigmoid(double x) {
        final Dfp one = FIELD.getOne();
        return one.divide(one.add(DfpMath.exp(FIELD.newDfp(-x))));
    }

    private static double ulps(double value, Dfp exact) {
        final double e = exact.toDouble();
        return Math.abs(FIELD.newDfp(value).subtract(exact).toDouble()) / Math.ulp(e);
    }

    @Test
    void bernoulliEntriesAreAccurateOverTheWholeRangeAndRefusedBelowIt() {
        final Random r = new Random(7);
        double worst = 0.0;
        for (int trial = 0; trial < 400; trial++) {
            // |η| from 2^-30 to 700, log-uniform, both signs
            final double a = Math.pow(2, -30 + (Math.log(700) / Math.log(2) + 30) * r.nextDouble());
            final double[] eta = {r.nextBoolean() ? a : -a, -a / 2};
            final double[][] f = FisherMetric.of(ExponentialFamily.INDEPENDENT_BERNOULLI, eta).toArray();
            for (int i = 0; i < 2; i++) {
                final Dfp exact = sigmoid(eta[i]).multiply(sigmoid(-eta[i]));
                worst = Math.max(worst, ulps(f[i][i], exact));
            }
            assertEquals(0.0, f[0][1]);
        }
        assertTrue(worst <= 4, "worst " + worst + " ulp");
        final ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> FisherMetric.of(ExponentialFamily.INDEPENDENT_BERNOULLI, new double[] {0.5, -720}));
        assertTrue(e.getMessage().startsWith("F[1][1] = σ(η_1)σ(−η_1) at η_1 = -720.0"), e.getMessage());
    }

    @Test
    void categoricalEntriesAreAccurateAndRefusedBelowTheNormalRange() {
        final Random r = new Random(8);
        double worst = 0.0;
        for (int trial = 0; trial < 200; trial++) {
            final int d = 2 + r.nextInt(4);
            final double[] eta = new double[d];
            for (int i = 0; i < d; i++) {
                eta[i] = 1200 * r.nextDouble() - 600;    // probabilities down to about e^-1200 ...
            }
            final FisherMetric fm;
            try {
                fm = FisherMetric.of(ExponentialFamily.CATEGORICAL, eta);
            } catch (ArithmeticException refused) {
                // ... refused exactly when a probability is below the normal range
                assertTrue(refused.getMessage().contains("below the normal range"), refused.getMessage());
                assertTrue(smallestProbability(eta).toDouble() < 0x1.0p-1021, refused.getMessage());
                continue;
            }
            final double[][] f = fm.toArray();
            final Dfp[] p = probabilities(eta);
            for (int i = 0; i < d; i++) {
                // μᵢ(1 − μᵢ) with 1 − μᵢ as the sum of the other exact probabilities (1 − μᵢ in
                // 60 digits would cancel when μᵢ is within 10^-60 of 1)
                Dfp rest = FIELD.getZero();
                for (int k = 0; k < p.length; k++) {
                    if (k != i) {
                        rest = rest.add(p[k]);
                    }
                }
                final Dfp diag = p[i].multiply(rest);
                final double u = ulps(f[i][i], diag);
                assertTrue(u <= 6, "F[" + i + "][" + i + "] = " + f[i][i] + " vs " + diag + ": " + u
                        + " ulp; eta " + java.util.Arrays.toString(eta));
                worst = Math.max(worst, u);
                for (int j = 0; j < d; j++) {
                    if (j != i) {
                        final Dfp off = p[i].multiply(p[j]).negate();
                        final double err = Math.abs(FIELD.newDfp(f[i][j]).subtract(off).toDouble());
                        assertTrue(err <= 4 * Math.ulp(off.toDouble()) || err <= Double.MIN_VALUE,
                                "F[" + i + "][" + j + "] = " + f[i][j] + " vs " + off + " err " + err + " eta " + java.util.Arrays.toString(eta));
                    }
                }
            }
        }
        assertTrue(worst <= 6, "worst diagonal " + worst + " ulp");
    }

    private static Dfp[] probabilities(double[] eta) {
        final Dfp[] e = new Dfp[eta.length + 1];
        Dfp s = FIELD.getZero();
        for (int k = 0; k <= eta.length; k++) {
            e[k] = DfpMath.exp(FIELD.newDfp(k < eta.length ? eta[k] : 0.0));
            s = s.add(e[k]);
        }
        for (int k = 0; k <= eta.length; k++) {
            e[k] = e[k].divide(s);
        }
        return e;
    }

    private static Dfp smallestProbability(double[] eta) {
        Dfp min = FIELD.getOne();
        for (Dfp p : probabilities(eta)) {
            if (p.lessThan(min)) {
                min = p;
            }
        }
        return min;
    }

    @Test
    void badInputIsRefusedByName() {
        assertThrows(IllegalArgumentException.class, () -> FisherMetric.of(null, new double[] {1, 2}));
        final IllegalArgumentException oneD = assertThrows(IllegalArgumentException.class,
                () -> FisherMetric.of(ExponentialFamily.INDEPENDENT_BERNOULLI, new double[] {1}));
        assertTrue(oneD.getMessage().contains("D >= 2"), oneD.getMessage());
        final IllegalArgumentException gauss = assertThrows(IllegalArgumentException.class,
                () -> FisherMetric.of(ExponentialFamily.GAUSSIAN, new double[] {1, 0.5}));
        assertTrue(gauss.getMessage().startsWith("eta[1] = 0.5"), gauss.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FisherMetric.of(ExponentialFamily.CATEGORICAL, new double[] {1, Double.NaN}));
        final FisherMetric f = FisherMetric.of(ExponentialFamily.GAUSSIAN, new double[] {1, -0.5});
        assertThrows(IllegalArgumentException.class, () -> f.naturalGradientUpdate(new double[] {1}));
        // m = −η₁/(2η₂) = 2^600, so μ₂ = m² + v overflows: refused by name, not ∞ passed on
        final ArithmeticException overflow = assertThrows(ArithmeticException.class,
                () -> ExponentialFamily.GAUSSIAN.lossGradient(new double[] {0x1.0p600, -0.5}, new double[] {0, 1}));
        assertTrue(overflow.getMessage().startsWith("(∇_ηL)[1] = μ_1 − T̄_1 = Infinity"), overflow.getMessage());
    }
}
