package ngdref.oracle;

/**
 * The one-parameter family of metrics, Eq. (8), built as an explicit exact matrix:
 * {@code M(α) = y yᵀ/(yᵀg) + α (I − g gᵀ/(gᵀg))}, and its γ-parametrisation Eq. (22),
 * {@code α = γ · yᵀy/(yᵀg)}; the optimal metric Eq. (9) is {@code γ = 1}.
 *
 * <p>Every entry is an exact rational; nothing about the spectrum is assumed here.
 */
public final class ExplicitFamilyMetric {

    private ExplicitFamilyMetric() {
    }

    /**
     * {@code M(α)} for the exact value of the double {@code alpha}.
     *
     * @throws IllegalArgumentException if g or y is invalid (see {@link ExactDots#of}), if
     *     {@code yᵀg <= 0}, or if {@code alpha} is not finite and positive
     */
    public static RationalMatrix ofAlpha(double[] g, double[] y, double alpha) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > 0, was " + alpha);
        }
        return ofAlpha(g, y, Rational.of(alpha, "alpha"));
    }

    /**
     * {@code M(α)} for an exact rational {@code alpha > 0}.
     *
     * @throws IllegalArgumentException if g or y is invalid, {@code yᵀg <= 0}, or
     *     {@code alpha} is null or not positive
     */
    public static RationalMatrix ofAlpha(double[] g, double[] y, Rational alpha) {
        if (alpha == null) {
            throw new IllegalArgumentException("alpha is null");
        }
        if (alpha.signum() <= 0) {
            throw new IllegalArgumentException("alpha must be > 0, was " + alpha);
        }
        final Rational[] eg = ExactDots.exact(g, "g");
        final Rational[] ey = ExactDots.exact(y, "y");
        final ExactDots dots = effective(g, y);
        final int n = eg.length;
        final RationalMatrix yyT = RationalMatrix.outer(ey, ey).scale(Rational.ONE.divide(dots.yTg()));
        final RationalMatrix projector = RationalMatrix.identity(n)
                .subtract(RationalMatrix.outer(eg, eg).scale(Rational.ONE.divide(dots.gTg())));
        return yyT.add(projector.scale(alpha));
    }

    /**
     * {@code M} with {@code α = γ · yᵀy/(yᵀg)}, Eq. (22).
     *
     * @throws IllegalArgumentException if g or y is invalid, {@code yᵀg <= 0}, or
     *     {@code gamma} is not finite and positive
     */
    public static RationalMatrix ofGamma(double[] g, double[] y, double gamma) {
        return ofAlpha(g, y, alphaOfGamma(g, y, gamma));
    }

    /** The optimal metric, Eq. (9): {@code γ = 1}, i.e. {@code α = yᵀy/(yᵀg)}. */
    public static RationalMatrix optimal(double[] g, double[] y) {
        return ofGamma(g, y, 1.0);
    }

    /**
     * The exact {@code α = γ · yᵀy/(yᵀg)}.
     *
     * @throws IllegalArgumentException if g or y is invalid, {@code yᵀg <= 0}, or
     *     {@code gamma} is not finite and positive
     */
    public static Rational alphaOfGamma(double[] g, double[] y, double gamma) {
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and > 0, was " + gamma);
        }
        final ExactDots dots = effective(g, y);
        return Rational.of(gamma, "gamma").multiply(dots.yTy()).divide(dots.yTg());
    }

    /** The rank-one part {@code y yᵀ/(yᵀg)} of every valid metric, Eq. (6). */
    public static RationalMatrix rankOnePart(double[] g, double[] y) {
        final Rational[] ey = ExactDots.exact(y, "y");
        final ExactDots dots = effective(g, y);
        return RationalMatrix.outer(ey, ey).scale(Rational.ONE.divide(dots.yTg()));
    }

    private static ExactDots effective(double[] g, double[] y) {
        final ExactDots dots = ExactDots.of(g, y);
        if (dots.yTg().signum() <= 0) {
            throw new IllegalArgumentException("yᵀg must be > 0 (g must be an effective update), was "
                    + dots.yTg().approximate());
        }
        return dots;
    }
}
