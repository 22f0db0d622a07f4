package ngdref.metric;

import ngdref.exact.ExactGeometry;

/**
 * Propositions 1–3: bounds that hold for EVERY SPD metric M with Mg = y.
 * <ul>
 * <li>Proposition 1: κ(M) &ge; (1+|sin ψ|)/(1−|sin ψ|), attained by M_opt
 *   ({@link OneParameterMetric#optimal}).</li>
 * <li>Proposition 2: λ_min(M) &lt; (‖y‖/‖g‖)cos ψ = yᵀg/gᵀg (the Rayleigh quotient of g, strict
 *   because g is never an eigenvector when ψ ≠ 0); the supremum is approached by M(γ) as γ → ∞.</li>
 * <li>Proposition 3: λ_max(M) &gt; ‖y‖/(‖g‖cos ψ) = yᵀy/yᵀg; the infimum is approached as γ → 0.</li>
 * </ul>
 * At ψ = 0 all three become equalities, attained by M = (‖y‖/‖g‖)I.
 * All three are returned correctly rounded (see {@link UpdateGeometry}); κ_min is evaluated as
 * (1+|sin ψ|)²/cos²ψ, the bounds of Propositions 2 and 3 as rational functions of the inner
 * products.
 *
 * <p>Machine-checked: Proposition 1 for every D (Coq, {@code proofs/coq/Statements.v}): {@code proposition1}, {@code proposition1_equality}, {@code family_kappa_min}, {@code family_kappa_at_gamma1}. Propositions 2 and 3 for every D (Coq, {@code proofs/coq/Statements.v}): {@code proposition2}, {@code proposition3} (strict unless y ∥ g), {@code proposition2_sup}, {@code proposition3_inf} (the bounds are the sup and inf over the family), {@code propositions23_not_attained}.
 */
public final class MetricBounds {

    private MetricBounds() {
    }

    /**
     * sup λ_min over all valid metrics: (‖y‖/‖g‖)cos ψ = yᵀg/gᵀg (Proposition 2, the γ → ∞ limit).
     *
     * @param geometry the pair's geometry
     * @return the bound, &gt; 0, correctly rounded
     * @throws IllegalArgumentException if geometry is null
     * @throws ArithmeticException if it is outside the range of double
     */
    // Exact statement (Proposition 2), proved for every D in Coq (proofs/coq/Statements.v):
    // proposition2 (λ_min(M) ≤ (‖y‖/‖g‖)cos ψ, strict unless y ∥ g), proposition2_sup and
    // proposition2_limit (it is the supremum, approached as γ → ∞), propositions23_not_attained.
    /*@ public behavior
      @   requires geometry != null;
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires geometry == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static double lambdaMinSupremum(/*@ nullable @*/ UpdateGeometry geometry) {
        if (geometry == null) {
            throw new IllegalArgumentException("geometry must not be null");
        }
        return geometry.rounded(geometry.rhoX(), ExactGeometry.RHO, "sup λ_min = (‖y‖/‖g‖)cos ψ");
    }

    /**
     * inf λ_max over all valid metrics: ‖y‖/(‖g‖cos ψ) = yᵀy/yᵀg (Proposition 3, the γ → 0 limit).
     *
     * @param geometry the pair's geometry
     * @return the bound, &gt; 0, correctly rounded
     * @throws IllegalArgumentException if geometry is null
     * @throws ArithmeticException if it is outside the range of double
     */
    // Exact statement (Proposition 3), proved for every D in Coq (proofs/coq/Statements.v):
    // proposition3 (λ_max(M) ≥ ‖y‖/(‖g‖cos ψ), strict unless y ∥ g), proposition3_inf and
    // proposition3_limit (it is the infimum, approached as γ → 0), propositions23_not_attained.
    /*@ public behavior
      @   requires geometry != null;
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires geometry == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static double lambdaMaxInfimum(/*@ nullable @*/ UpdateGeometry geometry) {
        if (geometry == null) {
            throw new IllegalArgumentException("geometry must not be null");
        }
        return geometry.rounded(geometry.sigmaX(), ExactGeometry.SIGMA, "inf λ_max = ‖y‖/(‖g‖cos ψ)");
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
