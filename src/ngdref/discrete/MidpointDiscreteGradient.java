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
        final double[] p = Vectors.requireInRange("x' − x", Vectors.difference(xNext, x));
        final double[] mid = new double[d];
        /*@ loop_invariant 0 <= i && i <= d;
          @ decreasing d - i;
          @ assignable mid[*];
          @*/
        for (int i = 0; i < d; i++) {
            mid[i] = 0.5 * x[i] + 0.5 * xNext[i];
        }
        final double[] grad = Vectors.requireResult("loss.gradient(midpoint)", loss.gradient(mid), d);
        // p = pScaled·2^e with max|pScaled| in [1, 2) (exact), so that pᵀp neither overflows nor
        // underflows; p = 0 exactly when x' = x (a difference of doubles is 0 only for equal ones).
        final int e = Vectors.maxExponent(p);
        if (e == Vectors.ZERO_VECTOR) {
            return grad;
        }
        final double[] pScaled = Vectors.scalb(p, -e);
        final double dL = Vectors.requireInRange("L(x') − L(x)",
                Vectors.requireInRange("L(x')", loss.value(xNext))
                - Vectors.requireInRange("L(x)", loss.value(x)));
        final double residual = Vectors.requireInRange("L(x') − L(x) − ∇L(m)ᵀ(x' − x)",
                dL - Vectors.dot(grad, p));
        // (residual/pᵀp)·p = (residual·2^-e/pScaledᵀpScaled)·pScaled
        final double correction = Math.scalb(residual, -e) / Vectors.dot(pScaled, pScaled);
        final double[] out = new double[d];
        /*@ loop_invariant 0 <= j && j <= d;
          @ decreasing d - j;
          @ assignable out[*];
          @*/
        for (int j = 0; j < d; j++) {
            out[j] = Math.fma(correction, pScaled[j], grad[j]);
        }
        return Vectors.requireInRange("the midpoint discrete gradient ∇̄L(x, x')", out);
    }
}
