package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The FA network: the loss against a direct computation, backprop against finite differences, FA's structure. */
class TwoLayerNetworkTest {

    static MnistData syntheticData(int n, int inputs, int classes, long seed) {
        final Random rng = new Random(seed);
        final float[][] x = new float[n][inputs];
        final int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            for (int j = 0; j < inputs; j++) {
                // class-dependent mean plus noise, clipped to [0, 1], with some exact zeros (sparsity path)
                final double v = 0.5 + 0.3 * Math.sin(labels[i] + j) + 0.15 * rng.nextGaussian();
                x[i][j] = (float) (j % 4 == 3 ? 0.0 : Math.min(1.0, Math.max(0.0, v)));
            }
        }
        return new MnistData("synthetic", x, labels);
    }

    private static final TwoLayerNetwork NET = new TwoLayerNetwork(7, 5, 3);
    private static final MnistData DATA = syntheticData(12, 7, 3, 1L);
    private static final int[] BATCH = {0, 3, 4, 7, 8, 11};

    @Test
    void lossIsTheMeanCrossEntropy() {
        final double[] theta = NET.initialParameters(new Random(2));
        // Direct computation with the layout [W1 (5×7), b1, W2 (3×5), b2].
        double expected = 0.0;
        for (int idx : BATCH) {
            final float[] x = DATA.image(idx);
            final double[] h = new double[5];
            for (int u = 0; u < 5; u++) {
                double s = theta[35 + u];
                for (int j = 0; j < 7; j++) {
                    s += theta[u * 7 + j] * x[j];
                }
                h[u] = Math.tanh(s);
            }
            final double[] z = new double[3];
            double norm = 0.0;
            for (int k = 0; k < 3; k++) {
                z[k] = theta[40 + 15 + k];
                for (int u = 0; u < 5; u++) {
                    z[k] += theta[40 + k * 5 + u] * h[u];
                }
                norm += Math.exp(z[k]);
            }
            expected += -Math.log(Math.exp(z[DATA.label(idx)]) / norm) / BATCH.length;
        }
        assertEquals(expected, NET.loss(theta, DATA, BATCH), 1e-14);
        assertEquals(58, NET.parameterCount());
    }

    @Test
    void backpropMatchesCentralDifferences() {
        final double[] theta = NET.initialParameters(new Random(3));
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.1 * Math.sin(i);   // nonzero biases too
        }
        final double[] grad = NET.gradients(theta, DATA, BATCH, null).backprop();
        final double h = 1e-5;
        double worst = 0.0;
        for (int i = 0; i < theta.length; i++) {
            final double[] p = theta.clone();
            final double[] m = theta.clone();
            p[i] += h;
            m[i] -= h;
            final double fd = (NET.loss(p, DATA, BATCH) - NET.loss(m, DATA, BATCH)) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - grad[i]));
            assertEquals(fd, grad[i], 1e-8 + 1e-6 * Math.abs(fd), "component " + i);
        }
        assertTrue(worst < 1e-8, "worst difference " + worst);
    }

    @Test
    void feedbackAlignmentWithTransposedWeightsIsBackprop() {
        final double[] theta = NET.initialParameters(new Random(4));
        final TwoLayerNetwork.Gradients g = NET.gradients(theta, DATA, BATCH, NET.transposedOutputWeights(theta));
        assertArrayEquals(g.backprop(), g.feedbackAlignment(), 1e-15);
    }

    @Test
    void randomFeedbackChangesOnlyTheHiddenLayer() {
        final double[] theta = NET.initialParameters(new Random(5));
        final TwoLayerNetwork.Gradients g = NET.gradients(theta, DATA, BATCH, NET.randomFeedback(new Random(6)));
        final int outputStart = 5 * 7 + 5;
        for (int i = outputStart; i < theta.length; i++) {
            assertEquals(g.backprop()[i], g.feedbackAlignment()[i], 0.0, "output-layer component " + i);
        }
        boolean differs = false;
        for (int i = 0; i < outputStart; i++) {
            differs |= g.backprop()[i] != g.feedbackAlignment()[i];
        }
        assertTrue(differs, "the hidden layer's FA update differs from backprop");
    }

    @Test
    void trainingOnSyntheticDataLearnsAndStaysMostlyEffective() {
        final MnistData data = syntheticData(400, 20, 10, 9L);
        final FeedbackAlignmentExperiment fa = FeedbackAlignmentExperiment.run(data,
                new FeedbackAlignmentExperiment.Config(16, 16, 0.2, 300, 100, 100, 3L), null);
        assertEquals(300, fa.steps().size());
        assertTrue(fa.finalTestAccuracy() > fa.initialTestAccuracy() + 0.2,
                fa.initialTestAccuracy() + " -> " + fa.finalTestAccuracy());
        final double[] l = fa.trainLoss();
        assertTrue(l[l.length - 1] < 0.5 * l[0], "training loss " + l[0] + " -> " + l[l.length - 1]);
        assertTrue(fa.ineffectiveSteps() < 30, "steps with yᵀg <= 0: " + fa.ineffectiveSteps());
        for (FeedbackAlignmentExperiment.Step s : fa.steps()) {
            if (s.effective()) {
                // Eq. (9): κ = (1 + |sin ψ|)/(1 − |sin ψ|).
                final double sin = Math.sin(s.psi());
                assertEquals((1 + sin) / (1 - sin), s.kappa(), 1e-9 * s.kappa());
                assertTrue(s.lambdaMin() <= s.lambdaD() && s.lambdaD() <= s.lambdaMax());
            }
        }
    }
}
