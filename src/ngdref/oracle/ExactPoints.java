package ngdref.oracle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact eigenvalues that no enclosure can decide: 0 and the midpoints between adjacent doubles
 * (package-private; used by {@link CongruenceSpectrum}).
 *
 * <p>An enclosure of 0 always holds doubles of both signs, and one of a tie t always holds
 * numbers on both sides of t, so shrinking it never decides. If a cluster holds exactly k
 * eigenvalues and its enclosure holds t (0, or the only midpoint between the doubles its ends
 * round to), then {@code rank(M − tI) = D − k}, computed exactly by {@link ExactInertia}, proves
 * that t is an eigenvalue of multiplicity k, i.e. all k eigenvalues of the cluster equal t. The
 * elimination stops after {@code D − k + 1} pivots at most, so it is only tried for
 * {@code D − k <= } {@link #RANK_LIMIT}.
 */
final class ExactPoints {

    /** Largest {@code D − k} for which the exact rank is computed. */
    static final int RANK_LIMIT = 8;

    private ExactPoints() {
    }

    /** {@code s} with every provable undecided cluster replaced by its exact point. */
    static Spectrum resolve(RationalMatrix m, Spectrum s) {
        final int n = m.dimension();
        final List<EigenvalueCluster> out = new ArrayList<>(s.clusters());
        boolean changed = false;
        for (int c = 0; c < out.size(); c++) {
            final EigenvalueCluster cl = out.get(c);
            final Enclosure e = cl.enclosure();
            if (e.correctlyRounded().isPresent() || n - cl.multiplicity() > RANK_LIMIT) {
                continue;
            }
            final BigDecimal t = candidate(e);
            final int rank = n - cl.multiplicity();
            if (t != null && ExactInertia.rankAtMost(m.shift(Rational.of(t)), rank) == rank) {
                out.set(c, new EigenvalueCluster(Enclosure.point(t), cl.multiplicity()));
                changed = true;
            }
        }
        return changed ? new Spectrum(out, s.method()) : s;
    }

    /** 0 or the single tie in the enclosure, or null. */
    private static BigDecimal candidate(Enclosure e) {
        if (e.contains(BigDecimal.ZERO)) {
            return BigDecimal.ZERO;
        }
        final double a = e.loRounded();
        final double b = e.hiRounded();
        if (Double.isInfinite(a) || Double.isInfinite(b) || Math.nextUp(a) != b) {
            return null;                                  // not a single tie between neighbours
        }
        final BigDecimal t = new BigDecimal(a).add(new BigDecimal(b)).divide(BigDecimal.valueOf(2));
        return e.contains(t) ? t : null;
    }
}
