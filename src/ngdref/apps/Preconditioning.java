package ngdref.apps;

import ngdref.dense.PreconditionerMetric;

/**
 * The preconditioner P of one update of a preconditioned rule, g = −P⁻¹d, and the vector
 * Pg = −d it maps the update to by construction: d = ∇L for RMSProp, AdaGrad and Newton, so P is
 * a candidate metric for the paper's pair (g, y = −∇L) (Eq. (4)); d = m̂ (the bias-corrected first
 * moment) for Adam, whose P is therefore the rule's metric for the pair (g, −m̂) and for
 * (g, −∇L) only when m̂ = ∇L.
 *
 * @param target the name of −d: {@code -grad} or {@code -m_hat}
 * @param diagonal P = diag(p) (null for a dense P)
 * @param matrix a dense, exactly symmetric P (null for a diagonal P)
 * @param mappedTo −d, the vector P maps g to by construction
 */
public record Preconditioning(String target, double[] diagonal, double[][] matrix, double[] mappedTo) {

    /** The name of the target −∇L. */
    public static final String MINUS_GRADIENT = "-grad";
    /** The name of Adam's target −m̂. */
    public static final String MINUS_FIRST_MOMENT = "-m_hat";

    /**
     * P as a library metric (D×D memory for the dense form).
     *
     * @return diag(p) or the dense P
     */
    public PreconditionerMetric metric() {
        return diagonal != null ? PreconditionerMetric.diagonal(diagonal) : PreconditionerMetric.dense(matrix);
    }

    /**
     * D.
     *
     * @return the dimension
     */
    public int dimension() {
        return mappedTo.length;
    }
}
