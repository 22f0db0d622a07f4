/**
 * Exact inner products of double vectors in {@link java.math.BigDecimal}: the fallback of the
 * certified double-double pass of {@code ngdref.metric.UpdateGeometry} (and of the matrix-free
 * apply and solve) when its error bound cannot guarantee 2^-58 relative accuracy, i.e. when yᵀg
 * cancels near ψ = ±π/2 or sin ψ lies below what double-double resolves. Every double is a
 * finite decimal, so {@link ngdref.exact.ExactInnerProducts} rounds nothing; it costs O(D)
 * BigDecimal operations and runs only on those inputs. {@link ngdref.exact.ExactGeometry} holds the
 * three exact inner products of a pair and decides the correctly rounded double of every closed
 * form of the paper by exact comparison with rounding midpoints (the last step of the metric
 * package's Ziv-style rounding, taken only when its certified rounding test cannot decide).
 *
 * <p>Why a package of its own: the static verifier (KeY 2.12.3) has no model of
 * {@code java.math}, so the verified package {@code ngdref.metric} reaches this code only
 * through a contract-only stub ({@code proofs/stubs/classpath}).
 *
 * <p>Dependencies: Commons Numbers core ({@code DD}) and the JDK; nothing of the project. It is
 * not the oracle: {@code ngdref.oracle} keeps its own exact arithmetic and shares no code with
 * this package.
 */
package ngdref.exact;
