package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * The stochastic case (Eqs. 19–20): the network's matrix-free curvature against finite differences
 * of {@link TwoLayerNetwork}'s backprop; the K draws of a partition against the full-batch update
 * and the discrete-gradient identity (13); the recorded validity, η bound and κ against a dense
 * computation of M̄ and M (19) in the test.
 */
class StochasticExperimentTest {

    private static final TwoLayerNetwork NET = new TwoLayerNetwork(7, 5, 3);
    private static final MnistData DATA = TwoLayerNetworkTest.syntheticData(24, 7, 3, 11L);
    private static final int[] SET = {0, 1, 2, 3, 5, 6, 8, 9, 10, 13, 14, 15, 17, 19, 20, 23};

    private static double[] theta(long seed) {
        final double[] theta = NET.initialParameters(new Random(seed));
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.2 * Math.sin(3.0 * i);   // nonzero biases too
        }
        return theta;
    }

    private static double[] direction(long seed) {
        final Random rng = new Random(seed);
        final double[] v = new double[NET.parameterCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private static double[] gradient(double[] theta) {
        return NET.gradients(theta, DATA, SET, null).backprop();
    }

    @Test
    void hessianVectorMatchesCentralDifferencesOfBackprop() {
        final NetworkCurvature c = new NetworkCurvature(NET, DATA, SET);
        final double[] theta = theta(1L);
        final double[] v = direction(2L);
        final double[] hv = c.hessianVector(theta, v);
        final double h = 1e-5;
        final double[] plus = gradient(Matrices.along(theta, h, v));
        final double[] minus = gradient(Matrices.along(theta, -h, v));
        for (int i = 0; i < hv.length; i++) {
            final double fd = (plus[i] - minus[i]) / (2 * h);
            assertEquals(fd, hv[i], 1e-8 + 1e-6 * Math.abs(fd), "component " + i);
        }
        assertTrue(Matrices.maxAbs(hv) > 1e-2, "a nontrivial Hessian-vector product");
    }

    @Test
    void lineDerivativesMatchTheLossAndBackprop() {
        final NetworkCurvature c = new NetworkCurvature(NET, DATA, SET);
        final double[] theta = theta(3L);
        final double[] p = Matrices.scale(direction(4L), 0.3);
        final NetworkCurvature.Line line = c.line(theta, p);
        final double h = 1e-5;
        for (double s : new double[] {0.0, 0.25, 0.7, 1.0}) {
            final double[] d = line.derivatives(s, null);
            final double[] at = Matrices.along(theta, s, p);
            assertEquals(NET.loss(at, DATA, SET), d[0], 1e-13, "φ(" + s + ")");
            assertEquals(Matrices.dot(gradient(at), p), d[1], 1e-12, "φ'(" + s + ")");
            final double fd = Matrices.dot(Matrices.subtract(gradient(Matrices.along(theta, s + h, p)),
                    gradient(Matrices.along(theta, s - h, p))), p) / (2 * h);
            assertEquals(fd, d[2], 1e-8 + 1e-6 * Math.abs(fd), "φ''(" + s + ")");
        }
        final double[] ct = line.changeAndTarget();
        final double l0 = NET.loss(theta, DATA, SET);
        final double l1 = NET.loss(Matrices.along(theta, 1.0, p), DATA, SET);
        assertEquals(l1 - l0, ct[0], 1e-13);
        assertEquals(2 * (l1 - l0 - Matrices.dot(gradient(theta), p)), ct[1], 1e-12);
    }

    @Test
    void drawsOfAPartitionAverageToTheFullBatchUpdateAndSatisfyEq13() {
        final NetworkCurvature c = new NetworkCurvature(NET, DATA, SET);
        final double[] theta = theta(5L);
        final double[][] feedback = NET.randomFeedback(new Random(6L));
        final int[][] blocks = StochasticExperiment.partition(SET, 4, new Random(7L));
        // the blocks partition S
        final int[] union = Arrays.stream(blocks).flatMapToInt(Arrays::stream).sorted().toArray();
        assertTrue(Arrays.equals(SET, union));
        final double eta = 0.5;
        for (StochasticExperiment.Rule rule : StochasticExperiment.Rule.values()) {
            final StochasticExperiment.Samples s = StochasticExperiment.samples(NET, c, DATA, theta, feedback, rule,
                    blocks, eta);
            assertEquals(4, s.g().length);
            // ⟨g⟩ over the partition = the full-batch update, computed here on all of S at once
            final TwoLayerNetwork.Gradients full = NET.gradients(theta, DATA, SET, feedback);
            final double[] expected = Matrices.negate(rule == StochasticExperiment.Rule.SGD ? full.backprop()
                    : full.feedbackAlignment());
            final double[] mean = new double[expected.length];
            for (double[] g : s.g()) {
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += g[i] / s.g().length;
                }
            }
            for (int i = 0; i < mean.length; i++) {
                assertEquals(expected[i], mean[i], 1e-15 + 1e-13 * Math.abs(expected[i]), rule + " component " + i);
            }
            assertEquals(NET.loss(theta, DATA, SET), s.fullLoss(), 1e-15);
            for (int k = 0; k < blocks.length; k++) {
                // each draw is the rule's minibatch update, and ȳₖ a discrete gradient (Eqs. 12–13):
                // η gₖᵀȳₖ = −(L(θ + ηgₖ) − L(θ)), both losses evaluated here by TwoLayerNetwork
                final TwoLayerNetwork.Gradients b = NET.gradients(theta, DATA, blocks[k], feedback);
                final double[] gk = Matrices.negate(rule == StochasticExperiment.Rule.SGD ? b.backprop()
                        : b.feedbackAlignment());
                assertTrue(Arrays.equals(gk, s.g()[k]));
                final double change = NET.loss(Matrices.along(theta, eta, gk), DATA, SET) - NET.loss(theta, DATA, SET);
                assertEquals(-change, eta * Matrices.dot(gk, s.yBar()[k]), 1e-9 * Math.abs(change), rule + " draw " + k);
                assertTrue(s.lambda()[k] >= 0.0 && s.lambda()[k] <= 1.0);
                // ȳₖ + η(Hg)ₖ = −∇L(θ_t) (Eq. 16 with p = ηgₖ)
                final double[] grad = gradient(theta);
                for (int i = 0; i < grad.length; i++) {
                    assertEquals(-grad[i], s.yBar()[k][i] + eta * s.hg()[k][i], 1e-14);
                }
            }
        }
    }

    /** Two samples m ± d: the means are exactly m (small dyadic entries). */
    private static double[][] around(double[] m, double[] d) {
        return new double[][] {Matrices.along(m, 1.0, d), Matrices.along(m, -1.0, d)};
    }

    /** M̄ = ȳȳᵀ/(ȳᵀg) + α(I − ggᵀ/gᵀg), α = ȳᵀȳ/ȳᵀg (Eq. 14, γ = 1), dense. */
    private static RealMatrix mBar(double[] g, double[] y) {
        final RealVector gv = new ArrayRealVector(g);
        final RealVector yv = new ArrayRealVector(y);
        final double yg = yv.dotProduct(gv);
        final double alpha = yv.dotProduct(yv) / yg;
        final RealMatrix m = yv.outerProduct(yv).scalarMultiply(1.0 / yg);
        final RealMatrix proj = gv.outerProduct(gv).scalarMultiply(-1.0 / gv.dotProduct(gv));
        for (int i = 0; i < g.length; i++) {
            proj.addToEntry(i, i, 1.0);
        }
        return m.add(proj.scalarMultiply(alpha));
    }

    private static final double[] G = {1.0, 0.5, -0.25, 0.0};
    private static final double[] Y = {0.75, 1.0, 0.5, 0.25};
    private static final double[] D = {0.5, -0.25, 0.125, 1.0};

    @Test
    void anIneffectiveAverageIsRecordedAsRefusedWithItsReason() {
        final double[] yNeg = Matrices.negate(Y);
        assertTrue(Matrices.dot(G, yNeg) < 0.0);
        final double[] h = {1.0, 0.0, 0.0, 0.0};
        final StochasticAnalysis.Result r = StochasticAnalysis.analyze(around(G, D), around(yNeg, D), around(h, D), 0.1);
        assertFalse(r.valid());
        assertNotNull(r.refusal());
        assertTrue(r.refusal().startsWith("IllegalArgumentException"), r.refusal());
        assertEquals(Matrices.dot(G, yNeg), r.yBarDotG(), 0.0);
        assertTrue(Double.isNaN(r.kappa()) && Double.isNaN(r.psi()));
        assertNull(r.etaWithinBound());
        assertNotNull(r.boundRefusal());
    }

    @Test
    void etaAboveTheBoundIsRecordedAsSuchAndBelowItTheMetricIsSpd() {
        final double[] h = {-1.0, 0.25, 0.5, 0.125};
        assertTrue(Matrices.dot(h, G) < 0.0, "⟨Hg⟩ᵀ⟨g⟩ < 0: a finite bound");
        assertTrue(Matrices.dot(G, Y) > 0.0);
        // the bound −hᵀg/(hᵀM̄⁻¹h), with M̄ dense and inverted by LU here
        final RealMatrix mBar = mBar(G, Y);
        final RealVector hv = new ArrayRealVector(h);
        final double bound = -hv.dotProduct(new ArrayRealVector(G))
                / hv.dotProduct(new LUDecomposition(mBar).getSolver().solve(hv));
        final double[][] gs = around(G, D);
        final double[][] ys = around(Y, D);
        final double[][] hs = around(h, D);

        final StochasticAnalysis.Result above = StochasticAnalysis.analyze(gs, ys, hs, 2 * bound);
        assertEquals(bound, above.etaBound(), 1e-13 * bound);
        assertEquals(Boolean.FALSE, above.etaWithinBound());
        assertFalse(above.valid());
        assertTrue(above.refusal().contains("not below"), above.refusal());
        assertEquals(Matrices.dot(h, G), above.hgDotG(), 0.0);

        final double eta = 0.5 * bound;
        final StochasticAnalysis.Result below = StochasticAnalysis.analyze(gs, ys, hs, eta);
        assertEquals(Boolean.TRUE, below.etaWithinBound());
        assertTrue(below.valid(), String.valueOf(below.refusal()));
        assertNull(below.refusal());
        // κ and the extreme eigenvalues of M = M̄ + η hhᵀ/(hᵀg), Eq. (19), dense here
        final RealMatrix m = mBar.add(hv.outerProduct(hv).scalarMultiply(eta / hv.dotProduct(new ArrayRealVector(G))));
        final double[] ev = new EigenDecomposition(m).getRealEigenvalues();
        Arrays.sort(ev);
        assertTrue(ev[0] > 0.0);
        assertEquals(ev[0], below.lambdaMin(), 1e-12 * ev[3]);
        assertEquals(ev[3], below.lambdaMax(), 1e-12 * ev[3]);
        assertEquals(ev[3] / ev[0], below.kappa(), 1e-10 * ev[3] / ev[0]);
        // κ(M̄) = (1+|sin ψ|)/(1−|sin ψ|), ψ from the means
        final double cos = Matrices.dot(G, Y) / (Matrices.norm(G) * Matrices.norm(Y));
        assertEquals(Math.acos(cos), below.psi(), 1e-14);
        final double sin = Math.sqrt(1 - cos * cos);
        assertEquals((1 + sin) / (1 - sin), below.kappaBar(), 1e-12 * below.kappaBar());
    }

    @Test
    void aPositiveCurvatureAlongTheMeanUpdateGivesAnInfiniteBound() {
        final double[] h = {1.0, 0.5, 0.0, 0.25};
        assertTrue(Matrices.dot(h, G) > 0.0);
        final StochasticAnalysis.Result r = StochasticAnalysis.analyze(around(G, D), around(Y, D), around(h, D), 10.0);
        assertEquals(Double.POSITIVE_INFINITY, r.etaBound());
        assertEquals(Boolean.TRUE, r.etaWithinBound());
        assertTrue(r.valid());
    }
}
