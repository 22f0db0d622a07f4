package ngdref.apps;

import ngdref.dense.CanonicalForm;
import ngdref.dense.MetricCheck;
import ngdref.metric.MetricBounds;
import ngdref.metric.UpdateGeometry;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * A preconditioned rule's own metric P, graded for one step (g, y = −∇L(θ_t)):
 * <ul>
 * <li>κ(P) = λ_max(P)/λ_min(P) (diagonal P: max pᵢ/min pᵢ; dense P: Commons Math's symmetric
 *   eigen-decomposition), only when P is positive definite;</li>
 * <li>κ_min = κ(M_opt) = (1+|sin ψ|)/(1−|sin ψ|) of (g, y) ({@link MetricBounds#minimumConditionNumber},
 *   Prop. 1), and the same for the pair (g, Pg) that P satisfies by construction
 *   ({@link Preconditioning#mappedTo}: −∇L, or −m̂ for Adam);</li>
 * <li>whether P is a valid metric for (g, y): positive definite and ‖Pg − y‖∞ &le; τ‖P‖∞‖g‖∞
 *   ({@link MetricCheck}, τ = {@link MetricCheck#DEFAULT_TOLERANCE}); Prop. 1 then gives
 *   κ(P) &ge; κ_min;</li>
 * <li>the canonical decomposition (Eq. (6)) of P against the pair it satisfies by construction:
 *   {@link CanonicalForm#decompose}'s reconstruction error max|Σuᵢuᵢᵀ − M'| and ‖M'g‖∞,
 *   M' = P − (Pg)(Pg)ᵀ/(gᵀPg).</li>
 * </ul>
 * The dense checks (validity, canonical form, a dense P's spectrum) need D &le;
 * {@link RuleAnalyzer#MAX_HESSIAN_DIMENSION}; beyond, only κ(P) of a diagonal P and the κ_min's
 * are given. NaN (and null) mark what does not exist or was not computed.
 *
 * @param target the name of Pg by construction ({@code -grad} or {@code -m_hat})
 * @param kappaP κ(P), NaN if P is not positive definite
 * @param spd whether P is positive definite (null: not decided, large dense P)
 * @param kappaMin κ(M_opt) of (g, y), NaN when yᵀg &le; 0
 * @param kappaMinTarget κ(M_opt) of (g, Pg by construction), NaN when gᵀPg &le; 0
 * @param residual ‖Pg − y‖∞/(‖P‖∞‖g‖∞), NaN when not checked
 * @param valid whether P is a valid metric for (g, y); false when yᵀg &le; 0 (no metric
 *     exists, Eq. (5)); null when not checked (D too large)
 * @param canonicalError max|Σuᵢuᵢᵀ − M'|, NaN when not decomposed
 * @param canonicalMPrimeG ‖M'g‖∞, NaN when not decomposed
 */
public record PreconditionerAnalysis(String target, double kappaP, Boolean spd, double kappaMin,
                                     double kappaMinTarget, double residual, Boolean valid,
                                     double canonicalError, double canonicalMPrimeG) {

    /**
     * Grades P for the step (g, y).
     *
     * @param p the preconditioner of the step
     * @param g the update
     * @param y −∇L(θ_t)
     * @return the columns
     */
    public static PreconditionerAnalysis of(Preconditioning p, double[] g, double[] y) {
        final boolean small = p.dimension() <= RuleAnalyzer.MAX_HESSIAN_DIMENSION;
        final double[] target = p.mappedTo();
        final double kappaMin = kappaMin(g, y);
        final double kappaMinTarget = kappaMin(g, target);
        double kappaP = Double.NaN;
        Boolean spd = null;
        if (p.diagonal() != null) {
            double min = Double.POSITIVE_INFINITY;
            double max = 0.0;
            for (double v : p.diagonal()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            spd = min > 0.0;
            kappaP = spd ? max / min : Double.NaN;
        } else if (small) {
            final double[] lambda = new EigenDecomposition(new Array2DRowRealMatrix(p.matrix(), false))
                    .getRealEigenvalues();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : lambda) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            spd = min > 0.0;
            kappaP = spd ? max / min : Double.NaN;
        }
        double residual = Double.NaN;
        Boolean valid = null;
        if (Double.isNaN(kappaMin)) {
            valid = Matrices.maxAbs(g) > 0.0 ? Boolean.FALSE : null;   // yᵀg <= 0: no SPD M has Mg = y
        } else if (small) {
            try {
                final MetricCheck check = MetricCheck.of(p.metric(), g, y);
                residual = check.mgResidual();
                valid = check.lambdaMin() > 0.0 && residual <= MetricCheck.DEFAULT_TOLERANCE;
            } catch (ArithmeticException outOfRange) {
                // P, its eigenvalues or a bound outside the range of double: not checked (empty).
            }
        }
        double canonicalError = Double.NaN;
        double canonicalMPrimeG = Double.NaN;
        if (small && Boolean.TRUE.equals(spd) && !Double.isNaN(kappaMinTarget)) {
            try {
                final double[][] m = p.metric().toArray();
                final CanonicalForm form = CanonicalForm.decompose(m, g, target, MetricCheck.DEFAULT_TOLERANCE);
                canonicalError = form.reconstructionError();
                canonicalMPrimeG = form.mPrimeGResidual();
            } catch (IllegalArgumentException | ArithmeticException e) {
                // P too ill-conditioned to decompose in double (the refusal says why): left empty.
            }
        }
        return new PreconditionerAnalysis(p.target(), kappaP, spd, kappaMin, kappaMinTarget, residual, valid,
                canonicalError, canonicalMPrimeG);
    }

    /** κ(M_opt) of (g, y) (Prop. 1), NaN when (g, y) is not an effective pair. */
    private static double kappaMin(double[] g, double[] y) {
        try {
            return MetricBounds.minimumConditionNumber(UpdateGeometry.of(g, y));
        } catch (IllegalArgumentException | ArithmeticException notEffective) {
            return Double.NaN;
        }
    }
}
