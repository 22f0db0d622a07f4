package ngdref.discrete;

import java.util.Arrays;
/**
 * The Itoh–Abe coordinate-increment discrete gradient (T. Itoh, K. Abe, J. Comput. Phys. 76, 1988):
 * <pre>  ∇̄L(x, x')ᵢ = [L(x'₁…x'ᵢ, xᵢ₊₁…x_D) − L(x'₁…x'ᵢ₋₁, xᵢ…x_D)] / (x'ᵢ − xᵢ),</pre>
 * and ∂ᵢL at the intermediate point when x'ᵢ = xᵢ. The telescoping sum gives Eq. (12) exactly in
 * exact arithmetic. Costs D + 1 loss evaluations (plus a gradient per unchanged coordinate).
 */
public final class ItohAbeDiscreteGradient implements DiscreteGradient {

    /** The Itoh–Abe discrete gradient (stateless). */
    /*@ public normal_behavior
      @   assignable \nothing;
      @*/
    public ItohAbeDiscreteGradient() {
    }

    /**
     * {@inheritDoc}
     *
     * @throws ArithmeticException when a loss value, a coordinate difference x'ᵢ − xᵢ or a
     *     difference quotient is not finite
     */
    @Override
    public double[] of(Loss loss, double[] x, double[] xNext) {
        Vectors.requireStep(loss, x, xNext);
        final int d = x.length;
        final double[] point = Arrays.copyOf(x, x.length);
        final double[] out = new double[d];
        double previous = Vectors.requireInRange("L(x)", loss.value(point));
        for (int i = 0; i < d; i++) {
            if (xNext[i] == x[i]) {
                out[i] = Vectors.requireResult("loss.gradient", loss.gradient(point), d)[i];
                continue;
            }
            point[i] = xNext[i];
            final double current = Vectors.requireInRange("L at the intermediate point of"
                    + " coordinate " + i, loss.value(point));
            final double step = Vectors.requireInRange("x'ᵢ − xᵢ", xNext[i] - x[i]);
            out[i] = Vectors.requireInRange("the Itoh–Abe difference quotient ∇̄L(x, x')ᵢ",
                    Vectors.requireInRange("the loss difference of coordinate " + i,
                            current - previous) / step);
            previous = current;
        }
        return out;
    }
}
