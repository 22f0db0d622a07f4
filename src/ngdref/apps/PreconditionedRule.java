package ngdref.apps;

/**
 * A rule of the form g = −P⁻¹d with an explicit preconditioner P (Adam, RMSProp, AdaGrad,
 * Newton): the analyzer grades P as the rule's own metric ({@link PreconditionerAnalysis}).
 */
public interface PreconditionedRule extends Rule {

    /**
     * The preconditioner of the last {@link #update} and what it maps g to.
     *
     * @return P of the last update (null before the first one)
     */
    Preconditioning preconditioning();
}
