package ngdref.properties;

import java.util.Random;
import ngdref.discrete.TwiceDifferentiableLoss;

/**
 * A random smooth, generally non-convex loss with closed-form derivatives:
 * L(θ) = Σₖ aₖ sin(bₖᵀθ + cₖ) + ½θᵀQθ + Σᵢ dᵢθᵢ⁴/4, Q symmetric (indefinite in general).
 */
final class RandomLoss implements TwiceDifferentiableLoss {

    private final double[] a;
    private final double[][] b;
    private final double[] c;
    private final double[][] q;
    private final double[] quartic;
    private final long seed;

    RandomLoss(long seed, int d) {
        this.seed = seed;
        final Random r = new Random(seed);
        final int k = 1 + r.nextInt(3);
        a = new double[k];
        b = new double[k][d];
        c = new double[k];
        for (int j = 0; j < k; j++) {
            a[j] = r.nextGaussian();
            c[j] = r.nextDouble() * 6;
            for (int i = 0; i < d; i++) {
                b[j][i] = r.nextGaussian();
            }
        }
        q = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                q[i][j] = r.nextGaussian();
                q[j][i] = q[i][j];
            }
        }
        quartic = new double[d];
        for (int i = 0; i < d; i++) {
            quartic[i] = r.nextDouble();
        }
    }

    private double phase(int k, double[] t) {
        double s = c[k];
        for (int i = 0; i < t.length; i++) {
            s += b[k][i] * t[i];
        }
        return s;
    }

    @Override
    public double value(double[] t) {
        double v = 0;
        for (int k = 0; k < a.length; k++) {
            v += a[k] * Math.sin(phase(k, t));
        }
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t.length; j++) {
                v += 0.5 * t[i] * q[i][j] * t[j];
            }
            v += quartic[i] * t[i] * t[i] * t[i] * t[i] / 4;
        }
        return v;
    }

    @Override
    public double[] gradient(double[] t) {
        final double[] g = new double[t.length];
        for (int k = 0; k < a.length; k++) {
            final double w = a[k] * Math.cos(phase(k, t));
            for (int i = 0; i < t.length; i++) {
                g[i] += w * b[k][i];
            }
        }
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t.length; j++) {
                g[i] += q[i][j] * t[j];
            }
            g[i] += quartic[i] * t[i] * t[i] * t[i];
        }
        return g;
    }

    @Override
    public double[][] hessian(double[] t) {
        final int d = t.length;
        final double[][] h = new double[d][d];
        for (int k = 0; k < a.length; k++) {
            final double w = -a[k] * Math.sin(phase(k, t));
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    h[i][j] += w * b[k][i] * b[k][j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                h[i][j] += q[i][j];
            }
            h[i][i] += 3 * quartic[i] * t[i] * t[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "RandomLoss(seed=" + seed + ", D=" + quartic.length + ")";
    }
}
