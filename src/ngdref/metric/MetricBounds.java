package ngdref.metric;

import ngdref.exact.ExactGeometry;

/**
 * Propositions 2 and 3: bounds that hold for EVERY SPD metric M with Mg = y.
 * <ul>
 * <li>Proposition 2: λ_min(M) &lt; (‖y‖/‖g‖)cos ψ = yᵀg/gᵀg (the Rayleigh quotient of g, strict
 *   because g is never an eigenvector when ψ ≠ 0); the supremum is approached by M(γ) as γ → ∞.</li>
 * <li>Proposition 3: λ_max(M) &gt; ‖y‖/(‖g‖cos ψ) = yᵀy/yᵀg; the infimum is approached as γ → 0.</li>
 * </ul>
 * At ψ = 0 both become equalities, attained by M = (‖y‖/‖g‖)I.
 * Both bounds are rational functions of the inner products and are returned correctly rounded (see
 * {@link UpdateGeometry}).
 *
 * <p>Machine-checked: Propositions 2 and 3 for every D (Coq, {@code proofs/coq/Statements.v}): {@code proposition2}, {@code proposition3} (strict unless y ∥ g), {@code proposition2_sup}, {@code proposition3_inf} (the bounds are the sup and inf over the family), {@code propositions23_not_attained}.
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
}
