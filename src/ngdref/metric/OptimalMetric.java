package ngdref.metric;

import ngdref.exact.ExactGeometry;

/**
 * The optimal metric, Eq. (9): M_opt = M(α = yᵀy/gᵀy), the member γ = 1 of the family (22).
 * Its spectrum is λ_max,min = (‖y‖/‖g‖)(1/cos ψ ± |tan ψ|), λ_d = (‖y‖/‖g‖)/cos ψ, and
 * Proposition 1: among ALL SPD M with Mg = y, the smallest condition number is
 * κ(M_opt) = (1+|sin ψ|)/(1−|sin ψ|).
 *
 * <p>Machine-checked: Proposition 1 for every D (Coq, {@code proofs/coq/Statements.v}): {@code proposition1} (L/m ≥ (1+|sin ψ|)/(1−|sin ψ|) for every symmetric M with Mg = y and form constants 0 &lt; m ≤ L), {@code proposition1_equality} (attained by M_opt), {@code family_kappa_min}, {@code family_kappa_at_gamma1}.
 */
public final class OptimalMetric {

    private OptimalMetric() {
    }

    /**
     * M_opt for the pair (g, y).
     *
     * @param g the update
     * @param y the negative gradient −∇L
     * @return the metric M(γ = 1)
     * @throws IllegalArgumentException for invalid input (see {@link UpdateGeometry#of})
     */
    // Exact statement (κ over the family (22) is minimal at γ = 1), proved for every D in Coq
    // (proofs/coq/Statements.v): family_kappa_min, family_kappa_at_gamma1.
    /*@ public behavior
      @   requires g != null && y != null && g.length >= 2 && g.length == y.length;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0);
      @   requires Inputs.effective(g, y);
      @   ensures \result != null && \result.dimension() == g.length;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires g == null || y == null || g.length < 2 || g.length != y.length;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static OneParameterMetric of(/*@ nullable @*/ double[] g, /*@ nullable @*/ double[] y) {
        return OneParameterMetric.ofGamma(g, y, 1.0);
    }

    /**
     * Proposition 1: κ(M_opt) = (1+|sin ψ|)/(1−|sin ψ|), the minimum condition number over all
     * SPD metrics with Mg = y. Computed as (1+|sin ψ|)²/cos²ψ, without the cancellation of 1−|sin ψ|.
     *
     * @param geometry the pair's geometry
     * @return κ_min &ge; 1
     * @throws IllegalArgumentException if geometry is null
     * @throws ArithmeticException if κ overflows (ψ within ~1e-154 of π/2)
     */
    // Exact statement (Proposition 1), proved for every D in Coq (proofs/coq/Statements.v):
    // proposition1 (κ(M) ≥ (1+|sin ψ|)/(1−|sin ψ|) for every symmetric M with Mg = y and form
    // constants m, L), proposition1_equality(_all) (attained by M(γ = 1)). Run-time check of the
    // contract below: ValueContractsTest; the value: EdgeRangeTest.
    /*@ public behavior
      @   requires geometry != null;
      @   ensures \result >= 1.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires geometry == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static double minimumConditionNumber(/*@ nullable @*/ UpdateGeometry geometry) {
        if (geometry == null) {
            throw new IllegalArgumentException("geometry must not be null");
        }
        // (1+|sin ψ|)²/cos²ψ = (1+|sin ψ|)/(1−|sin ψ|), no cancellation; rounding is monotone, so
        // the correctly rounded value is >= 1 because the exact one is: no clamp.
        return geometry.rounded(ExtendedDD.ONE.add(geometry.sinX()).square().divide(geometry.cosX().square()),
                ExactGeometry.KAPPA_MIN, "κ_min = (1+|sin ψ|)/(1−|sin ψ|)");
    }
}
