package ngdref.numerics;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Gauss–Legendre nodes and weights on [0, 1], from Commons Math's high-precision rules (computed
 * in BigDecimal once per n and cached by the shared factory, whose rule cache is synchronized).
 *
 * <p>A thin wrapper so that the statically verified package {@code ngdref.discrete} does not
 * depend on Commons Math types: KeY sees this class through a contract-only stub.
 */
public final class GaussLegendre {

    /** Largest supported number of nodes. */
    public static final int MAX_NODES = 128;

    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();

    private GaussLegendre() {
    }

    /**
     * The n nodes of the rule on [0, 1], increasing.
     *
     * @param n the number of nodes, 1 &le; n &le; {@value #MAX_NODES}
     * @return a new array of n nodes in (0, 1)
     * @throws IllegalArgumentException if n is out of range
     */
    /*@ public normal_behavior
      @   requires 1 <= n && n <= MAX_NODES;
      @   ensures \result != null && \result.length == n && \fresh(\result);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires n < 1 || n > MAX_NODES;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    public static double[] nodes(int n) {
        final GaussIntegrator rule = rule(n);
        final double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = rule.getPoint(k);
        }
        return t;
    }

    /**
     * The n weights of the rule on [0, 1] (positive, summing to 1), in the order of
     * {@link #nodes(int)}.
     *
     * @param n the number of nodes, 1 &le; n &le; {@value #MAX_NODES}
     * @return a new array of n weights
     * @throws IllegalArgumentException if n is out of range
     */
    /*@ public normal_behavior
      @   requires 1 <= n && n <= MAX_NODES;
      @   ensures \result != null && \result.length == n && \fresh(\result);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires n < 1 || n > MAX_NODES;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    public static double[] weights(int n) {
        final GaussIntegrator rule = rule(n);
        final double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = rule.getWeight(k);
        }
        return w;
    }

    private static GaussIntegrator rule(int n) {
        if (n < 1 || n > MAX_NODES) {
            throw new IllegalArgumentException("n = " + n + "; a Gauss–Legendre rule here has 1 to "
                    + MAX_NODES + " nodes");
        }
        return FACTORY.legendreHighPrecision(n, 0.0, 1.0);
    }
}
