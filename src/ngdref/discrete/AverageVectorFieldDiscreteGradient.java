package ngdref.discrete;

import ngdref.numerics.GaussLegendre;

/**
 * The average-vector-field discrete gradient (G. R. W. Quispel, D. I. McLaren, J. Phys. A 41, 2008):
 * <pre>  ∇̄L(x, x') = ∫₀¹ ∇L(x + s(x' − x)) ds,</pre>
 * by n-point Gauss–Legendre quadrature on [0, 1] (Commons Math's high-precision nodes, via {@link GaussLegendre}). Eq. (12) holds exactly
 * in exact arithmetic when the integral is exact, i.e. for losses that are polynomials of degree
 * &le; 2n along the segment; otherwise, componentwise, the quadrature error is
 * <pre>  E = (n!)⁴ / ((2n+1)·((2n)!)³) · f⁽²ⁿ⁾(ξ),   f(s) = ∂ᵢL(x + s·p), some ξ ∈ (0, 1)</pre>
 * (Abramowitz &amp; Stegun 25.4.30 mapped to [0, 1]), see {@link #errorCoefficient()};
 * {@link #errorEstimate} gives the a-posteriori difference to a 2n-point rule.
 */
public final class AverageVectorFieldDiscreteGradient implements DiscreteGradient {

    private final int nodes;

    //@ private invariant 1 <= nodes && nodes <= 64;

    /**
     * AVF with an n-point rule.
     *
     * @param nodes n, 1 &le; n &le; 64
     * @throws IllegalArgumentException if n is out of range
     */
    /*@ public normal_behavior
      @   requires 1 <= nodes && nodes <= 64;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires nodes < 1 || nodes > 64;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public AverageVectorFieldDiscreteGradient(int nodes) {
        final boolean inRange = nodes >= 1 && nodes <= 64;
        // The field is written before the range check: JML asks the invariant of the object under
        // construction on the constructor's exceptional exit too (the object is never seen there),
        // so an out-of-range n leaves the placeholder 1 behind the exception.
        this.nodes = inRange ? nodes : 1;
        if (!inRange) {
            throw new IllegalArgumentException("nodes = " + nodes + "; the Gauss–Legendre rule needs 1 <= nodes <= 64");
        }
    }

    @Override
    public double[] of(Loss loss, double[] x, double[] xNext) {
        Vectors.requireStep(loss, x, xNext);
        return integrate(nodes, loss, x, xNext);
    }

    /**
     * Σₖ wₖ∇L(x + tₖ(x' − x)) with the n-point rule (nodes and weights cached by n), summed in the
     * order k = 0, 1, …, n − 1 with one fma per entry and node.
     */
    /*@ private behavior
      @   requires loss != null && x != null && xNext != null && x.length == xNext.length;
      @   ensures \result.length == x.length;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    private static double[] integrate(int n, Loss loss, double[] x, double[] xNext) {
        final int d = x.length;
        final double[] t = GaussLegendre.nodes(n);
        final double[] weights = GaussLegendre.weights(n);
        final double[] p = Vectors.requireInRange("x' − x", Vectors.difference(xNext, x));
        double[] sum = new double[d];
        /*@ loop_invariant 0 <= k && k <= n && sum != null && sum.length == d;
          @ decreasing n - k;
          @ assignable \nothing;
          @*/
        for (int k = 0; k < n; k++) {
            sum = addNode(loss, sum, x, t[k], p, weights[k]);
        }
        return Vectors.requireInRange("the average-vector-field discrete gradient ∇̄L(x, x')", sum);
    }

    /** sum + w·∇L(x + t·p), one fma per entry: the term of one node of {@link #integrate}. */
    /*@ private behavior
      @   requires loss != null && sum != null && x != null && p != null;
      @   requires sum.length == x.length && p.length == x.length;
      @   ensures \result.length == x.length;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    private static double[] addNode(Loss loss, double[] sum, double[] x, double t, double[] p, double w) {
        final double[] grad = Vectors.requireResult("loss.gradient",
                loss.gradient(Vectors.requireInRange("x + t(x' − x)", Vectors.along(x, t, p))), x.length);
        return Vectors.along(sum, w, grad);
    }

    /**
     * The number of nodes n.
     *
     * @return n
     */
    /*@ public normal_behavior
      @   ensures 1 <= \result && \result <= 64;
      @   assignable \nothing;
      @*/
    public int nodes() {
        return nodes;
    }

    /**
     * The constant (n!)⁴/((2n+1)((2n)!)³) of the error term on [0, 1].
     *
     * @return the coefficient of max|f⁽²ⁿ⁾| in the error bound
     */
    /*@ public normal_behavior
      @   ensures \result > 0.0;
      @   assignable \nothing;
      @*/
    public double errorCoefficient() {
        double logC = 4 * logFactorial(nodes) - Math.log(2.0 * nodes + 1) - 3 * logFactorial(2 * nodes);
        return Math.exp(logC);
    }

    private static double logFactorial(int n) {
        double s = 0.0;
        for (int k = 2; k <= n; k++) {
            s += Math.log(k);
        }
        return s;
    }

    /**
     * max over components of |AVF_n − AVF_2n|, an a-posteriori estimate of the quadrature error.
     *
     * @param loss the loss
     * @param x current point
     * @param xNext next point
     * @return the estimate
     */
    /*@ public behavior
      @   requires loss != null && x != null && xNext != null;
      @   ensures \result >= 0.0;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    public double errorEstimate(Loss loss, double[] x, double[] xNext) {
        Vectors.requireStep(loss, x, xNext);
        final double[] a = integrate(nodes, loss, x, xNext);
        final double[] b = integrate(2 * nodes, loss, x, xNext);
        return finiteMaxAbsDifference(a, b);
    }

    /**
     * max|aᵢ − bᵢ|, refused when not finite (a NaN component or an overflow): the estimate of
     * {@link #errorEstimate}. The range check is here so that KeY decides "finite and not negative"
     * once, not on every path of errorEstimate.
     */
    /*@ private behavior
      @   requires a != null && b != null && a.length == b.length;
      @   ensures \result >= 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    private static double finiteMaxAbsDifference(double[] a, double[] b) {
        double max = 0.0;
        /*@ loop_invariant 0 <= i && i <= a.length;
          @ loop_invariant max >= 0.0 || \fp_nan(max);
          @ decreasing a.length - i;
          @ assignable \strictly_nothing;
          @*/
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        Vectors.requireInRange("the quadrature error estimate max|AVF_n − AVF_2n|", max);
        return max;
    }
}
