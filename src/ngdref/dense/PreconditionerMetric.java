package ngdref.dense;

import java.util.Arrays;
import ngdref.metric.Inputs;
import ngdref.metric.Metric;
import ngdref.numerics.SymmetricPositiveDefinite;

/**
 * The metric of a preconditioned rule g = −P⁻¹∇L (Adam's diag(√v̂) + ε, RMSProp, AdaGrad, Newton,
 * natural gradient with a Fisher matrix): M = P, which maps g to y = −∇L by construction, so the
 * rule is natural gradient descent with P whenever P is SPD (Eq. 4); {@link MetricCheck} grades it
 * against M_opt's bounds (Props. 1–3) for the step's (g, y). Two forms:
 * <ul>
 * <li>{@link #diagonal}: P = diag(p), pᵢ &gt; 0; M·x and M⁻¹·b in O(D), each component one
 *   correctly rounded product or quotient;</li>
 * <li>{@link #dense}: a symmetric P (small D); M·x and M⁻¹·b by
 *   {@link SymmetricPositiveDefinite} (accurately rounded dot products; Cholesky, backward
 *   stable). The factory checks the shape, finiteness and exact symmetry, not positive
 *   definiteness: that is a property to grade ({@link MetricCheck}), and {@link #solve} refuses a
 *   P that is not numerically positive definite.</li>
 * </ul>
 */
public final class PreconditionerMetric implements Metric {

    /** diag(p) when {@code dense} is null. */
    private final double[] diagonal;
    private final double[][] dense;

    private PreconditionerMetric(double[] diagonal, double[][] dense) {
        this.diagonal = diagonal;
        this.dense = dense;
    }

    /**
     * P = diag(p).
     *
     * @param p the diagonal, D &ge; 2 entries, each finite and &gt; 0 (copied)
     * @return the metric
     * @throws IllegalArgumentException naming the first invalid entry, or for null or D &lt; 2
     */
    /*@ public normal_behavior
      @   requires p != null && p.length >= 2 && (\forall int i; 0 <= i && i < p.length; p[i] > 0.0 && p[i] - p[i] == 0.0);
      @   ensures \result != null && \result.dimension() == p.length;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires p == null || p.length < 2 || (\exists int i; 0 <= i && i < p.length; !(p[i] > 0.0 && p[i] - p[i] == 0.0));
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    public static PreconditionerMetric diagonal(/*@ nullable @*/ double[] p) {
        Inputs.requireVector("p", p);
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] > 0.0)) {
                throw new IllegalArgumentException("p[" + i + "] = " + p[i]
                        + ": a diagonal metric needs every entry > 0 (positive definite)");
            }
        }
        return new PreconditionerMetric(Arrays.copyOf(p, p.length), null);
    }

    /**
     * A dense symmetric P.
     *
     * @param p D×D, D &ge; 2, finite, exactly symmetric (copied)
     * @return the metric
     * @throws IllegalArgumentException naming the fault: null, not square, D &lt; 2, a non-finite
     *     entry, or P[i][j] ≠ P[j][i]
     */
    /*@ public behavior
      @   ensures \result != null && \result.dimension() == p.length;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires p == null;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    public static PreconditionerMetric dense(/*@ nullable @*/ double[][] p) {
        if (p == null) {
            throw new IllegalArgumentException("P must not be null");
        }
        if (p.length < 2) {
            throw new IllegalArgumentException("P has " + p.length + " rows; a metric needs D >= 2");
        }
        DenseChecks.requireSquare("P", p, p.length);
        for (int i = 0; i < p.length; i++) {
            Inputs.requireEntries("P[" + i + "]", p[i]);
        }
        DenseChecks.requireSymmetric("P", p, 0.0);   // exactly: a metric is symmetric
        return new PreconditionerMetric(null, DenseChecks.copy(p));
    }

    @Override
    public int dimension() {
        return dense == null ? diagonal.length : dense.length;
    }

    /**
     * P·x.
     *
     * @param x of dimension D
     * @return a new vector, every entry finite
     * @throws IllegalArgumentException if x is null, of the wrong length or not finite
     * @throws ArithmeticException naming a component outside the range of double
     */
    @Override
    public double[] apply(/*@ nullable @*/ double[] x) {
        DenseChecks.requireVector("x", x, dimension());
        if (dense != null) {
            return SymmetricPositiveDefinite.multiply(dense, x, "Px");
        }
        final double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = diagonal[i] * x[i];
            if (!Double.isFinite(out[i])) {
                throw new ArithmeticException("(Px)[" + i + "] = " + diagonal[i] + "·" + x[i]
                        + " overflows the range of double");
            }
        }
        return out;
    }

    /**
     * P⁻¹·b.
     *
     * @param b of dimension D
     * @return a new vector, every entry finite
     * @throws IllegalArgumentException if b is null, of the wrong length or not finite
     * @throws ArithmeticException naming a component outside the range of double, or (dense P)
     *     when P is not numerically positive definite
     */
    @Override
    public double[] solve(/*@ nullable @*/ double[] b) {
        DenseChecks.requireVector("b", b, dimension());
        if (dense != null) {
            return SymmetricPositiveDefinite.solve(dense, b, "P⁻¹b");
        }
        final double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] / diagonal[i];
            if (!Double.isFinite(out[i])) {
                throw new ArithmeticException("(P⁻¹b)[" + i + "] = " + b[i] + "/" + diagonal[i]
                        + " overflows the range of double");
            }
        }
        return out;
    }

    @Override
    public double[][] toArray() {
        if (dense != null) {
            return DenseChecks.copy(dense);
        }
        final int d = diagonal.length;
        final double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            m[i][i] = diagonal[i];
        }
        return m;
    }
}
