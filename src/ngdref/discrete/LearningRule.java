package ngdref.discrete;

/**
 * A learning rule: the update g(θ) of θ̇ = g (Eq. (1)) or θ_{t+1} = θ_t + ηg (Eq. (2)).
 * Implement this to plug in your own rule.
 */
public interface LearningRule {

    /**
     * The update direction at θ.
     *
     * @param theta parameters (not modified)
     * @return g, a new array of the same length
     */
    /*@ public normal_behavior
      @   requires theta != null;
      @   ensures \result != null && \result.length == theta.length;
      @   assignable \nothing;
      @*/
    double[] update(double[] theta);
}
