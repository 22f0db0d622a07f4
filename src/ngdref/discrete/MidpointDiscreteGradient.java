package ngdref.discrete;

/**
 * Gonzalez's midpoint discrete gradient (O. Gonzalez, J. Nonlinear Sci. 6, 1996):
 * <pre>  ∇̄L(x, x') = ∇L(m) + [(L(x') − L(x) − ∇L(m)ᵀp)/‖p‖²]·p,   m = (x+x')/2, p = x' − x,</pre>
 * and ∇̄L(x, x) = ∇L(x). It satisfies Eq. (12) exactly in exact arithmetic.
 */
public final class MidpointDiscreteGradient implements DiscreteGradient {

    /** The midpoint discrete gradient (stateless). */
    /*@ public normal_behavior
      @   assignable \nothing;
      @*/
    public MidpointDiscreteGradient() {
    }

    @Override
    public double[] of(Loss loss, double[] x, double[] xNext) {
        Vectors.requireStep(loss, x, xNext);
        final int d = x.length;
        final double[] p = Vectors.difference(xNext, x);
        final double pp = Vectors.dot(p, p);
        final double[] mid = new double[d];
        /*@ loop_invariant 0 <= i && i <= d;
          @ decreasing d - i;
          @ assignable mid[*];
          @*/
        for (int i = 0; i < d; i++) {
            mid[i] = 0.5 * x[i] + 0.5 * xNext[i];
        }
        final double[] grad = Vectors.requireResult("loss.gradient(midpoint)", loss.gradient(mid), d);
        if (pp == 0.0) {
            return grad;
        }
        final double dL = Vectors.requireFiniteValue("L(xNext)", loss.value(xNext))
                - Vectors.requireFiniteValue("L(x)", loss.value(x));
        final double correction = (dL - Vectors.dot(grad, p)) / pp;
        final double[] out = new double[d];
        /*@ loop_invariant 0 <= j && j <= d;
          @ decreasing d - j;
          @ assignable out[*];
          @*/
        for (int j = 0; j < d; j++) {
            out[j] = Math.fma(correction, p[j], grad[j]);
        }
        return out;
    }
}
