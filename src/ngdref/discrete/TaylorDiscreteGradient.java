package ngdref.discrete;

/**
 * The Taylor discrete gradient, Eq. (16): ∇̄L(x, x+p) = ∇L(x) + ½∇²L(x + λp)p, with λ ∈ [0, 1]
 * the mean-value parameter of Taylor's theorem (11): φ(s) = L(x + sp) satisfies
 * φ(1) = φ(0) + φ'(0) + ½φ''(λ). Then pᵀ∇̄L = φ'(0) + ½φ''(λ) = L(x+p) − L(x), Eq. (12).
 *
 * <p>λ is found by locating a sign change of φ''(s) − 2(φ(1) − φ(0) − φ'(0)) on a uniform grid of
 * 64 cells and bisecting it (a residual exactly 0 at a grid point next to a nonzero one gives that
 * point). For a quadratic loss φ'' is constant, every λ satisfies (11), and λ = ½ is returned:
 * the residual is the same at every grid point, exactly 0 or a rounding error without a sign
 * change. If no sign change is found otherwise (rounding when φ'' is nearly constant), the grid
 * point with the smallest residual is used; {@link #meanValueParameter} exposes λ.
 */
public final class TaylorDiscreteGradient implements DiscreteGradient {

    private static final int GRID = 64;
    private static final int BISECTIONS = 60;

    /** The Taylor discrete gradient (stateless; needs a {@link TwiceDifferentiableLoss}). */
    /*@ public normal_behavior
      @   assignable \nothing;
      @*/
    public TaylorDiscreteGradient() {
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also when loss.hessian returns null, a matrix of the wrong
     *     shape or a non-finite entry (naming the call)
     * @throws ArithmeticException when x' − x, a loss value, a curvature pᵀ∇²L(x + sp)p or the
     *     result is not finite
     */
    @Override
    public double[] of(Loss loss, double[] x, double[] xNext) {
        Vectors.requireStep(loss, x, xNext);
        final TwiceDifferentiableLoss l2 = requireHessian(loss);
        final double[] p = Vectors.requireInRange("x' − x", Vectors.difference(xNext, x));
        final double lambda = meanValueParameter(l2, x, xNext);
        final double[] grad = Vectors.requireResult("loss.gradient(x)", loss.gradient(x), x.length);
        return secondOrder(l2, x, p, lambda, grad);
    }

    /** ∇L(x) + ½∇²L(x + λp)p (Eq. 16), from ∇L(x), p = x' − x and the mean-value λ. */
    /*@ private behavior
      @   requires loss != null && x != null && p != null && grad != null;
      @   requires p.length == x.length && grad.length == x.length;
      @   ensures \result.length == x.length;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    private static double[] secondOrder(TwiceDifferentiableLoss loss, double[] x, double[] p, double lambda,
                                        double[] grad) {
        final double[] point = Vectors.requireInRange("x + λ(x' − x)", Vectors.along(x, lambda, p));
        final double[] hp = Vectors.times(hessianAt(loss, point), p);
        final double[] out = Vectors.along(grad, 0.5, hp); // ∇L(x) + ½∇²L(x + λp)p
        return Vectors.requireInRange("the Taylor discrete gradient ∇L(x) + ½∇²L(x + λp)p", out);
    }

    /**
     * The mean-value λ ∈ [0, 1] of Taylor's theorem for the segment x → x'.
     *
     * @param loss the loss with Hessian
     * @param x current point
     * @param xNext next point
     * @return λ
     */
    /*@ public behavior
      @   requires loss != null && x != null && xNext != null && x.length == xNext.length;
      @   ensures 0.0 <= \result && \result <= 1.0;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    public double meanValueParameter(TwiceDifferentiableLoss loss, double[] x, double[] xNext) {
        Vectors.requireStep(loss, x, xNext);
        final double[] p = Vectors.requireInRange("x' − x", Vectors.difference(xNext, x));
        final double[] grad = Vectors.requireResult("loss.gradient(x)", loss.gradient(x), x.length);
        final double target = Vectors.requireInRange("2(L(x') − L(x) − ∇L(x)ᵀp)",
                2.0 * (Vectors.requireInRange("L(x')", loss.value(xNext))
                - Vectors.requireInRange("L(x)", loss.value(x)) - Vectors.dot(grad, p)));
        double bestS = 0.5;
        double bestR = Double.POSITIVE_INFINITY;
        double s0 = 0.0;
        double r0 = curvature(loss, x, p, s0) - target;
        for (int k = 1; k <= GRID; k++) {
            final double s1 = (double) k / GRID;
            final double r1 = curvature(loss, x, p, s1) - target;
            if (Math.abs(r0) < bestR) {
                bestR = Math.abs(r0);
                bestS = s0;
            }
            if (r0 == 0.0 && r1 != 0.0) {
                return s0;   // an exact root on the grid, followed by a nonzero residual
            }
            if ((r0 < 0) != (r1 < 0) && r0 != 0.0 && r1 != 0.0) {
                return bisect(loss, x, p, target, s0, s1, r0);
            }
            s0 = s1;
            r0 = r1;
        }
        if (Math.abs(r0) < bestR) {
            bestS = s0;
        }
        if (bestR == 0.0) {
            // the residual is 0 from its first zero (bestS) to s = 1, else a nonzero value after
            // a zero would have returned above: bestS is a root; from s = 0 on (φ'' constant) ½
            return bestS == 0.0 ? 0.5 : bestS;
        }
        return allEqual(loss, x, p) ? 0.5 : bestS;
    }

    private static boolean allEqual(TwiceDifferentiableLoss loss, double[] x, double[] p) {
        return curvature(loss, x, p, 0.0) == curvature(loss, x, p, 1.0);
    }

    private static double bisect(TwiceDifferentiableLoss loss, double[] x, double[] p, double target,
                                 double lo, double hi, double rLo) {
        for (int k = 0; k < BISECTIONS; k++) {
            final double mid = 0.5 * (lo + hi);
            final double r = curvature(loss, x, p, mid) - target;
            if ((r < 0) == (rLo < 0)) {
                lo = mid;
                rLo = r;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** φ''(s) = pᵀ∇²L(x + sp)p. */
    private static double curvature(TwiceDifferentiableLoss loss, double[] x, double[] p, double s) {
        final double[] point = Vectors.requireInRange("x + s(x' − x)", Vectors.along(x, s, p));
        return Vectors.requireInRange("the curvature pᵀ∇²L(x + sp)p",
                Vectors.dot(p, Vectors.times(hessianAt(loss, point), p)));
    }

    /** ∇²L(point) from the user's loss, checked: not null, D×D, finite entries. */
    /*@ private behavior
      @   requires loss != null && point != null;
      @   ensures \result.length == point.length && (\forall int i; 0 <= i && i < \result.length;
      @             \result[i] != null && \result[i].length == point.length);
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    private static double[][] hessianAt(TwiceDifferentiableLoss loss, double[] point) {
        final double[][] h = loss.hessian(point);
        final int d = point.length;
        if (h == null) {
            throw new IllegalArgumentException("loss.hessian(θ) returned null");
        }
        if (h.length != d) {
            throw new IllegalArgumentException("loss.hessian(θ) has " + h.length + " rows; expected " + d);
        }
        /*@ loop_invariant 0 <= i && i <= d
          @   && (\forall int k; 0 <= k && k < i; h[k] != null && h[k].length == d);
          @ decreasing d - i;
          @ assignable \nothing;
          @*/
        for (int i = 0; i < d; i++) {
            if (h[i] == null) {
                throw new IllegalArgumentException("loss.hessian(θ) returned a null row " + i);
            }
            Vectors.requireResult("loss.hessian(θ)[" + i + "]", h[i], d);
        }
        return h;
    }

    private static TwiceDifferentiableLoss requireHessian(Loss loss) {
        if (!(loss instanceof TwiceDifferentiableLoss)) {
            throw new IllegalArgumentException("the Taylor discrete gradient (Eq. 16) needs a Hessian:"
                    + " loss must implement TwiceDifferentiableLoss");
        }
        return (TwiceDifferentiableLoss) loss;
    }
}
