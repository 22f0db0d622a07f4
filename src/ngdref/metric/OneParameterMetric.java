package ngdref.metric;

import java.util.Arrays;
import ngdref.exact.ExactGeometry;
import ngdref.exact.ExactInnerProducts;
import org.apache.commons.numbers.core.DD;

/**
 * The one-parameter family of metrics, Eq. (8),
 * <pre>  M(α) = yyᵀ/(yᵀg) + α(I − ggᵀ/gᵀg),   α &gt; 0,</pre>
 * equivalently (Eq. (22)) M = (‖y‖/(‖g‖cos ψ))·(ŷŷᵀ + γ(I − ĝĝᵀ)) with α = γ·yᵀy/yᵀg.
 * It is the canonical form (6) with the uᵢ an orthonormal basis of g⊥ scaled by √α, so Mg = y
 * and M is SPD for every α &gt; 0 when yᵀg &gt; 0.
 *
 * <p>Matrix-free: M is a rank-2 change of αI, so {@link #apply} (Mx) and {@link #solve} (M⁻¹b)
 * take O(D) time and memory, and the spectrum is closed-form ({@link MetricSpectrum}). The dense
 * D×D matrix ({@link #toArray}) is for small D only. The object keeps private copies of g and y.
 * α, γ and the spectrum are correctly rounded (see {@link UpdateGeometry}, {@link MetricSpectrum}).
 *
 * <p>Machine-checked: For every D (Coq, {@code proofs/coq/Statements.v}): {@code family_maps_g_to_y} (Mg = y) and {@code family_form_bounds_all} (M(α) SPD for α &gt; 0, yᵀg &gt; 0).
 */
public final class OneParameterMetric implements Metric {

    /** Private copies of the inputs (the geometry refers to these, never to the caller's arrays). */
    private final double[] g;
    private final double[] y;
    private final UpdateGeometry geometry;
    /** γ as an extended value (exact when the metric is given by γ, α/σ when given by α). */
    private final ExtendedDD gamma;
    /** The parameter the metric was given by: γ when parameterIsGamma, else α (exact either way). */
    private final double parameter;
    private final boolean parameterIsGamma;
    /** α in double-double for the fast loops of apply/solve and toArray (may be non-finite or 0). */
    private final DD alpha;
    /**
     * α extended, with its certified relative error (0 when given by α; that of γσ when given by
     * γ): apply and solve fall back to it when the double-double α is not in the normal range.
     */
    private final ExtendedDD alphaX;
    /** The certified relative error below which a coefficient of solve is used as computed. */
    private static final double COEFFICIENT_CERTIFIED = 0x1.0p-56;

    /*@ private invariant g != null && y != null && geometry != null && alpha != null && gamma != null;
      @ private invariant g.length >= 2 && g.length == y.length;
      @*/

    private OneParameterMetric(double[] g, double[] y, UpdateGeometry geometry, ExtendedDD gamma,
                               double parameter, boolean parameterIsGamma, ExtendedDD alphaX) {
        this.g = g;
        this.y = y;
        this.geometry = geometry;
        this.gamma = gamma;
        this.parameter = parameter;
        this.parameterIsGamma = parameterIsGamma;
        this.alphaX = alphaX;
        this.alpha = alphaX.scaled(0);
    }

    /** A private copy (null stays null, for the validation to name it). */
    private static /*@ nullable @*/ double[] copy(/*@ nullable @*/ double[] v) {
        return v == null ? null : Arrays.copyOf(v, v.length);
    }

    /**
     * M(α), Eq. (8).
     *
     * @param g the update
     * @param y the negative gradient −∇L
     * @param alpha α &gt; 0, the eigenvalue on (span{g, y})⊥
     * @return the metric
     * @throws IllegalArgumentException for invalid g, y (see {@link UpdateGeometry#of}) or α
     */
    // Exact statement (Eqs. 6-8), proved for every D in Coq (proofs/coq/Statements.v):
    // family_maps_g_to_y (M(α)g = y), family_form_bounds_all (M(α) SPD for α > 0),
    // canonical_form_converse (every yyᵀ/(yᵀg) + Σuᵢuᵢᵀ with the uᵢ spanning g⊥ is SPD with Mg = y).
    /*@ public normal_behavior
      @   requires g != null && y != null && g.length >= 2 && g.length == y.length;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0);
      @   requires Inputs.effective(g, y);
      @   requires alpha > 0.0 && alpha - alpha == 0.0;
      @   ensures \result != null && \result.dimension() == g.length && \result.alpha() == alpha;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires g == null || y == null || g.length < 2 || g.length != y.length
      @         || !(alpha > 0.0 && alpha - alpha == 0.0);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static OneParameterMetric ofAlpha(/*@ nullable @*/ double[] g, /*@ nullable @*/ double[] y,
                                             double alpha) {
        final double[] gc = copy(g);
        final double[] yc = copy(y);
        final UpdateGeometry geo = UpdateGeometry.of(gc, yc);
        Inputs.requirePositive("alpha", alpha);
        final ExtendedDD gamma = ExtendedDD.of(alpha).divide(geo.sigmaX()); // γ = α/σ
        return new OneParameterMetric(gc, yc, geo, gamma, alpha, false, ExtendedDD.of(alpha));
    }

    /**
     * M(γ), Eq. (22): α = γ·yᵀy/yᵀg.
     *
     * @param g the update
     * @param y the negative gradient −∇L
     * @param gamma γ &gt; 0 (γ = 1 is the optimal metric, Eq. (9))
     * @return the metric
     * @throws IllegalArgumentException for invalid g, y or γ
     * @throws ArithmeticException if α = γσ is outside the range of double
     */
    // Exact statement (Eq. 22), proved for every D in Coq (proofs/coq/Statements.v):
    // family_paper_form (M(γ) is M(α) at α = γ·yᵀy/yᵀg), family_maps_g_to_y, family_form_bounds_all.
    // One case for every valid shape and γ: a result only for finite effective pairs, an
    // IllegalArgumentException exactly for the others, so that a caller whose own contract allows
    // both exceptions is proved without deciding Inputs.effective (which KeY cannot evaluate).
    /*@ public behavior
      @   requires g != null && y != null && g.length >= 2 && g.length == y.length;
      @   requires gamma > 0.0 && gamma - gamma == 0.0;
      @   ensures (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0);
      @   ensures \old(Inputs.effective(g, y));
      @   ensures \result != null && \result.dimension() == g.length && \result.alpha() > 0.0;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   signals (IllegalArgumentException)
      @       !(\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0)
      @       || !\old(Inputs.effective(g, y));
      @   signals (ArithmeticException)
      @       (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0)
      @       && \old(Inputs.effective(g, y));
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires g == null || y == null || g.length < 2 || g.length != y.length
      @         || !(gamma > 0.0 && gamma - gamma == 0.0);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static OneParameterMetric ofGamma(/*@ nullable @*/ double[] g, /*@ nullable @*/ double[] y,
                                             double gamma) {
        final double[] gc = copy(g);
        final double[] yc = copy(y);
        final UpdateGeometry geo = UpdateGeometry.of(gc, yc);
        Inputs.requirePositive("gamma", gamma);
        final ExtendedDD gammaX = ExtendedDD.of(gamma);
        final ExtendedDD alpha = geo.sigmaX().multiply(gammaX); // α = γσ, may leave the range of double
        return new OneParameterMetric(gc, yc, geo, gammaX, gamma, true, alpha);
    }

    /**
     * The optimal metric M_opt, Eq. (9): M(γ = 1) = M(α = yᵀy/gᵀy) for the pair (g, y). Its spectrum is
     * λ_max,min = (‖y‖/‖g‖)(1/cos ψ ± |tan ψ|), λ_d = (‖y‖/‖g‖)/cos ψ, and its condition number is
     * the smallest over all SPD M with Mg = y (Proposition 1,
     * {@link MetricBounds#minimumConditionNumber}).
     *
     * @param g the update
     * @param y the negative gradient −∇L
     * @return the metric M(γ = 1)
     * @throws IllegalArgumentException for invalid input (see {@link #ofGamma})
     */
    // Exact statement (κ over the family (22) is minimal at γ = 1), proved for every D in Coq
    // (proofs/coq/Statements.v): family_kappa_min, family_kappa_at_gamma1.
    /*@ public behavior
      @   requires g != null && y != null && g.length >= 2 && g.length == y.length;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0);
      @   requires Inputs.effective(g, y);
      @   ensures \result != null && \result.dimension() == g.length;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires g == null || y == null || g.length < 2 || g.length != y.length;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static OneParameterMetric optimal(/*@ nullable @*/ double[] g, /*@ nullable @*/ double[] y) {
        return ofGamma(g, y, 1.0);
    }

    /**
     * The dimension D.
     *
     * @return D
     */
    /*@ public normal_behavior
      @   ensures \result >= 2;
      @   assignable \nothing;
      @*/
    public int dimension() {
        return g.length;
    }

    /**
     * The pair's geometry (angle, norms).
     *
     * @return the geometry
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public UpdateGeometry geometry() {
        return geometry;
    }

    /**
     * α: exactly the given α, or the correctly rounded γσ when the metric was given by γ.
     *
     * @return α &gt; 0
     * @throws ArithmeticException if γσ is outside the range of double
     */
    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   signals (ArithmeticException e) \invariant_for(e);
      @   assignable \nothing;
      @*/
    public double alpha() {
        return parameterIsGamma ? geometry.rounded(geometry.sigmaX().multiply(gamma), ExactGeometry.ALPHA,
                parameter, true, "α = γσ") : parameter;
    }

    /**
     * γ: exactly the given γ, or the correctly rounded α·yᵀg/yᵀy when the metric was given by α.
     *
     * @return γ &gt; 0
     * @throws ArithmeticException if γ is outside the range of double
     */
    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double gamma() {
        return parameterIsGamma ? parameter
                : geometry.rounded(gamma, ExactGeometry.GAMMA, parameter, false, "γ = α/σ");
    }

    /**
     * The closed-form spectrum, Lemma 1.
     *
     * @return the spectrum (a quantity outside the double range is refused by its accessor)
     */
    /*@ public normal_behavior
      @   ensures \result != null && \result.dimension() == dimension();
      @   assignable \nothing;
      @*/
    public MetricSpectrum spectrum() {
        return MetricSpectrum.of(geometry, gamma, parameter, parameterIsGamma);
    }

    /**
     * Mx = c₁·y + α(x − c₂·g) with c₁ = yᵀx/yᵀg, c₂ = gᵀx/gᵀg (Eq. 8), in O(D) time and memory.
     *
     * <p><b>Componentwise bound</b>, for every finite x (whole double range): each returned
     * component satisfies |(Mx)ᵢ^ − (Mx)ᵢ| &le; 2^-50·(|c₁yᵢ| + α|xᵢ| + α|c₂gᵢ|) + (4 + 2α)·2^-1074,
     * against the exact (Mx)ᵢ, c₁, c₂ and α (γ·yᵀy/yᵀg when given by γ). Argument: c₁, c₂ and α
     * carry certified relative errors below 2^-56 (inner products certified to 2^-57 or exact,
     * quotients in the extended type); on the fast path c₁ is rounded once to double (u = 2^-53),
     * wᵢ = xᵢ − c₂gᵢ costs two roundings (fma, then the low part of c₂), α·wᵢ two and the final
     * fma one, so the error is at most (2.125u)|c₁yᵢ| + (5.125u)(α|xᵢ| + α|c₂gᵢ|) to first
     * order, below 6u·(…) &lt; 2^-50·(…); each of the at most 4 + 3α roundings below the normal range
     * adds at most 2^-1075. The fast path is taken only when c₁, c₂ and α lie in [2^-968, 2^1023)
     * (so that neither they nor the low part of c₂ are subnormal) and every computed component is
     * finite; otherwise every component is evaluated in the extended type ({@link ExtendedDD}:
     * no intermediate leaves the range) and rounded once, which meets the same bound.
     * <p>For x = g (c₁ = c₂ = 1 up to the certified errors, identical lanes for gᵀg) this gives
     * Mg = y (Eq. 6): |(Mg)ᵢ − yᵢ| &le; 2^-51·|yᵢ| + α·2^-100·|gᵢ| + (4 + 2α)·2^-1074.
     * Tested against exact rationals over the whole range in ApplySolveBoundProperties.
     *
     * @param x a vector of dimension D
     * @return Mx (a new array)
     * @throws IllegalArgumentException if x is null, has the wrong length or a non-finite entry
     * @throws ArithmeticException naming the first component whose value, within the bound
     *     above, is outside the range of double (|(Mx)ᵢ| &ge; 2^1024 after rounding)
     */
    /*@ public behavior
      @   requires x != null && x.length == dimension();
      @   requires (\forall int i; 0 <= i && i < x.length; x[i] - x[i] == 0.0);
      @   ensures \result.length == x.length && \fresh(\result);
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires x == null || x.length != dimension();
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @ also public exceptional_behavior
      @   requires x != null && x.length == dimension();
      @   requires (\exists int i; 0 <= i && i < x.length; !(x[i] - x[i] == 0.0));
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public double[] apply(/*@ nullable @*/ double[] x) {
        if (x == null || x.length != g.length) {
            Inputs.requireEntries("x", x);
            Inputs.requireSameLength("g", g, "x", x); // throws
        }
        final ExtendedDD[] c = applyCoefficients(x);
        final double[] fast = applyFast(x, c[0], c[1]);
        return fast != null ? fast : applyExtended(x, c[0], c[1]);
    }

    /**
     * apply's pass 1 (reads x, y, g): the two coefficients' inner products, and max|xᵢ|, which is
     * finite exactly when every entry is (else requireEntries names the first bad one); then
     * {c₁ = yᵀx/yᵀg, c₂ = gᵀx/gᵀg} in the extended type (no intermediate leaves the range).
     */
    private ExtendedDD[] applyCoefficients(double[] x) {
        final ScaledDots dots = ScaledDots.of(x, y, geometry.yExponent(), geometry.yyMantissa().hi(),
                g, geometry.gExponent(), geometry.ggMantissa().hi());
        if (!Inputs.isFinite(dots.maxAbs())) {
            Inputs.requireEntries("x", x); // throws
        }
        return new ExtendedDD[] {dots.first().divide(geometry.ygX()), dots.second().divide(geometry.ggX())};
    }

    /**
     * apply's fast path (pass 2: reads x, g, y, writes the result in one fused loop), or null
     * where {@link #apply} takes the extended path: a coefficient outside [2^-968, 2^1023) or a
     * component that is not finite.
     */
    private double[] applyFast(double[] x, ExtendedDD c1, ExtendedDD c2) {
        if (!(moderate(c1) && moderate(c2) && moderate(alphaX))) {
            return null;
        }
        final double c1d = c1.scaled(0).doubleValue();
        final DD c2s = c2.scaled(0);
        final double c2Hi = c2s.hi();
        final double c2Lo = c2s.lo();
        final double aHi = alpha.hi();
        final double aLo = alpha.lo();
        final double[] out = new double[x.length];
        double nonFinite = 0.0; // stays 0 unless an entry is ∞ or NaN (∞·0 = NaN)
        for (int i = 0; i < x.length; i++) {
            // wᵢ = xᵢ − c2·gᵢ without cancellation: the c2Hi product is fused.
            final double w = Math.fma(-c2Hi, g[i], x[i]) - c2Lo * g[i];
            out[i] = Math.fma(c1d, y[i], aHi * w + aLo * w);
            nonFinite += out[i] * 0.0;
        }
        return nonFinite == 0.0 ? out : null;
    }

    /**
     * {@link #apply}'s fast path alone, for tests: null where apply evaluates in the extended
     * type. Both meet the same bound, so no value shows which one ran; on moderate inputs the
     * fast one must.
     */
    double[] applyFastPath(double[] x) {
        final ExtendedDD[] c = applyCoefficients(x);
        return applyFast(x, c[0], c[1]);
    }

    /** Mx component by component in the extended type, each rounded once (see {@link #apply}). */
    private double[] applyExtended(double[] x, ExtendedDD c1, ExtendedDD c2) {
        final double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            final ExtendedDD w = ExtendedDD.of(x[i]).subtract(c2.multiply(ExtendedDD.of(g[i])));
            out[i] = component(c1.multiply(ExtendedDD.of(y[i])).add(alphaX.multiply(w)), "(M·x)", i);
        }
        return out;
    }

    /**
     * M⁻¹b in closed form, O(D): writing x = ξg + w with w ⊥ g, Mx = b gives
     * t = gᵀb/gᵀy, w = (b − t·y)/α, ξ = t − (yᵀb − t·yᵀy)/(α·yᵀg). For b = y the result is g
     * (g = M⁻¹y, the natural-gradient form (4)).
     *
     * <p><b>Componentwise bound</b>, for every finite b (whole double range): each returned
     * component satisfies |(M⁻¹b)ᵢ^ − (M⁻¹b)ᵢ| &le; 2^-50·(|ξgᵢ| + |bᵢ|/α + |t·yᵢ|/α)
     * + (4 + 2/α)·2^-1074 against the exact values. Argument as for {@link #apply}, with ξ, t and
     * 1/α in the roles of c₁, c₂ and α; t is a quotient of certified inner products, and ξ is
     * certified by its tracked error (the difference yᵀb − t·yᵀy cancels when b is nearly
     * parallel to y, e.g. b = y with a small γ): when that error exceeds 2^-56, ξ is recomputed
     * from the exact inner products ({@link ExactInnerProducts#solveCoefficient}).
     *
     * @param b a vector of dimension D
     * @return x with Mx = b (a new array)
     * @throws IllegalArgumentException if b is null, has the wrong length or a non-finite entry
     * @throws ArithmeticException naming the first component whose value, within the bound
     *     above, is outside the range of double
     */
    /*@ public behavior
      @   requires b != null && b.length == dimension();
      @   requires (\forall int i; 0 <= i && i < b.length; b[i] - b[i] == 0.0);
      @   ensures \result.length == b.length && \fresh(\result);
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires b == null || b.length != dimension();
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @ also public exceptional_behavior
      @   requires b != null && b.length == dimension();
      @   requires (\exists int i; 0 <= i && i < b.length; !(b[i] - b[i] == 0.0));
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public double[] solve(/*@ nullable @*/ double[] b) {
        if (b == null || b.length != g.length) {
            Inputs.requireEntries("b", b);
            Inputs.requireSameLength("g", g, "b", b); // throws
        }
        final ExtendedDD[] c = solveCoefficients(b);
        final double[] fast = solveFast(b, c[0], c[1], c[2]);
        return fast != null ? fast : solveExtended(b, c[0], c[1], c[2]);
    }

    /**
     * solve's pass 1 (reads b, g, y): the inner products gᵀb, yᵀb and max|bᵢ| (validation, as in
     * apply); then {ξ, t, 1/α} with t = gᵀb/gᵀy and ξ = t − (yᵀb − t·yᵀy)/(α·yᵀg) in the extended
     * type (no intermediate leaves the range), ξ with its tracked error (recomputed from the exact
     * inner products when that exceeds 2^-56).
     */
    private ExtendedDD[] solveCoefficients(double[] b) {
        final ScaledDots dots = ScaledDots.of(b, g, geometry.gExponent(), geometry.ggMantissa().hi(),
                y, geometry.yExponent(), geometry.yyMantissa().hi());
        if (!Inputs.isFinite(dots.maxAbs())) {
            Inputs.requireEntries("b", b); // throws
        }
        final ExtendedDD yg = geometry.ygX();
        final ExtendedDD t = dots.first().divide(yg);
        final ExtendedDD numerator = dots.second().subtract(t.multiply(geometry.yyX()));
        ExtendedDD xi = t.subtract(numerator.divide(alphaX).divide(yg));
        if (!(xi.error() <= COEFFICIENT_CERTIFIED)) {
            final int[] e = new int[1];
            final DD m = ExactInnerProducts.solveCoefficient(g, y, b, parameter, parameterIsGamma, e);
            xi = ExtendedDD.of(m, e[0], 0x1.0p-104);
        }
        return new ExtendedDD[] {xi, t, ExtendedDD.ONE.divide(alphaX)};
    }

    /**
     * solve's fast path (pass 2: reads b, y, g, writes the result in one fused loop), or null
     * where {@link #solve} takes the extended path: a coefficient outside [2^-968, 2^1023) or a
     * component that is not finite.
     */
    private double[] solveFast(double[] b, ExtendedDD xi, ExtendedDD t, ExtendedDD inverseAlpha) {
        if (!(moderate(xi) && moderate(t) && moderate(inverseAlpha))) {
            return null;
        }
        final double xid = xi.scaled(0).doubleValue();
        final DD ts = t.scaled(0);
        final double tHi = ts.hi();
        final double tLo = ts.lo();
        final DD ia = inverseAlpha.scaled(0);
        final double iaHi = ia.hi();
        final double iaLo = ia.lo();
        final double[] out = new double[b.length];
        double nonFinite = 0.0;
        for (int i = 0; i < b.length; i++) {
            final double w = Math.fma(-tHi, y[i], b[i]) - tLo * y[i];
            out[i] = Math.fma(xid, g[i], iaHi * w + iaLo * w);
            nonFinite += out[i] * 0.0;
        }
        return nonFinite == 0.0 ? out : null;
    }

    /** {@link #solve}'s fast path alone, for tests (as {@link #applyFastPath}). */
    double[] solveFastPath(double[] b) {
        final ExtendedDD[] c = solveCoefficients(b);
        return solveFast(b, c[0], c[1], c[2]);
    }

    /**
     * The supremum of the η &ge; 0 for which M + η·hhᵀ/(hᵀg) stays positive definite, for a vector
     * h with hᵀg &ne; 0: the learning-rate bound of the stochastic metric (19), with h = ⟨Hg⟩. By
     * the matrix determinant lemma, det(M + ηhhᵀ/s) = det M·(1 + η·hᵀM⁻¹h/s) with s = hᵀg, so the
     * bound is +∞ when s &gt; 0 and −s/(hᵀM⁻¹h) when s &lt; 0. With c = yᵀg and the inverse
     * M⁻¹ = (1/α)(I − gyᵀ/c)(I − ygᵀ/c) + ggᵀ/c (M(α) is the BFGS update of αI),
     * <pre>  hᵀM⁻¹h = ‖ch − sy‖²/(αc²) + s²/c,   bound = −s·α·c²/(‖ch − sy‖² + α·c·s²),</pre>
     * with ‖ch − sy‖² = c²·hᵀh − 2cs·yᵀh + s²·yᵀy; both terms of the denominator are &ge; 0.
     *
     * <p><b>Correctly rounded</b> (round-half-even) for every finite h, from the exact inner
     * products: the sign of s is decided exactly (its certified value, or the exact sum:
     * {@link ScaledDots}); the bound is formed in the extended type with its certified relative
     * error (the difference in ‖ch − sy‖² may cancel; its tracked error then grows) and rounded
     * by the rounding test ({@link ExtendedDD#roundOrNaN}); when the test cannot decide, the
     * rational above is rounded exactly ({@link ExactInnerProducts#rankOneBound}).
     *
     * @param h a vector of dimension D
     * @return the bound: +∞ exactly when hᵀg &gt; 0, else the double nearest to −s/(hᵀM⁻¹h)
     * @throws IllegalArgumentException if h is null, of the wrong length or not finite, or hᵀg = 0
     *     exactly (M + ηhhᵀ/(hᵀg) is undefined)
     * @throws ArithmeticException naming the bound when its exact value is outside the range of
     *     double
     */
    /*@ public behavior
      @   requires h != null;
      @   ensures \result > 0.0;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires h == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public double rankOneBound(/*@ nullable @*/ double[] h) {
        Inputs.requireEntries("h", h);
        Inputs.requireSameLength("g", g, "h", h);
        final ScaledDots dots = ScaledDots.of(h, g, geometry.gExponent(), geometry.ggMantissa().hi(),
                y, geometry.yExponent(), geometry.yyMantissa().hi());
        final ExtendedDD s = dots.first();
        if (s.isZero()) {
            throw new IllegalArgumentException("hᵀg = 0: M + η·hhᵀ/(hᵀg) is undefined");
        }
        if (s.mantissa().hi() > 0.0) {
            return Double.POSITIVE_INFINITY;
        }
        // hᵀh on h·2^-ex (ex: the scaling ScaledDots chose), a sum of squares: no cancellation.
        final int ex = dots.exponent();
        final Dot2 squares = new Dot2();
        for (double v : h) {
            final double scaled = Math.scalb(v, -ex);
            squares.add(scaled, scaled);
        }
        // a scaled entry rounded into the subnormal range moves its square by less than 2^-1073
        squares.addErrorBound(h.length * 0x1.0p-1073);
        final ExtendedDD hh = ExtendedDD.of(squares.value(), 2 * ex,
                UpdateGeometry.relativeError(squares, squares.value()));
        final ExtendedDD c = geometry.ygX();
        final ExtendedDD residual = c.square().multiply(hh)
                .subtract(c.multiply(s).multiply(dots.second()).scalb(1))
                .add(s.square().multiply(geometry.yyX()));
        final ExtendedDD denominator = residual.add(alphaX.multiply(c).multiply(s.square()));
        final ExtendedDD bound = s.negate().multiply(alphaX).multiply(c.square()).divide(denominator);
        final String name = "the bound −hᵀg/(hᵀM⁻¹h)";
        final double rounded = bound.roundOrNaN(name);
        return rounded == rounded ? rounded
                : ExactInnerProducts.rankOneBound(g, y, h, parameter, parameterIsGamma, name);
    }

    /** M⁻¹b component by component in the extended type, each rounded once (see {@link #solve}). */
    private double[] solveExtended(double[] b, ExtendedDD xi, ExtendedDD t, ExtendedDD inverseAlpha) {
        final double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            final ExtendedDD w = ExtendedDD.of(b[i]).subtract(t.multiply(ExtendedDD.of(y[i])));
            out[i] = component(xi.multiply(ExtendedDD.of(g[i])).add(inverseAlpha.multiply(w)), "(M⁻¹·b)", i);
        }
        return out;
    }

    /**
     * Whether a coefficient is 0 or in [2^-968, 2^1023): then it and the low part of its
     * double-double are normal doubles, as the fast loops of apply and solve assume.
     */
    private static boolean moderate(ExtendedDD c) {
        return c.isZero() || (c.exponent() >= -968 && c.exponent() <= 1022);
    }

    /**
     * One component of apply/solve's extended path rounded to double (once in the normal range;
     * in the subnormal range within 3·2^-1075), refused by index when it is outside the range.
     */
    private static double component(ExtendedDD v, String what, int i) {
        final double d = v.scaled(0).doubleValue();
        if (!(d - d == 0.0)) {
            throw new ArithmeticException(what + "[" + i + "] = " + v.describe()
                    + " is outside the range of double");
        }
        return d;
    }

    /**
     * The dense matrix M, exactly symmetric by construction (for small D: O(D²) memory).
     *
     * <p><b>Entrywise bound</b>, for all finite inputs (whole double range): each returned entry
     * satisfies |M̂ᵢⱼ − Mᵢⱼ| &le; 2^-50·(|yᵢyⱼ|/yᵀg + α|gᵢgⱼ|/gᵀg) + 2^-1073 off the diagonal
     * and |M̂ᵢᵢ − Mᵢᵢ| &le; 2^-50·Mᵢᵢ + 2^-1073 on it (relative: Mᵢᵢ = yᵢ²/yᵀg + α(1 − gᵢ²/gᵀg)
     * is a sum of two nonnegative terms), against the exact Mᵢⱼ = yᵢyⱼ/yᵀg + α(δᵢⱼ − gᵢgⱼ/gᵀg)
     * (Eq. 8). Argument: with the scaled entries y'ᵢ = yᵢ·2^-ey, g'ᵢ = gᵢ·2^-eg, the first term is
     * y'ᵢy'ⱼ·m·2^k (1/yᵀg = m·2^k, m rounded to double) and the second α·g'ᵢg'ⱼ/GG: three and
     * five roundings (with α, GG, yᵀg certified to 2^-56) and one for their difference, at most
     * 7.2u·(…) &lt; 2^-50·(…) to first order (u = 2^-53); on the diagonal the second term is
     * α·Σ_{k≠i}g_k²/gᵀg from prefix and suffix sums of squares (relative error below 2^-55, one
     * rounding to double), so no α − αgᵢ²/gᵀg cancels; results on the subnormal grid add at most
     * 2·2^-1075. The double loop runs when the smallest products of nonzero
     * entries, y'ᵢy'ⱼ, y'ᵢy'ⱼ·m, g'ᵢg'ⱼ and g'ᵢg'ⱼ/GG, are normal doubles (an entry that the scaling flushes to 0
     * fails this), α lies in [2^-968, 2^1023) and every entry comes out finite; otherwise every entry is
     * evaluated in the extended type and rounded once, which meets the same bound. Tested against
     * exact rationals in ApplySolveBoundProperties.
     *
     * @return M as a new D×D array
     * @throws ArithmeticException naming the first entry whose value, within the bound above, is
     *     outside the range of double
     */
    /*@ public behavior
      @   ensures \result.length == dimension();
      @   ensures (\forall int i; 0 <= i && i < dimension();
      @              \result[i] != null && \result[i].length == dimension());
      @   ensures (\forall int i, j; 0 <= i && i < dimension() && 0 <= j && j < dimension();
      @              \result[i][j] == \result[j][i]);
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double[][] toArray() {
        // 1/yᵀg, extended: yᵀg may be far below ‖y‖‖g‖
        final ExtendedDD inverseYG = ExtendedDD.ONE.divide(geometry.ygX());
        final ExtendedDD[] projection = diagonalProjectionTerms();
        final double[][] fast = toArrayFast(inverseYG, projection);
        return fast != null ? fast : toArrayExtended(inverseYG, projection);
    }

    /**
     * toArray's fast path, the double loop, or null where {@link #toArray} evaluates in the
     * extended type: a product of scaled entries outside the normal range, α outside
     * [2^-968, 2^1023), or an entry that is not finite.
     */
    private double[][] toArrayFast(ExtendedDD inverseYG, ExtendedDD[] projection) {
        final int d = g.length;
        final int eg = geometry.gExponent();
        final int ey = geometry.yExponent();
        final double sg = Math.scalb(1.0, -eg);
        final double sy = Math.scalb(1.0, -ey);
        // yᵢyⱼ/yᵀg = y'ᵢy'ⱼ·m·2^(2ey+k) with 1/yᵀg = m·2^k, and αgᵢgⱼ/gᵀg = α·g'ᵢg'ⱼ/GG
        final double invYG = inverseYG.mantissa().doubleValue();
        final double invGG = DD.ONE.divide(geometry.ggMantissa()).doubleValue();
        final double a = alpha.doubleValue();
        final int ratio = 2 * ey + inverseYG.exponent();
        // The double loop needs y'ᵢy'ⱼ, y'ᵢy'ⱼ·m, g'ᵢg'ⱼ and g'ᵢg'ⱼ/GG in the normal range for every
        // pair of nonzero entries (their smallest products decide), and α normal.
        final double ySmall = smallestScaledMagnitude(y, sy);
        final double gSmall = smallestScaledMagnitude(g, sg);
        final double yy = ySmall * ySmall;
        final double gg = gSmall * gSmall;
        if (!(moderate(alphaX) && yy >= 0x1.0p-1020 && yy * invYG >= 0x1.0p-1020
                && gg >= 0x1.0p-1020 && gg * invGG >= 0x1.0p-1020)) {
            return null;
        }
        final double[][] m = new double[d][d];
        double nonFinite = 0.0;
        for (int i = 0; i < d; i++) {
            final double yi = y[i] * sy;
            final double gi = g[i] * sg;
            m[i][i] = Math.scalb(yi * yi * invYG, ratio) + projection[i].scaled(0).doubleValue();
            nonFinite += m[i][i] * 0.0;
            for (int j = i + 1; j < d; j++) {
                final double first = Math.scalb(yi * (y[j] * sy) * invYG, ratio);
                final double second = a * (gi * (g[j] * sg) * invGG);
                final double v = first - second;
                nonFinite += v * 0.0;
                m[i][j] = v;
                m[j][i] = v;
            }
        }
        return nonFinite == 0.0 ? m : null;
    }

    /** {@link #toArray}'s fast path alone, for tests (as {@link #applyFastPath}). */
    double[][] toArrayFastPath() {
        return toArrayFast(ExtendedDD.ONE.divide(geometry.ygX()), diagonalProjectionTerms());
    }

    /**
     * The terms α(1 − gᵢ²/gᵀg) = α·Σ_{k≠i} g_k²/gᵀg of the diagonal, extended: each complement
     * sum is a prefix plus a suffix sum of squares (nonnegative terms, relative error below
     * D·2^-100), so the term keeps its relative accuracy even when gᵢ² is all but the whole of
     * gᵀg. Formed as α − αgᵢ²/gᵀg it cancelled to noise there: for g = (−1.4·2^-917,
     * −1.03·2^1023), y = g with one ulp less in its second entry and γ = 2^531, M[1][1] ≈ 1 came
     * out as −4.3·10^127 (a negative diagonal entry of an SPD matrix, within the old bound
     * 2^-50·2α, found by LibraryFuzzProperties).
     */
    private ExtendedDD[] diagonalProjectionTerms() {
        final int d = g.length;
        final ExtendedDD[] prefix = new ExtendedDD[d];
        ExtendedDD sum = ExtendedDD.of(0.0);
        for (int k = 0; k < d; k++) {
            prefix[k] = sum;                       // Σ_{k' < k} g_k'²
            sum = sum.add(ExtendedDD.of(g[k]).square());
        }
        final ExtendedDD alphaOverGG = alphaX.divide(geometry.ggX());
        final ExtendedDD[] terms = new ExtendedDD[d];
        ExtendedDD suffix = ExtendedDD.of(0.0);    // Σ_{k' > i} g_k'²
        for (int i = d - 1; i >= 0; i--) {
            terms[i] = alphaOverGG.multiply(prefix[i].add(suffix));
            suffix = suffix.add(ExtendedDD.of(g[i]).square());
        }
        return terms;
    }

    /**
     * min |vᵢ·s| over the nonzero vᵢ (0 when the scaling flushes one of them to 0; +∞ when v has
     * no nonzero entry).
     */
    private static double smallestScaledMagnitude(double[] v, double s) {
        double min = Double.POSITIVE_INFINITY;
        for (double x : v) {
            if (x != 0.0) {
                min = Math.min(min, Math.abs(x * s));
            }
        }
        return min;
    }

    /**
     * M entry by entry in the extended type, each rounded once (see {@link #toArray});
     * {@code inverseYG} is 1/yᵀg, {@code projection} the diagonal terms α(1 − gᵢ²/gᵀg).
     */
    private double[][] toArrayExtended(ExtendedDD inverseYG, ExtendedDD[] projection) {
        final int d = g.length;
        final ExtendedDD alphaOverGG = alphaX.divide(geometry.ggX());
        final double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            final ExtendedDD yi = ExtendedDD.of(y[i]).multiply(inverseYG);
            final ExtendedDD gi = ExtendedDD.of(g[i]).multiply(alphaOverGG);
            for (int j = i; j < d; j++) {
                final ExtendedDD first = yi.multiply(ExtendedDD.of(y[j]));
                final ExtendedDD v = i == j ? first.add(projection[i]) : first.subtract(gi.multiply(ExtendedDD.of(g[j])));
                final double entry = v.scaled(0).doubleValue();
                if (!(entry - entry == 0.0)) {
                    throw new ArithmeticException("M[" + i + "][" + j + "] = " + v.describe()
                            + " is outside the range of double; use the matrix-free apply/solve");
                }
                m[i][j] = entry;
                m[j][i] = entry;
            }
        }
        return m;
    }

    /**
     * Unit eigenvectors of the two simple eigenvalues, in span{y, g}: {λ_max's, λ_min's}.
     * In the orthonormal basis {ĝ, ê} of span{g, y} (ê ∝ y − ρg, ρ = yᵀg/gᵀg), M/σ is
     * [[cos²ψ, cos ψ sin ψ], [cos ψ sin ψ, sin²ψ + γ]] (σ = yᵀy/yᵀg, γ = α/σ, Lemma 1); its
     * eigenvectors are the rotation of {ĝ, ê} by θ = ½·atan2(2 cos ψ sin ψ, cos²ψ − sin²ψ − γ),
     * θ ∈ [0, π/2]. When ψ = 0 any unit vector ⊥ g completes ĝ.
     *
     * <p>Accuracy, for every effective pair and every α on the whole double range (tested against
     * exact rationals by {@code EigenvectorBoundProperties}, not proved): with λ₀ = λ_max, λ₁ =
     * λ_min the exact eigenvalues and v₀, v₁ the returned rows,
     * ‖M v_k − λ_k v_k‖₂ ≤ (2^-48 + D·2^-1070)·(σ + α), |‖v_k‖₂ − 1| ≤ 2^-50 and
     * |v₀ᵀv₁| ≤ 2^-50 (σ + α = λ_max + λ_min is the trace of the block, at most 2λ_max). By
     * Davis–Kahan the angle between v_k and the exact eigenvector is then at most that residual
     * over the gap λ_max − λ_min: the eigenvectors are as well determined as the gap allows.
     * The argument: ĝ is g scaled by a power of two and divided by its norm (each component within
     * 2 ulp); ê is y − ρg formed in double-double from the scaled entries with ρ's certified
     * error, used only when that error relative to ‖y − ρg‖ = |sin ψ|·‖y‖ is below 2^-56, else
     * from the exact rational y·gᵀg − (yᵀg)·g ({@link ExactInnerProducts#residualDirection}); the
     * arguments of atan2 come from the extended cos ψ, sin ψ and γ with absolute error below
     * 2^-55·(1 + γ), scaled by one power of two (atan2 does not see the scale, so no γ or α out
     * of range can overflow it), which moves θ by at most 2^-55·(1 + γ)/(gap/σ) and the residual
     * by at most 2^-55·(σ + α); the roundings of ĝ, ê, cos θ, sin θ and the final sums move v_k by
     * at most 8u in norm, hence the residual by 8u·(λ_max − λ_min); components below 2^-1074 add
     * the D·2^-1070 term.
     *
     * @return a new 2×D array: row 0 for λ_max, row 1 for λ_min; never ∞ or NaN
     */
    /*@ public normal_behavior
      @   ensures \result.length == 2 && \result[0].length == dimension()
      @        && \result[1].length == dimension();
      @   assignable \nothing;
      @*/
    public double[][] simpleEigenvectors() {
        final int d = g.length;
        final double[] gHat = unit(scaledToUnitMax(g));
        final double[] eHat = geometry.sinX().isZero() ? orthogonalCompletion(gHat) : unit(residualDirection());
        final ExtendedDD c = geometry.cosX();
        final ExtendedDD s = geometry.sinX();
        final ExtendedDD twoCS = c.multiply(s).scalb(1);
        final ExtendedDD diagonalGap = c.subtract(s).multiply(c.add(s)).subtract(gamma);
        // atan2 is invariant under a common positive scale: bring the larger argument to [1, 2).
        final int k = Math.max(exponentOrMin(twoCS), exponentOrMin(diagonalGap));
        final int shift = k == Integer.MIN_VALUE ? 0 : k;
        final double theta = 0.5 * Math.atan2(twoCS.scaled(shift).doubleValue(),
                diagonalGap.scaled(shift).doubleValue());
        final double ct = Math.cos(theta);
        final double st = Math.sin(theta);
        final double[][] v = new double[2][d];
        for (int i = 0; i < d; i++) {
            v[0][i] = ct * gHat[i] + st * eHat[i];
            v[1][i] = -st * gHat[i] + ct * eHat[i];
        }
        return v;
    }

    /** The binary exponent of a nonzero extended value, Integer.MIN_VALUE for zero. */
    private static int exponentOrMin(ExtendedDD v) {
        return v.isZero() ? Integer.MIN_VALUE : v.exponent();
    }

    /**
     * y − ρg (ρ = yᵀg/gᵀg) up to a positive factor, for ψ ≠ 0: in double-double from the entries
     * scaled by powers of two when ρ's certified error, relative to ‖y − ρg‖ = |sin ψ|·‖y‖, is
     * below 2^-56; else exactly (then rounded once per component).
     */
    private double[] residualDirection() {
        final int d = g.length;
        final int ky = exponentOfMax(y);
        final int kg = exponentOfMax(g);
        final ExtendedDD rho = geometry.rhoX();
        // The scaled entries y' = y·2^-ky and g' = g·2^-kg have largest magnitude in [1, 2), so
        // ‖y' − ρ'g'‖ = |sin ψ|·‖y'‖ ≥ |sin ψ| (ρ' = ρ·2^(kg−ky) ≤ ‖y'‖/‖g'‖ ≤ 2√D). Its error in
        // norm: ρ's relative error times ‖ρ'g'‖ = cos ψ·‖y'‖, 2^-104 of ‖y'‖ + ‖ρ'g'‖ for the
        // double-double operations, 2^-1074 per component for what underflows; relative to it:
        final double sin = geometry.sinX().scaled(0).hi();
        final double error = (rho.error() + 0x1.0p-100 + d * 0x1.0p-1070) / sin;
        if (!(error <= 0x1.0p-56)) {
            return ExactInnerProducts.residualDirection(g, y);
        }
        final DD scaledRho = rho.scaled(ky - kg);
        final double[] e = new double[d];
        for (int i = 0; i < d; i++) {
            e[i] = DD.of(Math.scalb(y[i], -ky)).subtract(scaledRho.multiply(Math.scalb(g[i], -kg))).hi();
        }
        return e;
    }

    /** The exponent of max|vᵢ| (nonzero), also for subnormal values. */
    private static int exponentOfMax(double[] v) {
        double max = 0.0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max >= Double.MIN_NORMAL ? Math.getExponent(max) : Math.getExponent(max * 0x1.0p60) - 60;
    }

    /** v scaled by a power of two so that its largest magnitude lies in [1, 2). */
    private static double[] scaledToUnitMax(double[] v) {
        final int k = exponentOfMax(v);
        final double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = Math.scalb(v[i], -k);
        }
        return s;
    }

    /** A unit vector ⊥ ĝ: e_k − ĝ_k·ĝ normalised, k the index of the smallest |ĝ_k| (≤ 1/√D). */
    private static double[] orthogonalCompletion(double[] gHat) {
        int k = 0;
        for (int i = 1; i < gHat.length; i++) {
            if (Math.abs(gHat[i]) < Math.abs(gHat[k])) {
                k = i;
            }
        }
        final double[] e = new double[gHat.length];
        for (int i = 0; i < gHat.length; i++) {
            e[i] = -gHat[k] * gHat[i];
        }
        e[k] += 1.0;
        return unit(e);
    }

    /** v/‖v‖ for v with largest magnitude of order 1 (no overflow or underflow of the norm). */
    private static double[] unit(double[] v) {
        final double n = org.apache.commons.numbers.core.Norm.EUCLIDEAN.of(v);
        for (int i = 0; i < v.length; i++) {
            v[i] /= n;
        }
        return v;
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    @Override
    public String toString() {
        return "M(α = " + alphaText() + ") = yyᵀ/(yᵀg) + α(I − ggᵀ/gᵀg), D = " + g.length;
    }

    /** α as text, or its refusal when γσ is outside the range of double (toString never throws). */
    /*@ private normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    private String alphaText() {
        try {
            return Double.toString(alpha());
        } catch (ArithmeticException e) {
            return "refused (" + e.getMessage() + ")";
        }
    }
}
