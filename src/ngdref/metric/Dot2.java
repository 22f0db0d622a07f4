package ngdref.metric;

import org.apache.commons.numbers.core.DD;

/**
 * One accumulator of a dot product Σ aᵢbᵢ in twice the working precision: algorithm Dot2 of
 * Ogita, Rump and Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26 (2005), with a
 * running error bound.
 *
 * <p>Each product is split exactly into p + pe by a fused multiply-add (TwoProduct) and each
 * partial sum exactly into s + e (Knuth's TwoSum); only the correction c = Σ(e + pe) is rounded.
 * The rounding error of the correction is bounded a posteriori: every step rounds twice, once
 * for q = e + pe and once for c + q, with |q| &le; (1+u)|cᵢ| + |cᵢ₋₁|, so the total error is at
 * most (3 + 2u)·u·Σ|cᵢ|; {@link #errorBound()} returns 3.01·u·Σ|cᵢ| (the slack covers the rounding
 * of Σ|cᵢ| itself for fewer than 2^40 terms) plus the error of products that fall below the
 * normal range, where TwoProduct is no longer exact (at most 2^-1073 each), plus what
 * {@link #addSquare} drops.
 *
 * <p>Overflow is not handled here: callers scale their vectors by powers of two
 * (see {@link UpdateGeometry}) and check {@link #isFinite()}.
 */
public final class Dot2 {

    /** Unit roundoff u = 2^-53 of binary64 with rounding to nearest. */
    private static final double U = 0x1.0p-53;
    /** Error bound of one product below the normal range, where TwoProduct may be inexact. */
    private static final double UNDERFLOW_PER_TERM = 0x1.0p-1073;

    private double s;
    private double c;
    private double absC;
    private long n;
    private double extra;

    /** A new accumulator holding the empty sum 0. */
    /*@ public normal_behavior
      @   assignable \nothing;
      @*/
    public Dot2() {
    }

    /**
     * Adds the product a·b.
     *
     * @param a first factor
     * @param b second factor
     */
    /*@ public normal_behavior
      @   assignable this.*;
      @*/
    public void add(double a, double b) {
        final double p = a * b;
        final double pe = Math.fma(a, b, -p);
        final double t = s + p;
        final double bp = t - s;
        final double e = (s - (t - bp)) + (p - bp);
        s = t;
        c += e + pe;
        absC += Math.abs(c);
        n++;
    }

    /**
     * Adds the square of a double-double number r = rHi + rLo (|rLo| &le; ulp(rHi)/2), dropping
     * only rLo², which is below u²·rHi².
     *
     * @param rHi high part
     * @param rLo low part
     */
    /*@ public normal_behavior
      @   assignable this.*;
      @*/
    public void addSquare(double rHi, double rLo) {
        add(rHi, rHi);
        // 2·rHi·rLo is a correction of relative size 2^-52 at most: plain double suffices; its
        // rounding (u·|2·rHi·rLo|) and the dropped rLo² join the error bound.
        final double cross = 2.0 * rHi * rLo;
        c += cross;
        absC += Math.abs(c);
        extra += U * Math.abs(cross) + rLo * rLo;
    }

    /**
     * The accumulated sum, correctly normalised as a double-double.
     *
     * @return the sum
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public DD value() {
        return DD.ofSum(s, c);
    }

    /**
     * Whether no intermediate overflowed.
     *
     * @return true when the sum and its bound are finite
     */
    /*@ public normal_behavior
      @   assignable \nothing;
      @*/
    public boolean isFinite() {
        return s - s == 0.0 && c - c == 0.0 && absC - absC == 0.0;
    }

    /**
     * A certified bound on |value() − Σ aᵢbᵢ| (exact sum of the exact products).
     *
     * @return the absolute error bound
     */
    /*@ public normal_behavior
      @   ensures \result >= 0.0;
      @   assignable \nothing;
      @*/
    public double errorBound() {
        // value() is an exact renormalisation of s + c: it adds no error.
        return 3.01 * U * absC + n * UNDERFLOW_PER_TERM + extra;
    }
}
