/**
 * Thin wrappers around Commons Math for the discrete-time package: Gauss–Legendre nodes and
 * weights on [0, 1] ({@link ngdref.numerics.GaussLegendre}, for the average-vector-field discrete
 * gradient) and the smallest eigenvalue of the symmetric part of a small dense matrix
 * ({@link ngdref.numerics.SymmetricEigenvalues}, for the Hessian correction, Eqs. (17)–(18)).
 *
 * <p>Why a package of its own: the statically verified package {@code ngdref.discrete} does not
 * depend on Commons Math types; KeY 2.12.3 sees these two classes only through contract-only
 * stubs ({@code proofs/stubs/classpath}).
 *
 * <p>Dependencies: Commons Math 3 and the JDK; nothing of the project.
 */
package ngdref.numerics;
