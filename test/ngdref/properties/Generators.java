package ngdref.properties;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of effective pairs (g, y) covering what the oracle issue asks for: D from 2 to 256
 * (biased to small), ψ uniform, near 0 (down to 1e-12) and within 1e-8 of π/2, ‖y‖/‖g‖ from 1e-150
 * to 1e150, entries with mixed signs and magnitudes (up to 6 decades apart), γ from 1e-12 to 1e12.
 *
 * <p>A pair is built from a seed (so jqwik shrinks the seed, the dimension, the angle and the
 * scales, which are its parameters, and the printed counterexample stays readable): g has random
 * signs and magnitudes; y = ρ(cos ψ·ĝ + sin ψ·ê) with ê a random unit vector ⊥ g. Rounding moves
 * the angle of the stored doubles slightly; every check uses the exact doubles, never ψ.
 */
final class Generators {

    private Generators() {
    }

    static Arbitrary<Integer> dimensions(int max) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(2, Math.min(8, max))),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(2, Math.min(32, max))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(2, max)));
    }

    /** ψ ∈ (0, π/2): uniform, tiny (1e-12 … 1e-2), or π/2 − (1e-8 … 1e-2). */
    static Arbitrary<Double> angles() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.doubles().between(0.0, 1.5707).ofScale(8).map(a -> a)),
                net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(-12, -2).ofScale(8).map(e -> Math.pow(10, e))),
                net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(-8, -2).ofScale(8).map(e -> Math.PI / 2 - Math.pow(10, e))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0.0)));
    }

    static Arbitrary<Double> gammas() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(1.0)),
                net.jqwik.api.Tuple.of(5, Arbitraries.doubles().between(-12, 12).ofScale(8).map(e -> Math.pow(10, e))));
    }

    /** Effective pairs with γ; maxD bounds the dimension (dense checks use a small one). */
    static Arbitrary<Case> cases(int maxD) {
        return Combinators.combine(
                Arbitraries.longs(),
                dimensions(maxD),
                angles(),
                Arbitraries.doubles().between(-150, 150).ofScale(8),    // log10 ‖y‖/‖g‖
                Arbitraries.doubles().between(-100, 100).ofScale(8),    // log10 ‖g‖
                Arbitraries.integers().between(0, 6),        // decades of entry magnitudes
                gammas()).as(Generators::build)
                .filter(c -> c != null);
    }

    /**
     * The full range of {@link #cases} for the oracle, with dimensions weighted to keep the
     * certified spectra affordable (most D ≤ 8, some to 32, a few to 256: about 1 s each there).
     */
    static Arbitrary<Case> oracleCases() {
        final Arbitrary<Integer> dims = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(14, Arbitraries.integers().between(2, 8)),
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(9, 32)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(33, 256)));
        return Combinators.combine(
                Arbitraries.longs(),
                dims,
                angles(),
                Arbitraries.doubles().between(-150, 150).ofScale(8),
                Arbitraries.doubles().between(-100, 100).ofScale(8),
                Arbitraries.integers().between(0, 6),
                gammas()).as(Generators::build)
                .filter(c -> c != null);
    }

    /** Pairs with moderate scales, for checks that build dense matrices in double. */
    static Arbitrary<Case> moderateCases(int maxD) {
        return Combinators.combine(
                Arbitraries.longs(),
                dimensions(maxD),
                Arbitraries.doubles().between(0.0, 1.4).ofScale(8),
                Arbitraries.doubles().between(-3, 3).ofScale(8),
                Arbitraries.doubles().between(-3, 3).ofScale(8),
                Arbitraries.integers().between(0, 2),
                Arbitraries.doubles().between(-3, 3).ofScale(8).map(e -> Math.pow(10, e))).as(Generators::build)
                .filter(c -> c != null);
    }

    static Case build(long seed, int d, double psi, double logRatio, double logG, int decades, double gamma) {
        final Random r = new Random(seed);
        final double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = r.nextGaussian() * Math.pow(10, decades == 0 ? 0 : r.nextInt(decades + 1) - decades / 2.0);
        }
        final double ng = norm(g);
        if (ng == 0) {
            return null;
        }
        // ê: a random vector, made orthogonal to g twice (Gram–Schmidt with reorthogonalisation).
        double[] e = new double[d];
        for (int i = 0; i < d; i++) {
            e[i] = r.nextGaussian();
        }
        for (int pass = 0; pass < 2; pass++) {
            double dot = 0;
            for (int i = 0; i < d; i++) {
                dot += e[i] * g[i] / ng;
            }
            for (int i = 0; i < d; i++) {
                e[i] -= dot * g[i] / ng;
            }
        }
        final double ne = norm(e);
        if (ne == 0) {
            return null;
        }
        final double scaleG = Math.pow(10, logG);
        final double ratio = Math.pow(10, logRatio);
        final double[] gs = new double[d];
        final double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            gs[i] = g[i] / ng * scaleG;
            y[i] = (Math.cos(psi) * g[i] / ng + Math.sin(psi) * e[i] / ne) * ratio * scaleG;
        }
        if (!effective(gs, y)) {
            return null;
        }
        return new Case(gs, y, gamma, "psi=" + psi);
    }

    private static double norm(double[] v) {
        return org.apache.commons.numbers.core.Norm.EUCLIDEAN.of(v);
    }

    /** yᵀg > 0 decided exactly. */
    static boolean effective(double[] g, double[] y) {
        java.math.BigDecimal s = java.math.BigDecimal.ZERO;
        for (int i = 0; i < g.length; i++) {
            if (!Double.isFinite(g[i]) || !Double.isFinite(y[i])) {
                return false;
            }
            s = s.add(new java.math.BigDecimal(g[i]).multiply(new java.math.BigDecimal(y[i])));
        }
        return s.signum() > 0;
    }
}
