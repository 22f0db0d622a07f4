package ngdref.metric;

import ngdref.exact.ExactGeometry;
import org.apache.commons.numbers.core.DD;

/**
 * The geometry of an update g and a negative gradient y = −∇L: the inner products yᵀy, gᵀg,
 * yᵀg and the angle ψ between y and g, computed once in O(D) and accurate to a few parts in 2^-57
 * before the final rounding. Every closed form of the paper is a function of these numbers.
 *
 * <p>Construction validates the pair (finite, nonzero, same dimension D &ge; 2) and that the update
 * is <em>effective</em>, yᵀg &gt; 0 (the paper's condition for g to be natural gradient descent);
 * the sign of yᵀg is decided exactly.
 *
 * <p>Numerical method. One fused pass reads g and y once and accumulates the three inner products
 * with {@link Dot2} in {@link Dot2#LANES} independent lanes (twice the working precision, a
 * vectorised loop, a certified a priori error bound: {@link Dot2#laneErrorBound}). The same sums
 * validate the input: when gᵀg and yᵀy are finite and in [2^-768, 2^798], every entry is finite,
 * neither vector is zero and no scaling is needed; otherwise the entries are checked one by one
 * and vectors whose largest entry lies outside [2^-400, 2^400] are scaled by powers of two
 * (exact) and the pass repeated, so entries near 1e±300 neither overflow nor underflow; the
 * results are kept as double-double mantissas times 2^e.
 * Then:
 * <ul>
 * <li>cos ψ = yᵀg/√(yᵀy·gᵀg). Near ψ = ±π/2 yᵀg cancels; when its certified relative error
 *   exceeds 2^-58 it is recomputed exactly ({@link ngdref.exact.ExactInnerProducts}), never from a
 *   rounded dot product.</li>
 * <li>|sin ψ| = √(1 − cos²ψ) in double-double when that difference is certified to 2^-58
 *   relative; near ψ = 0 it cancels, and |sin ψ| = ‖y − βg‖/‖y‖ (β = yᵀg/gᵀg, the residual
 *   formed in double-double) is used instead, or, for angles below what double-double β
 *   resolves, the exact rational sin²ψ = (yᵀy·gᵀg − (yᵀg)²)/(yᵀy·gᵀg).</li>
 * <li>ψ = atan2(|sin ψ|, cos ψ) ∈ [0, π/2), never acos of a rounded dot product.</li>
 * </ul>
 * ψ is the unsigned angle between two vectors of R^D; every formula of the paper depends on it
 * only through cos ψ and |sin ψ|.
 *
 * <p>Range and rounding. Every quantity is carried as an {@link ExtendedDD} (double-double
 * mantissa, {@code int} exponent, certified relative error), so no intermediate overflows or
 * underflows whatever the entries, and rounded once to double by a rounding test
 * ({@link ExtendedDD#roundOrNaN}); when the test cannot decide, the value is decided exactly
 * from the exact inner products ({@link ExactGeometry}). Hence yᵀy, gᵀg, yᵀg, cos ψ, |sin ψ|,
 * 1 − |sin ψ| and ‖y‖/‖g‖ are the correctly rounded doubles (round-half-even, subnormal results
 * included) of their exact values, for every pair of finite vectors whose update is effective;
 * a quantity whose exact value lies outside the range of double is refused by its accessor alone
 * with an {@link ArithmeticException} naming it. yᵀg &gt; 0 is decided exactly.
 *
 * <p>Aliasing. For speed at large D the geometry keeps references to g and y (no copy): they are
 * read again only on the rare exact path. Do not modify them while the geometry, or a spectrum
 * computed from it, is in use; a modification that changes an inner product beyond its certified
 * bound is detected there (an {@link IllegalArgumentException} saying so). {@link OneParameterMetric} passes its
 * own private copies.
 */
public final class UpdateGeometry {

    /** Entries up to 2^400 keep every square and product, and sums of up to 2^31 of them, finite. */
    private static final double SAFE_MAX = 0x1.0p400;
    /** Entries of at least 2^-400 keep the leading products far above the subnormal range. */
    private static final double SAFE_MIN = 0x1.0p-400;
    /**
     * Relative error below which the double-double forms of sin ψ are used; above it the
     * residual or the exact value is taken (2^-58 leaves the rounding test a margin of 2^5).
     */
    private static final double CERTIFIED = 0x1.0p-58;

    private final int dimension;
    /** The inputs, by reference (see the class comment). */
    private final double[] g;
    private final double[] y;
    /** The pass's scaling: it accumulated g·2^-eg and y·2^-ey. */
    private final int eg;
    private final int ey;
    private final ExtendedDD gg;
    private final ExtendedDD yy;
    private final ExtendedDD yg;
    private final ExtendedDD cos;
    private final ExtendedDD sin;
    /** The exact inner products, made on first need. */
    private /*@ nullable @*/ ExactGeometry exact;

    /*@ private invariant dimension >= 2;
      @ private invariant g != null && y != null && g.length == dimension && y.length == dimension;
      @ private invariant gg != null && yy != null && yg != null && cos != null && sin != null;
      @*/

    private UpdateGeometry(double[] g, double[] y, int eg, int ey, ExtendedDD gg, ExtendedDD yy,
                           ExtendedDD yg, ExtendedDD cos, ExtendedDD sin, ExactGeometry exact) {
        this.dimension = g.length;
        this.g = g;
        this.y = y;
        this.eg = eg;
        this.ey = ey;
        this.gg = gg;
        this.yy = yy;
        this.yg = yg;
        this.cos = cos;
        this.sin = sin;
        this.exact = exact;
    }

    /**
     * Validates (g, y) and computes their geometry. The arrays are read, never changed;
     * they are kept by reference (see the class comment).
     *
     * @param g the update (θ̇ or θ_{t+1} − θ_t up to η)
     * @param y the negative gradient −∇L
     * @return the geometry of the pair
     * @throws IllegalArgumentException naming the argument and fault (null, dimension &lt; 2,
     *     length mismatch, NaN/∞ entry, zero vector), or "not an effective update" when yᵀg &le; 0
     */
    /*@ public normal_behavior
      @   requires g != null && y != null && g.length >= 2 && g.length == y.length;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0);
      @   requires Inputs.effective(g, y);
      @   ensures \result != null && \result.dimension() == g.length;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires g == null || y == null || g.length < 2 || g.length != y.length;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @ also public exceptional_behavior
      @   requires g != null && y != null && g.length >= 2 && g.length == y.length;
      @   requires (\exists int i; 0 <= i && i < g.length; !(g[i] - g[i] == 0.0) || !(y[i] - y[i] == 0.0));
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @ also public exceptional_behavior
      @   requires g != null && y != null && g.length >= 2 && g.length == y.length;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0);
      @   requires !Inputs.effective(g, y);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static UpdateGeometry of(/*@ nullable @*/ double[] g, /*@ nullable @*/ double[] y) {
        if (g == null || y == null || g.length < 2 || g.length != y.length) {
            Inputs.requirePair("g", g, "y", y); // throws, naming the argument and the fault
        }
        final int d = g.length;

        // One fused pass without scaling. Its sums also validate: a NaN or infinite entry makes
        // a sum non-finite, and a zero vector gives a zero sum, so when both squared norms lie in
        // [2^-768, 2^798] every entry is finite, neither vector is zero, and the largest entries
        // lie in [2^-400, 2^400] (|g|max² <= gᵀg <= D·|g|max², D < 2^31), where scalingExponent is
        // 0. Only otherwise are the inputs validated separately and, if an entry is extreme, the
        // pass repeated with power-of-two scaling. (Entries that the scaling sends below the
        // subnormal range change each product by at most 2^-1074 in the scaled units: the lanes'
        // absolute term Dot2.laneErrorBound covers them.)
        Dot2[] sums = fusedPass(g, y, 1.0, 1.0);
        int eg = 0;
        int ey = 0;
        if (!(inSafeRange(sums[0]) && inSafeRange(sums[1]) && sums[2].isFinite())) {
            Inputs.requirePair("g", g, "y", y); // throws for a non-finite entry or a zero vector
            eg = scalingExponent(maxAbs(g));
            ey = scalingExponent(maxAbs(y));
            if (eg != 0 || ey != 0) {
                sums = fusedPass(g, y, Math.scalb(1.0, -eg), Math.scalb(1.0, -ey));
            }
        }
        final Dot2 sgg = sums[0];
        final Dot2 syy = sums[1];
        final Dot2 syg = sums[2];
        final DD ggS = sgg.value();
        final DD yyS = syy.value();
        final DD ygS = syg.value();
        // The lanes' own error (Dot2.laneErrorBound): Σ|gᵢ²| = gᵀg, and Σ|yᵢgᵢ| <= √(yᵀy·gᵀg) by
        // Cauchy–Schwarz; the computed sums stand in for the exact ones (relative error < 2^-70,
        // covered by the factor 1 + 2^-20).
        final double absGG = Math.abs(ggS.hi()) * (1.0 + 0x1.0p-20);
        final double absYY = Math.abs(yyS.hi()) * (1.0 + 0x1.0p-20);
        sgg.addErrorBound(Dot2.laneErrorBound(d, absGG));
        syy.addErrorBound(Dot2.laneErrorBound(d, absYY));
        syg.addErrorBound(Dot2.laneErrorBound(d, Math.sqrt(absGG) * Math.sqrt(absYY) * (1.0 + 0x1.0p-20)));

        ExactGeometry exact = null;
        ExtendedDD gg = ExtendedDD.of(ggS, 2 * eg, relativeError(sgg, ggS));
        ExtendedDD yy = ExtendedDD.of(yyS, 2 * ey, relativeError(syy, yyS));
        ExtendedDD yg = ExtendedDD.of(ygS, eg + ey, relativeError(syg, ygS));
        if (!(gg.error() <= CERTIFIED && yy.error() <= CERTIFIED && yg.error() <= CERTIFIED)) {
            // Cancellation in yᵀg (ψ near ±π/2), a sign too close to call, or sums below what
            // the pass resolves: take the exact inner products.
            exact = ExactGeometry.of(g, y);
            gg = exactPart(exact, ExactGeometry.GG);
            yy = exactPart(exact, ExactGeometry.YY);
            yg = exactPart(exact, ExactGeometry.YG);
            if (exact.signOfYG() <= 0) {
                throw notEffective(yg, exact.signOfYG());
            }
        }
        if (!(yg.mantissa().hi() > 0.0)) {
            throw notEffective(yg, -1);
        }

        // cos ψ = yᵀg/(‖y‖‖g‖); never form yᵀy·gᵀg in double: the extended exponents add.
        final ExtendedDD cos = yg.divide(yy.sqrt().multiply(gg.sqrt()));
        final ExtendedDD sinSquared = ExtendedDD.ONE.subtract(cos.square());
        ExtendedDD sin;
        if (sinSquared.mantissa().hi() > 0.0 && sinSquared.error() <= CERTIFIED) {
            sin = sinSquared.sqrt();
        } else {
            sin = exact == null ? sinFromResidual(g, y, eg, ey, gg, yy, yg) : null;
            if (sin == null) {
                if (exact == null) {
                    exact = ExactGeometry.of(g, y);
                }
                sin = exactPart(exact, ExactGeometry.SIN);
            }
        }
        return new UpdateGeometry(g, y, eg, ey, gg, yy, yg, cos, sin, exact);
    }

    /** An exact quantity as an extended value (its 50-digit rounding: error below 2^-104). */
    private static ExtendedDD exactPart(ExactGeometry exact, int quantity) {
        final int[] e = new int[1];
        final DD m = exact.normalized(quantity, e);
        return ExtendedDD.of(m, e[0], 0x1.0p-104);
    }

    private static IllegalArgumentException notEffective(ExtendedDD yg, int sign) {
        final String value = sign == 0 ? "0.0" : yg.isZero() ? "0 (to the pass's resolution)"
                : yg.exponent() >= -1074 && yg.exponent() <= 1023
                ? Double.toString(yg.scaled(0).doubleValue()) : yg.describe();
        return new IllegalArgumentException("not an effective update: yᵀg = " + value
                + " <= 0 (y = −∇L must have a positive inner product with the update g)");
    }

    /**
     * The power of two by which a vector whose largest magnitude is {@code max} is divided before
     * accumulating: 0 (no scaling) inside [2^-400, 2^400], else the exponent of max, so that the
     * scaled largest entry lies in [1, 2).
     */
    static int scalingExponent(double max) {
        return max <= SAFE_MAX && max >= SAFE_MIN ? 0 : Math.getExponent(max);
    }

    /**
     * The fused pass: gᵀg, yᵀy and yᵀg of g·sg and y·sy (sg, sy powers of two) with {@link Dot2}
     * in {@link Dot2#LANES} lanes, reading g and y once. Each chunk of LANES entries is copied into
     * two small buffers (so that every loop below indexes all its arrays alike and is vectorised),
     * then each of the three sums advances by one term in every lane. Returns {gᵀg, yᵀy, yᵀg},
     * each with the bound of combining its lanes; the lanes' own bound is added by the caller.
     */
    private static Dot2[] fusedPass(double[] g, double[] y, double sg, double sy) {
        final int d = g.length;
        final int lanes = Math.min(Dot2.LANES, d); // fewer lanes for small D: less to combine
        final boolean scaled = sg != 1.0 || sy != 1.0;
        final double[] gb = new double[lanes];
        final double[] yb = new double[lanes];
        final Dot2.Lanes gg = new Dot2.Lanes(lanes);
        final Dot2.Lanes yy = new Dot2.Lanes(lanes);
        final Dot2.Lanes yg = new Dot2.Lanes(lanes);
        int base = 0;
        while (base < d) {
            final int len = Math.min(lanes, d - base);
            System.arraycopy(g, base, gb, 0, len);
            System.arraycopy(y, base, yb, 0, len);
            if (scaled) {
                for (int j = 0; j < len; j++) {
                    gb[j] *= sg;
                    yb[j] *= sy;
                }
            }
            gg.step(gb, gb, len);
            yy.step(yb, yb, len);
            yg.step(yb, gb, len);
            base += len;
        }
        return new Dot2[] {gg.sum(), yy.sum(), yg.sum()};
    }

    /**
     * Whether an unscaled sum of squares certifies, without looking at the entries, that they are
     * finite, not all zero and at most 2^400 and at least 2^-400 in largest magnitude: its value
     * lies in [2^-768, 2^798] (margins of a factor 2 over 2^-800·2^31 and 2^800 cover its error).
     */
    private static boolean inSafeRange(Dot2 sumOfSquares) {
        final double v = sumOfSquares.value().hi();
        return sumOfSquares.isFinite() && v >= 0x1.0p-768 && v <= 0x1.0p798;
    }

    /** max |vᵢ| of a validated (finite) vector. */
    private static double maxAbs(double[] v) {
        double max = 0.0;
        for (int i = 0; i < v.length; i++) {
            max = Math.max(max, Math.abs(v[i]));
        }
        return max;
    }

    /**
     * Certified relative error of an accumulated sum (relative to the exact value), +∞ when it
     * cannot be certified; also used by {@link ScaledDots}.
     */
    static double relativeError(Dot2 sum, DD value) {
        if (!sum.isFinite() || value.hi() == 0.0) {
            return Double.POSITIVE_INFINITY;
        }
        return sum.errorBound() / Math.abs(value.hi()) * (1 + 0x1.0p-40) + ExtendedDD.OP;
    }

    /**
     * |sin ψ| = ‖r‖/‖y‖ with r = y − βg, β = yᵀg/gᵀg (scaled), each rᵢ formed in double-double:
     * βhi·gᵢ is split exactly (TwoProduct), yᵢ − βhi·gᵢ exactly (TwoSum), so only β's own error
     * (relative relBeta) and terms of order u²|yᵢ| remain; the relative error of |sin ψ| is about
     * relBeta/|sin ψ|, plus the absolute 2^-1074 per entry of products that underflow. Returns
     * null when that is not below 2^-58.
     */
    private static ExtendedDD sinFromResidual(double[] g, double[] y, int eg, int ey,
                                              ExtendedDD gg, ExtendedDD yy, ExtendedDD yg) {
        final ExtendedDD betaX = yg.divide(gg);
        final double relBeta = betaX.error();
        final DD beta = betaX.scaled(ey - eg);   // β in the scaled units: β·2^(eg−ey)
        if (!beta.isFinite()) {
            return null;
        }
        final double bHi = beta.hi();
        final double bLo = beta.lo();
        final double sg = Math.scalb(1.0, -eg);
        final double sy = Math.scalb(1.0, -ey);
        final Dot2 rr = new Dot2();
        for (int i = 0; i < g.length; i++) {
            final double gi = g[i] * sg;
            final double yi = y[i] * sy;
            final double p = bHi * gi;
            final double pe = Math.fma(bHi, gi, -p);
            final double d = yi - p;
            final double dp = d - yi;
            final double de = (yi - (d - dp)) + (-p - dp);
            final double rLo = de - pe - bLo * gi;
            final double rHi = d + rLo;
            rr.addSquare(rHi, rLo - (rHi - d));
        }
        final DD r2 = rr.value();
        if (!rr.isFinite() || !(r2.hi() > 0.0)) {
            return null;
        }
        final ExtendedDD sin = ExtendedDD.of(r2, 2 * ey, 0.0).divide(yy).sqrt();
        // Error of r relative to ‖r‖: β's error plus the u²‖y‖ terms (4u² per entry, generous),
        // the accumulation bound of ‖r‖², and 2^-1070 per entry for scaled entries or products
        // that underflow.
        final double rNorm = Math.sqrt(r2.hi());
        final double relR = (relBeta + 0x1.0p-104) / sin.mantissa().hi() * Math.scalb(1.0, -sin.exponent())
                + 0.5 * rr.errorBound() / r2.hi()
                + Math.scalb((double) g.length, -1070) / rNorm;
        final double err = relR * (1 + 0x1.0p-40) + yy.error() + sin.error();
        return err <= CERTIFIED ? ExtendedDD.of(sin.mantissa(), sin.exponent(), err) : null;
    }

    /**
     * The dimension D.
     *
     * @return D &ge; 2
     */
    /*@ public normal_behavior
      @   ensures \result >= 2;
      @   assignable \nothing;
      @*/
    public int dimension() {
        return dimension;
    }

    /**
     * cos ψ = yᵀg/(‖y‖‖g‖), in (0, 1] for an effective update.
     *
     * @return cos ψ, correctly rounded
     * @throws ArithmeticException if cos ψ underflows (its exact value, positive, rounds to 0:
     *     below 2^-1075; found by ValueContractsTest, which checks this contract at run time)
     */
    /*@ public behavior
      @   ensures 0.0 < \result && \result <= 1.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double cosPsi() {
        return rounded(cos, ExactGeometry.COS, "cos ψ");
    }

    /**
     * |sin ψ| = ‖y − (yᵀg/gᵀg)g‖/‖y‖, exactly in [0, 1) for an effective update.
     *
     * @return |sin ψ|, correctly rounded: in [0, 1], since an exact value within half an ulp of
     *     1 (cos ψ below about 2^-26.5) rounds to 1.0
     * @throws ArithmeticException if |sin ψ| is positive but underflows (below 2^-1075)
     */
    /*@ public behavior
      @   ensures 0.0 <= \result && \result <= 1.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double sinPsi() {
        return rounded(sin, ExactGeometry.SIN, "|sin ψ|");
    }

    /**
     * ψ = atan2(|sin ψ|, cos ψ), the angle between y and g, in [0, π/2).
     *
     * @return ψ: Math.atan2 of the correctly rounded |sin ψ| and cos ψ, not itself correctly
     *     rounded (within 2 ulp of the exact angle: each argument within 1/2 ulp, atan2 within 1
     *     ulp, and |dψ| = |cos ψ·d(sin ψ) − sin ψ·d(cos ψ)| for the rounded pair); at most the
     *     double nearest π/2, which it is when cos ψ underflows (ψ is then within 2^-1075 of π/2)
     * @throws ArithmeticException if ψ underflows (|sin ψ| positive but below 2^-1075; ψ is
     *     within a factor 1 + 2^-2000 of it)
     */
    /*@ public behavior
      @   ensures 0.0 <= \result && \result <= 1.5707963267948966;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double psi() {
        final double sin = sinPsi();
        double cos;
        try {
            cos = cosPsi();
        } catch (ArithmeticException underflow) {
            // cos ψ < 2^-1075: ψ = π/2 − δ with 0 < δ < 2^-1074, and the double nearest π/2 is
            // about 6e-17 below it, so the nearest double to ψ is that of π/2, atan2(sin, 0).
            cos = 0.0;
        }
        return Math.atan2(sin, cos);
    }

    /**
     * 1 − |sin ψ|, computed as cos²ψ/(1 + |sin ψ|) without cancellation.
     *
     * @return 1 − |sin ψ| in (0, 1], correctly rounded
     * @throws ArithmeticException if it underflows (below 2^-1075; cos ψ below about 2^-537)
     */
    /*@ public behavior
      @   ensures 0.0 < \result && \result <= 1.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double oneMinusSinPsi() {
        return rounded(oneMinusSin(), ExactGeometry.ONE_MINUS_SIN, "1 − |sin ψ|");
    }

    /**
     * ‖y‖/‖g‖.
     *
     * @return the norm ratio, correctly rounded
     * @throws ArithmeticException if it is outside the range of double
     */
    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double normRatio() {
        return rounded(yy.divide(gg).sqrt(), ExactGeometry.NORM_RATIO, "‖y‖/‖g‖");
    }

    /**
     * yᵀg &gt; 0.
     *
     * @return the inner product, correctly rounded
     * @throws ArithmeticException if it overflows or underflows the range of double
     */
    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double yDotG() {
        return rounded(yg, ExactGeometry.YG, "yᵀg");
    }

    /**
     * yᵀy = ‖y‖².
     *
     * @return the squared norm, correctly rounded
     * @throws ArithmeticException if it overflows or underflows the range of double
     */
    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double yDotY() {
        return rounded(yy, ExactGeometry.YY, "yᵀy");
    }

    /**
     * gᵀg = ‖g‖².
     *
     * @return the squared norm, correctly rounded
     * @throws ArithmeticException if it overflows or underflows the range of double
     */
    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double gDotG() {
        return rounded(gg, ExactGeometry.GG, "gᵀg");
    }

    /**
     * σ = yᵀy/yᵀg = ‖y‖/(‖g‖cos ψ) (the inf of λ_max, Prop. 3) as m·2^e with m ∈ [1, 2), for
     * callers that carry the exponent themselves (the dense canonical metric, whose rank-one term
     * is σ·ŷŷᵀ): never out of range, whatever cos ψ. m is within 2^-52 of the exact mantissa
     * (the extended σ's certified error is below 2^-55).
     *
     * @param exponent receives e in its element 0
     * @return m
     */
    /*@ public normal_behavior
      @   requires exponent.length >= 1;
      @   ensures 1.0 <= \result && \result < 2.0;
      @   assignable exponent[0];
      @*/
    public double sigmaMantissa(int[] exponent) {
        final ExtendedDD sigma = sigmaX();
        exponent[0] = sigma.exponent();
        return sigma.mantissa().hi();
    }

    // ---- Package-private: the extended values for the closed forms and their exact decision ----

    ExtendedDD cosX() {
        return cos;
    }

    ExtendedDD sinX() {
        return sin;
    }

    /** 1 − |sin ψ| = cos²ψ/(1 + |sin ψ|), no cancellation. */
    ExtendedDD oneMinusSin() {
        return cos.square().divide(ExtendedDD.ONE.add(sin));
    }

    /** σ = yᵀy/yᵀg = ‖y‖/(‖g‖cos ψ), the scale of (22) and the inf of λ_max (Prop. 3). */
    ExtendedDD sigmaX() {
        return yy.divide(yg);
    }

    /** ρ = yᵀg/gᵀg = (‖y‖/‖g‖)cos ψ, the sup of λ_min (Prop. 2). */
    ExtendedDD rhoX() {
        return yg.divide(gg);
    }

    /**
     * The correctly rounded double of a quantity: the rounding test on its extended value, else
     * the exact decision.
     *
     * @throws ArithmeticException naming the quantity when its exact value is outside the range
     */
    double rounded(ExtendedDD value, int quantity, String name) {
        return rounded(value, quantity, Double.NaN, false, name);
    }

    /** As {@link #rounded(ExtendedDD, int, String)} for a quantity of the family: parameter γ or α. */
    double rounded(ExtendedDD value, int quantity, double parameter, boolean parameterIsGamma,
                   String name) {
        final double v = value.roundOrNaN(name);
        if (v == v) {
            return v;
        }
        return exact().rounded(quantity, parameter, parameterIsGamma, name);
    }

    /**
     * Whether the exact inner products have been computed: at construction (cancellation in yᵀg,
     * an angle below what the residual resolves, sums the pass cannot certify) or since, by a
     * rounding test that could not decide. Observable state for tests that the fast paths are
     * taken where the certified bounds allow: the exact path gives the same doubles, only slower,
     * so no value shows which path ran.
     */
    boolean usedExactInnerProducts() {
        return exact != null;
    }

    /** The exact inner products, checked against the certified ones (aliasing, class comment). */
    private ExactGeometry exact() {
        if (exact == null) {
            final ExactGeometry e = ExactGeometry.of(g, y);
            requireUnchanged(e, ExactGeometry.GG, gg, "g");
            requireUnchanged(e, ExactGeometry.YY, yy, "y");
            requireUnchanged(e, ExactGeometry.YG, yg, "g or y");
            exact = e;
        }
        return exact;
    }

    private static void requireUnchanged(ExactGeometry e, int quantity, ExtendedDD certified, String which) {
        final ExtendedDD now = exactPart(e, quantity);
        final ExtendedDD ratio = now.divide(certified);
        final double r = Math.scalb(ratio.mantissa().hi(), ratio.exponent());
        if (!(Math.abs(r - 1.0) <= 2 * (certified.error() + 0x1.0p-100))) {
            throw new IllegalArgumentException(which + " was modified after UpdateGeometry.of: the"
                    + " geometry keeps references to g and y, which must not change while it is in use");
        }
    }

    // Scaled views for apply/solve/toArray: value = mantissa · 2^exponent.

    /** yᵀg, extended (certified to 2^-58). */
    ExtendedDD ygX() {
        return yg;
    }

    /** gᵀg, extended. */
    ExtendedDD ggX() {
        return gg;
    }

    /** yᵀy, extended. */
    ExtendedDD yyX() {
        return yy;
    }

    /** gᵀg·2^-2eg. */
    DD ggMantissa() {
        return gg.scaled(2 * eg);
    }

    /** yᵀy·2^-2ey. */
    DD yyMantissa() {
        return yy.scaled(2 * ey);
    }

    int gExponent() {
        return eg;
    }

    int yExponent() {
        return ey;
    }
}
