package ngdref.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Certified eigenvalue enclosures by bisection on exact inertia counts (package-private; used
 * by {@link SpectrumOracle} for small dimensions).
 *
 * <p>For a rational t the exact inertia of {@code M − tI} ({@link ExactInertia}) gives
 * {@code N(t)}, the number of eigenvalues below t, and {@code Z(t)}, the multiplicity of t.
 * Starting from {@code (−2^k, 2^k)} with {@code 2^k > ‖M‖_∞}, an open interval (lo, hi) holds
 * exactly {@code N(hi) − N(lo) − Z(lo)} eigenvalues; it is halved at its midpoint until its ends
 * round to the same double. All ends stay on the dyadic grid {@code 2^k·j/2^depth}, so an
 * eigenvalue that is a dyadic rational (a double, or a midpoint between doubles) is eventually
 * hit ({@code Z(mid) > 0}) and reported as a point. A finished interval whose end is an
 * eigenvalue is shrunk to a nearby end that is not, so that every reported closed enclosure holds
 * exactly its multiplicity. Nothing is estimated.
 */
final class BisectionSpectrum {

    /** Bisection depth limit; 2^-2200 relative is far below the smallest subnormal spacing. */
    private static final int MAX_DEPTH = 2200;

    private static final Rational HALF = Rational.of(BigInteger.ONE, BigInteger.valueOf(2));

    private BisectionSpectrum() {
    }

    /** An open interval (lo, hi): {@code atMostLo} eigenvalues are <= lo, {@code belowHi} are < hi. */
    private static final class Piece {
        final Rational lo;
        final Rational hi;
        final int atMostLo;
        final int belowHi;
        final boolean loIsEigenvalue;
        final boolean hiIsEigenvalue;
        final int depth;

        Piece(Rational lo, Rational hi, int atMostLo, int belowHi, boolean loIsEigenvalue, boolean hiIsEigenvalue, int depth) {
            this.lo = lo;
            this.hi = hi;
            this.atMostLo = atMostLo;
            this.belowHi = belowHi;
            this.loIsEigenvalue = loIsEigenvalue;
            this.hiIsEigenvalue = hiIsEigenvalue;
            this.depth = depth;
        }

        int count() {
            return belowHi - atMostLo;
        }
    }

    static Spectrum enclose(RationalMatrix m) {
        final int n = m.dimension();
        // 2^k > ‖M‖_∞ >= spectral radius.
        Rational norm = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            Rational row = Rational.ZERO;
            for (int j = 0; j < n; j++) {
                row = row.add(m.get(i, j).abs());
            }
            norm = norm.max(row);
        }
        final BigInteger ceil = norm.numerator().divide(norm.denominator()).add(BigInteger.ONE);
        final Rational bound = Rational.of(BigInteger.ONE.shiftLeft(ceil.bitLength()));
        final List<EigenvalueCluster> out = new ArrayList<>();
        final Deque<Piece> work = new ArrayDeque<>();
        work.push(new Piece(bound.negate(), bound, 0, n, false, false, 0));
        while (!work.isEmpty()) {
            final Piece p = work.pop();
            if (Enclosure.of(dyadicDecimal(p.lo), dyadicDecimal(p.hi)).correctlyRounded().isPresent() || p.depth >= MAX_DEPTH) {
                out.add(finish(m, p));
                continue;
            }
            final Rational mid = p.lo.add(p.hi).multiply(HALF);
            final Inertia in = ExactInertia.shifted(m, mid);
            final int below = in.negative();
            final int at = in.zero();
            if (at > 0) {
                out.add(new EigenvalueCluster(Enclosure.point(dyadicDecimal(mid)), at));
            }
            final Piece left = new Piece(p.lo, mid, p.atMostLo, below, p.loIsEigenvalue, at > 0, p.depth + 1);
            final Piece right = new Piece(mid, p.hi, below + at, p.belowHi, at > 0, p.hiIsEigenvalue, p.depth + 1);
            if (left.count() > 0) {
                work.push(left);
            }
            if (right.count() > 0) {
                work.push(right);
            }
        }
        out.sort(Comparator.comparing(c -> c.enclosure().lo()));
        return new Spectrum(out, Spectrum.Method.EXACT_BISECTION);
    }

    /** The closed enclosure of a finished piece, with ends that are not eigenvalues. */
    private static EigenvalueCluster finish(RationalMatrix m, Piece p) {
        Rational lo = p.lo;
        Rational hi = p.hi;
        final Rational width = p.hi.subtract(p.lo);
        if (p.loIsEigenvalue) {
            // Move up until no eigenvalue lies in (p.lo, lo] and lo is none itself.
            Rational step = width.multiply(HALF);
            while (true) {
                final Inertia in = ExactInertia.shifted(m, p.lo.add(step));
                if (in.zero() == 0 && in.negative() == p.atMostLo) {
                    lo = p.lo.add(step);
                    break;
                }
                step = step.multiply(HALF);
            }
        }
        if (p.hiIsEigenvalue) {
            Rational step = hi.subtract(lo).multiply(HALF);
            while (true) {
                final Inertia in = ExactInertia.shifted(m, p.hi.subtract(step));
                if (in.zero() == 0 && in.negative() == p.belowHi) {
                    hi = p.hi.subtract(step);
                    break;
                }
                step = step.multiply(HALF);
            }
        }
        return new EigenvalueCluster(Enclosure.of(dyadicDecimal(lo), dyadicDecimal(hi)), p.count());
    }

    /** The exact decimal of a dyadic rational (denominator a power of two). */
    private static BigDecimal dyadicDecimal(Rational r) {
        final int k = r.denominator().getLowestSetBit();
        return CongruenceSpectrum.dyadic(r.numerator(), -k);
    }
}
