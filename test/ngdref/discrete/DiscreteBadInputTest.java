package ngdref.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input to the discrete-time constructions gets an IllegalArgumentException that names the
 * argument and what is wrong with it (PIT found each of these checks removable without a failing
 * test). The messages follow {@code ngdref.metric.Inputs}.
 */
class DiscreteBadInputTest {

    private static final Loss LOSS = new OverflowAndNullTest.HalfSquaredNorm();
    private static final double[] THETA = {1, 2};
    private static final double[] G = {-1, -2};

    private static void fails(Executable call, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void discreteStepNamesEachArgument() {
        final DiscreteGradient dg = new MidpointDiscreteGradient();
        fails(() -> DiscreteStep.of(LOSS, dg, null, 0.1, G, 1.0), "theta must not be null");
        fails(() -> DiscreteStep.of(LOSS, dg, new double[] {1, Double.NaN}, 0.1, G, 1.0), "theta[1] is NaN; entries must be finite");
        fails(() -> DiscreteStep.of(LOSS, dg, THETA, 0.1, null, 1.0), "g must not be null");
        fails(() -> DiscreteStep.of(LOSS, dg, THETA, 0.1, new double[] {1, Double.POSITIVE_INFINITY}, 1.0),
                "g[1] is +Infinity; entries must be finite");
        fails(() -> DiscreteStep.of(LOSS, dg, new double[] {1, 2, 3}, 0.1, G, 1.0),
                "g has length 2 but theta has length 3; they must have the same dimension");
        fails(() -> DiscreteStep.of(LOSS, dg, THETA, 0.0, G, 1.0), "eta = 0.0; it must be > 0");
        fails(() -> DiscreteStep.of(LOSS, dg, THETA, 0.1, G, -1.0), "gamma = -1.0; it must be > 0");
    }

    @Test
    void everyDiscreteGradientNamesEachArgument() {
        for (DiscreteGradient dg : new DiscreteGradient[] {new MidpointDiscreteGradient(), new ItohAbeDiscreteGradient(),
            new AverageVectorFieldDiscreteGradient(3), new TaylorDiscreteGradient()}) {
            fails(() -> dg.of(null, THETA, THETA), "loss must not be null");
            fails(() -> dg.of(LOSS, null, THETA), "x must not be null");
            fails(() -> dg.of(LOSS, THETA, new double[] {1, Double.NaN}), "xNext[1] is NaN; entries must be finite");
            fails(() -> dg.of(LOSS, THETA, new double[] {1}),
                    "xNext has length 1 but x has length 2; they must have the same dimension");
        }
    }

    @Test
    void theTaylorMeanValueParameterNamesEachArgument() {
        final TaylorDiscreteGradient taylor = new TaylorDiscreteGradient();
        final TwiceDifferentiableLoss loss = new OverflowAndNullTest.HalfSquaredNorm();
        fails(() -> taylor.meanValueParameter(null, THETA, THETA), "loss must not be null");
        fails(() -> taylor.meanValueParameter(loss, null, THETA), "x must not be null");
        fails(() -> taylor.meanValueParameter(loss, THETA, new double[] {Double.NaN, 1}), "xNext[0] is NaN; entries must be finite");
        fails(() -> taylor.meanValueParameter(loss, THETA, new double[] {1, 2, 3}),
                "xNext has length 3 but x has length 2; they must have the same dimension");
    }

    @Test
    void theHessianCorrectionNamesItsHessian() {
        final double[] g = {1, 0};
        final double[] yBar = {1, 0.5};
        fails(() -> HessianCorrectedMetric.of(g, yBar, null, 0.1, 1.0), "hessianHalf must not be null");
        fails(() -> HessianCorrectedMetric.of(g, yBar, new double[][] {{1, 0}}, 0.1, 1.0), "hessianHalf has 1 rows; expected 2");
        fails(() -> HessianCorrectedMetric.of(g, yBar, new double[][] {{1, 0}, {0}}, 0.1, 1.0),
                "hessianHalf row 1 has 1 columns; expected 2");
        fails(() -> HessianCorrectedMetric.of(g, yBar, new double[][] {{1, 0}, {Double.NaN, 1}}, 0.1, 1.0),
                "hessianHalf[1][0] is NaN; entries must be finite");
        fails(() -> HessianCorrectedMetric.of(g, yBar, new double[][] {{1, 0}, null}, 0.1, 1.0),
                "hessianHalf[1] must not be null");
        // H = diag(−2, 1): the most negative eigenvalue of its symmetric part is −2
        final HessianCorrectedMetric m = HessianCorrectedMetric.of(g, yBar, new double[][] {{-2, 0}, {0, 1}}, 0.01, 1.0);
        assertEquals(2, m.dimension());
        assertEquals(2.0, m.negativeCurvature(), 0.0);
        fails(() -> m.apply(null), "x must not be null");
        fails(() -> m.apply(new double[] {1}), "x has length 1 but the metric has dimension 2");
    }

    @Test
    void theStochasticMetricNamesItsVector() {
        final StochasticMetric m = StochasticMetric.of(new double[][] {{1, 0}}, new double[][] {{1, 0.5}},
                new double[][] {{0.5, 0}}, 0.1, 1.0);
        fails(() -> m.apply(null), "x must not be null");
        fails(() -> m.apply(new double[] {1, 2, 3}),
                "x has length 3 but ⟨g⟩ has length 2; they must have the same dimension");
        fails(() -> m.solve(new double[] {1}),
                "b has length 1 but ⟨g⟩ has length 2; they must have the same dimension");
    }

    @Test
    void theTimeVaryingExtensionNamesEachArgument() {
        fails(() -> TimeVaryingExtension.extendedNegativeGradient(null, 0.0), "gradTheta must not be null");
        fails(() -> TimeVaryingExtension.extendedNegativeGradient(new double[] {1, Double.NaN}, 0.0),
                "gradTheta[1] is NaN; entries must be finite");
        fails(() -> TimeVaryingExtension.extendedNegativeGradient(new double[] {1, 2}, Double.NEGATIVE_INFINITY),
                "dLdt is -Infinity; it must be finite");
        fails(() -> TimeVaryingExtension.metric(new double[] {1, 2}, new double[] {-1}, 0.5, 1.0),
                "gradTheta has length 1 but thetaDot has length 2; they must have the same dimension");
    }

    @Test
    void aNonFiniteGradientOfTheUsersLossIsNamedByTheCall() {
        final TwiceDifferentiableLoss badGradient = new OverflowAndNullTest.HalfSquaredNorm() {
            @Override
            public double[] gradient(double[] t) {
                return new double[] {t[0], Double.NaN};
            }
        };
        fails(() -> new TaylorDiscreteGradient().meanValueParameter(badGradient, THETA, new double[] {0, 0}),
                "loss.gradient(x)[1] is NaN; entries must be finite");
    }
}
