/**
 * Applications of the library (Section 3 of the paper): the reproduction of Figure 3 and the
 * learning-rule analyzer.
 * <ul>
 * <li>{@link ngdref.apps.Figures} regenerates every panel of Figure 3 as CSV, PNG and SVG
 *   ({@code docs/FIGURES.md}): 3A the spectrum of M_opt, Eq. (9), against ψ; 3B/3C the stable
 *   LTI system θ̇ = Aθ, Eq. (21), as natural gradient descent on its Lyapunov loss
 *   ({@link ngdref.apps.LtiExperiment}, {@link ngdref.apps.Lyapunov},
 *   {@link ngdref.apps.MatrixExponential} after N. J. Higham, SIAM J. Matrix Anal. Appl. 26,
 *   2005); 3D/3E feedback alignment (T. P. Lillicrap et al., Nat. Commun. 7, 13276, 2016) on real
 *   MNIST digits ({@link ngdref.apps.FeedbackAlignmentExperiment},
 *   {@link ngdref.apps.TwoLayerNetwork}, {@link ngdref.apps.MnistData}) with effectiveness over a
 *   window, Eq. (3) ({@link ngdref.apps.Windows}).</li>
 * <li>{@link ngdref.apps.RuleAnalyzer} answers "is my learning rule natural gradient descent, and
 *   with what metric?" step by step for built-in rules ({@link ngdref.apps.Rules}: GD, momentum,
 *   Nesterov, Adam, RMSProp, sign-GD, feedback alignment) on built-in losses
 *   ({@link ngdref.apps.BuiltinLosses}) or for a recorded {@link ngdref.apps.Trajectory}: yᵀg,
 *   ψ and M_opt in continuous time; the discrete metric (14), the learning-rate bound (17) and
 *   the corrected step (18) in discrete time.</li>
 * <li>{@link ngdref.apps.FisherExperiment}: natural gradient descent with the Fisher metric of an
 *   exponential family (library {@code ngdref.dense.FisherMetric}) as an instance of the
 *   canonical form (6).</li>
 * <li>{@link ngdref.apps.StochasticFigure}: the stochastic metric (19)–(20) for minibatch SGD and
 *   feedback alignment on real MNIST digits, against the full-batch loss
 *   ({@link ngdref.apps.StochasticExperiment}).</li>
 * </ul>
 *
 * <p>Dependencies: {@code ngdref.metric}, {@code ngdref.discrete}, {@code ngdref.dense}; Commons
 * Math (ODE integration, LU), XChart and VectorGraphics2D (plots), Jackson and picocli. It does not
 * use the command line or the oracle, and no other package depends on it.
 */
package ngdref.apps;
