package ngdref.apps;

import ngdref.discrete.TwiceDifferentiableLoss;

/**
 * The tilted double well L(θ) = ¼(θ₀² − 1)² + τθ₀ + ½bΣ_{i&ge;1}θᵢ², τ &gt; 0 small: along θ₀ a
 * shallow local minimum near +1 and a deeper global minimum near −1 separated by a barrier, the
 * three stationary points being the roots of θ₀³ − θ₀ + τ = 0; a quadratic valley of curvature b in
 * the other coordinates. A loss on which the discounted optimal-control rule (Vastola et al.) can
 * prefer to climb out of the shallow minimum.
 */
public final class TiltedDoubleWell implements TwiceDifferentiableLoss {

    private final double tilt;
    private final double stiffness;

    /**
     * The loss.
     *
     * @param tilt τ in (0, 2/(3√3)) (three stationary points)
     * @param stiffness b &gt; 0
     * @throws IllegalArgumentException naming the invalid argument
     */
    public TiltedDoubleWell(double tilt, double stiffness) {
        if (!(tilt > 0.0 && tilt < 2 / (3 * Math.sqrt(3)))) {
            throw new IllegalArgumentException("tilt = " + tilt + " must be in (0, 2/(3√3)) for two minima");
        }
        if (!(stiffness > 0.0) || !Double.isFinite(stiffness)) {
            throw new IllegalArgumentException("stiffness = " + stiffness + " must be finite and > 0");
        }
        this.tilt = tilt;
        this.stiffness = stiffness;
    }

    /**
     * The k-th root of θ³ − θ + τ = 0 by the trigonometric formula
     * θ_k = (2/√3)cos(⅓arccos(−(3√3/2)τ) − 2πk/3): k = 0 the shallow minimum, 1 the barrier top,
     * 2 the deep minimum.
     */
    private double root(int k) {
        return 2 / Math.sqrt(3) * Math.cos(Math.acos(-1.5 * Math.sqrt(3) * tilt) / 3 - 2 * Math.PI * k / 3);
    }

    /** @return θ₀ of the shallow local minimum (&gt; 0) */
    public double shallowMinimum() {
        return root(0);
    }

    /** @return θ₀ of the deep global minimum (&lt; −1) */
    public double deepMinimum() {
        return root(2);
    }

    /** @return θ₀ of the barrier top between them */
    public double barrier() {
        return root(1);
    }

    /** @return b */
    public double stiffness() {
        return stiffness;
    }

    /** The θ₀ part f(θ₀) = ¼(θ₀² − 1)² + τθ₀. */
    double well(double x) {
        final double w = x * x - 1.0;
        return 0.25 * w * w + tilt * x;
    }

    @Override
    public double value(double[] x) {
        double s = well(x[0]);
        for (int i = 1; i < x.length; i++) {
            s += 0.5 * stiffness * x[i] * x[i];
        }
        return s;
    }

    @Override
    public double[] gradient(double[] x) {
        final double[] g = new double[x.length];
        g[0] = x[0] * (x[0] * x[0] - 1.0) + tilt;
        for (int i = 1; i < x.length; i++) {
            g[i] = stiffness * x[i];
        }
        return g;
    }

    @Override
    public double[][] hessian(double[] x) {
        final double[][] h = new double[x.length][x.length];
        h[0][0] = 3.0 * x[0] * x[0] - 1.0;
        for (int i = 1; i < x.length; i++) {
            h[i][i] = stiffness;
        }
        return h;
    }
}
