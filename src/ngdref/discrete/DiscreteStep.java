package ngdref.discrete;

import java.util.Arrays;
import ngdref.metric.Inputs;
import ngdref.metric.OneParameterMetric;

/**
 * One discrete-time step θ_{t+1} = θ_t + ηg (Eq. (2)) and its discrete metric M̄ (Section 2.2). The
 * step is not itself a metric: {@link #metric()} is M̄, a {@link OneParameterMetric} (and so a
 * {@code ngdref.metric.Metric}) on the pair (g, ȳ):
 * ȳ = −∇̄L(θ_t, θ_{t+1}) (13), so ηgᵀȳ = L(θ_t) − L(θ_{t+1}), and when the step decreases L the
 * discrete metric (14) M̄ = ȳȳᵀ/(ȳᵀg) + α(I − ggᵀ/gᵀg) satisfies M̄g = ȳ, is SPD, and
 * θ_{t+1} = θ_t − ηM̄⁻¹∇̄L(θ_t, θ_{t+1}) (15).
 *
 * <p>Machine-checked: M̄ SPD with M̄g = ȳ when ȳᵀg &gt; 0, for every D (Coq, {@code proofs/coq/Statements.v}): {@code discrete_metric}.
 */
public final class DiscreteStep {

    private final double[] next;
    private final double[] yBar;
    private final double decrease;
    private final OneParameterMetric metric;

    private DiscreteStep(double[] next, double[] yBar, double decrease, OneParameterMetric metric) {
        this.next = next;
        this.yBar = yBar;
        this.decrease = decrease;
        this.metric = metric;
    }

    /**
     * Builds the step and its discrete metric M̄(γ).
     *
     * @param loss the loss
     * @param discreteGradient a discrete gradient (12)
     * @param theta θ_t
     * @param eta η &gt; 0
     * @param g the update
     * @param gamma γ &gt; 0 of the family (22) built on (g, ȳ); γ = 1 is the optimal metric
     * @return the step
     * @throws IllegalArgumentException for invalid input, a null from the discrete gradient, or
     *     "not an effective update" when the step does not decrease L (ȳᵀg &le; 0)
     * @throws ArithmeticException naming the quantity when θ_{t+1} = θ_t + ηg, L(θ_t), L(θ_{t+1}),
     *     ∇̄L(θ_t, θ_{t+1}) or L(θ_t) − L(θ_{t+1}) is not finite (outside the range of double), or
     *     α = γ·ȳᵀȳ/ȳᵀg is
     */
    // Exact statement (Eq. 14), proved for every D in Coq (proofs/coq/Statements.v):
    // discrete_metric (M̄ SPD with M̄g = ȳ whenever ȳᵀg > 0).
    /*@ public behavior
      @   requires loss != null && discreteGradient != null && theta != null && g != null;
      @   requires theta.length == g.length && eta > 0.0 && gamma > 0.0;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires loss == null || discreteGradient == null || theta == null || g == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static DiscreteStep of(/*@ nullable @*/ Loss loss, /*@ nullable @*/ DiscreteGradient discreteGradient, /*@ nullable @*/ double[] theta,
                                    double eta, /*@ nullable @*/ double[] g, double gamma) {
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        if (discreteGradient == null) {
            throw new IllegalArgumentException("discreteGradient must not be null");
        }
        Inputs.requireEntries("theta", theta);
        Inputs.requireVector("g", g);
        Inputs.requireSameLength("theta", theta, "g", g);
        Inputs.requirePositive("eta", eta);
        Inputs.requirePositive("gamma", gamma);
        final double[] next = Vectors.requireInRange("θ_{t+1} = θ_t + ηg", Vectors.along(theta, eta, g));
        final double lossNow = Vectors.requireInRange("L(θ_t)", loss.value(theta));
        final double lossNext = Vectors.requireInRange("L(θ_{t+1})", loss.value(next));
        final double[] gradient;
        try {
            gradient = discreteGradient.of(loss, theta, next);
        } catch (ArithmeticException e) {
            throw new ArithmeticException("∇̄L(θ_t, θ_{t+1}) (x = θ_t, x' = θ_{t+1}): " + e.getMessage());
        }
        if (gradient == null) {
            throw new IllegalArgumentException("discreteGradient.of(loss, θ_t, θ_{t+1}) returned null");
        }
        if (gradient.length != theta.length) {
            throw new IllegalArgumentException("discreteGradient.of(loss, θ_t, θ_{t+1}) has length "
                    + gradient.length + "; expected " + theta.length);
        }
        final double[] yBar = Vectors.negate(Vectors.requireInRange("∇̄L(θ_t, θ_{t+1})", gradient));
        final double decrease = Vectors.requireInRange("L(θ_t) − L(θ_{t+1})", lossNow - lossNext);
        try {
            return new DiscreteStep(next, yBar, decrease, OneParameterMetric.ofGamma(g, yBar, gamma));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("discrete step with ȳ = −∇̄L(θ_t, θ_t + ηg) as y: "
                    + e.getMessage() + "; L(θ_t) − L(θ_t + ηg) = " + Double.toString(decrease), e);
        }
    }

    /**
     * θ_{t+1} = θ_t + ηg.
     *
     * @return a new array
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public double[] next() {
        return Arrays.copyOf(next, next.length);
    }

    /**
     * ȳ = −∇̄L(θ_t, θ_{t+1}), Eq. (13).
     *
     * @return a new array
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public double[] yBar() {
        return Arrays.copyOf(yBar, yBar.length);
    }

    /**
     * L(θ_t) − L(θ_{t+1}) = ηgᵀȳ &gt; 0 (up to the discrete gradient's rounding/quadrature error).
     *
     * @return the decrease of the loss
     */
    /*@ public normal_behavior
      @   assignable \nothing;
      @*/
    public double decrease() {
        return decrease;
    }

    /**
     * The discrete metric M̄, Eq. (14), on (g, ȳ).
     *
     * @return the metric
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public OneParameterMetric metric() {
        return metric;
    }
}
