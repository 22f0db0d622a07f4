package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The linear network (identity hidden activation) of the FA experiment: loss against a direct
 * computation, backprop against central differences, the FA pseudo-gradient against a hand
 * computation with the random feedback B, and training by FA on a synthetic set.
 */
class LinearNetworkTest {

    private static final int IN = 7;
    private static final int HID = 5;
    private static final int OUT = 3;
    private static final TwoLayerNetwork NET = new TwoLayerNetwork(IN, HID, OUT, TwoLayerNetwork.Activation.IDENTITY);
    private static final MnistData DATA = TwoLayerNetworkTest.syntheticData(12, IN, OUT, 1L);
    private static final int[] BATCH = {0, 3, 4, 7, 8, 11};

    /** θ with nonzero biases, layout [W1 (5×7), b1, W2 (3×5), b2]. */
    private static double[] theta(long seed) {
        final double[] theta = NET.initialParameters(new Random(seed));
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.1 * Math.sin(i);
        }
        return theta;
    }

    /** h = W1x + b1 (no activation), z = W2h + b2. */
    private static double[][] forward(double[] theta, float[] x) {
        final double[] h = new double[HID];
        for (int u = 0; u < HID; u++) {
            h[u] = theta[HID * IN + u];
            for (int j = 0; j < IN; j++) {
                h[u] += theta[u * IN + j] * x[j];
            }
        }
        final double[] z = new double[OUT];
        for (int k = 0; k < OUT; k++) {
            z[k] = theta[HID * IN + HID + OUT * HID + k];
            for (int u = 0; u < HID; u++) {
                z[k] += theta[HID * IN + HID + k * HID + u] * h[u];
            }
        }
        return new double[][] {h, z};
    }

    @Test
    void lossIsTheMeanCrossEntropyOfTheAffineMap() {
        final double[] theta = theta(2);
        double expected = 0.0;
        for (int idx : BATCH) {
            final double[] z = forward(theta, DATA.image(idx))[1];
            double norm = 0.0;
            for (int k = 0; k < OUT; k++) {
                norm += Math.exp(z[k]);
            }
            expected += (Math.log(norm) - z[DATA.label(idx)]) / BATCH.length;
        }
        assertEquals(expected, NET.loss(theta, DATA, BATCH), 1e-14);
        assertEquals(TwoLayerNetwork.Activation.IDENTITY, NET.activation());
    }

    @Test
    void backpropMatchesCentralDifferences() {
        final double[] theta = theta(3);
        final double[] grad = NET.gradients(theta, DATA, BATCH, null).backprop();
        final double h = 1e-5;
        for (int i = 0; i < theta.length; i++) {
            final double[] p = theta.clone();
            final double[] m = theta.clone();
            p[i] += h;
            m[i] -= h;
            final double fd = (NET.loss(p, DATA, BATCH) - NET.loss(m, DATA, BATCH)) / (2 * h);
            assertEquals(fd, grad[i], 1e-8 + 1e-6 * Math.abs(fd), "component " + i);
        }
    }

    @Test
    void feedbackAlignmentMatchesAHandComputation() {
        final double[] theta = theta(4);
        final double[][] b = NET.randomFeedback(new Random(5));
        // By hand: e = (softmax(z) − onehot)/|batch|; output layer ∂ = e hᵀ, e; hidden layer
        // δ = B e (σ' = 1), ∂W1 = δ xᵀ, ∂b1 = δ; summed over the batch.
        final double[] expected = new double[theta.length];
        final int b1 = HID * IN;
        final int w2 = b1 + HID;
        final int b2 = w2 + OUT * HID;
        for (int idx : BATCH) {
            final float[] x = DATA.image(idx);
            final double[][] hz = forward(theta, x);
            final double[] h = hz[0];
            final double[] z = hz[1];
            double norm = 0.0;
            for (int k = 0; k < OUT; k++) {
                norm += Math.exp(z[k]);
            }
            final double[] e = new double[OUT];
            for (int k = 0; k < OUT; k++) {
                e[k] = (Math.exp(z[k]) / norm - (k == DATA.label(idx) ? 1 : 0)) / BATCH.length;
                expected[b2 + k] += e[k];
                for (int u = 0; u < HID; u++) {
                    expected[w2 + k * HID + u] += e[k] * h[u];
                }
            }
            for (int u = 0; u < HID; u++) {
                double delta = 0.0;
                for (int k = 0; k < OUT; k++) {
                    delta += b[u][k] * e[k];
                }
                expected[b1 + u] += delta;
                for (int j = 0; j < IN; j++) {
                    expected[u * IN + j] += delta * x[j];
                }
            }
        }
        final double[] fa = NET.gradients(theta, DATA, BATCH, b).feedbackAlignment();
        for (int i = 0; i < theta.length; i++) {
            assertEquals(expected[i], fa[i], 1e-15 + 1e-13 * Math.abs(expected[i]), "component " + i);
        }
    }

    @Test
    void feedbackAlignmentWithTransposedWeightsIsBackprop() {
        final double[] theta = theta(6);
        final TwoLayerNetwork.Gradients g = NET.gradients(theta, DATA, BATCH, NET.transposedOutputWeights(theta));
        assertArrayEquals(g.backprop(), g.feedbackAlignment(), 1e-15);
    }

    @Test
    void linearNetworkIsNotTheTanhNetwork() {
        final double[] theta = theta(7);
        final double tanh = new TwoLayerNetwork(IN, HID, OUT).loss(theta, DATA, BATCH);
        assertTrue(tanh != NET.loss(theta, DATA, BATCH), "the activation option changes the loss");
    }

    @Test
    void faTrainingOfTheLinearNetworkLearnsAndHasTheOptimalMetricsSpectrum() {
        final MnistData data = TwoLayerNetworkTest.syntheticData(400, 20, 10, 9L);
        final FeedbackAlignmentExperiment fa = FeedbackAlignmentExperiment.run(data,
                new FeedbackAlignmentExperiment.Config(16, 16, 0.2, 300, 100, 100, 3L)
                        .withActivation(TwoLayerNetwork.Activation.IDENTITY), null);
        assertEquals(300, fa.steps().size());
        assertTrue(fa.finalTestAccuracy() > fa.initialTestAccuracy() + 0.2,
                fa.initialTestAccuracy() + " -> " + fa.finalTestAccuracy());
        final double[] l = fa.trainLoss();
        assertTrue(l[l.length - 1] < 0.5 * l[0], "training loss " + l[0] + " -> " + l[l.length - 1]);
        for (FeedbackAlignmentExperiment.Step s : fa.steps()) {
            if (s.effective()) {
                // Eq. (9): κ = (1 + |sin ψ|)/(1 − |sin ψ|), λ_d = (‖y‖/‖g‖)/cos ψ.
                final double sin = Math.sin(s.psi());
                assertEquals((1 + sin) / (1 - sin), s.kappa(), 1e-9 * s.kappa());
                assertEquals(s.normRatio() / Math.cos(s.psi()), s.lambdaD(), 1e-9 * s.lambdaD());
            }
        }
    }
}
