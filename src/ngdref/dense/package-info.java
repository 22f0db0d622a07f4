/**
 * Small-D dense linear algebra on Commons Math for the statements of Section 2.1 that are about
 * <em>every</em> metric, not only the one-parameter family: O(D²) memory and O(D³) time, for
 * checks and examples rather than for large D.
 * <ul>
 * <li>{@link ngdref.dense.CanonicalMetric}: the canonical metric, Eq. (6),
 *   M = yyᵀ/(yᵀg) + Σᵢ uᵢuᵢᵀ with u₁…u_{D−1} spanning g⊥, built from the uᵢ or from any
 *   M' that annihilates g and is positive definite on g⊥.</li>
 * <li>{@link ngdref.dense.CanonicalForm}: the canonical-form theorem as an operation: every SPD M
 *   with Mg = y is decomposed as (6), through M' = M − yyᵀ/(yᵀg) with M'g = 0, Eq. (7), an
 *   orthonormal basis of g⊥ from a Householder reflector, and the eigendecomposition of M' on
 *   g⊥.</li>
 * <li>{@link ngdref.dense.DenseMetrics}: the metrics as Commons Math {@code RealMatrix} and the
 *   natural-gradient check g = −M⁻¹∇L, Eq. (4), for an arbitrary dense metric (Cholesky).</li>
 * <li>{@link ngdref.dense.PreconditionerMetric}: the metric P of a preconditioned rule
 *   g = −P⁻¹∇L, diagonal or dense; {@link ngdref.dense.FisherMetric}: the Fisher metric
 *   F(η) = ∇²A(η) of an {@link ngdref.dense.ExponentialFamily} (natural gradient in η = gradient
 *   in the mean parameters).</li>
 * <li>{@link ngdref.dense.MetricCheck}: one checker for any {@code Metric} and step (g, y): SPD,
 *   Mg = y, Propositions 1–3.</li>
 * </ul>
 *
 * <p>Dependencies: {@code ngdref.metric} (input validation, the geometry of (g, y) and the
 * family (8)), Commons Math 3 and Commons Numbers; nothing else of the project. Outside the
 * packages KeY verifies; checked by the JUnit and jqwik tests and, for the canonical form, by
 * the exact oracle.
 */
package ngdref.dense;
