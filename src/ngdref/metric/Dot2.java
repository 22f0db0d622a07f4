package ngdref.metric;

import org.apache.commons.numbers.core.DD;

/**
 * One accumulator of a dot product Σ aᵢbᵢ in twice the working precision: algorithm Dot2 of
 * Ogita, Rump and Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26 (2005), with a
 * running error bound; and the same algorithm run in {@link #LANES} independent lanes, which is
 * how the O(D) passes of this package use it.
 *
 * <p>Each product is split exactly into p + pe by a fused multiply-add (TwoProduct) and each
 * partial sum exactly into s + e (Knuth's TwoSum); only the correction c = Σ(e + pe) is rounded.
 * The rounding error of the correction is bounded a posteriori: every step rounds twice, once
 * for q = e + pe and once for c + q, with |q| &le; (1+u)|cᵢ| + |cᵢ₋₁|, so the total error is at
 * most (3 + 2u)·u·Σ|cᵢ|; {@link #errorBound()} returns 3.01·u·Σ|cᵢ| (the slack covers the rounding
 * of Σ|cᵢ| itself for fewer than 2^40 terms) plus the error of products that fall below the
 * normal range, where TwoProduct is no longer exact (at most 2^-1073 each), plus what
 * {@link #addSquare} drops and the bound of any lanes merged in ({@link #ofLanes}).
 *
 * <p>Lanes. A single accumulator is a chain of dependent additions (each TwoSum needs the previous
 * sum), and the running bound adds a second chain: it cannot be vectorised and runs at a fraction
 * of memory bandwidth. The lane form splits the sum by index, lane j taking the terms
 * i &equiv; j (mod {@link #LANES}), and keeps the lanes' (s, c) in two arrays; {@link #laneStep}
 * advances every lane by one term in a loop without a loop-carried dependency, which the JIT
 * compiles to SIMD instructions. Its error bound is a priori and needs no per-term work
 * ({@link #laneErrorBound}); {@link #ofLanes} combines the lanes into one accumulator.
 *
 * <p>Overflow is not handled here: callers scale their vectors by powers of two
 * (see {@link UpdateGeometry}) and check {@link #isFinite()}.
 */
public final class Dot2 {

    /** Unit roundoff u = 2^-53 of binary64 with rounding to nearest. */
    private static final double U = 0x1.0p-53;
    /** Error bound of one product below the normal range, where TwoProduct may be inexact. */
    private static final double UNDERFLOW_PER_TERM = 0x1.0p-1073;

    /**
     * Number of lanes of the lane form: a multiple of every SIMD width (2, 4, 8 doubles), and
     * small enough that a pass's lane arrays (at most eight of 1 KiB) stay in the L1 cache with
     * the data streaming through it (64 and 256 lanes measured slower on the benchmark machine).
     */
    static final int LANES = 128;
    /**
     * The lanes are renormalised ({@link #laneRenormalize}) after every this many steps, so that
     * no correction cᵢ grows beyond about B·u times the lane's sum (the B of {@link #laneErrorBound}).
     */
    static final int RENORMALIZE_EVERY = 16;
    /**
     * (B + 2)·(1 + 2^-6) for B = {@link #RENORMALIZE_EVERY} = 16: the constant of
     * {@link #laneErrorBound}, with the slack that covers its (1 + u)^(B+1) and (1 + 2^-40) factors
     * and the rounding of the bound's own evaluation.
     */
    private static final double LANE_BOUND_FACTOR = 18.0 * (1.0 + 0x1.0p-6);
    /**
     * Error of the lanes' products below the normal range: at most 2^-1073 each (see
     * UNDERFLOW_PER_TERM) for fewer than 2^31 terms, with room for their effect on the corrections.
     */
    private static final double LANE_UNDERFLOW = 0x1.0p-1040;

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

    // ---- The lane form (package-private: the passes of UpdateGeometry and ScaledDots) ----

    /**
     * The lane form as one accumulator: {@code count} Dot2 lanes (s[j], c[j]) advanced together by
     * {@link #step}, which renormalises them every {@link #RENORMALIZE_EVERY} steps, the cadence
     * {@link #laneErrorBound} assumes; {@link #sum} combines them.
     */
    static final class Lanes {
        private final double[] s;
        private final double[] c;
        private int steps;

        Lanes(int count) {
            s = new double[count];
            c = new double[count];
        }

        /** Adds a[j]·b[j] to lane j for j &lt; len (a, b are not this accumulator's arrays). */
        void step(double[] a, double[] b, int len) {
            laneStep(a, b, s, c, len);
            if (++steps == RENORMALIZE_EVERY) {
                steps = 0;
                laneRenormalize(s, c);
            }
        }

        /** The lanes' total, see {@link Dot2#ofLanes}. */
        Dot2 sum() {
            return ofLanes(s, c);
        }
    }

    /**
     * One Dot2 step in each of the first {@code len} lanes: (s[j], c[j]) += a[j]·b[j]. This is
     * {@link #add} without the running bound, on arrays; the iterations are independent, so the
     * loop is vectorised. The arrays must not be the same as s or c.
     */
    private static void laneStep(double[] a, double[] b, double[] s, double[] c, int len) {
        for (int j = 0; j < len; j++) {
            final double aj = a[j];
            final double bj = b[j];
            // TwoProduct: aj·bj = p + pe exactly (no underflow).
            final double p = aj * bj;
            final double pe = Math.fma(aj, bj, -p);
            // TwoSum: sj + p = t + e exactly.
            final double sj = s[j];
            final double t = sj + p;
            final double bp = t - sj;
            final double e = (sj - (t - bp)) + (p - bp);
            s[j] = t;
            c[j] += e + pe;
        }
    }

    /**
     * Exact renormalisation of every lane, (s[j], c[j]) &larr; TwoSum(s[j], c[j]): the pair's sum is
     * unchanged and afterwards |c[j]| &le; u|s[j]|, which keeps the later corrections small (the
     * point of {@link #RENORMALIZE_EVERY}).
     */
    private static void laneRenormalize(double[] s, double[] c) {
        for (int j = 0; j < s.length; j++) {
            final double sj = s[j];
            final double cj = c[j];
            final double t = sj + cj;
            final double bp = t - sj;
            c[j] = (sj - (t - bp)) + (cj - bp);
            s[j] = t;
        }
    }

    /**
     * The lanes' total Σⱼ(s[j] + c[j]) as one accumulator: the 2·LANES numbers are added with
     * {@link #add} (products by 1.0 are exact), so {@link #errorBound()} covers this combination;
     * the error made inside the lanes is {@link #laneErrorBound}, to be added by the caller
     * through {@link #addErrorBound}.
     */
    private static Dot2 ofLanes(double[] s, double[] c) {
        final Dot2 sum = new Dot2();
        for (int j = 0; j < s.length; j++) {
            sum.add(s[j], 1.0);
        }
        for (int j = 0; j < c.length; j++) {
            sum.add(c[j], 1.0);
        }
        return sum;
    }

    /**
     * Adds a bound of an error made outside this accumulator (the lanes' own, see
     * {@link #laneErrorBound}) to {@link #errorBound()}.
     */
    void addErrorBound(double bound) {
        extra += bound;
    }

    /**
     * A certified bound on |Σⱼ(s[j] + c[j]) − Σᵢ aᵢbᵢ| after the lane form has run over
     * {@code length} terms with {@link #laneStep}, renormalising every B = {@link #RENORMALIZE_EVERY}
     * steps, given {@code sumAbs} &ge; Σᵢ|aᵢbᵢ| (for a sum of squares its value; for a mixed
     * product the Cauchy–Schwarz bound √(aᵀa·bᵀb)):
     * <pre>  (B + 2)(m + 2)·u²·Σᵢ|aᵢbᵢ|  (+ the underflow term),   m = ⌈length/LANES⌉ terms per lane.</pre>
     *
     * <p>Derivation (the a priori argument of Ogita–Rump–Oishi for Dot2, Sect. 5 of the paper,
     * there |res − xᵀy| &le; u|xᵀy| + γₙ²|xᵀ||y| for one chain of n terms, applied to a lane of m
     * terms whose correction is restarted every B terms). In one lane let pₖ = fl(aₖbₖ), P = Σ|pₖ|
     * and T the largest |s| the lane ever holds. TwoProduct and TwoSum are exact, and the
     * renormalisation is exact, so the lane's s + c differs from its exact sum only by the
     * roundings of zₖ = fl(eₖ + peₖ) and cₖ = fl(cₖ₋₁ + zₖ): the error is at most
     * u·Σₖ(|zₖ| + |cₖ|). Since |eₖ| &le; u|tₖ| &le; uT and |peₖ| &le; u|pₖ|,
     * Σ|zₖ| &le; (1+u)u(mT + P). A block of B steps starts with |c| &le; uT (after a
     * renormalisation) or c = 0, so inside it |cₖ| &le; (1+u)^B(uT + Σ_block|zᵢ|), and over the
     * lane's ⌈m/B⌉ blocks Σ|cₖ| &le; (1+u)^B((m + B)uT + B·Σ|zₖ|). Together the lane's error is
     * at most (1+u)^(B+1)·u²·((B + 1)(mT + P) + (m + B)T). Finally T &le; (1 + 2^-40)P: s is the
     * lane's exact partial sum (at most (1+u)P) plus the error so far and minus c, both below
     * 2^-45·(T + P) for B = 16 and m &lt; 2^31. Hence the error is at most (1 + 2^-39)·u²·P·((B+2)m + 2B + 1)
     * &le; (B+2)(m+2)·u²·P·(1 + 2^-39); summing over the lanes gives the bound with
     * Σ|pᵢ| &le; (1+u)Σ|aᵢbᵢ|. Products below the normal range add at most 2^-1073 each
     * (LANE_UNDERFLOW). Unlike the bound of a single chain (γₙ² grows as n²) this one grows only
     * linearly in the lane length: for D = 10^8 and a sum of squares it is about 2^-83 relative.
     *
     * @param length the number of terms D (at most Integer.MAX_VALUE)
     * @param sumAbs an upper bound of Σᵢ|aᵢbᵢ|
     * @return the absolute error bound
     */
    static double laneErrorBound(int length, double sumAbs) {
        // A power of two >= m + 2, m = ceil(length / LANES) <= length / LANES + 1 (no int overflow,
        // and no int-to-double conversion: the loop doubles a double alongside the int).
        final int mPlus2 = length / LANES + 3;
        double laneLength = 1.0;
        for (int k = 1; k < mPlus2; k *= 2) {
            laneLength *= 2.0;
        }
        return LANE_BOUND_FACTOR * laneLength * (U * U) * sumAbs * (1.0 + 2 * U) + LANE_UNDERFLOW;
    }
}
