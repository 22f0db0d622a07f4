package ngdref.apps;

import ngdref.discrete.Loss;

/**
 * A (possibly stateful) discrete learning rule: θ_{t+1} = θ_t + η·g_t (Eq. (2)). The update
 * may depend on the past (momentum, Adam's moments); the analyzer then relates g_t to
 * y_t = −∇L(θ_t) at each step. (The library itself needs no rule type: its constructions take
 * the update g of one step.)
 * Every rule is analysed on θ with the loss L: a rule's memory (heavy ball's velocity, Nesterov's
 * u, Adam's moments) makes g_t depend on the past, which the paper's g(θ, t) of Eq. (1)/(2) allows;
 * the metric found is then the metric of that step. Heavy ball also reports its energy
 * ({@link #energy}).
 */
public interface Rule {

    /**
     * A short name.
     *
     * @return the name
     */
    String name();

    /**
     * η of state_{t+1} = state_t + ηg.
     *
     * @return η &gt; 0
     */
    double learningRate();

    /**
     * The rule's energy at θ before the next {@link #update}, for rules with a known Lyapunov
     * function on their extended state (heavy ball: E = L(θ) + ½‖v‖²); NaN for the others.
     *
     * @param loss the problem's loss on θ
     * @param theta the current parameters
     * @return E, or NaN when the rule has no energy
     */
    default double energy(Loss loss, double[] theta) {
        return Double.NaN;
    }

    /**
     * The update g_t at θ_t; advances the rule's internal memory.
     *
     * @param loss the problem's loss on θ
     * @param theta the current parameters (not modified)
     * @return g_t, a new array of θ's length
     */
    double[] update(Loss loss, double[] theta);
}
