package ngdref.apps;

/**
 * Second-order quantities of the full-batch loss of a {@link TwoLayerNetwork} over a fixed set S
 * of examples, L(θ) = (1/|S|)Σ_{i∈S} ℓᵢ(θ), matrix-free (D = 50,890 for the 784–64–10 network
 * rules out a dense Hessian):
 * <ul>
 * <li>{@link #hessianVector}: ∇²L(θ)v by the R-operator of B. A. Pearlmutter ("Fast exact
 *   multiplication by the Hessian", Neural Comput. 6, 147–160, 1994), the directional derivative
 *   of backpropagation: with a = W₁x + b₁, h = tanh a, z = W₂h + b₂, q = softmax z,
 *   e = (q − onehot)/|S| and the direction v = (V₁, v_b₁, V₂, v_b₂),
 *   <pre>  Ra = V₁x + v_b₁,  Rh = (1 − h²)⊙Ra,  Rz = V₂h + W₂Rh + v_b₂,  Re = (q⊙Rz − q·qᵀRz)/|S|,
 *  R∇_{W₂} = Re·hᵀ + e·Rhᵀ,  R∇_{b₂} = Re,
 *  Rδ = (V₂ᵀe + W₂ᵀRe)⊙(1 − h²) − 2(W₂ᵀe)⊙h⊙Rh,  R∇_{W₁} = Rδ·xᵀ,  R∇_{b₁} = Rδ;</pre></li>
 * <li>{@link #line}: φ(s) = L(θ + sp) with φ'(s) and φ''(s) = pᵀ∇²L(θ + sp)p by forward-mode
 *   differentiation along the line. a(s) = a₀ + s·a₁ is affine in s (a₁ = P₁x + p_b₁), so after
 *   one pass for a₁ each evaluation costs only the output layer: with W₂(s) = W₂ + sP₂,
 *   h' = (1 − h²)⊙a₁, h'' = −2h⊙(1 − h²)⊙a₁², z' = P₂h + W₂(s)h' + p_b₂, z'' = 2P₂h' + W₂(s)h'',
 *   ℓ' = (q − onehot)ᵀz', ℓ'' = (q − onehot)ᵀz'' + Σₖqₖz'ₖ² − (qᵀz')².</li>
 * </ul>
 * Parameters are laid out as in {@link TwoLayerNetwork}: [vec W₁ (row-major, hidden × inputs),
 * b₁, vec W₂ (classes × hidden), b₂].
 */
final class NetworkCurvature {

    private final int inputs;
    private final int hidden;
    private final int classes;
    private final int[] examples;
    /** The network whose parameter layout θ and p follow. */
    private final TwoLayerNetwork layout;
    private final int[] labels;
    private final float[][] images;
    /** The nonzero pixels of each example (the inputs are sparse). */
    private final int[][] nonzero;

    /**
     * The full-batch loss over the given examples.
     *
     * @param net the network shape
     * @param data the data set
     * @param examples the set S (indices into data), not empty
     */
    NetworkCurvature(TwoLayerNetwork net, MnistData data, int[] examples) {
        if (examples.length == 0) {
            throw new IllegalArgumentException("examples must not be empty");
        }
        if (net.activation() != TwoLayerNetwork.Activation.TANH) {
            // the second derivatives below are those of tanh (1 − h², −2h(1 − h²))
            throw new IllegalArgumentException("NetworkCurvature needs the tanh network; this one has "
                    + net.activation());
        }
        this.layout = net;
        this.inputs = net.inputs();
        this.hidden = net.hidden();
        this.classes = net.classes();
        this.examples = examples.clone();
        this.labels = new int[examples.length];
        this.images = new float[examples.length][];
        this.nonzero = new int[examples.length][];
        for (int n = 0; n < examples.length; n++) {
            final float[] x = data.image(examples[n]);
            if (x.length != inputs) {
                throw new IllegalArgumentException("example " + examples[n] + " has " + x.length
                        + " inputs; the network takes " + inputs);
            }
            labels[n] = data.label(examples[n]);
            if (labels[n] >= classes) {
                throw new IllegalArgumentException("label " + labels[n] + " but the network has " + classes + " classes");
            }
            images[n] = x;
            int count = 0;
            for (int j = 0; j < inputs; j++) {
                count += x[j] != 0.0f ? 1 : 0;
            }
            final int[] nz = new int[count];
            count = 0;
            for (int j = 0; j < inputs; j++) {
                if (x[j] != 0.0f) {
                    nz[count++] = j;
                }
            }
            nonzero[n] = nz;
        }
    }

    /**
     * S.
     *
     * @return a copy of the example indices
     */
    int[] examples() {
        return examples.clone();
    }

    private void requireLength(String name, double[] v) {
        if (v.length != layout.parameterCount()) {
            throw new IllegalArgumentException(name + " has length " + v.length + "; the network has "
                    + layout.parameterCount() + " parameters");
        }
    }

    /** W₁x + b₁ (or, for a direction, P₁x + p_b₁) of example n. */
    private void firstLayer(double[] theta, int n, double[] out) {
        final float[] x = images[n];
        final int[] nz = nonzero[n];
        final int b1 = layout.offsetB1();
        for (int u = 0; u < hidden; u++) {
            final int row = u * inputs;
            double s = theta[b1 + u];
            for (int j : nz) {
                s += theta[row + j] * x[j];
            }
            out[u] = s;
        }
    }

    /**
     * ∇²L(θ)v, the full-batch Hessian times v (see the class comment).
     *
     * @param theta θ
     * @param v the direction
     * @return a new vector of length D
     */
    double[] hessianVector(double[] theta, double[] v) {
        requireLength("theta", theta);
        requireLength("v", v);
        final double[] out = new double[theta.length];
        final double[] a = new double[hidden];
        final double[] ra = new double[hidden];
        final double[] h = new double[hidden];
        final double[] rh = new double[hidden];
        final double[] z = new double[classes];
        final double[] rz = new double[classes];
        final double[] e = new double[classes];
        final double[] re = new double[classes];
        final double inv = 1.0 / examples.length;
        final int b1 = layout.offsetB1();
        final int w2 = layout.offsetW2();
        final int b2 = layout.offsetB2();
        for (int n = 0; n < examples.length; n++) {
            firstLayer(theta, n, a);
            firstLayer(v, n, ra);
            for (int u = 0; u < hidden; u++) {
                h[u] = Math.tanh(a[u]);
                rh[u] = (1.0 - h[u] * h[u]) * ra[u];
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double s = theta[b2 + k];
                double r = v[b2 + k];
                final int row = w2 + k * hidden;
                for (int u = 0; u < hidden; u++) {
                    s += theta[row + u] * h[u];
                    r += v[row + u] * h[u] + theta[row + u] * rh[u];
                }
                z[k] = s;
                rz[k] = r;
                max = Math.max(max, s);
            }
            double sum = 0.0;
            for (int k = 0; k < classes; k++) {
                e[k] = Math.exp(z[k] - max);
                sum += e[k];
            }
            double qrz = 0.0;
            for (int k = 0; k < classes; k++) {
                e[k] = e[k] / sum;          // q
                qrz += e[k] * rz[k];
            }
            for (int k = 0; k < classes; k++) {
                re[k] = e[k] * (rz[k] - qrz) * inv;
                e[k] = (e[k] - (k == labels[n] ? 1.0 : 0.0)) * inv;
            }
            for (int k = 0; k < classes; k++) {
                final int row = w2 + k * hidden;
                for (int u = 0; u < hidden; u++) {
                    out[row + u] += re[k] * h[u] + e[k] * rh[u];
                }
                out[b2 + k] += re[k];
            }
            final float[] x = images[n];
            final int[] nz = nonzero[n];
            for (int u = 0; u < hidden; u++) {
                final double slope = 1.0 - h[u] * h[u];
                double back = 0.0;
                double rback = 0.0;
                for (int k = 0; k < classes; k++) {
                    final int idx = w2 + k * hidden + u;
                    back += theta[idx] * e[k];
                    rback += v[idx] * e[k] + theta[idx] * re[k];
                }
                final double rdelta = rback * slope - 2.0 * back * h[u] * rh[u];
                final int row = u * inputs;
                for (int j : nz) {
                    out[row + j] += rdelta * x[j];
                }
                out[b1 + u] += rdelta;
            }
        }
        return out;
    }

    /**
     * The loss along the segment θ + sp.
     *
     * @param theta θ
     * @param p the direction (the step ηg)
     * @return φ
     */
    Line line(double[] theta, double[] p) {
        requireLength("theta", theta);
        requireLength("p", p);
        final double[][] a0 = new double[examples.length][hidden];
        final double[][] a1 = new double[examples.length][hidden];
        for (int n = 0; n < examples.length; n++) {
            firstLayer(theta, n, a0[n]);
            firstLayer(p, n, a1[n]);
        }
        return new Line(theta, p, a0, a1);
    }

    /** φ(s) = L(θ + sp) on one segment, with its first two derivatives. */
    final class Line {
        private final double[] w2;
        private final double[] b2;
        private final double[] pw2;
        private final double[] pb2;
        private final double[][] a0;
        private final double[][] a1;

        private Line(double[] theta, double[] p, double[][] a0, double[][] a1) {
            this.w2 = java.util.Arrays.copyOfRange(theta, layout.offsetW2(), layout.offsetB2());
            this.b2 = java.util.Arrays.copyOfRange(theta, layout.offsetB2(), layout.parameterCount());
            this.pw2 = java.util.Arrays.copyOfRange(p, layout.offsetW2(), layout.offsetB2());
            this.pb2 = java.util.Arrays.copyOfRange(p, layout.offsetB2(), layout.parameterCount());
            this.a0 = a0;
            this.a1 = a1;
        }

        /**
         * {φ(s), φ'(s), φ''(s)} and, when {@code perExample} is given, ℓᵢ(s) and ℓᵢ'(s) of each
         * example (rows 0 and 1).
         */
        double[] derivatives(double s, double[][] perExample) {
            final double[] ws = new double[w2.length];
            for (int i = 0; i < ws.length; i++) {
                ws[i] = w2[i] + s * pw2[i];
            }
            final double[] h = new double[hidden];
            final double[] h1 = new double[hidden];
            final double[] h2 = new double[hidden];
            final double[] z = new double[classes];
            final double[] z1 = new double[classes];
            final double[] z2 = new double[classes];
            final double inv = 1.0 / examples.length;
            double value = 0.0;
            double slope = 0.0;
            double curvature = 0.0;
            for (int n = 0; n < examples.length; n++) {
                final double[] x0 = a0[n];
                final double[] x1 = a1[n];
                for (int u = 0; u < hidden; u++) {
                    final double t = Math.tanh(x0[u] + s * x1[u]);
                    final double d = 1.0 - t * t;
                    h[u] = t;
                    h1[u] = d * x1[u];
                    h2[u] = -2.0 * t * d * x1[u] * x1[u];
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    final int row = k * hidden;
                    double v0 = b2[k] + s * pb2[k];
                    double v1 = pb2[k];
                    double v2 = 0.0;
                    for (int u = 0; u < hidden; u++) {
                        v0 += ws[row + u] * h[u];
                        v1 += pw2[row + u] * h[u] + ws[row + u] * h1[u];
                        v2 += 2.0 * pw2[row + u] * h1[u] + ws[row + u] * h2[u];
                    }
                    z[k] = v0;
                    z1[k] = v1;
                    z2[k] = v2;
                    max = Math.max(max, v0);
                }
                double sum = 0.0;
                for (int k = 0; k < classes; k++) {
                    sum += Math.exp(z[k] - max);
                }
                double qz1 = 0.0;
                double qz2 = 0.0;
                double qz1sq = 0.0;
                for (int k = 0; k < classes; k++) {
                    final double q = Math.exp(z[k] - max) / sum;
                    qz1 += q * z1[k];
                    qz2 += q * z2[k];
                    qz1sq += q * z1[k] * z1[k];
                }
                final int y = labels[n];
                final double l0 = max + Math.log(sum) - z[y];
                final double l1 = qz1 - z1[y];
                value += l0 * inv;
                slope += l1 * inv;
                curvature += (qz2 - z2[y] + qz1sq - qz1 * qz1) * inv;
                if (perExample != null) {
                    perExample[0][n] = l0;
                    perExample[1][n] = l1;
                }
            }
            return new double[] {value, slope, curvature};
        }

        /**
         * φ''(s) = pᵀ∇²L(θ + sp)p.
         *
         * @param s position on the segment
         * @return the curvature
         */
        double curvature(double s) {
            return derivatives(s, null)[2];
        }

        /**
         * {φ(1) − φ(0), 2(φ(1) − φ(0) − φ'(0))}, summed example by example (each ℓᵢ(1) − ℓᵢ(0)
         * first, so that the difference of two sums of |S| values near log 10 does not cancel).
         * The second is the value of φ''(λ) at Taylor's mean-value point λ, Eq. (11).
         *
         * @return the loss change L(θ + p) − L(θ) and twice the Taylor remainder
         */
        double[] changeAndTarget() {
            final double[][] at0 = new double[2][examples.length];
            final double[][] at1 = new double[2][examples.length];
            derivatives(0.0, at0);
            derivatives(1.0, at1);
            double change = 0.0;
            double remainder = 0.0;
            for (int n = 0; n < examples.length; n++) {
                final double d = at1[0][n] - at0[0][n];
                change += d;
                remainder += d - at0[1][n];
            }
            return new double[] {change / examples.length, 2.0 * remainder / examples.length};
        }
    }
}
