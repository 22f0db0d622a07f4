package ngdref.exact;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import ngdref.exact.ExactRounding.Quantity;
import org.apache.commons.numbers.core.DD;

/**
 * The exact fallback of the closed forms: the inner products yᵀy, gᵀg and yᵀg of two double
 * vectors held exactly (every double is a finite binary fraction, so their sums of products are
 * exact {@link BigDecimal}s), and every closed-form quantity of the paper rounded correctly
 * (round-half-even) from them, over the whole double range including the subnormal grid.
 *
 * <p>Method: no quantity is evaluated and then rounded. Each quantity Q is characterised by an
 * exact <em>comparison</em> sign(Q − b) for a dyadic rational b, derived from its defining
 * relation with rational coefficients (cross-multiplied by positive denominators):
 * <ul>
 * <li>rational ones: yᵀy, gᵀg, yᵀg, ρ = yᵀg/gᵀg (Prop. 2), σ = yᵀy/yᵀg (Prop. 3),
 *   α = γσ, γ = α/σ;</li>
 * <li>square roots of rationals, compared through squares: cos ψ (cos²ψ = (yᵀg)²/(yᵀy·gᵀg)),
 *   |sin ψ| (sin²ψ = 1 − cos²ψ), ‖y‖/‖g‖, 1 − |sin ψ| and κ_min = (1+|sin ψ|)/(1−|sin ψ|)
 *   (Prop. 1; monotone in |sin ψ|);</li>
 * <li>roots of quadratics with rational coefficients: λ_max and λ_min of Lemma 1 are the roots
 *   of λ² − (σ+α)λ + αρ (the 2×2 block of M(α) on span{g, y}), and κ = λ_max/λ_min is the larger
 *   root of k² − ((σ+α)²/(αρ) − 2)k + 1.</li>
 * </ul>
 * The rounding itself is {@link ExactRounding#roundPositive}: a search from a 50-digit
 * approximation in which every step is one of these comparisons with a midpoint between
 * neighbouring doubles (two when the approximation's double is the answer). Q at or above
 * 2^1024 − 2^970 (rounds to ∞) or at or below 2^-1075 (rounds to 0 while Q &gt; 0) is refused
 * with an {@link ArithmeticException} naming it. This is slow (O(D)
 * BigDecimal operations to build, then a few big-number comparisons): the closed forms use it
 * only when their own certified rounding test cannot decide.
 *
 * <p>Kept out of {@code ngdref.metric} (which KeY verifies and which has no model of
 * {@code java.math}); KeY sees a contract-only stub of this class.
 */
public final class ExactGeometry {

    /** yᵀy. */
    public static final int YY = 0;
    /** gᵀg. */
    public static final int GG = 1;
    /** yᵀg. */
    public static final int YG = 2;
    /** cos ψ. */
    public static final int COS = 3;
    /** |sin ψ|. */
    public static final int SIN = 4;
    /** 1 − |sin ψ|. */
    public static final int ONE_MINUS_SIN = 5;
    /** ‖y‖/‖g‖. */
    public static final int NORM_RATIO = 6;
    /** ρ = yᵀg/gᵀg = (‖y‖/‖g‖)cos ψ, the supremum of λ_min (Prop. 2). */
    public static final int RHO = 7;
    /** σ = yᵀy/yᵀg = ‖y‖/(‖g‖cos ψ), the infimum of λ_max (Prop. 3). */
    public static final int SIGMA = 8;
    /** κ_min = (1+|sin ψ|)/(1−|sin ψ|) (Prop. 1). */
    public static final int KAPPA_MIN = 9;
    /** α = γσ of the family (22). */
    public static final int ALPHA = 10;
    /** γ = α/σ of the family (8). */
    public static final int GAMMA = 11;
    /** λ_max of Lemma 1. */
    public static final int LAMBDA_MAX = 12;
    /** λ_min of Lemma 1. */
    public static final int LAMBDA_MIN = 13;
    /** κ = λ_max/λ_min of Lemma 1. */
    public static final int KAPPA = 14;

    private static final MathContext APPROX = new MathContext(50, RoundingMode.HALF_EVEN);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final BigDecimal yy;
    private final BigDecimal gg;
    private final BigDecimal yg;

    private ExactGeometry(BigDecimal yy, BigDecimal gg, BigDecimal yg) {
        this.yy = yy;
        this.gg = gg;
        this.yg = yg;
    }

    /**
     * The exact inner products of g and y.
     *
     * @param g finite entries (read, not kept)
     * @param y finite entries, same length as g (read, not kept)
     * @return the exact geometry
     * @throws IllegalArgumentException if an array is null, the lengths differ or an entry is not
     *     finite
     */
    public static ExactGeometry of(double[] g, double[] y) {
        return new ExactGeometry(exactDot(y, y), exactDot(g, g), exactDot(y, g));
    }

    /**
     * The sign of yᵀg, decided exactly.
     *
     * @return −1, 0 or 1
     */
    public int signOfYG() {
        return yg.signum();
    }

    /**
     * yᵀy, gᵀg, yᵀg or |sin ψ| as m·2^e with m a double-double in [1, 2) (relative error below
     * 2^-104: 50 digits rounded once to double-double), e returned through {@code exponent[0]};
     * m = 0 and e = 0 when the quantity is zero.
     *
     * @param quantity {@link #YY}, {@link #GG}, {@link #YG} or {@link #SIN}
     * @param exponent an array of length at least 1 receiving e
     * @return m
     */
    public DD normalized(int quantity, int[] exponent) {
        final BigDecimal v;
        if (quantity == SIN) {
            v = yy.multiply(gg).subtract(yg.multiply(yg)).signum() == 0 ? BigDecimal.ZERO
                    : sinSquared().sqrt(APPROX);
        } else {
            v = quantity == YY ? yy : quantity == GG ? gg : yg;
        }
        return DD.from(normalize(v, exponent).round(APPROX));
    }

    /**
     * The correctly rounded double (round-half-even) of a quantity of the family with parameter
     * {@code parameter}: γ when {@code parameterIsGamma}, else α (unused by the quantities that
     * do not depend on it).
     *
     * @param quantity one of the constants of this class
     * @param parameter γ or α, finite and &gt; 0
     * @param parameterIsGamma whether parameter is γ
     * @param name the quantity's name for the message of a refusal
     * @return the correctly rounded value
     * @throws ArithmeticException naming the quantity when its exact value rounds to ∞ or, being
     *     nonzero, to 0
     */
    public double rounded(int quantity, double parameter, boolean parameterIsGamma, String name) {
        final Quantity q = quantity(quantity, parameter, parameterIsGamma);
        if (q.compareWith(BigDecimal.ZERO) == 0) {
            return 0.0; // |sin ψ| = 0 exactly (y ∥ g): a true zero, not an underflow
        }
        return ExactRounding.roundPositive(q, name);
    }

    /**
     * A quantity of the family to about 50 significant digits.
     *
     * @param quantity one of the constants of this class
     * @param parameter γ or α, finite and &gt; 0
     * @param parameterIsGamma whether parameter is γ
     * @return the approximation
     */
    public BigDecimal approximation(int quantity, double parameter, boolean parameterIsGamma) {
        return quantity(quantity, parameter, parameterIsGamma).approximation();
    }

    private Quantity quantity(int quantity, double parameter, boolean parameterIsGamma) {
        final BigDecimal yyGG = yy.multiply(gg);
        final BigDecimal yg2 = yg.multiply(yg);
        final BigDecimal sinNumerator = yyGG.subtract(yg2); // yᵀy·gᵀg − (yᵀg)² >= 0
        switch (quantity) {
            case YY:
                return rational(yy, BigDecimal.ONE);
            case GG:
                return rational(gg, BigDecimal.ONE);
            case YG:
                return rational(yg, BigDecimal.ONE);
            case RHO:
                return rational(yg, gg);
            case SIGMA:
                return rational(yy, yg);
            case NORM_RATIO:
                return squareRootOf(yy, gg);
            case COS:
                return squareRootOf(yg2, yyGG);
            case SIN:
                return squareRootOf(sinNumerator, yyGG);
            case ONE_MINUS_SIN:
                return oneMinusSin(sinNumerator, yyGG);
            case KAPPA_MIN:
                return kappaMin(sinNumerator, yyGG);
            case ALPHA:
                return rational(new BigDecimal(parameter).multiply(yy), yg); // α = γ·yᵀy/yᵀg
            case GAMMA:
                return rational(new BigDecimal(parameter).multiply(yg), yy); // γ = α·yᵀg/yᵀy
            case LAMBDA_MAX:
            case LAMBDA_MIN:
            case KAPPA:
                return eigen(quantity, parameter, parameterIsGamma, sinNumerator);
            default:
                throw new IllegalArgumentException("unknown quantity " + quantity);
        }
    }

    /** Q = n/d, d &gt; 0. */
    private static Quantity rational(BigDecimal n, BigDecimal d) {
        return ExactRounding.quotient(n, d);
    }

    /** Q = √(n/d), n &ge; 0, d &gt; 0: sign(Q − b) = sign(n − b²d) for b &ge; 0. */
    private static Quantity squareRootOf(BigDecimal n, BigDecimal d) {
        return new Quantity() {
            @Override
            public int compareWith(BigDecimal b) {
                return b.signum() < 0 ? 1 : n.subtract(b.multiply(b).multiply(d)).signum();
            }

            @Override
            public BigDecimal approximation() {
                return n.signum() == 0 ? BigDecimal.ZERO : n.divide(d, APPROX).sqrt(APPROX);
            }
        };
    }

    /** Q = 1 − s, s = √(sn/sd) ∈ [0, 1): Q &lt; b ⇔ s &gt; 1 − b. */
    private Quantity oneMinusSin(BigDecimal sn, BigDecimal sd) {
        return new Quantity() {
            @Override
            public int compareWith(BigDecimal b) {
                final BigDecimal c = BigDecimal.ONE.subtract(b);
                if (c.signum() < 0) {
                    return -1;
                }
                return c.multiply(c).multiply(sd).subtract(sn).signum(); // sign(c² − s²)
            }

            @Override
            public BigDecimal approximation() {
                // 1 − s = cos²ψ/(1 + s), no cancellation
                final BigDecimal s = sn.signum() == 0 ? BigDecimal.ZERO : sn.divide(sd, APPROX).sqrt(APPROX);
                return yg.multiply(yg).divide(sd, APPROX).divide(BigDecimal.ONE.add(s), APPROX);
            }
        };
    }

    /** Q = (1+s)/(1−s) &ge; 1, increasing in s: for b &ge; 1, Q &gt; b ⇔ s &gt; (b−1)/(b+1). */
    private Quantity kappaMin(BigDecimal sn, BigDecimal sd) {
        return new Quantity() {
            @Override
            public int compareWith(BigDecimal b) {
                if (b.compareTo(BigDecimal.ONE) < 0) {
                    return 1;
                }
                final BigDecimal bm = b.subtract(BigDecimal.ONE);
                final BigDecimal bp = b.add(BigDecimal.ONE);
                // sign(s² (b+1)² − (b−1)²), times sd > 0
                return sn.multiply(bp).multiply(bp).subtract(bm.multiply(bm).multiply(sd)).signum();
            }

            @Override
            public BigDecimal approximation() {
                final BigDecimal s = sn.signum() == 0 ? BigDecimal.ZERO : sn.divide(sd, APPROX).sqrt(APPROX);
                final BigDecimal c2 = yg.multiply(yg).divide(sd, APPROX);
                final BigDecimal onePlus = BigDecimal.ONE.add(s);
                return onePlus.multiply(onePlus).divide(c2, APPROX); // (1+s)²/cos²ψ
            }
        };
    }

    /**
     * λ_max, λ_min or κ of M(α): λ± are the roots of p(λ) = λ² − tλ + δ with t = σ + α and
     * δ = αρ. For λ_max: Q &gt; b when b &lt; t/2, else sign(Q − b) = −sign(p(b)); for λ_min:
     * Q &lt; b when b &gt; t/2, else sign(Q − b) = sign(p(b)); κ is the larger root of
     * k² − sk + 1 with s = t²/δ − 2, decided like λ_max. Each fraction is kept as num/den with
     * den &gt; 0 and compared by cross-multiplication.
     */
    private Quantity eigen(int quantity, double parameter, boolean parameterIsGamma,
                           BigDecimal sinNumerator) {
        final BigDecimal p = new BigDecimal(parameter);
        // α = an/ad
        final BigDecimal an = parameterIsGamma ? p.multiply(yy) : p;
        final BigDecimal ad = parameterIsGamma ? yg : BigDecimal.ONE;
        // t = yy/yg + an/ad = (yy·ad + an·yg)/(yg·ad)
        final BigDecimal tn = yy.multiply(ad).add(an.multiply(yg));
        final BigDecimal td = yg.multiply(ad);
        // δ = αρ = an·yg/(ad·gg)
        final BigDecimal dn = an.multiply(yg);
        final BigDecimal dd = ad.multiply(gg);
        // discriminant t² − 4δ = (σ − α)² + 4α(σ − ρ) >= 0, σ − ρ = sinNumerator/(yg·gg), over
        // the common denominator (yg·ad)²·gg
        final BigDecimal sigmaMinusAlphaN = yy.multiply(ad).subtract(an.multiply(yg)); // over td
        final BigDecimal discN = sigmaMinusAlphaN.multiply(sigmaMinusAlphaN).multiply(gg)
                .add(BigDecimal.valueOf(4).multiply(an).multiply(sinNumerator).multiply(ad).multiply(yg));
        final BigDecimal discD = td.multiply(td).multiply(gg); // = (yg·ad)²·gg
        if (quantity == KAPPA) {
            // s = t²/δ − 2 = (tn²·dd − 2·td²·dn)/(td²·dn)
            final BigDecimal sn = tn.multiply(tn).multiply(dd).subtract(TWO.multiply(td).multiply(td).multiply(dn));
            final BigDecimal sd = td.multiply(td).multiply(dn);
            return new Quantity() {
                @Override
                public int compareWith(BigDecimal b) {
                    // b < s/2 ⇔ 2b·sd < sn
                    if (TWO.multiply(b).multiply(sd).compareTo(sn) < 0) {
                        return 1;
                    }
                    // −sign(b² − s·b + 1) = −sign((b² + 1)·sd − sn·b)
                    return -b.multiply(b).add(BigDecimal.ONE).multiply(sd).subtract(sn.multiply(b)).signum();
                }

                @Override
                public BigDecimal approximation() {
                    final BigDecimal root = discN.divide(discD, APPROX).sqrt(APPROX);
                    final BigDecimal t = tn.divide(td, APPROX);
                    final BigDecimal plus = t.add(root);
                    // κ = λ+/λ− = (t + √Δ)²/(4δ)
                    return plus.multiply(plus).divide(BigDecimal.valueOf(4).multiply(dn.divide(dd, APPROX)), APPROX);
                }
            };
        }
        final boolean max = quantity == LAMBDA_MAX;
        return new Quantity() {
            @Override
            public int compareWith(BigDecimal b) {
                // b vs t/2: sign(2b·td − tn)
                final int side = TWO.multiply(b).multiply(td).compareTo(tn);
                if (max && side < 0) {
                    return 1;
                }
                if (!max && side > 0) {
                    return -1;
                }
                // p(b)·td·dd = b²·td·dd − b·tn·dd + dn·td
                final int pb = b.multiply(b).multiply(td).multiply(dd).subtract(b.multiply(tn).multiply(dd))
                        .add(dn.multiply(td)).signum();
                return max ? -pb : pb;
            }

            @Override
            public BigDecimal approximation() {
                final BigDecimal root = discN.signum() == 0 ? BigDecimal.ZERO
                        : discN.divide(discD, APPROX).sqrt(APPROX);
                final BigDecimal plus = tn.divide(td, APPROX).add(root);
                return max ? plus.multiply(HALF)
                        : TWO.multiply(dn).divide(dd, APPROX).divide(plus, APPROX); // 2δ/(t + √Δ)
            }
        };
    }

    private BigDecimal sinSquared() {
        final BigDecimal den = yy.multiply(gg);
        return den.subtract(yg.multiply(yg)).divide(den, APPROX);
    }




    /**
     * v = m·2^e with |m| ∈ [1, 2): returns m exactly and e through {@code exponent[0]}
     * (0 and 0 for v = 0).
     */
    static BigDecimal normalize(BigDecimal v, int[] exponent) {
        if (v.signum() == 0) {
            exponent[0] = 0;
            return BigDecimal.ZERO;
        }
        final int e = floorLog2(v.abs());
        exponent[0] = e;
        return scalb(v, -e);
    }

    /** floor(log2 v) for v &gt; 0. */
    static int floorLog2(BigDecimal v) {
        final BigInteger unscaled = v.unscaledValue();
        // v = unscaled·10^-scale; log2 v ≈ bitLength − 1 − scale·log2(10)
        int e = unscaled.bitLength() - 1 - (int) Math.floor(v.scale() * 3.321928094887362);
        while (scalb(v, -e).compareTo(TWO) >= 0) {
            e++;
        }
        while (scalb(v, -e).compareTo(BigDecimal.ONE) < 0) {
            e--;
        }
        return e;
    }

    /** v·2^k exactly. */
    static BigDecimal scalb(BigDecimal v, int k) {
        if (k >= 0) {
            return v.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(k)));
        }
        return v.multiply(new BigDecimal(BigInteger.valueOf(5).pow(-k))).scaleByPowerOfTen(k);
    }

    /** Σ aᵢbᵢ exactly; IllegalArgumentException for null, mismatched or non-finite input. */
    static BigDecimal exactDot(double[] a, double[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException((a == null ? "a" : "b") + " must not be null");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("length mismatch: " + a.length + " != " + b.length);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("entry " + i + " is not finite: " + a[i] + ", " + b[i]);
            }
            if (a[i] != 0.0 && b[i] != 0.0) {
                sum = sum.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
            }
        }
        return sum;
    }
}
