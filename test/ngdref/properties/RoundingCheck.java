package ngdref.properties;

import java.util.function.Function;
import ngdref.oracle.ExactDots;
import ngdref.oracle.ExactInertia;
import ngdref.oracle.ExplicitFamilyMetric;
import ngdref.oracle.GradientAngle;
import ngdref.oracle.Inertia;
import ngdref.oracle.Rational;
import ngdref.oracle.RationalMatrix;
import ngdref.oracle.SpanRestriction;

/**
 * Checks that a double is the correctly rounded (round-half-even) value of an exact quantity, or
 * that a refusal is justified, using only the independent oracle ({@code ngdref.oracle}: exact
 * rationals, the explicit D×D matrix of the family and its exact inertia), never the library's
 * formulas. A quantity Q is given by its exact comparison t ↦ sign(Q − t) for rational t:
 * <ul>
 * <li>inner products, ρ, σ, α, γ: rationals from the oracle's exact dots;</li>
 * <li>cos ψ, |sin ψ|, ‖y‖/‖g‖, 1 − |sin ψ|, κ_min: through the exact cos²ψ, sin²ψ of the oracle;</li>
 * <li>λ_max, λ_min: the inertia of the explicit M − tI (λ_max &gt; t ⇔ M − tI has a positive
 *   eigenvalue), or, faster, the roots of the characteristic polynomial of the oracle's exact
 *   restriction of M to span{g, y} together with α on its complement (D ≥ 3);</li>
 * <li>κ: T = λ₊ + λ₋ and P = λ₊λ₋ are the trace and determinant of the oracle's exact
 *   restriction of the explicit M to span{g, y} (σ + α and σα when g ∥ y); κ is the larger root of
 *   k² − (T²/P − 2)k + 1.</li>
 * </ul>
 */
final class RoundingCheck {

    /** 2^1024 − 2^970: at or above it a value rounds to ∞. */
    static final Rational OVERFLOW = Rational.of(Double.MAX_VALUE)
            .add(Rational.of(Math.ulp(Double.MAX_VALUE)).divide(Rational.of(2)));
    /** 2^-1075: at or below it a positive value rounds to 0. */
    static final Rational UNDERFLOW = Rational.of(Double.MIN_VALUE).divide(Rational.of(2));

    private final double[] g;
    private final double[] y;
    private final ExactDots dots;
    private final GradientAngle angle;
    private final boolean fullInertia;
    private Rational matrixAlpha;
    private RationalMatrix matrix;

    RoundingCheck(double[] g, double[] y) {
        this(g, y, true);
    }

    /**
     * @param fullInertia decide λ_max and λ_min by the inertia of the explicit D×D matrix (slow
     *     for large entries) rather than by its restriction to span{g, y} and α
     */
    RoundingCheck(double[] g, double[] y, boolean fullInertia) {
        this.fullInertia = fullInertia;
        this.g = g;
        this.y = y;
        this.dots = ExactDots.of(g, y);
        this.angle = GradientAngle.of(g, y);
    }

    ExactDots dots() {
        return dots;
    }

    /** sign(Q − t) for a named quantity without parameter. */
    Function<Rational, Integer> quantity(String name) {
        final Rational yy = dots.yTy();
        final Rational gg = dots.gTg();
        final Rational yg = dots.yTg();
        final Rational c2 = angle.cosSquared();
        final Rational s2 = angle.sinSquared();
        switch (name) {
            case "yy": return t -> yy.compareTo(t);
            case "gg": return t -> gg.compareTo(t);
            case "yg": return t -> yg.compareTo(t);
            case "rho": return t -> yg.divide(gg).compareTo(t);
            case "sigma": return t -> yy.divide(yg).compareTo(t);
            case "cos": return t -> c2.compareTo(t.multiply(t));
            case "sin": return t -> s2.compareTo(t.multiply(t));
            case "normRatio": return t -> yy.divide(gg).compareTo(t.multiply(t));
            case "oneMinusSin": return t -> {
                final Rational c = Rational.ONE.subtract(t);
                return c.signum() < 0 ? -1 : c.multiply(c).compareTo(s2); // sign((1−t) − s)
            };
            case "kappaMin": return t -> {
                if (t.compareTo(Rational.ONE) < 0) {
                    return 1;
                }
                final Rational q = t.subtract(Rational.ONE).divide(t.add(Rational.ONE));
                return s2.compareTo(q.multiply(q)); // κ_min > t ⇔ s > (t−1)/(t+1)
            };
            default: throw new IllegalArgumentException(name);
        }
    }

    /** sign(Q − t) for λ_max, λ_min, λ_d, κ, α (given γ) or γ (given α) of M(α). */
    Function<Rational, Integer> family(String name, Rational alpha) {
        switch (name) {
            case "alpha": return t -> alpha.compareTo(t);
            case "gamma": return t -> alpha.multiply(dots.yTg()).divide(dots.yTy()).compareTo(t);
            case "lambdaMax":
            case "lambdaMin": {
                final boolean max = name.equals("lambdaMax");
                if (fullInertia || angle.sinSquared().signum() == 0) {
                    final RationalMatrix m = matrix(alpha);
                    return t -> {
                        final Inertia in = ExactInertia.shifted(m, t);
                        return max ? (in.positive() > 0 ? 1 : in.zero() > 0 ? 0 : -1)
                                : (in.negative() > 0 ? -1 : in.zero() > 0 ? 0 : 1);
                    };
                }
                // The roots of the restriction's characteristic polynomial t² − Tt + P, and (D ≥ 3)
                // the eigenvalue α on the complement of span{g, y}: the extreme of the three.
                final SpanRestriction b = SpanRestriction.of(matrix(alpha), g, y);
                final Rational half = b.trace().divide(Rational.of(2));
                final boolean withAlpha = g.length > 2;
                return t -> {
                    final int p = b.characteristicValue(t).signum(); // sign of t² − Tt + P
                    final int root = max ? (t.compareTo(half) < 0 ? 1 : -p) : (t.compareTo(half) > 0 ? -1 : p);
                    if (!withAlpha) {
                        return root;
                    }
                    final int a = alpha.compareTo(t);
                    return max ? Math.max(root, a) : Math.min(root, a);
                };
            }
            case "kappa": {
                // T = λ₊ + λ₋ and P = λ₊λ₋: the trace and determinant of the oracle's restriction of
                // the explicit M to span{g, y}; when g ∥ y the eigenvalues are σ (on g) and α.
                final Rational sum;
                final Rational product;
                if (angle.sinSquared().signum() == 0) {
                    final Rational sigma = dots.yTy().divide(dots.yTg());
                    sum = sigma.add(alpha);
                    product = sigma.multiply(alpha);
                } else {
                    final SpanRestriction b = SpanRestriction.of(matrix(alpha), g, y);
                    sum = b.trace();
                    product = b.determinant();
                }
                final Rational s = sum.multiply(sum).divide(product).subtract(Rational.of(2));
                return t -> {
                    if (t.multiply(Rational.of(2)).compareTo(s) < 0) {
                        return 1; // the larger root is >= s/2
                    }
                    return -t.multiply(t).subtract(s.multiply(t)).add(Rational.ONE).signum();
                };
            }
            default: throw new IllegalArgumentException(name);
        }
    }

    /** The explicit M(α), built once per α. */
    private RationalMatrix matrix(Rational alpha) {
        if (!alpha.equals(matrixAlpha)) {
            matrixAlpha = alpha;
            matrix = ExplicitFamilyMetric.ofAlpha(g, y, alpha);
        }
        return matrix;
    }

    /** Exact α of the family given by γ or by α. */
    Rational alpha(double parameter, boolean parameterIsGamma) {
        return parameterIsGamma ? ExplicitFamilyMetric.alphaOfGamma(g, y, parameter) : Rational.of(parameter);
    }

    /**
     * Null when r is the correctly rounded value of Q (sign(Q − t) = cmp(t)), else why not.
     * r = 0 is accepted only for an exact zero.
     */
    static String correctlyRounded(Function<Rational, Integer> cmp, double r) {
        if (!(r >= 0.0) || Double.isInfinite(r)) {
            return "returned " + r;
        }
        if (r == 0.0) {
            return cmp.apply(Rational.ZERO) == 0 ? null : "returned 0 for a nonzero value";
        }
        final Rational below = r == Double.MIN_VALUE ? UNDERFLOW
                : Rational.of(Math.nextDown(r)).add(Rational.of(r)).divide(Rational.of(2));
        final Rational above = r == Double.MAX_VALUE ? OVERFLOW
                : Rational.of(Math.nextUp(r)).add(Rational.of(r)).divide(Rational.of(2));
        final boolean even = (Double.doubleToRawLongBits(r) & 1L) == 0;
        final int lo = cmp.apply(below);
        final int hi = cmp.apply(above);
        if (lo < 0 || (lo == 0 && !even)) {
            return Double.toHexString(r) + " is too large: the exact value is " + (lo == 0 ? "at" : "below")
                    + " the midpoint below it";
        }
        if (hi > 0 || (hi == 0 && !even)) {
            return Double.toHexString(r) + " is too small: the exact value is " + (hi == 0 ? "at" : "above")
                    + " the midpoint above it";
        }
        return null;
    }

    /** Where a quantity lies outside the range of double (what justifies refusing it). */
    enum OutOfRange {
        /** Q rounds to ∞: Q &ge; 2^1024 − 2^970. */
        OVERFLOW,
        /** Q &gt; 0 rounds to 0: Q &le; 2^-1075. */
        UNDERFLOW
    }

    /** Whether Q rounds to ∞, or to 0 while Q &gt; 0; null when its rounding is a finite double or exactly 0. */
    static OutOfRange outOfRange(Function<Rational, Integer> cmp) {
        if (cmp.apply(OVERFLOW) >= 0) {
            return OutOfRange.OVERFLOW;
        }
        if (cmp.apply(UNDERFLOW) <= 0 && cmp.apply(Rational.ZERO) > 0) {
            return OutOfRange.UNDERFLOW;
        }
        return null;
    }

    /** 2^k as a double (for generators). */
    static double pow2(int k) {
        return Math.scalb(1.0, k);
    }
}
