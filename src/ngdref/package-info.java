/**
 * ngdref, the reference implementation of L. Shoji, K. Suzuki, L. Kozachkov, "Is All Learning
 * (Natural) Gradient Descent?": an effective learning rule (an update g with yᵀg &gt; 0 for the
 * negative gradient y = −∇L) is natural gradient descent, g = −M⁻¹∇L, for every SPD metric M
 * with Mg = y, and every such M is M = yyᵀ/(yᵀg) + Σ uᵢuᵢᵀ with the uᵢ spanning g⊥ (Eq. (6)).
 *
 * <p>This package holds only {@link ngdref.Example}, the README's built-in example
 * ({@code mvn exec:java}). The work is done in its subpackages:
 * <ul>
 * <li>{@code ngdref.metric}: the continuous-time constructions, matrix-free and O(D) (Eqs. (8),
 *   (9), (22), Lemma 1, Propositions 1–3);</li>
 * <li>{@code ngdref.dense}: small-D dense metrics and the canonical-form theorem (Eqs. (6)–(7));</li>
 * <li>{@code ngdref.discrete}: discrete time, Section 2.2 (Eqs. (12)–(20)), and time-varying
 *   losses;</li>
 * <li>{@code ngdref.exact}, {@code ngdref.numerics}: an exact fallback and Commons Math wrappers,
 *   kept apart so that the statically verified packages (metric, discrete) load in KeY;</li>
 * <li>{@code ngdref.oracle}: the independent high-precision oracle, which shares no formula with
 *   the library;</li>
 * <li>{@code ngdref.cli}: the command-line oracle; {@code ngdref.apps}: Figure 3 and the
 *   learning-rule analyzer.</li>
 * </ul>
 * Dependencies point one way: the command line and the applications use the library packages;
 * {@code ngdref.metric} depends only on {@code ngdref.exact}; {@code ngdref.oracle},
 * {@code ngdref.exact} and {@code ngdref.numerics} depend on nothing of the project.
 */
package ngdref;
