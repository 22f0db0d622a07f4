package ngdref.apps;

import java.util.Random;

/**
 * The network of Figure 3D/3E: inputs → hidden layer with activation σ → softmax, with the mean
 * cross-entropy loss over a minibatch,
 * <pre>  h = σ(W₁x + b₁),  z = W₂h + b₂,  L = (1/B)Σ (logΣₖ e^{zₖ} − z_label),</pre>
 * σ = tanh ({@link Activation#TANH}, the default) or the identity ({@link Activation#IDENTITY}:
 * the linear network the paper's text names for its feedback-alignment example; z is then affine
 * in x, but L is not convex in θ because W₂W₁ is a product).
 * Parameters θ = [vec W₁ (row-major, hidden × inputs), b₁, vec W₂ (classes × hidden), b₂].
 *
 * <p>Backpropagation sends the output error e = softmax(z) − onehot(label) back through W₂ᵀ:
 * δ₁ = (W₂ᵀe) ⊙ σ'(a), with σ'(a) = 1 − h² for tanh and 1 for the identity. Feedback alignment (T. P. Lillicrap, D. Cownden, D. B. Tweed,
 * C. J. Akerman, "Random synaptic feedback weights support error backpropagation for deep
 * learning", Nat. Commun. 7, 13276, 2016) replaces W₂ᵀ by a fixed random matrix B
 * (hidden × classes): δ₁ᶠᵃ = (Be) ⊙ σ'(a). Both use the same output-layer gradient. The FA
 * update is g = −(FA pseudo-gradient); the paper relates it to y = −∇L (the backprop gradient on
 * the same minibatch) through M_opt.
 */
public final class TwoLayerNetwork {

    /** The hidden layer's activation σ. */
    public enum Activation {
        /** σ = tanh, σ' = 1 − σ². */
        TANH,
        /** σ(a) = a, σ' = 1: a linear network. */
        IDENTITY
    }

    private final int inputs;
    private final int hidden;
    private final int classes;
    private final Activation activation;

    /**
     * A tanh network.
     *
     * @param inputs input dimension
     * @param hidden hidden units
     * @param classes output classes (&le; 10 for {@link MnistData})
     */
    public TwoLayerNetwork(int inputs, int hidden, int classes) {
        this(inputs, hidden, classes, Activation.TANH);
    }

    /**
     * A network shape and hidden activation.
     *
     * @param inputs input dimension
     * @param hidden hidden units
     * @param classes output classes (&le; 10 for {@link MnistData})
     * @param activation σ
     */
    public TwoLayerNetwork(int inputs, int hidden, int classes, Activation activation) {
        if (inputs < 1 || hidden < 1 || classes < 2) {
            throw new IllegalArgumentException("need inputs >= 1, hidden >= 1, classes >= 2; got "
                    + inputs + ", " + hidden + ", " + classes);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation is null");
        }
        this.inputs = inputs;
        this.hidden = hidden;
        this.classes = classes;
        this.activation = activation;
    }

    /** Loss, backprop gradient and (when feedback weights are given) the FA pseudo-gradient. */
    public record Gradients(double loss, double[] backprop, double[] feedbackAlignment) {
    }

    /**
     * D = hidden·inputs + hidden + classes·hidden + classes.
     *
     * @return the number of parameters
     */
    public int parameterCount() {
        return hidden * inputs + hidden + classes * hidden + classes;
    }

    int offsetB1() {
        return hidden * inputs;
    }

    int offsetW2() {
        return hidden * inputs + hidden;
    }

    int offsetB2() {
        return hidden * inputs + hidden + classes * hidden;
    }

    /**
     * Initial parameters: W₁ ~ N(0, 1/inputs), W₂ ~ N(0, 1/hidden), biases 0.
     *
     * @param rng the random source
     * @return θ₀
     */
    public double[] initialParameters(Random rng) {
        final double[] theta = new double[parameterCount()];
        final double s1 = 1.0 / Math.sqrt(inputs);
        for (int i = 0; i < hidden * inputs; i++) {
            theta[i] = s1 * rng.nextGaussian();
        }
        final double s2 = 1.0 / Math.sqrt(hidden);
        for (int i = 0; i < classes * hidden; i++) {
            theta[offsetW2() + i] = s2 * rng.nextGaussian();
        }
        return theta;
    }

    /**
     * Fixed random feedback weights B (hidden × classes), entries N(0, 1/hidden): the scale of W₂ᵀ.
     *
     * @param rng the random source
     * @return B
     */
    public double[][] randomFeedback(Random rng) {
        final double[][] b = new double[hidden][classes];
        final double s = 1.0 / Math.sqrt(hidden);
        for (int h = 0; h < hidden; h++) {
            for (int k = 0; k < classes; k++) {
                b[h][k] = s * rng.nextGaussian();
            }
        }
        return b;
    }

    /**
     * W₂ᵀ (hidden × classes): with this as "feedback", FA is backpropagation.
     *
     * @param theta parameters
     * @return W₂ᵀ
     */
    public double[][] transposedOutputWeights(double[] theta) {
        final double[][] b = new double[hidden][classes];
        for (int h = 0; h < hidden; h++) {
            for (int k = 0; k < classes; k++) {
                b[h][k] = theta[offsetW2() + k * hidden + h];
            }
        }
        return b;
    }

    /**
     * The mean cross-entropy over the examples {@code batch} of the data.
     *
     * @param theta parameters
     * @param data the data set
     * @param batch indices of the examples
     * @return L
     */
    public double loss(double[] theta, MnistData data, int[] batch) {
        return evaluate(theta, data, batch, null, false).loss();
    }

    /**
     * Loss and gradients over a minibatch in one pass.
     *
     * @param theta parameters
     * @param data the data set
     * @param batch indices of the examples
     * @param feedback B (hidden × classes), or null for backpropagation only
     * @return the loss, ∇L (backprop) and the FA pseudo-gradient (null without B)
     */
    public Gradients gradients(double[] theta, MnistData data, int[] batch, double[][] feedback) {
        return evaluate(theta, data, batch, feedback, true);
    }

    /**
     * The fraction of the examples classified correctly (argmax of z).
     *
     * @param theta parameters
     * @param data data
     * @param batch indices
     * @return accuracy in [0, 1]
     */
    public double accuracy(double[] theta, MnistData data, int[] batch) {
        int correct = 0;
        final double[] h = new double[hidden];
        final double[] z = new double[classes];
        final int[] nz = new int[inputs];
        for (int idx : batch) {
            forward(theta, data.image(idx), h, z, nz);
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (z[k] > z[best]) {
                    best = k;
                }
            }
            if (best == data.label(idx)) {
                correct++;
            }
        }
        return (double) correct / batch.length;
    }

    /** Forward pass of one example; returns the number of nonzero inputs (listed in nz). */
    private int forward(double[] theta, float[] x, double[] h, double[] z, int[] nz) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("example has " + x.length + " inputs; the network takes " + inputs);
        }
        int count = 0;
        for (int j = 0; j < inputs; j++) {
            if (x[j] != 0.0f) {
                nz[count++] = j;
            }
        }
        final int b1 = offsetB1();
        for (int u = 0; u < hidden; u++) {
            final int row = u * inputs;
            double s = theta[b1 + u];
            for (int c = 0; c < count; c++) {
                final int j = nz[c];
                s += theta[row + j] * x[j];
            }
            h[u] = activation == Activation.TANH ? Math.tanh(s) : s;
        }
        final int w2 = offsetW2();
        final int b2 = offsetB2();
        for (int k = 0; k < classes; k++) {
            double s = theta[b2 + k];
            final int row = w2 + k * hidden;
            for (int u = 0; u < hidden; u++) {
                s += theta[row + u] * h[u];
            }
            z[k] = s;
        }
        return count;
    }

    private Gradients evaluate(double[] theta, MnistData data, int[] batch, double[][] feedback,
                               boolean withGradient) {
        if (theta.length != parameterCount()) {
            throw new IllegalArgumentException("theta has length " + theta.length + "; the network has "
                    + parameterCount() + " parameters");
        }
        if (batch.length == 0) {
            throw new IllegalArgumentException("empty batch");
        }
        final double[] grad = withGradient ? new double[theta.length] : null;
        final double[] fa = withGradient && feedback != null ? new double[theta.length] : null;
        final double[] h = new double[hidden];
        final double[] z = new double[classes];
        final double[] e = new double[classes];
        final double[] d1 = new double[hidden];
        final double[] d1fa = new double[hidden];
        final int[] nz = new int[inputs];
        final double inv = 1.0 / batch.length;
        final int b1 = offsetB1();
        final int w2 = offsetW2();
        final int b2 = offsetB2();
        double loss = 0.0;
        for (int idx : batch) {
            final float[] x = data.image(idx);
            final int label = data.label(idx);
            if (label >= classes) {
                throw new IllegalArgumentException("label " + label + " but the network has " + classes + " classes");
            }
            final int count = forward(theta, x, h, z, nz);
            double max = z[0];
            for (int k = 1; k < classes; k++) {
                max = Math.max(max, z[k]);
            }
            double sum = 0.0;
            for (int k = 0; k < classes; k++) {
                e[k] = Math.exp(z[k] - max);
                sum += e[k];
            }
            loss += (max + Math.log(sum) - z[label]) * inv;
            if (!withGradient) {
                continue;
            }
            // e = (softmax(z) − onehot)/B, the output error of the mean loss.
            for (int k = 0; k < classes; k++) {
                e[k] = (e[k] / sum - (k == label ? 1.0 : 0.0)) * inv;
            }
            for (int k = 0; k < classes; k++) {
                final int row = w2 + k * hidden;
                final double ek = e[k];
                for (int u = 0; u < hidden; u++) {
                    grad[row + u] += ek * h[u];
                }
                grad[b2 + k] += ek;
            }
            for (int u = 0; u < hidden; u++) {
                final double slope = activation == Activation.TANH ? 1.0 - h[u] * h[u] : 1.0;
                double back = 0.0;
                for (int k = 0; k < classes; k++) {
                    back += theta[w2 + k * hidden + u] * e[k];
                }
                d1[u] = back * slope;
                if (fa != null) {
                    double rnd = 0.0;
                    for (int k = 0; k < classes; k++) {
                        rnd += feedback[u][k] * e[k];
                    }
                    d1fa[u] = rnd * slope;
                }
            }
            for (int u = 0; u < hidden; u++) {
                final int row = u * inputs;
                final double du = d1[u];
                for (int c = 0; c < count; c++) {
                    final int j = nz[c];
                    grad[row + j] += du * x[j];
                }
                grad[b1 + u] += du;
                if (fa != null) {
                    final double fu = d1fa[u];
                    for (int c = 0; c < count; c++) {
                        final int j = nz[c];
                        fa[row + j] += fu * x[j];
                    }
                    fa[b1 + u] += fu;
                }
            }
        }
        if (fa != null) {
            // The output layer's gradient is the same for both rules.
            System.arraycopy(grad, w2, fa, w2, theta.length - w2);
        }
        return new Gradients(loss, grad, fa);
    }

    /**
     * Input dimension.
     *
     * @return inputs
     */
    public int inputs() {
        return inputs;
    }

    /**
     * Hidden units.
     *
     * @return hidden
     */
    public int hidden() {
        return hidden;
    }

    /**
     * Classes.
     *
     * @return classes
     */
    public int classes() {
        return classes;
    }

    /**
     * The hidden activation σ.
     *
     * @return σ
     */
    public Activation activation() {
        return activation;
    }
}
