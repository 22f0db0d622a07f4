/**
 * The continuous-time constructions of the paper (Section 2.1), matrix-free and O(D): given an
 * update g and a negative gradient y = −∇L with yᵀg &gt; 0 (an <em>effective</em> update), the
 * metrics M with Mg = y that make g natural gradient descent, g = −M⁻¹∇L (Eq. (4)), their spectra
 * in closed form and the bounds that hold for every such metric.
 *
 * <p>Every closed form is a function of three numbers, yᵀy, gᵀg and yᵀg, and so of ‖y‖/‖g‖ and
 * the angle ψ between y and g. {@link ngdref.metric.UpdateGeometry} computes them once, in one
 * pass over g and y, accurately; the spectra and bounds are computed from them alone, and only
 * the operations that return vectors or matrices (apply, solve, the eigenvectors, the dense
 * view) read g and y again.
 * <ul>
 * <li>{@link ngdref.metric.Metric}: the interface of every metric of the project (dimension,
 *   M·x, M⁻¹·b, the dense M), implemented here by the family and elsewhere by the canonical,
 *   Hessian-corrected and stochastic metrics; {@code ngdref.dense.MetricCheck} grades any of
 *   them for a step (g, y).</li>
 * <li>{@link ngdref.metric.OneParameterMetric}: the family M(α) = yyᵀ/(yᵀg) + α(I − ggᵀ/gᵀg),
 *   Eq. (8), and its γ-parametrisation α = γ·yᵀy/yᵀg, Eq. (22); Mx and M⁻¹b in O(D) time and
 *   memory (M is a rank-2 change of αI); its member γ = 1 is M_opt, Eq. (9)
 *   ({@code OneParameterMetric.optimal}).</li>
 * <li>{@link ngdref.metric.MetricSpectrum}: Lemma 1, the eigenvalues λ_max, λ_min (simple) and
 *   λ_d = α (multiplicity D − 2) and κ of the family (22), in cancellation-free forms.</li>
 * <li>{@link ngdref.metric.MetricBounds}: Propositions 1–3 for every SPD M with Mg = y:
 *   κ(M) &ge; (1+|sin ψ|)/(1−|sin ψ|) (attained by M_opt), λ_min(M) &lt; (‖y‖/‖g‖)cos ψ and
 *   λ_max(M) &gt; ‖y‖/(‖g‖cos ψ).</li>
 * <li>{@link ngdref.metric.Inputs}: the validation shared by every construction of the project;
 *   bad input is an {@link java.lang.IllegalArgumentException} naming the argument and the fault,
 *   a result outside the range of double an {@link java.lang.ArithmeticException}.</li>
 * <li>{@link ngdref.metric.Dot2}: the accurate dot product behind the pass.</li>
 * </ul>
 *
 * <p>Numerics. The three inner products are accumulated in twice the working precision by
 * algorithm Dot2 of T. Ogita, S. M. Rump, S. Oishi, "Accurate sum and dot product", SIAM J. Sci.
 * Comput. 26 (2005) (TwoProduct by fused multiply-add, Knuth's TwoSum), in up to 128 independent
 * lanes with an a priori certified error bound (after Section 5 of that paper), on vectors scaled by
 * powers of two when their entries are extreme. When the bound does not certify 2^-58 relative
 * accuracy (yᵀg cancelling near ψ = ±π/2, 1 − cos²ψ cancelling near ψ = 0) the code switches to a
 * residual formula or to exact arithmetic ({@code ngdref.exact}), never to {@code acos} of a
 * rounded dot product. Every derived quantity is carried in {@code ExtendedDD} (a Commons Numbers
 * {@code DD} mantissa, an {@code int} exponent and a certified relative error), so no intermediate
 * overflows or underflows, and rounded once: by a rounding test when the certified interval holds
 * no rounding boundary, otherwise by the exact comparison of {@link ngdref.exact.ExactGeometry}.
 * The scalars are therefore correctly rounded over the whole double range, or refused by name
 * ({@code spec/ACCURACY.md}).
 *
 * <p>Verification. This package is written in the Java subset that KeY 2.12.3 loads, and every
 * public method carries a JML contract ({@code proofs/README.md}, {@code spec/VERIFICATION.md});
 * the exact yᵀg &gt; 0 is the model predicate {@code Inputs.effective}.
 *
 * <p>Dependencies: Commons Numbers core and {@code ngdref.exact} (the BigDecimal fallback, kept
 * apart because KeY has no model of {@code java.math}) only; nothing else of the project. The
 * other packages (dense, discrete, the command line, the applications) build on this one.
 */
package ngdref.metric;
