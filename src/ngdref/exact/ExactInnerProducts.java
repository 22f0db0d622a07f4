package ngdref.exact;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.numbers.core.DD;

/**
 * Exact inner products of double vectors, in {@link BigDecimal} (every double is a finite
 * decimal): the fallback of {@code ngdref.metric.UpdateGeometry} when its certified double-double
 * pass cannot guarantee 2^-58 relative accuracy (cancellation in yᵀg near ψ = ±π/2, or sin ψ
 * below what double-double resolves). O(D) BigDecimal operations, used only on those inputs.
 *
 * <p>Kept apart from {@code ngdref.metric} so that the static verifier (KeY, which has no model of
 * {@code java.math}) loads the verified packages with a contract-only stub of this class.
 */
public final class ExactInnerProducts {

    /** Precision of the square root: 40 digits (133 bits), beyond double-double's 106 bits. */
    private static final MathContext ROOT = new MathContext(40);

    private ExactInnerProducts() {
    }

    /**
     * Σ aᵢbᵢ = m·2^e, computed exactly; m is rounded once to double-double and normalised,
     * |m.hi()| ∈ [1, 2) (m = 0 and e = 0 for a zero sum), so that no exponent of the sum loses
     * precision to the subnormal range of a fixed scaling.
     *
     * @param a finite entries (not modified)
     * @param b finite entries, same length as a (not modified)
     * @param exponent receives e in its element 0
     * @return the mantissa m
     * @throws IllegalArgumentException if a or b is null, their lengths differ or an entry is
     *     not finite
     */
    /*@ public normal_behavior
      @   requires a != null && b != null && a.length == b.length && exponent.length >= 1;
      @   requires (\forall int i; 0 <= i && i < a.length; a[i] - a[i] == 0.0 && b[i] - b[i] == 0.0);
      @   ensures \result != null;
      @   assignable exponent[0];
      @*/
    public static DD dot(double[] a, double[] b, int[] exponent) {
        return DD.from(ExactGeometry.normalize(ExactGeometry.exactDot(a, b), exponent));
    }

    /**
     * The coefficient ξ of g in M⁻¹b for the one-parameter metric (solve: M⁻¹b = ξg + (b − t·y)/α,
     * t = gᵀb/gᵀy), from the exact inner products:
     * ξ = (α·yᵀg·gᵀb − yᵀg·yᵀb + yᵀy·gᵀb)/(α·(yᵀg)²), with α = γ·yᵀy/yᵀg when the metric is given
     * by γ. The quotient is taken to 40 digits, then rounded to a normalised double-double mantissa
     * m (|m.hi()| ∈ [1, 2), or 0) with ξ ≈ m·2^e: relative error below 2^-104.
     *
     * @param g the update (finite, yᵀg &gt; 0; not modified)
     * @param y the negative gradient (finite, same length; not modified)
     * @param b the right-hand side (finite, same length; not modified)
     * @param parameter α, or γ when {@code parameterIsGamma}; finite and &gt; 0
     * @param parameterIsGamma whether parameter is γ
     * @param exponent receives e in its element 0
     * @return the mantissa m
     * @throws IllegalArgumentException if an argument is null, lengths differ, an entry is not
     *     finite or yᵀg is 0
     */
    /*@ public normal_behavior
      @   requires g != null && y != null && b != null && g.length == y.length && b.length == g.length;
      @   requires exponent.length >= 1;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0
      @                                              && b[i] - b[i] == 0.0);
      @   ensures \result != null;
      @   assignable exponent[0];
      @*/
    public static DD solveCoefficient(double[] g, double[] y, double[] b, double parameter,
                                      boolean parameterIsGamma, int[] exponent) {
        final BigDecimal yg = ExactGeometry.exactDot(y, g);
        if (yg.signum() == 0) {
            throw new IllegalArgumentException("yᵀg = 0: M⁻¹b is undefined");
        }
        final BigDecimal yy = ExactGeometry.exactDot(y, y);
        final BigDecimal gb = ExactGeometry.exactDot(g, b);
        final BigDecimal yb = ExactGeometry.exactDot(y, b);
        final BigDecimal p = new BigDecimal(parameter);
        // α·yᵀg: γ·yᵀy for the γ form
        final BigDecimal alphaYG = parameterIsGamma ? p.multiply(yy) : p.multiply(yg);
        final BigDecimal numerator = alphaYG.multiply(gb).subtract(yg.multiply(yb)).add(yy.multiply(gb));
        final BigDecimal xi = numerator.divide(alphaYG.multiply(yg), ROOT);
        return DD.from(ExactGeometry.normalize(xi, exponent).round(ROOT));
    }

    /**
     * The bound −s·α·c²/(‖ch − sy‖² + α·c·s²) of {@code OneParameterMetric.rankOneBound}
     * (s = hᵀg &lt; 0, c = yᵀg, α = γ·yᵀy/yᵀg when the metric is given by γ), correctly rounded
     * (round-half-even) from the exact inner products ({@link ExactRounding}).
     *
     * @param g the update (finite, yᵀg &gt; 0; not modified)
     * @param y the negative gradient (finite, same length; not modified)
     * @param h the vector (finite, same length, hᵀg &lt; 0; not modified)
     * @param parameter α, or γ when {@code parameterIsGamma}; finite and &gt; 0
     * @param parameterIsGamma whether parameter is γ
     * @param name the bound's name for the message of a refusal
     * @return the double nearest to the bound
     * @throws IllegalArgumentException if an argument is null, lengths differ, an entry is not
     *     finite, yᵀg &le; 0 or hᵀg &ge; 0
     * @throws ArithmeticException naming the bound when it rounds to ∞ or to 0
     */
    /*@ public behavior
      @   requires g != null && y != null && h != null && g.length == y.length && h.length == g.length;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0
      @                                              && h[i] - h[i] == 0.0);
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public static double rankOneBound(double[] g, double[] y, double[] h, double parameter,
                                      boolean parameterIsGamma, String name) {
        final BigDecimal c = ExactGeometry.exactDot(y, g);
        final BigDecimal s = ExactGeometry.exactDot(h, g);
        if (c.signum() <= 0 || s.signum() >= 0) {
            throw new IllegalArgumentException("the bound needs yᵀg > 0 and hᵀg < 0");
        }
        final BigDecimal yy = ExactGeometry.exactDot(y, y);
        final BigDecimal hh = ExactGeometry.exactDot(h, h);
        final BigDecimal yh = ExactGeometry.exactDot(y, h);
        final BigDecimal p = new BigDecimal(parameter);
        // α = an/ad
        final BigDecimal an = parameterIsGamma ? p.multiply(yy) : p;
        final BigDecimal ad = parameterIsGamma ? c : BigDecimal.ONE;
        // ‖ch − sy‖² = c²·hᵀh − 2cs·yᵀh + s²·yᵀy
        final BigDecimal residual = c.multiply(c).multiply(hh)
                .subtract(BigDecimal.valueOf(2).multiply(c).multiply(s).multiply(yh))
                .add(s.multiply(s).multiply(yy));
        // bound = −s·an·c²/(ad·‖ch − sy‖² + an·c·s²), times ad/ad
        final BigDecimal numerator = s.negate().multiply(an).multiply(c).multiply(c);
        final BigDecimal denominator = ad.multiply(residual).add(an.multiply(c).multiply(s).multiply(s));
        return ExactRounding.roundPositive(ExactRounding.quotient(numerator, denominator), name);
    }

    /**
     * |sin ψ| for the angle ψ between g and y, from the exact rational
     * sin²ψ = (yᵀy·gᵀg − (yᵀg)²)/(yᵀy·gᵀg), its square root taken to 40 digits, then rounded to
     * double-double.
     *
     * @param g nonzero, finite (not modified)
     * @param y nonzero, finite, same length (not modified)
     * @return |sin ψ| in [0, 1]
     * @throws IllegalArgumentException if g or y is null, zero, has a non-finite entry, or their
     *     lengths differ
     */
    /*@ public normal_behavior
      @   requires g != null && y != null && g.length == y.length;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0);
      @   requires (\exists int i; 0 <= i && i < g.length; g[i] != 0.0);
      @   requires (\exists int i; 0 <= i && i < y.length; y[i] != 0.0);
      @   ensures \result != null && 0.0 <= \result.hi() && \result.hi() <= 1.0;
      @   assignable \nothing;
      @*/
    public static DD sin(double[] g, double[] y) {
        final BigDecimal yy = ExactGeometry.exactDot(y, y);
        final BigDecimal gg = ExactGeometry.exactDot(g, g);
        if (yy.signum() == 0 || gg.signum() == 0) {
            throw new IllegalArgumentException((gg.signum() == 0 ? "g" : "y")
                    + " is the zero vector; the angle ψ is undefined");
        }
        final BigDecimal yg = ExactGeometry.exactDot(y, g);
        final BigDecimal den = yy.multiply(gg);
        final BigDecimal num = den.subtract(yg.multiply(yg));
        if (num.signum() == 0) {
            return DD.ZERO;
        }
        // sin²ψ may lie below the double range while sin ψ does not: the root is taken in 40
        // digits before rounding.
        return DD.from(num.divide(den, ROOT).sqrt(ROOT));
    }

    /**
     * y·(gᵀg) − (yᵀg)·g = gᵀg·(y − ρg), ρ = yᵀg/gᵀg: the component of y orthogonal to g, up to
     * the positive factor gᵀg, computed exactly, then scaled by a power of two so that its largest
     * component lies in [1, 2) and rounded once per component ({@link BigDecimal#doubleValue}).
     * A component below 2^-1074 of the largest becomes 0 or subnormal. O(D) BigDecimal operations:
     * the fallback of the eigenvectors when sin ψ is too small for double-double.
     *
     * @param g the update (finite, nonzero; not modified)
     * @param y the negative gradient (finite, same length; not modified)
     * @return a new array; all zeros when y ∥ g
     * @throws IllegalArgumentException if g or y is null, their lengths differ or an entry is
     *     not finite
     */
    /*@ public normal_behavior
      @   requires g != null && y != null && g.length == y.length;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0);
      @   ensures \result != null && \result.length == g.length;
      @   assignable \nothing;
      @*/
    public static double[] residualDirection(double[] g, double[] y) {
        final BigDecimal gg = ExactGeometry.exactDot(g, g);
        final BigDecimal yg = ExactGeometry.exactDot(y, g);
        final BigDecimal[] r = new BigDecimal[g.length];
        BigDecimal max = BigDecimal.ZERO;
        for (int i = 0; i < g.length; i++) {
            r[i] = new BigDecimal(y[i]).multiply(gg).subtract(yg.multiply(new BigDecimal(g[i])));
            max = max.max(r[i].abs());
        }
        final double[] out = new double[g.length];
        if (max.signum() == 0) {
            return out;
        }
        final int e = ExactGeometry.floorLog2(max);
        for (int i = 0; i < g.length; i++) {
            out[i] = ExactGeometry.scalb(r[i], -e).doubleValue();
        }
        return out;
    }
}
