package ngdref.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;

/**
 * Figure 3D/3E: a {@link TwoLayerNetwork} trained by feedback alignment with minibatch SGD,
 * θ_{t+1} = θ_t + ηg_t with g_t = −(FA pseudo-gradient on minibatch t). At every step the
 * backprop gradient of the same minibatch gives y_t = −∇L_t, and when y_tᵀg_t &gt; 0 the optimal
 * metric M_opt(g_t, y_t) (Eq. (9)) makes the FA step natural gradient descent; its spectrum is
 * recorded. The training loss L(θ_t) is the mean cross-entropy on a fixed subset of the training
 * data, evaluated before each step: SGD makes it non-monotone, and {@link Windows} measures the
 * window over which it is effective (Eq. (3)).
 */
public final class FeedbackAlignmentExperiment {

    /** The configuration; {@code activation} is the hidden layer's σ ({@link TwoLayerNetwork}). */
    public record Config(int hidden, int batchSize, double learningRate, int steps, int evalSize,
                         int testSize, long seed, TwoLayerNetwork.Activation activation) {

        /** A tanh network's configuration. */
        public Config(int hidden, int batchSize, double learningRate, int steps, int evalSize,
                      int testSize, long seed) {
            this(hidden, batchSize, learningRate, steps, evalSize, testSize, seed,
                    TwoLayerNetwork.Activation.TANH);
        }

        /** The figure's configuration: 784–64–10 tanh, batch 32, η = 0.05, 3000 steps. */
        public static Config figure() {
            return new Config(64, 32, 0.05, 3000, 1000, 1000, 20240924L);
        }

        /**
         * This configuration with another hidden activation (everything else, seed included, kept).
         *
         * @param sigma the activation
         * @return the new configuration
         */
        public Config withActivation(TwoLayerNetwork.Activation sigma) {
            return new Config(hidden, batchSize, learningRate, steps, evalSize, testSize, seed, sigma);
        }
    }

    /** One training step. */
    public record Step(int step, double batchLoss, double trainLoss, double yDotG, boolean effective,
                       double psi, double normRatio, double lambdaMax, double lambdaMin, double lambdaD,
                       double kappa) {
    }

    private final List<Step> steps;
    private final double initialTestAccuracy;
    private final double finalTestAccuracy;
    private final double finalTrainLoss;
    private final int parameterCount;
    private final String dataSource;
    private final int trainSize;

    private FeedbackAlignmentExperiment(List<Step> steps, double initialTestAccuracy,
                                        double finalTestAccuracy, double finalTrainLoss,
                                        int parameterCount, String dataSource, int trainSize) {
        this.steps = steps;
        this.initialTestAccuracy = initialTestAccuracy;
        this.finalTestAccuracy = finalTestAccuracy;
        this.finalTrainLoss = finalTrainLoss;
        this.parameterCount = parameterCount;
        this.dataSource = dataSource;
        this.trainSize = trainSize;
    }

    /**
     * Trains and records.
     *
     * @param data the data set (images of length inputs, labels &lt; 10)
     * @param config the configuration
     * @param progress called with the number of steps done (may be null)
     * @return the record of training
     */
    public static FeedbackAlignmentExperiment run(MnistData data, Config config, IntConsumer progress) {
        final int n = data.size();
        if (n < config.testSize() + config.batchSize() + 1) {
            throw new IllegalArgumentException("data set of " + n + " images is too small for a test set of "
                    + config.testSize() + " and batches of " + config.batchSize());
        }
        final Random rng = new Random(config.seed());
        final int[] order = permutation(n, rng);
        final int[] test = java.util.Arrays.copyOfRange(order, 0, config.testSize());
        final int[] train = java.util.Arrays.copyOfRange(order, config.testSize(), n);
        final int[] eval = java.util.Arrays.copyOfRange(train, 0, Math.min(config.evalSize(), train.length));
        final int inputs = data.image(0).length;
        final TwoLayerNetwork net = new TwoLayerNetwork(inputs, config.hidden(), MnistData.CLASSES,
                config.activation());
        final double[] theta = net.initialParameters(rng);
        final double[][] feedback = net.randomFeedback(rng);
        final double initialAccuracy = net.accuracy(theta, data, test);

        final List<Step> out = new ArrayList<>(config.steps());
        int[] epoch = permutation(train.length, rng);
        int cursor = 0;
        final int[] batch = new int[config.batchSize()];
        for (int t = 0; t < config.steps(); t++) {
            if (cursor + batch.length > epoch.length) {
                epoch = permutation(train.length, rng);
                cursor = 0;
            }
            for (int b = 0; b < batch.length; b++) {
                batch[b] = train[epoch[cursor++]];
            }
            final TwoLayerNetwork.Gradients gr = net.gradients(theta, data, batch, feedback);
            final double trainLoss = net.loss(theta, data, eval);
            final double[] g = Matrices.negate(gr.feedbackAlignment());
            final double[] y = Matrices.negate(gr.backprop());
            out.add(analyze(t, gr.loss(), trainLoss, g, y));
            for (int i = 0; i < theta.length; i++) {
                theta[i] += config.learningRate() * g[i];
            }
            if (progress != null) {
                progress.accept(t + 1);
            }
        }
        return new FeedbackAlignmentExperiment(out, initialAccuracy, net.accuracy(theta, data, test),
                net.loss(theta, data, eval), net.parameterCount(), data.source(), train.length);
    }

    /** The metric of one step; an ineffective step (yᵀg &le; 0) has NaN spectrum. */
    static Step analyze(int t, double batchLoss, double trainLoss, double[] g, double[] y) {
        final double yg = Matrices.dot(y, g);
        if (!(yg > 0.0)) {
            return new Step(t, batchLoss, trainLoss, yg, false, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN);
        }
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        final MetricSpectrum s = OneParameterMetric.optimal(g, y).spectrum();
        return new Step(t, batchLoss, trainLoss, geo.yDotG(), true, geo.psi(), geo.normRatio(),
                s.lambdaMax(), s.lambdaMin(), s.lambdaD(), s.conditionNumber());
    }

    private static int[] permutation(int n, Random rng) {
        final int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            final int j = rng.nextInt(i + 1);
            final int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    /**
     * The steps in order.
     *
     * @return an unmodifiable list
     */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /**
     * L(θ_t) on the evaluation subset, t = 0 … steps−1.
     *
     * @return the training-loss series
     */
    public double[] trainLoss() {
        return steps.stream().mapToDouble(Step::trainLoss).toArray();
    }

    /**
     * Test accuracy before training.
     *
     * @return accuracy
     */
    public double initialTestAccuracy() {
        return initialTestAccuracy;
    }

    /**
     * Test accuracy after training.
     *
     * @return accuracy
     */
    public double finalTestAccuracy() {
        return finalTestAccuracy;
    }

    /**
     * L on the evaluation subset after the last step.
     *
     * @return loss
     */
    public double finalTrainLoss() {
        return finalTrainLoss;
    }

    /**
     * D.
     *
     * @return the number of parameters
     */
    public int parameterCount() {
        return parameterCount;
    }

    /**
     * The data set's description.
     *
     * @return the source
     */
    public String dataSource() {
        return dataSource;
    }

    /**
     * The number of training images.
     *
     * @return n_train
     */
    public int trainSize() {
        return trainSize;
    }

    /**
     * The number of steps with yᵀg &le; 0.
     *
     * @return count
     */
    public int ineffectiveSteps() {
        return (int) steps.stream().filter(s -> !s.effective()).count();
    }
}
