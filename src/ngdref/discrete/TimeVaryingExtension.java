package ngdref.discrete;

import ngdref.metric.Inputs;
import ngdref.metric.OneParameterMetric;

/**
 * Time-varying losses L(θ, t) (end of Section 2.1): on the extended vector v = [θ, t],
 * v̇ = [θ̇, 1] and L̇ = (∂L/∂v)ᵀv̇. When L̇ &lt; 0 the rule is effective for y = −∂L/∂v = −[∇_θL, ∂_tL]
 * and g = [θ̇, 1], and v̇ = −M⁻¹∂L/∂v with M built as in the static case, in dimension D + 1.
 */
public final class TimeVaryingExtension {

    private TimeVaryingExtension() {
    }

    /**
     * g = [θ̇, 1].
     *
     * @param thetaDot θ̇
     * @return a new array of length D + 1
     */
    /*@ public normal_behavior
      @   requires thetaDot != null;
      @   requires (\forall int i; 0 <= i && i < thetaDot.length; thetaDot[i] - thetaDot[i] == 0.0);
      @   ensures \result.length == thetaDot.length + 1 && \result[thetaDot.length] == 1.0;
      @   ensures (\forall int i; 0 <= i && i < thetaDot.length; \result[i] == thetaDot[i]);
      @   ensures \fresh(\result);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires thetaDot == null
      @         || (\exists int i; 0 <= i && i < thetaDot.length; !(thetaDot[i] - thetaDot[i] == 0.0));
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static double[] extendedUpdate(/*@ nullable @*/ double[] thetaDot) {
        Inputs.requireEntries("thetaDot", thetaDot);
        final double[] v = new double[thetaDot.length + 1];
        /*@ loop_invariant 0 <= i && i <= thetaDot.length
          @   && (\forall int j; 0 <= j && j < i; v[j] == thetaDot[j]);
          @ decreasing thetaDot.length - i;
          @ assignable v[*];
          @*/
        for (int i = 0; i < thetaDot.length; i++) {
            v[i] = thetaDot[i];
        }
        v[thetaDot.length] = 1.0;
        return v;
    }

    /**
     * −1, written so that KeY 2.12.3 can read it: the product {@code MINUS_ONE * x} is exactly −x
     * for every double x (signed zeros and infinities included), and KeY has no rule for Java's
     * unary minus on double (its javaUnaryMinusDouble stays uninterpreted, so from {@code -x}
     * nothing follows, not even {@code -x == -x}; the literal {@code -1.0} is that unary minus
     * applied to 1.0).
     */
    private static final double MINUS_ONE = 0.0 - 1.0;

    /**
     * y = −[∇_θL, ∂_tL].
     *
     * @param gradTheta ∇_θL
     * @param dLdt ∂L/∂t
     * @return a new array of length D + 1
     */
    /*@ public normal_behavior
      @   requires gradTheta != null && dLdt - dLdt == 0.0;
      @   requires (\forall int i; 0 <= i && i < gradTheta.length; gradTheta[i] - gradTheta[i] == 0.0);
      @   ensures \result.length == gradTheta.length + 1 && \result[gradTheta.length] == -dLdt;
      @   ensures (\forall int i; 0 <= i && i < gradTheta.length; \result[i] == -gradTheta[i]);
      @   ensures \fresh(\result);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires gradTheta == null || !(dLdt - dLdt == 0.0)
      @         || (\exists int i; 0 <= i && i < gradTheta.length; !(gradTheta[i] - gradTheta[i] == 0.0));
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static double[] extendedNegativeGradient(/*@ nullable @*/ double[] gradTheta, double dLdt) {
        Inputs.requireEntries("gradTheta", gradTheta);
        Vectors.requireFiniteValue("dLdt", dLdt);
        final double[] v = new double[gradTheta.length + 1];
        /*@ loop_invariant 0 <= i && i <= gradTheta.length
          @   && (\forall int j; 0 <= j && j < i; v[j] == -gradTheta[j]);
          @ decreasing gradTheta.length - i;
          @ assignable v[*];
          @*/
        for (int i = 0; i < gradTheta.length; i++) {
            v[i] = MINUS_ONE * gradTheta[i];
        }
        v[gradTheta.length] = MINUS_ONE * dLdt;
        return v;
    }

    /**
     * The metric M(γ) on the extended vectors.
     *
     * @param thetaDot θ̇ (dimension D &ge; 1)
     * @param gradTheta ∇_θL
     * @param dLdt ∂L/∂t
     * @param gamma γ &gt; 0 (1: optimal)
     * @return the (D+1)-dimensional metric with M[θ̇, 1] = −[∇_θL, ∂_tL]
     * @throws IllegalArgumentException for invalid input, or "not an effective update" when
     *     L̇ = ∇_θLᵀθ̇ + ∂_tL &ge; 0
     */
    /*@ public behavior
      @   requires thetaDot != null && gradTheta != null && thetaDot.length == gradTheta.length;
      @   ensures \result != null && \result.dimension() == thetaDot.length + 1;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires thetaDot == null || gradTheta == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static OneParameterMetric metric(/*@ nullable @*/ double[] thetaDot, /*@ nullable @*/ double[] gradTheta, double dLdt,
                                            double gamma) {
        final double[] g = extendedUpdate(thetaDot);
        final double[] y = extendedNegativeGradient(gradTheta, dLdt);
        Inputs.requireSameLength("thetaDot", thetaDot, "gradTheta", gradTheta);
        return OneParameterMetric.ofGamma(g, y, gamma);
    }
}
