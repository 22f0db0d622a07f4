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
        final double[] p = Vectors.requireInRange("x' − x", Vectors.difference(xNext, x));
        final double[] mid = Vectors.midpoint(x, xNext);
        final double[] grad = Vectors.requireResult("loss.gradient(midpoint)", loss.gradient(mid), x.length);
        // p = 0 exactly when x' = x (a difference of doubles is 0 only for equal ones): ∇̄L(x, x) = ∇L(x).
        final int e = Vectors.maxExponent(p);
        if (e == Vectors.ZERO_VECTOR) {
            return grad;
        }
        final double lossNext = Vectors.requireInRange("L(x')", loss.value(xNext));
        final double lossHere = Vectors.requireInRange("L(x)", loss.value(x));
        return corrected(grad, p, e, Vectors.requireInRange("L(x') − L(x)", lossNext - lossHere));
    }

    /**
     * ∇L(m) + [(L(x') − L(x) − ∇L(m)ᵀp)/‖p‖²]·p, from ∇L(m), p ≠ 0 whose largest entry has the
     * exponent e, and dL = L(x') − L(x): p = pScaled·2^e with max|pScaled| in [1, 2) (exact), so
     * that pᵀp neither overflows nor underflows.
     */
    /*@ private behavior
      @   requires p.length == grad.length;
      @   ensures \result.length == grad.length;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    private static double[] corrected(double[] grad, double[] p, int e, double dL) {
        final double[] pScaled = Vectors.scalb(p, -e);
        final double residual = Vectors.requireInRange("L(x') − L(x) − ∇L(m)ᵀ(x' − x)",
                dL - Vectors.dot(grad, p));
        // (residual/pᵀp)·p = (residual·2^-e/pScaledᵀpScaled)·pScaled
        final double correction = Math.scalb(residual, -e) / Vectors.dot(pScaled, pScaled);
        final double[] out = Vectors.along(grad, correction, pScaled); // ∇L(m) + correction·pScaled
        return Vectors.requireInRange("the midpoint discrete gradient ∇̄L(x, x')", out);
    }
}
