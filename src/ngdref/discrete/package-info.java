/**
 * Discrete time (Section 2.2 of the paper) and the extensions of Section 2.1: a step
 * θ_{t+1} = θ_t + ηg (Eq. (2)) of an effective rule is a natural gradient step for a
 * <em>discrete metric</em>, built from a discrete gradient in place of the gradient.
 *
 * <p>The user plugs in a {@link ngdref.discrete.Loss} (or a
 * {@link ngdref.discrete.TwiceDifferentiableLoss}) and the update g of the step.
 * A {@link ngdref.discrete.DiscreteGradient} ∇̄L(x, x') satisfies
 * (x' − x)ᵀ∇̄L(x, x') = L(x') − L(x) and ∇̄L(x, x) = ∇L(x), Eq. (12); four are provided:
 * <ul>
 * <li>{@link ngdref.discrete.MidpointDiscreteGradient}: O. Gonzalez, J. Nonlinear Sci. 6 (1996);</li>
 * <li>{@link ngdref.discrete.ItohAbeDiscreteGradient}: T. Itoh, K. Abe, J. Comput. Phys. 76 (1988);</li>
 * <li>{@link ngdref.discrete.AverageVectorFieldDiscreteGradient}: G. R. W. Quispel,
 *   D. I. McLaren, J. Phys. A 41 (2008), by Gauss–Legendre quadrature with its error
 *   coefficient;</li>
 * <li>{@link ngdref.discrete.TaylorDiscreteGradient}: Eq. (16), from Taylor's theorem (11) with
 *   the mean-value parameter λ located numerically.</li>
 * </ul>
 * With ȳ = −∇̄L(θ_t, θ_{t+1}) (13), {@link ngdref.discrete.DiscreteStep} is one step with its metric M̄ (14)
 * with M̄g = ȳ and θ_{t+1} = θ_t − ηM̄⁻¹∇̄L (15); {@link ngdref.discrete.HessianCorrectedMetric}
 * is M̄ + ηH, Eqs. (17)–(18), with the learning-rate bound η &lt; (1/h)(‖ȳ‖/‖g‖)cos ψ̄ that
 * keeps it SPD (Proposition 2 at γ → ∞); {@link ngdref.discrete.StochasticMetric} is the
 * stochastic metric (19)–(20) (a rank-one update, applied and solved by Sherman–Morrison in
 * O(D)); {@link ngdref.discrete.TimeVaryingExtension} handles time-varying losses L(θ, t) on
 * the extended vector [θ, t] (end of Section 2.1).
 *
 * <p>Verification. Like {@code ngdref.metric}, this package is in the Java subset KeY 2.12.3
 * loads, and every public method and constructor carries a JML contract
 * ({@code proofs/README.md}).
 *
 * <p>Dependencies: {@code ngdref.metric} (the metrics themselves and the input validation) and
 * {@code ngdref.numerics} (Commons Math's quadrature nodes and symmetric eigenvalues behind two
 * small wrappers, which KeY sees through contract-only stubs); no Commons Math type appears
 * here.
 */
package ngdref.discrete;
