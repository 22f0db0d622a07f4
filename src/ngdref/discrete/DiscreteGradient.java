package ngdref.discrete;

/**
 * A discrete gradient, Eq. (12): a continuous ∇̄L(x, x') with
 * (x' − x)ᵀ∇̄L(x, x') = L(x') − L(x) and ∇̄L(x, x) = ∇L(x).
 */
public interface DiscreteGradient {

    /**
     * ∇̄L(x, x').
     *
     * @param loss the loss
     * @param x the current point θ_t (not modified)
     * @param xNext the next point θ_{t+1} (not modified)
     * @return a new array of length D
     * @throws IllegalArgumentException for null, non-finite or mismatched inputs
     */
    /*@ public behavior
      @   requires loss != null && x != null && xNext != null && x.length == xNext.length;
      @   ensures \result != null && \result.length == x.length;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    double[] of(Loss loss, double[] x, double[] xNext);
}
