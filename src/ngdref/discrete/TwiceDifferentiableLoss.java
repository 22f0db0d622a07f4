package ngdref.discrete;

/**
 * A loss with a Hessian ∇²L, needed by the Taylor discrete gradient (16) and the Hessian
 * correction (17).
 */
public interface TwiceDifferentiableLoss extends Loss {

    /**
     * ∇²L(θ), symmetric.
     *
     * @param theta parameters (not modified)
     * @return a new D×D array
     */
    /*@ public normal_behavior
      @   requires theta != null;
      @   ensures \result != null && \result.length == theta.length;
      @   assignable \nothing;
      @*/
    /*@ helper @*/ double[][] hessian(double[] theta);
}
