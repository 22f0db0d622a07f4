package ngdref.apps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The stochastic case, Eqs. (19)–(20), on a {@link TwoLayerNetwork}: minibatch SGD and feedback
 * alignment (FA) analysed against the expected loss.
 *
 * <p><b>Setting.</b> A fixed training set S of N images; the expected loss is the full-batch loss
 * L(θ) = (1/N)Σ_{i∈S} ℓᵢ(θ). One step of a rule draws a minibatch B (B examples of S, uniformly
 * without replacement) and moves θ_{t+1} = θ_t + ηg_B with g_B = −∇L_B(θ_t) (SGD) or −(FA
 * pseudo-gradient on B). ⟨·⟩ is the expectation over the draw of B, so θ_{t+1} is random and
 * L is the loss the paper's ⟨L(θ_{t+1}) − L(θ_t)⟩ refers to.
 *
 * <p><b>Estimating ⟨·⟩.</b> At an analysed step, S is split by a fresh uniformly random permutation
 * into K = N/B disjoint minibatches B₁ … B_K, and every average is over these K draws at the same
 * θ_t. Each Bₖ is marginally a uniform minibatch, so each average is an unbiased estimate of the
 * expectation; because the Bₖ partition S, the average of g_{Bₖ} (linear in the examples, for SGD
 * and FA alike) is exactly the full-batch update (−∇L(θ_t), resp. the full-batch FA update) up to
 * rounding, with no Monte-Carlo error. ȳₖ and (Hg)ₖ depend on gₖ non-linearly, so ⟨ȳ⟩ and ⟨Hg⟩
 * carry a Monte-Carlo error, reported as standard errors ({@link StochasticAnalysis}).
 *
 * <p><b>Per draw</b> (Taylor discrete gradient, Eq. 16, of the full-batch L): pₖ = ηgₖ; on the
 * segment φ(s) = L(θ_t + s·pₖ) the mean-value point λₖ ∈ [0, 1] with φ''(λₖ) = 2(φ(1) − φ(0) −
 * φ'(0)) (Eq. 11; {@code meanValueParameter}); (Hg)ₖ = ½∇²L(θ_t + λₖpₖ)gₖ (exact Hessian-vector
 * product, {@code NetworkCurvature}); ȳₖ = −∇L(θ_t) − η(Hg)ₖ, so that ηgₖᵀȳₖ = −(L(θ_t + pₖ) −
 * L(θ_t)) (Eq. 13) — its relative violation is recorded as {@code discreteGradientResidual}.
 *
 * <p><b>Trajectories.</b> Both rules start from the same θ₀ and see the same training minibatches
 * (epochs of random permutations of S); the analysis draws come from a separate random source, so
 * the trajectory does not depend on which steps are analysed.
 */
public final class StochasticExperiment {

    /** The two rules. */
    public enum Rule {
        /** Minibatch stochastic gradient descent: g_B = −∇L_B. */
        SGD,
        /** Feedback alignment (fixed random feedback weights): g_B = −(FA pseudo-gradient on B). */
        FA
    }

    /**
     * The configuration.
     *
     * @param hidden hidden units
     * @param batchSize B
     * @param learningRate η
     * @param steps training steps per rule
     * @param stride analyse every stride-th step (t = 0, stride, 2·stride, …)
     * @param trainSize N, a multiple of B
     * @param seed the seed
     */
    public record Config(int hidden, int batchSize, double learningRate, int steps, int stride, int trainSize,
                         long seed) {

        /** The figure's configuration: 784–64–10, B = 32, η = 0.05, N = 1024, 1000 steps, every 20th analysed. */
        public static Config figure() {
            return new Config(64, 32, 0.05, 1000, 20, 1024, 20240924L);
        }
    }

    /**
     * One analysed step.
     *
     * @param rule the rule
     * @param step t
     * @param fullLoss L(θ_t), the full-batch loss over S
     * @param meanLossChange ⟨L(θ_t + ηgₖ) − L(θ_t)⟩ over the K draws (&lt; 0: effective on average)
     * @param meanLossChangeStandardError its standard error (sample sd over √K)
     * @param updateDeviation ‖⟨g⟩ − g_full‖∞/‖g_full‖∞, g_full the full-batch update
     * @param discreteGradientResidual maxₖ |ηgₖᵀȳₖ + ΔLₖ|/|ΔLₖ| (Eq. 13 for each draw)
     * @param meanLambda the mean of the mean-value points λₖ
     * @param analysis the library's analysis of (19)–(20)
     */
    public record Step(Rule rule, int step, double fullLoss, double meanLossChange,
                       double meanLossChangeStandardError, double updateDeviation,
                       double discreteGradientResidual, double meanLambda, StochasticAnalysis.Result analysis) {
    }

    /** The K draws at one θ_t. */
    record Samples(double[][] g, double[][] yBar, double[][] hg, double[] lossChange, double[] lambda,
                   double[] gradient, double[] fullUpdate, double fullLoss, double discreteGradientResidual) {
    }

    private final List<Step> steps;
    private final double[] finalLoss;
    private final int parameterCount;
    private final String dataSource;

    private StochasticExperiment(List<Step> steps, double[] finalLoss, int parameterCount, String dataSource) {
        this.steps = steps;
        this.finalLoss = finalLoss;
        this.parameterCount = parameterCount;
        this.dataSource = dataSource;
    }

    /**
     * Trains both rules and analyses every stride-th step.
     *
     * @param data the data set
     * @param config the configuration
     * @param progress called with the number of analysed steps done, over both rules (may be null)
     * @return the record
     */
    public static StochasticExperiment run(MnistData data, Config config, IntConsumer progress) {
        final int b = config.batchSize();
        final int n = config.trainSize();
        if (b < 1 || n % b != 0 || n / b < 2 || n > data.size()) {
            throw new IllegalArgumentException("trainSize " + n + " must be a multiple (at least 2) of batchSize "
                    + b + " and at most the data set's " + data.size() + " images");
        }
        if (config.stride() < 1 || config.steps() < 1) {
            throw new IllegalArgumentException("steps and stride must be >= 1");
        }
        final Random rng = new Random(config.seed());
        final int[] set = Arrays.copyOf(permutation(data.size(), rng), n);
        final TwoLayerNetwork net = new TwoLayerNetwork(data.image(0).length, config.hidden(), MnistData.CLASSES);
        final double[] theta0 = net.initialParameters(rng);
        final double[][] feedback = net.randomFeedback(rng);
        final NetworkCurvature curvature = new NetworkCurvature(net, data, set);
        final List<Step> out = new ArrayList<>();
        final double[] finalLoss = new double[Rule.values().length];
        int done = 0;
        for (Rule rule : Rule.values()) {
            final double[] theta = theta0.clone();
            final Random trainRng = new Random(config.seed() + 1);
            final Random analysisRng = new Random(config.seed() + 2);
            int[] epoch = permutation(n, trainRng);
            int cursor = 0;
            final int[] batch = new int[b];
            for (int t = 0; t < config.steps(); t++) {
                if (t % config.stride() == 0) {
                    final int[][] blocks = partition(set, b, analysisRng);
                    final Samples s = samples(net, curvature, data, theta, feedback, rule, blocks,
                            config.learningRate());
                    out.add(new Step(rule, t, s.fullLoss(), mean(s.lossChange()),
                            StochasticAnalysis.standardError(s.lossChange()),
                            Matrices.maxAbs(Matrices.subtract(StochasticAnalysis.mean(s.g()), s.fullUpdate()))
                                    / Matrices.maxAbs(s.fullUpdate()),
                            s.discreteGradientResidual(), mean(s.lambda()),
                            StochasticAnalysis.analyze(s.g(), s.yBar(), s.hg(), config.learningRate())));
                    if (progress != null) {
                        progress.accept(++done);
                    }
                }
                if (cursor + b > n) {
                    epoch = permutation(n, trainRng);
                    cursor = 0;
                }
                for (int k = 0; k < b; k++) {
                    batch[k] = set[epoch[cursor++]];
                }
                final double[] g = update(net, data, theta, feedback, rule, batch);
                for (int i = 0; i < theta.length; i++) {
                    theta[i] += config.learningRate() * g[i];
                }
            }
            finalLoss[rule.ordinal()] = net.loss(theta, data, set);
        }
        return new StochasticExperiment(out, finalLoss, net.parameterCount(), data.source());
    }

    /** The rule's update on one minibatch. */
    static double[] update(TwoLayerNetwork net, MnistData data, double[] theta, double[][] feedback, Rule rule,
                           int[] batch) {
        final TwoLayerNetwork.Gradients gr = net.gradients(theta, data, batch, rule == Rule.FA ? feedback : null);
        return Matrices.negate(rule == Rule.FA ? gr.feedbackAlignment() : gr.backprop());
    }

    /**
     * The K draws at θ (one per block of the partition) with their Taylor discrete gradients.
     *
     * @param net the network
     * @param curvature the full-batch loss over S (the union of the blocks)
     * @param data the data
     * @param theta θ_t
     * @param feedback B of FA
     * @param rule the rule
     * @param blocks the minibatches, a partition of S
     * @param eta η
     * @return the samples
     */
    static Samples samples(TwoLayerNetwork net, NetworkCurvature curvature, MnistData data, double[] theta,
                           double[][] feedback, Rule rule, int[][] blocks, double eta) {
        final TwoLayerNetwork.Gradients full = net.gradients(theta, data, curvature.examples(), feedback);
        final double[] gradient = full.backprop();
        final double[] fullUpdate = Matrices.negate(rule == Rule.FA ? full.feedbackAlignment() : gradient);
        final int k = blocks.length;
        final double[][] g = new double[k][];
        final double[][] yBar = new double[k][];
        final double[][] hg = new double[k][];
        final double[] change = new double[k];
        final double[] lambda = new double[k];
        double residual = 0.0;
        for (int j = 0; j < k; j++) {
            g[j] = update(net, data, theta, feedback, rule, blocks[j]);
            final double[] p = Matrices.scale(g[j], eta);
            final NetworkCurvature.Line line = curvature.line(theta, p);
            final double[] ct = line.changeAndTarget();
            change[j] = ct[0];
            lambda[j] = meanValueParameter(line, ct[1]);
            hg[j] = Matrices.scale(curvature.hessianVector(Matrices.along(theta, lambda[j], p), g[j]), 0.5);
            yBar[j] = new double[theta.length];
            for (int i = 0; i < theta.length; i++) {
                yBar[j][i] = -gradient[i] - eta * hg[j][i];
            }
            residual = Math.max(residual, Math.abs(Matrices.dot(p, yBar[j]) + change[j]) / Math.abs(change[j]));
        }
        return new Samples(g, yBar, hg, change, lambda, gradient, fullUpdate, full.loss(), residual);
    }

    /** Grid cells searched for the first sign change of φ''(s) − target. */
    private static final int GRID = 8;
    /** Iterations of the bracketing search (it stops earlier when the bracket is below 2^-44). */
    private static final int MAX_ITERATIONS = 100;

    /**
     * Taylor's mean-value point λ ∈ [0, 1], φ''(λ) = target (Eq. 11), as {@code TaylorDiscreteGradient}
     * finds it, with fewer curvature evaluations (each is a pass over S): the first sign change of
     * r(s) = φ''(s) − target on a grid of 8 cells, then the Illinois variant of regula falsi on that
     * cell until the bracket is below 2^-44 or r = 0; without a sign change (rounding, when φ'' is
     * nearly constant) the grid point with the smallest |r|.
     *
     * @param line φ
     * @param target 2(φ(1) − φ(0) − φ'(0))
     * @return λ
     */
    static double meanValueParameter(NetworkCurvature.Line line, double target) {
        double s0 = 0.0;
        double r0 = line.curvature(0.0) - target;
        double best = s0;
        double bestR = Math.abs(r0);
        for (int c = 1; c <= GRID; c++) {
            if (r0 == 0.0) {
                return s0;
            }
            final double s1 = (double) c / GRID;
            final double r1 = line.curvature(s1) - target;
            if (Math.abs(r1) < bestR) {
                bestR = Math.abs(r1);
                best = s1;
            }
            if ((r0 < 0.0) != (r1 < 0.0) && r1 != 0.0) {
                return illinois(line, target, s0, r0, s1, r1);
            }
            s0 = s1;
            r0 = r1;
        }
        return r0 == 0.0 ? s0 : best;
    }

    private static double illinois(NetworkCurvature.Line line, double target, double a, double ra, double b,
                                   double rb) {
        int side = 0;
        for (int it = 0; it < MAX_ITERATIONS && b - a > 0x1.0p-44; it++) {
            double c = (a * rb - b * ra) / (rb - ra);
            if (!(c > a && c < b)) {
                c = 0.5 * (a + b);
            }
            final double rc = line.curvature(c) - target;
            if (rc == 0.0) {
                return c;
            }
            if ((rc < 0.0) == (ra < 0.0)) {
                a = c;
                ra = rc;
                if (side == -1) {
                    rb *= 0.5;
                }
                side = -1;
            } else {
                b = c;
                rb = rc;
                if (side == 1) {
                    ra *= 0.5;
                }
                side = 1;
            }
        }
        return Math.abs(ra) < Math.abs(rb) ? a : b;
    }

    /** S split into consecutive blocks of size B of a fresh random permutation. */
    static int[][] partition(int[] set, int batchSize, Random rng) {
        final int[] order = permutation(set.length, rng);
        final int[][] blocks = new int[set.length / batchSize][batchSize];
        for (int i = 0; i < blocks.length * batchSize; i++) {
            blocks[i / batchSize][i % batchSize] = set[order[i]];
        }
        return blocks;
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

    private static double mean(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /**
     * The analysed steps, SGD first.
     *
     * @return an unmodifiable list
     */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /**
     * The analysed steps of one rule.
     *
     * @param rule the rule
     * @return the steps in order
     */
    public List<Step> steps(Rule rule) {
        return steps.stream().filter(s -> s.rule() == rule).toList();
    }

    /**
     * L(θ) over S after the last step.
     *
     * @param rule the rule
     * @return the final full-batch loss
     */
    public double finalLoss(Rule rule) {
        return finalLoss[rule.ordinal()];
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
}
