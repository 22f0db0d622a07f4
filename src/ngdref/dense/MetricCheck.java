package ngdref.dense;

import java.util.ArrayList;
import java.util.List;
import ngdref.metric.Inputs;
import ngdref.metric.Metric;
import ngdref.metric.MetricBounds;
import ngdref.metric.UpdateGeometry;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * One checker for every {@link Metric}, written once against the interface: is M a valid metric
 * for the step (g, y), yᵀg &gt; 0, in the sense of the paper, and does it respect what every valid
 * metric must? Checked, each within a relative tolerance τ:
 * <ol>
 * <li>M is positive definite (λ_min &gt; 0; it must be exactly symmetric, else {@link #of}
 *   refuses it as not a metric);</li>
 * <li>Mg = y (Eq. 5): ‖M·g − y‖∞ &le; τ·‖M‖∞‖g‖∞ (the backward-error form: apply's rounding is
 *   relative to the terms it adds, not to y), and M⁻¹y = g: ‖M⁻¹y − g‖∞ &le; τ·κ(M)·‖g‖∞;</li>
 * <li>Prop. 2: λ_min(M) &le; (‖y‖/‖g‖)cos ψ; Prop. 3: λ_max(M) &ge; ‖y‖/(‖g‖cos ψ); Prop. 1:
 *   κ(M) &ge; (1 + |sin ψ|)/(1 − |sin ψ|) — each up to τ·λ_max, the accuracy of the computed
 *   eigenvalues (τ·κ relative for κ).</li>
 * </ol>
 * The eigenvalues come from Commons Math's {@link EigenDecomposition} of M scaled by a power of
 * two (accurate to about D·u·‖M‖); the bounds from {@link MetricBounds}
 * (correctly rounded). Dense: O(D²) memory and O(D³) time, for small D. Used by the tests of every
 * implementation ({@code MetricCheckTest}).
 */
public final class MetricCheck {

    /** A default relative tolerance: far above D·u for D up to 10⁴, far below any real fault. */
    public static final double DEFAULT_TOLERANCE = 0x1.0p-30;

    private final int dimension;
    private final double lambdaMin;
    private final double lambdaMax;
    private final double mgResidual;
    private final double solveResidual;
    /** Why M⁻¹y could not be computed (the metric's refusal), or null. */
    private final String solveRefusal;
    private final double lambdaMinSupremum;
    private final double lambdaMaxInfimum;
    private final double minimumConditionNumber;

    private MetricCheck(int dimension, double lambdaMin, double lambdaMax, double mgResidual,
                        double solveResidual, String solveRefusal, double lambdaMinSupremum, double lambdaMaxInfimum,
                        double minimumConditionNumber) {
        this.dimension = dimension;
        this.lambdaMin = lambdaMin;
        this.lambdaMax = lambdaMax;
        this.mgResidual = mgResidual;
        this.solveResidual = solveResidual;
        this.solveRefusal = solveRefusal;
        this.lambdaMinSupremum = lambdaMinSupremum;
        this.lambdaMaxInfimum = lambdaMaxInfimum;
        this.minimumConditionNumber = minimumConditionNumber;
    }

    /**
     * Measures M against the step (g, y).
     *
     * @param metric the metric (its toArray must fit in memory: small D)
     * @param g the update
     * @param y the negative gradient, yᵀg &gt; 0
     * @return the measurements
     * @throws IllegalArgumentException if g, y are not an effective pair (see
     *     {@link UpdateGeometry#of}), the metric is null, of another dimension, or its toArray()
     *     is not exactly symmetric or is zero
     * @throws ArithmeticException if M, its eigenvalues, ‖y‖/‖g‖·cos ψ or its reciprocal bound are
     *     outside the range of double, or the metric refuses g or y
     */
    /*@ public behavior
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires metric == null || g == null || y == null;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    public static MetricCheck of(/*@ nullable @*/ Metric metric, /*@ nullable @*/ double[] g,
                                 /*@ nullable @*/ double[] y) {
        final UpdateGeometry geometry = UpdateGeometry.of(g, y);
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        if (metric.dimension() != g.length) {
            throw new IllegalArgumentException("the metric has dimension " + metric.dimension()
                    + " but g has length " + g.length);
        }
        final double[][] m = metric.toArray();
        final int d = g.length;
        DenseChecks.requireSquare("the metric's toArray()", m, d);
        DenseChecks.requireSymmetric("M", m, 0.0);   // M = toArray() exactly symmetric, else not a metric
        if (DenseChecks.maxAbs(m) == 0.0) {
            throw new IllegalArgumentException("not a metric: its toArray() is the zero matrix");
        }
        final int em = Scaling.evenExponentOfMax(m);
        final double[] eigenvalues = Scaling.commonsMath("the eigenvalues of M",
                () -> new EigenDecomposition(new Array2DRowRealMatrix(Scaling.symmetricPart(m, -em), false))
                        .getRealEigenvalues());
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : eigenvalues) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        final double lambdaMin = Inputs.isFinite(Math.scalb(min, em)) ? Math.scalb(min, em) : refuse("λ_min(M)");
        final double lambdaMax = Inputs.isFinite(Math.scalb(max, em)) ? Math.scalb(max, em) : refuse("λ_max(M)");
        // Residuals in the scaled units of M: ‖Mg − y‖∞/(‖M‖∞‖g‖∞) and ‖M⁻¹y − g‖∞/‖g‖∞.
        final double[] mg = metric.apply(g);
        double rowSum = 0.0;
        for (double[] row : m) {
            double s = 0.0;
            for (double v : row) {
                s += Math.abs(Math.scalb(v, -em));
            }
            rowSum = Math.max(rowSum, s);
        }
        final int eg = Scaling.exponentOfMax(g);
        double mgError = 0.0;
        for (int i = 0; i < d; i++) {
            mgError = Math.max(mgError, Math.abs(Math.scalb(mg[i], -em - eg) - Math.scalb(y[i], -em - eg)));
        }
        final double mgResidual = mgError / (rowSum * Scaling.maxAbs(Scaling.scale(g, -eg)));
        double solveResidual = 0.0;
        String solveRefusal = null;
        try {
            final double[] x = metric.solve(y);
            double e = 0.0;
            for (int i = 0; i < d; i++) {
                e = Math.max(e, Math.abs(Math.scalb(x[i], -eg) - Math.scalb(g[i], -eg)));
            }
            solveResidual = e / Scaling.maxAbs(Scaling.scale(g, -eg));
        } catch (ArithmeticException notSolvable) {
            solveRefusal = notSolvable.getMessage();   // reported as a failure, not thrown
        }
        return new MetricCheck(d, lambdaMin, lambdaMax, mgResidual, solveResidual, solveRefusal,
                MetricBounds.lambdaMinSupremum(geometry), MetricBounds.lambdaMaxInfimum(geometry),
                MetricBounds.minimumConditionNumber(geometry));
    }

    private static double refuse(String what) {
        throw new ArithmeticException(what + " is outside the range of double");
    }

    /**
     * What fails at tolerance τ; empty when M is a valid metric for (g, y) that respects
     * Props. 1–3.
     *
     * @param tolerance τ in (0, 1)
     * @return one sentence per failed check
     */
    public List<String> failures(double tolerance) {
        DenseChecks.requireTolerance(tolerance);
        final List<String> out = new ArrayList<>();
        if (!(lambdaMin > 0.0)) {
            out.add("M is not positive definite: λ_min = " + lambdaMin);
        }
        if (!(mgResidual <= tolerance)) {
            out.add("Mg ≠ y: ‖Mg − y‖∞/(‖M‖∞‖g‖∞) = " + mgResidual);
        }
        final double kappa = lambdaMax / lambdaMin;
        if (solveRefusal != null) {
            out.add("M⁻¹y was refused: " + solveRefusal);
        } else if (!(solveResidual <= tolerance * Math.max(1.0, kappa))) {
            out.add("M⁻¹y ≠ g: ‖M⁻¹y − g‖∞/‖g‖∞ = " + solveResidual + " (κ = " + kappa + ")");
        }
        if (!(lambdaMin <= lambdaMinSupremum + tolerance * lambdaMax)) {
            out.add("Prop. 2 fails: λ_min = " + lambdaMin + " > (‖y‖/‖g‖)cos ψ = " + lambdaMinSupremum);
        }
        if (!(lambdaMax >= lambdaMaxInfimum - tolerance * lambdaMax)) {
            out.add("Prop. 3 fails: λ_max = " + lambdaMax + " < ‖y‖/(‖g‖cos ψ) = " + lambdaMaxInfimum);
        }
        if (!(kappa >= minimumConditionNumber * (1 - tolerance * kappa))) {
            out.add("Prop. 1 fails: κ = " + kappa + " < κ_min = " + minimumConditionNumber);
        }
        return out;
    }

    /**
     * Whether every check passes at tolerance τ.
     *
     * @param tolerance τ in (0, 1)
     * @return {@code failures(tolerance).isEmpty()}
     */
    public boolean passes(double tolerance) {
        return failures(tolerance).isEmpty();
    }

    /** @return D */
    public int dimension() {
        return dimension;
    }

    /** @return λ_min of the dense M (floating point: within about D·u·λ_max) */
    public double lambdaMin() {
        return lambdaMin;
    }

    /** @return λ_max of the dense M */
    public double lambdaMax() {
        return lambdaMax;
    }

    /** @return sup λ_min over all valid metrics, (‖y‖/‖g‖)cos ψ (Prop. 2), correctly rounded */
    public double lambdaMinSupremum() {
        return lambdaMinSupremum;
    }

    /** @return inf λ_max over all valid metrics, ‖y‖/(‖g‖cos ψ) (Prop. 3), correctly rounded */
    public double lambdaMaxInfimum() {
        return lambdaMaxInfimum;
    }

    /** @return κ_min = (1 + |sin ψ|)/(1 − |sin ψ|) (Prop. 1), correctly rounded */
    public double minimumConditionNumber() {
        return minimumConditionNumber;
    }

    /** @return ‖Mg − y‖∞/(‖M‖∞‖g‖∞) */
    public double mgResidual() {
        return mgResidual;
    }

    /**
     * @return ‖M⁻¹y − g‖∞/‖g‖∞
     * @throws ArithmeticException with the metric's message when its solve refused y
     */
    public double solveResidual() {
        if (solveRefusal != null) {
            throw new ArithmeticException(solveRefusal);
        }
        return solveResidual;
    }
}
