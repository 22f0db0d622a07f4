/**
 * The independent high-precision oracle: exact and certified values of the quantities the
 * reference library computes, obtained by methods that share no formula with it, so that an
 * agreement is evidence and a disagreement a bug in one of the two.
 *
 * <p>Inputs are taken at their exact values: every finite double is a dyadic rational
 * ({@link ngdref.oracle.Rational}). From them the oracle forms
 * <ul>
 * <li>the exact inner products yᵀg, yᵀy, gᵀg ({@link ngdref.oracle.ExactDots}) and certified
 *   enclosures of cos ψ, |sin ψ| and ‖y‖/‖g‖ from exact rationals and exact integer square roots
 *   ({@link ngdref.oracle.GradientAngle});</li>
 * <li>the explicit D×D rational matrix of the family, Eqs. (8), (9), (22)
 *   ({@link ngdref.oracle.ExplicitFamilyMetric}, {@link ngdref.oracle.RationalMatrix}), exact
 *   identity checks on it, Mg = y and M'g = 0, Eqs. (6)–(7), and exact ranks
 *   ({@link ngdref.oracle.MetricIdentities}, {@link ngdref.oracle.SpanRestriction});</li>
 * <li>its certified spectrum ({@link ngdref.oracle.SpectrumOracle},
 *   {@link ngdref.oracle.Spectrum}): congruence with refined approximate eigenvectors and
 *   Gershgorin discs, Sylvester's law of inertia and Weyl's inequality, the refinement after
 *   T. Ogita, K. Aishima, "Iterative refinement for symmetric eigenvalue decomposition", Japan J.
 *   Indust. Appl. Math. 35 (2018); for small D bisection on exact inertia counts by fraction-free
 *   elimination ({@link ngdref.oracle.ExactInertia}, after E. H. Bareiss, Math. Comp. 22, 1968).
 *   Lemma 1 is never used.</li>
 * <li>the fast certificates used by {@code --certify}, the test vectors and the conformance suite
 *   (O(D²) exact integer work on the explicit matrix): every column of M − αI in span{g, y}, so M
 *   is α on the complement and its other two eigenvalues are those of its restriction to the
 *   plane ({@link ngdref.oracle.PlaneSpectrum}); M⁻¹·b as a candidate checked by M·z = b
 *   ({@link ngdref.oracle.ExactSolution}); ψ from the exact cos²ψ by exact Taylor bounds of sin or
 *   cos ({@link ngdref.oracle.AngleEnclosure}). The general enclosure above is compared with
 *   them in the tests.</li>
 * </ul>
 * Results are {@link ngdref.oracle.Enclosure}s with exact decimal ends; the correctly rounded
 * double ({@link ngdref.oracle.NearestDouble}, ties to even) is given only when the enclosure
 * decides it, and errors are counted in ulps ({@link ngdref.oracle.Ulps}).
 *
 * <p>Dependencies: the JDK ({@code java.math}) and Commons Math's {@code EigenDecomposition}
 * for starting eigenvectors, which the certificate does not trust; this package imports nothing
 * of the project. The command line ({@code ngdref.cli}) and the tests use it to certify the
 * reference library.
 */
package ngdref.oracle;
