/**
 * The {@code ngdref} command line ({@code ./ngdref}, {@code docs/cli.md}): the reference
 * implementation as an oracle for other implementations.
 *
 * <p>{@link ngdref.cli.NgdrefCli} (picocli) has subcommands that compute the paper's
 * constructions for vectors given as options or files: {@code geometry} (ψ, cos ψ, |sin ψ|),
 * {@code spectrum} (Lemma 1, κ), {@code bounds} (Propositions 1–3), {@code metric} (Eqs. (8) and
 * (22)), {@code decompose} (the canonical form, Eq. (6)) and {@code discrete} (Section 2.2);
 * {@code batch} answers JSON Lines requests in a stream, in constant memory, with one code path
 * for the command line and batch mode; {@code vectors} writes certified test vectors and
 * {@code check} grades another implementation's results against them in ulps. With
 * {@code --certify} each double is accompanied by the oracle's enclosure of the exact value.
 *
 * <p>Every double is read as a decimal (rounded once) or a hex float (exact) and written as both
 * the shortest round-trip decimal and the bit-exact hex form ({@link ngdref.cli.Numbers}).
 * Nothing here recomputes a formula of the paper: each operation is a thin call into the library,
 * which validates its input and names the fault.
 *
 * <p>Dependencies: {@code ngdref.metric}, {@code ngdref.dense}, {@code ngdref.discrete} (the
 * values) and {@code ngdref.oracle} (the certificates and the test vectors, which never consult
 * the library); picocli and Jackson. No library package depends on this one.
 */
package ngdref.cli;
