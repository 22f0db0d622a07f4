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
        final double[] point = Arrays.copyOf(x, d);
        final double[] out = new double[d];
        double previous = Vectors.requireInRange("L(x)", loss.value(point));
        /*@ loop_invariant 0 <= i && i <= d && point.length == d && out.length == d;
          @ decreasing d - i;
          @ assignable point[*], out[*];
          @*/
        for (int i = 0; i < d; i++) {
            if (xNext[i] == x[i]) {
                out[i] = Vectors.requireResult("loss.gradient", loss.gradient(point), d)[i];
                continue;
            }
            point[i] = xNext[i];
            final double current = Vectors.requireInRange(
                    ofCoordinate("L at the intermediate point", i), loss.value(point));
            out[i] = differenceQuotient(current, previous, xNext[i], x[i], i);
            previous = current;
        }
        return out;
    }

    /** (current − previous)/(x'ᵢ − xᵢ) for coordinate i, each part checked to lie in the range of double. */
    /*@ private behavior
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    private static double differenceQuotient(double current, double previous, double next, double here, int i) {
        final double step = Vectors.requireInRange("x'ᵢ − xᵢ", next - here);
        return Vectors.requireInRange("the Itoh–Abe difference quotient ∇̄L(x, x')ᵢ",
                Vectors.requireInRange(ofCoordinate("the loss difference", i), current - previous) / step);
    }

    /**
     * "what of coordinate i", a name in the messages of {@link #of} (its own method, so that the
     * proof of {@code of} does not unfold the concatenation with an int).
     */
    /*@ private normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    private static String ofCoordinate(String what, int i) {
        return what + " of coordinate " + i;
    }
}
