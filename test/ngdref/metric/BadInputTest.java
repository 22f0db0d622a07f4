package ngdref.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad input gets an IllegalArgumentException whose message names the argument and the fault. */
class BadInputTest {

    private static final double[] G = {1.0, 2.0, 3.0};
    private static final double[] Y = {1.0, 1.0, 1.0};

    private static void fails(Executable call, String... fragments) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "message \"" + e.getMessage() + "\" lacks \"" + f + "\"");
        }
    }

    @Test
    void nullVectors() {
        fails(() -> UpdateGeometry.of(null, Y), "g must not be null");
        fails(() -> UpdateGeometry.of(G, null), "y must not be null");
    }

    @Test
    void lengthMismatch() {
        fails(() -> UpdateGeometry.of(G, new double[] {1, 1}), "y has length 2 but g has length 3");
    }

    @Test
    void dimensionBelowTwo() {
        fails(() -> UpdateGeometry.of(new double[] {1}, new double[] {1}), "g has dimension 1", "D >= 2");
    }

    @Test
    void nonFiniteEntries() {
        fails(() -> UpdateGeometry.of(new double[] {1, Double.NaN, 0}, Y), "g[1] is NaN");
        fails(() -> UpdateGeometry.of(G, new double[] {1, 1, Double.POSITIVE_INFINITY}), "y[2] is +Infinity");
        fails(() -> UpdateGeometry.of(new double[] {Double.NEGATIVE_INFINITY, 1, 1}, Y), "g[0] is -Infinity");
    }

    @Test
    void zeroVectors() {
        fails(() -> UpdateGeometry.of(new double[3], Y), "g is the zero vector");
        fails(() -> UpdateGeometry.of(G, new double[3]), "y is the zero vector");
    }

    @Test
    void ineffectiveUpdates() {
        fails(() -> UpdateGeometry.of(new double[] {1, 0}, new double[] {-1, 0}), "not an effective update", "yᵀg = -1.0");
        fails(() -> UpdateGeometry.of(new double[] {1, 0}, new double[] {0, 1}), "not an effective update", "yᵀg = 0.0");
        // yᵀg is a tiny negative number hidden under cancellation: decided exactly.
        fails(() -> UpdateGeometry.of(new double[] {1e16, 1, -1e16}, new double[] {1, -2, 1}), "not an effective update");
    }

    @Test
    void badAlphaAndGamma() {
        fails(() -> OneParameterMetric.ofAlpha(G, Y, 0.0), "alpha = 0.0", "> 0");
        fails(() -> OneParameterMetric.ofAlpha(G, Y, -1.0), "alpha = -1.0");
        fails(() -> OneParameterMetric.ofAlpha(G, Y, Double.NaN), "alpha is NaN");
        fails(() -> OneParameterMetric.ofGamma(G, Y, Double.POSITIVE_INFINITY), "gamma is +Infinity");
        fails(() -> MetricSpectrum.of(UpdateGeometry.of(G, Y), -2.0), "gamma = -2.0");
        fails(() -> MetricSpectrum.of(null, 1.0), "geometry must not be null");
    }

    @Test
    void badApplyAndSolveArguments() {
        final OneParameterMetric m = OneParameterMetric.optimal(G, Y);
        fails(() -> m.apply(null), "x must not be null");
        fails(() -> m.apply(new double[] {1, 2}), "x has length 2 but g has length 3");
        fails(() -> m.solve(new double[] {1, Double.NaN, 2}), "b[1] is NaN");
        fails(() -> m.solve(null), "b must not be null");
        fails(() -> m.solve(new double[] {1, 2}), "b has length 2 but g has length 3");
        fails(() -> m.rankOneBound(null), "h must not be null");
        fails(() -> m.rankOneBound(new double[] {1, 2}), "h has length 2 but g has length 3");
        fails(() -> m.rankOneBound(new double[] {1, 2, Double.POSITIVE_INFINITY}), "h[2] is +Infinity");
        fails(() -> m.rankOneBound(new double[] {2, -1, 0}), "hᵀg = 0");   // g = (1, 2, 3)
    }

    @Test
    void inputsAreNotModified() {
        final double[] g = G.clone();
        final double[] y = Y.clone();
        final OneParameterMetric m = OneParameterMetric.optimal(g, y);
        final double[] x = {0.5, -1, 2};
        m.apply(x);
        m.solve(x);
        m.toArray();
        m.simpleEigenvectors();
        assertEquals(G[1], g[1]);
        assertEquals(Y[2], y[2]);
        assertEquals(-1.0, x[1]);
    }
}
