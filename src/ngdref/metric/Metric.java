package ngdref.metric;

/**
 * A metric of the paper: a symmetric positive definite D×D matrix M for one step of a learning
 * rule. The rule's update g is natural gradient descent with M, g = −M⁻¹∇L (Eq. 4), exactly when
 * Mg = y for y = −∇L, and every such M has the canonical form (6),
 * M = yyᵀ/(yᵀg) + Σᵢ uᵢuᵢᵀ with the uᵢ spanning g⊥.
 *
 * <p>Implemented by the one-parameter family (8)/(22) and M_opt (9) ({@link OneParameterMetric},
 * matrix-free), the canonical metric (6) ({@code ngdref.dense.CanonicalMetric}, dense), the
 * Hessian-corrected discrete metric (17)–(18) ({@code ngdref.discrete.HessianCorrectedMetric},
 * dense), the stochastic metric (19) ({@code ngdref.discrete.StochasticMetric}, matrix-free) and
 * the metric P of a preconditioned rule g = −P⁻¹∇L, diagonal or dense
 * ({@code ngdref.dense.PreconditionerMetric}), and the Fisher metric of an exponential family
 * ({@code ngdref.dense.FisherMetric}, dense). The discrete metric M̄ (14) of a step
 * ({@code ngdref.discrete.DiscreteStep#metric}) is a member of the family.
 * One checker, written against this interface, grades any implementation for a pair (g, y):
 * {@code ngdref.dense.MetricCheck} (and {@code ngdref verify} on the command line).
 *
 * <p>What every implementation promises: bad input is an {@link IllegalArgumentException} naming
 * the argument and the fault; a component or entry outside the range of double is an
 * {@link ArithmeticException} naming it; no method returns ∞ or NaN; each states its accuracy in
 * its own javadoc (the matrix-free ones a componentwise bound, the dense ones backward stability).
 */
public interface Metric {

    /**
     * The dimension D.
     *
     * @return D &ge; 2
     */
    /*@ public normal_behavior
      @   ensures \result >= 2;
      @   assignable \nothing;
      @*/
    int dimension();

    /**
     * M·x.
     *
     * @param x a vector of dimension D (not modified)
     * @return a new vector
     * @throws IllegalArgumentException if x is null, of the wrong length or has a non-finite entry
     * @throws ArithmeticException naming a component of Mx outside the range of double
     */
    /*@ public behavior
      @   requires x != null && x.length == dimension();
      @   ensures \result != null && \result.length == x.length;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires x == null || x.length != dimension();
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    double[] apply(/*@ nullable @*/ double[] x);

    /**
     * M⁻¹·b.
     *
     * @param b a vector of dimension D (not modified)
     * @return a new vector
     * @throws IllegalArgumentException if b is null, of the wrong length or has a non-finite entry
     * @throws ArithmeticException naming a component of M⁻¹b outside the range of double
     */
    /*@ public behavior
      @   requires b != null && b.length == dimension();
      @   ensures \result != null && \result.length == b.length;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires b == null || b.length != dimension();
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    double[] solve(/*@ nullable @*/ double[] b);

    /**
     * The dense matrix M (for small D: O(D²) memory), exactly symmetric.
     *
     * @return a new D×D array
     * @throws ArithmeticException naming an entry of M outside the range of double
     */
    /*@ public behavior
      @   ensures \result != null && \result.length == dimension();
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    double[][] toArray();
}
