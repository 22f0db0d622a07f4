package ngdref.metric;

import ngdref.exact.ExactInnerProducts;
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
 *   exceeds 2^-58 it is recomputed exactly ({@link ExactInnerProducts}), never from a
 *   rounded dot product.</li>
 * <li>|sin ψ| = √(1 − cos²ψ) in double-double when that difference is certified to 2^-58
 *   relative; near ψ = 0 it cancels, and |sin ψ| = ‖y − βg‖/‖y‖ (β = yᵀg/gᵀg, the residual
 *   formed in double-double) is used instead, or, for angles below what double-double β
 *   resolves, the exact rational sin²ψ = (yᵀy·gᵀg − (yᵀg)²)/(yᵀy·gᵀg).</li>
 * <li>ψ = atan2(|sin ψ|, cos ψ) ∈ [0, π/2), never acos of a rounded dot product.</li>
 * </ul>
 * ψ is the unsigned angle between two vectors of R^D; every formula of the paper depends on it
 * only through cos ψ and |sin ψ|.
 */
public final class UpdateGeometry {

    /** Entries up to 2^400 keep every square and product, and sums of up to 2^31 of them, finite. */
    private static final double SAFE_MAX = 0x1.0p400;
    /** Entries of at least 2^-400 keep the leading products far above the subnormal range. */
    private static final double SAFE_MIN = 0x1.0p-400;
    /**
     * Relative error accepted before the final rounding: 2^-58 is 1/32 of the unit roundoff, so the
     * rounded double is within 0.5 + 1/16 ulp of the exact value.
     */
    private static final double CERTIFIED = 0x1.0p-58;
    /** Relative error of a few double-double operations (Commons Numbers DD: about 4u² each). */
    private static final double DD_OPS = 0x1.0p-100;

    private final int dimension;
    /** g = g'·2^eg and y = y'·2^ey; the DD fields below are inner products of g' and y'. */
    private final int eg;
    private final int ey;
    private final DD gg;
    private final DD yy;
    private final DD yg;
    private final DD cos;
    private final DD sin;

    /*@ private invariant dimension >= 2;
      @ private invariant gg != null && yy != null && yg != null && cos != null && sin != null;
      @*/

    private UpdateGeometry(int dimension, int eg, int ey, DD gg, DD yy, DD yg, DD cos, DD sin) {
        this.dimension = dimension;
        this.eg = eg;
        this.ey = ey;
        this.gg = gg;
        this.yy = yy;
        this.yg = yg;
        this.cos = cos;
        this.sin = sin;
    }

    /**
     * Validates (g, y) and computes their geometry. The arrays are read, never stored or changed.
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
      @   ensures 0.0 < \result.cosPsi() && \result.cosPsi() <= 1.0;
      @   ensures 0.0 <= \result.sinPsi() && \result.sinPsi() < 1.0;
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
    public static UpdateGeometry of(double[] g, double[] y) {
        if (g == null || y == null || g.length < 2 || g.length != y.length) {
            Inputs.requirePair("g", g, "y", y); // throws, naming the argument and the fault
        }
        final int d = g.length;

        // One fused pass without scaling. Its sums also validate: a NaN or infinite entry makes
        // a sum non-finite, and a zero vector gives a zero sum, so when both squared norms lie in
        // [2^-768, 2^798] every entry is finite, neither vector is zero, and the largest entries
        // lie in [2^-400, 2^400] (|g|max² <= gᵀg <= D·|g|max², D < 2^31), where scalingExponent is
        // 0. Only otherwise are the inputs validated separately and, if an entry is extreme, the
        // pass repeated with power-of-two scaling.
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

        DD gg = sgg.value();
        DD yy = syy.value();
        DD yg = syg.value();
        // The lanes' own error (Dot2.laneErrorBound): Σ|gᵢ²| = gᵀg, and Σ|yᵢgᵢ| <= √(yᵀy·gᵀg) by
        // Cauchy–Schwarz; the computed sums stand in for the exact ones (relative error < 2^-70,
        // covered by the factor 1 + 2^-20).
        final double absGG = Math.abs(gg.hi()) * (1.0 + 0x1.0p-20);
        final double absYY = Math.abs(yy.hi()) * (1.0 + 0x1.0p-20);
        sgg.addErrorBound(Dot2.laneErrorBound(d, absGG));
        syy.addErrorBound(Dot2.laneErrorBound(d, absYY));
        syg.addErrorBound(Dot2.laneErrorBound(d, Math.sqrt(absGG) * Math.sqrt(absYY) * (1.0 + 0x1.0p-20)));
        double relGG = relativeError(sgg, gg);
        double relYY = relativeError(syy, yy);
        double relYG = relativeError(syg, yg);
        if (!(relGG <= CERTIFIED)) {
            gg = ExactInnerProducts.dot(g, g, 2 * eg);
            relGG = DD_OPS;
        }
        if (!(relYY <= CERTIFIED)) {
            yy = ExactInnerProducts.dot(y, y, 2 * ey);
            relYY = DD_OPS;
        }
        if (!(relYG <= CERTIFIED)) {
            // Cancellation in yᵀg (ψ near ±π/2) or a sign too close to call: decide exactly.
            yg = ExactInnerProducts.dot(y, g, eg + ey);
            relYG = DD_OPS;
        }
        if (!(yg.hi() > 0.0)) {
            throw new IllegalArgumentException("not an effective update: yᵀg = "
                    + yg.scalb(eg + ey).doubleValue() + " <= 0 (y = −∇L must have a positive"
                    + " inner product with the update g)");
        }

        // Never form yᵀy·gᵀg: each is finite, their product need not be (entries near 2^400).
        final DD cosSquared = yg.divide(yy).multiply(yg.divide(gg));
        final DD cos = yg.divide(yy.sqrt().multiply(gg.sqrt()));
        final DD sinSquared = DD.ONE.subtract(cosSquared);
        final double sinSquaredError = cosSquared.hi() * (2 * relYG + relYY + relGG) + DD_OPS;
        DD sin;
        if (sinSquared.hi() > 0.0 && sinSquaredError <= CERTIFIED * sinSquared.hi()) {
            sin = sinSquared.sqrt();
        } else {
            sin = sinFromResidual(g, y, eg, ey, gg, yy, yg, relGG + relYG);
            if (sin == null) {
                sin = ExactInnerProducts.sin(g, y);
            }
        }
        return new UpdateGeometry(d, eg, ey, gg, yy, yg, cos, sin);
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

    /** Certified relative error of an accumulated sum, +∞ when it cannot be certified. */
    private static double relativeError(Dot2 sum, DD value) {
        if (!sum.isFinite() || value.hi() == 0.0) {
            return Double.POSITIVE_INFINITY;
        }
        return sum.errorBound() / Math.abs(value.hi()) + DD_OPS;
    }

    /**
     * |sin ψ| = ‖r‖/‖y‖ with r = y − βg, β = yᵀg/gᵀg (scaled), each rᵢ formed in double-double:
     * βhi·gᵢ is split exactly (TwoProduct), yᵢ − βhi·gᵢ exactly (TwoSum), so only β's own error
     * (relative relBeta) and terms of order u²|yᵢ| remain; the relative error of |sin ψ| is about
     * relBeta/|sin ψ|. Returns null when that is not below 2^-58.
     */
    private static DD sinFromResidual(double[] g, double[] y, int eg, int ey, DD gg, DD yy, DD yg,
                                      double relBeta) {
        final DD beta = yg.divide(gg);
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
        final DD sin = r2.divide(yy).sqrt();
        // Error of r relative to ‖r‖: β's error plus the u²‖y‖ terms (4u² per entry, generous),
        // plus the accumulation bound of ‖r‖².
        final double relR = (relBeta + 0x1.0p-104) / sin.hi()
                + 0.5 * rr.errorBound() / r2.hi();
        return relR <= CERTIFIED ? sin : null;
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
     * @return cos ψ, within 0.5 + 1/16 ulp of the exact value
     */
    /*@ public normal_behavior
      @   ensures 0.0 < \result && \result <= 1.0;
      @   assignable \nothing;
      @*/
    public double cosPsi() {
        return cos.doubleValue();
    }

    /**
     * |sin ψ| = ‖y − (yᵀg/gᵀg)g‖/‖y‖, in [0, 1).
     *
     * @return |sin ψ|, within 0.5 + 1/16 ulp of the exact value
     */
    /*@ public normal_behavior
      @   ensures 0.0 <= \result && \result < 1.0;
      @   assignable \nothing;
      @*/
    public double sinPsi() {
        return sin.doubleValue();
    }

    /**
     * ψ = atan2(|sin ψ|, cos ψ), the angle between y and g, in [0, π/2).
     *
     * @return ψ (Math.atan2 of the two accurately rounded values: within 3 ulp)
     */
    /*@ public normal_behavior
      @   ensures 0.0 <= \result && \result < 1.5707963267948966;
      @   assignable \nothing;
      @*/
    public double psi() {
        return Math.atan2(sin.doubleValue(), cos.doubleValue());
    }

    /**
     * 1 − |sin ψ|, computed as cos²ψ/(1 + |sin ψ|) without cancellation.
     *
     * @return 1 − |sin ψ| in (0, 1]
     */
    /*@ public normal_behavior
      @   ensures 0.0 < \result && \result <= 1.0;
      @   assignable \nothing;
      @*/
    public double oneMinusSinPsi() {
        return oneMinusSin().doubleValue();
    }

    /**
     * ‖y‖/‖g‖.
     *
     * @return the norm ratio
     * @throws ArithmeticException if it is outside the range of double
     */
    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double normRatio() {
        return toDouble(yy.divide(gg).sqrt(), ey - eg, "‖y‖/‖g‖");
    }

    /**
     * yᵀg &gt; 0.
     *
     * @return the inner product
     * @throws ArithmeticException if it overflows or underflows the range of double
     */
    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double yDotG() {
        return toDouble(yg, eg + ey, "yᵀg");
    }

    /**
     * yᵀy = ‖y‖².
     *
     * @return the squared norm
     * @throws ArithmeticException if it overflows or underflows the range of double
     */
    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double yDotY() {
        return toDouble(yy, 2 * ey, "yᵀy");
    }

    /**
     * gᵀg = ‖g‖².
     *
     * @return the squared norm
     * @throws ArithmeticException if it overflows or underflows the range of double
     */
    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double gDotG() {
        return toDouble(gg, 2 * eg, "gᵀg");
    }

    // Package-private double-double views for the closed forms (values = mantissa · 2^exponent).

    /** cos ψ in double-double. */
    DD cosDD() {
        return cos;
    }

    /** |sin ψ| in double-double. */
    DD sinDD() {
        return sin;
    }

    /** 1 − |sin ψ| = cos²ψ/(1 + |sin ψ|). */
    DD oneMinusSin() {
        return cos.square().divide(DD.ONE.add(sin));
    }

    /** Mantissa of σ = yᵀy/yᵀg = ‖y‖/(‖g‖cos ψ), the scale of (22) and the inf of λ_max (Prop. 3). */
    DD sigmaMantissa() {
        return yy.divide(yg);
    }

    /** Mantissa of ρ = yᵀg/gᵀg = (‖y‖/‖g‖)cos ψ, the sup of λ_min (Prop. 2). */
    DD rhoMantissa() {
        return yg.divide(gg);
    }

    /** Binary exponent of σ and ρ: both scale as ‖y‖/‖g‖. */
    int ratioExponent() {
        return ey - eg;
    }

    /** Mantissa of yᵀg and its exponent, for solving with the metric. */
    DD ygMantissa() {
        return yg;
    }

    DD ggMantissa() {
        return gg;
    }

    DD yyMantissa() {
        return yy;
    }

    int gExponent() {
        return eg;
    }

    int yExponent() {
        return ey;
    }

    /**
     * mantissa·2^exponent rounded to double, refusing results outside the double range.
     *
     * @throws ArithmeticException naming {@code what} on overflow or underflow to zero
     */
    static double toDouble(DD mantissa, int exponent, String what) {
        final double v = mantissa.scalb(exponent).doubleValue();
        if (!(v - v == 0.0)) {
            throw new ArithmeticException(what + " = " + mantissa.hi() + "·2^" + exponent
                    + " overflows the range of double");
        }
        if (v == 0.0 && mantissa.hi() != 0.0) {
            throw new ArithmeticException(what + " = " + mantissa.hi() + "·2^" + exponent
                    + " underflows the range of double");
        }
        return v;
    }
}
