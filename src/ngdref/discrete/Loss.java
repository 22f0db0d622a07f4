package ngdref.discrete;

/**
 * A differentiable loss L: R^D → R, the object the paper's learning rules decrease. Implement
 * this to plug in your own loss.
 */
public interface Loss {

    /**
     * L(θ).
     *
     * @param theta parameters (not modified)
     * @return the loss
     */
    /*@ public normal_behavior
      @   requires theta != null;
      @   assignable \nothing;
      @*/
    /*@ helper @*/ double value(double[] theta);

    /**
     * ∇L(θ).
     *
     * @param theta parameters (not modified)
     * @return a new array of the same length
     */
    /*@ public normal_behavior
      @   requires theta != null;
      @   ensures \result != null && \result.length == theta.length;
      @   assignable \nothing;
      @*/
    /*@ helper @*/ double[] gradient(double[] theta);
}
