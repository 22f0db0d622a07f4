package ngdref.apps;

import ngdref.discrete.Loss;

/**
 * A (possibly stateful) discrete learning rule: state_{t+1} = state_t + η·g_t (Eq. (2)). The update
 * may depend on the past (momentum, Adam's moments); the analyzer then relates g_t to
 * y_t = −∇L(state_t) at each step. (The library itself needs no rule type: its constructions take
 * the update g of one step.)
 * Rules whose natural state is larger than θ (heavy-ball momentum on [θ, v]) say so through
 * {@link #initialState} and analyse the loss {@link #analyzedLoss} on that state.
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
     * The state the rule moves, from θ₀.
     *
     * @param theta0 the initial parameters
     * @return the initial state (θ₀ itself by default)
     */
    default double[] initialState(double[] theta0) {
        return theta0.clone();
    }

    /**
     * The loss whose decrease the analysis checks, on the rule's state (L itself by default).
     *
     * @param loss the problem's loss on θ
     * @return the loss on the state
     */
    default Loss analyzedLoss(Loss loss) {
        return loss;
    }

    /**
     * The update g_t at the current state; advances the rule's internal memory.
     *
     * @param loss the problem's loss on θ
     * @param state the current state (not modified)
     * @return g_t, a new array of the state's length
     */
    double[] update(Loss loss, double[] state);
}
