package ngdref.oracle;

import java.math.BigInteger;

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
        // Integer vectors G = sg·g, Y = sy·y (sg, sy the least common denominators). Then
        // yyᵀ/(yᵀg) = sg·YYᵀ/(sy·YᵀG) and ggᵀ/(gᵀg) = GGᵀ/GᵀG, so with α = p/q every entry of
        // M(α) is [A·YᵢYⱼ + B·(δᵢⱼ·GᵀG − GᵢGⱼ)] / (sy·YᵀG·q·GᵀG), A = sg·q·GᵀG, B = p·sy·YᵀG:
        // one common denominator, no reduction (rankTwoPlusDiagonal).
        final Integers v = Integers.of(g, y);
        final BigInteger q = alpha.denominator();
        final BigInteger a = v.sg().multiply(q).multiply(v.gg());
        final BigInteger b = alpha.numerator().multiply(v.sy()).multiply(v.yg());
        return RationalMatrix.ofCommonDenominator(rankTwoPlusDiagonal(v, a, b),
                v.sy().multiply(v.yg()).multiply(q).multiply(v.gg()));
    }

    /**
     * g and y (validated, yᵀg &gt; 0) as integer vectors G = sg·g, Y = sy·y over their least
     * common denominators (powers of two), with YᵀG and GᵀG.
     */
    private record Integers(BigInteger[] gi, BigInteger[] yi, BigInteger sg, BigInteger sy, BigInteger yg,
                            BigInteger gg) {
        static Integers of(double[] g, double[] y) {
            final IntegerVector gv = IntegerVector.of(ExactDots.exact(g, "g"));
            final IntegerVector yv = IntegerVector.of(ExactDots.exact(y, "y"));
            effective(g, y);
            return new Integers(gv.entries(), yv.entries(), gv.scale(), yv.scale(),
                    IntegerVector.dot(yv.entries(), gv.entries()), IntegerVector.dot(gv.entries(), gv.entries()));
        }
    }

    /**
     * The numerators a·YᵢYⱼ − b·GᵢGⱼ + δᵢⱼ·b·GᵀG of both parametrisations, entry by entry
     * ({@link SymmetricEntries}): per entry two products of a long integer (a·Yᵢ, b·Gᵢ, split
     * once per row) with an entry of Y or G, summed without allocation ({@link DigitSum}).
     */
    private static SymmetricEntries rankTwoPlusDiagonal(Integers vectors, BigInteger a, BigInteger b) {
        final BigInteger[] gi = vectors.gi();
        final BigInteger[] yi = vectors.yi();
        final int n = gi.length;
        final DigitSum.Wide bgg = DigitSum.Wide.of(b.multiply(vectors.gg()));
        final DigitSum.Narrow[] go = DigitSum.Narrow.of(gi);
        final DigitSum.Narrow[] yo = DigitSum.Narrow.of(yi);
        final DigitSum.Wide[] ay = new DigitSum.Wide[n];
        final DigitSum.Wide[] bg = new DigitSum.Wide[n];
        final DigitSum.Wide aw = DigitSum.Wide.of(a);
        final DigitSum.Wide bw = DigitSum.Wide.of(b);
        long bits = bgg.bits();
        long yBits = 0;
        long gBits = 0;
        for (int i = 0; i < n; i++) {
            yBits = Math.max(yBits, yo[i].bits());
            gBits = Math.max(gBits, go[i].bits());
        }
        final DigitSum row = new DigitSum(DigitSum.slotsFor(Math.max(aw.bits() + yBits, bw.bits() + gBits) + 1));
        for (int i = 0; i < n; i++) {
            row.addProduct(aw, yo[i], 1);
            ay[i] = row.toWide();
            row.addProduct(bw, go[i], 1);
            bg[i] = row.toWide();
            bits = Math.max(bits, Math.max(ay[i].bits() + yBits, bg[i].bits() + gBits));
        }
        return SymmetricEntries.of(n, DigitSum.slotsFor(bits + 1), (i, j, sign, sum) -> {
            sum.addProduct(ay[i], yo[j], sign);
            sum.addProduct(bg[i], go[j], -sign);
            if (i == j) {
                sum.addProduct(bgg, DigitSum.Narrow.ONE, sign);
            }
        });
    }

    /**
     * {@code M} with {@code α = γ · yᵀy/(yᵀg)}, Eq. (22).
     *
     * @throws IllegalArgumentException if g or y is invalid, {@code yᵀg <= 0}, or
     *     {@code gamma} is not finite and positive
     */
    public static RationalMatrix ofGamma(double[] g, double[] y, double gamma) {
        final Rational c = Rational.of(gamma, "gamma");
        if (c.signum() <= 0) {
            throw new IllegalArgumentException("gamma must be finite and > 0, was " + gamma);
        }
        // With G = sg·g, Y = sy·y and γ = p/q, α = γ·yᵀy/yᵀg = p·YᵀY·sg/(q·sy·YᵀG), and
        // M(γ) = yyᵀ/(yᵀg) + α(I − ggᵀ/gᵀg) = (sg/sy)·[q·GᵀG·YYᵀ + p·YᵀY·(GᵀG·I − GGᵀ)]/(YᵀG·GᵀG·q):
        // one common denominator without α's (reduced) denominator in it, whose bits would
        // otherwise be added to every entry (sg/sy, a power of two, goes to whichever side
        // keeps it an integer).
        final Integers v = Integers.of(g, y);
        final BigInteger yy = IntegerVector.dot(v.yi(), v.yi());
        final int shift = v.sg().getLowestSetBit() - v.sy().getLowestSetBit();     // log2(sg/sy)
        final BigInteger a = c.denominator().multiply(v.gg()).shiftLeft(Math.max(shift, 0));
        final BigInteger b = c.numerator().multiply(yy).shiftLeft(Math.max(shift, 0));
        return RationalMatrix.ofCommonDenominator(rankTwoPlusDiagonal(v, a, b),
                v.yg().multiply(v.gg()).multiply(c.denominator()).shiftLeft(Math.max(-shift, 0)));
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
