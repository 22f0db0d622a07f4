package ngdref.exact;

import java.math.BigDecimal;
import java.math.MathContext;
import ngdref.exact.ExactDefiniteness.Dyadic;

/**
 * The learning-rate bounds of the Hessian-corrected metric, Eq. (17), decided exactly: the
 * negative curvature h = −λ_min(S) of the symmetric part S = (H + Hᵀ)/2 of a matrix of doubles,
 * the paper's bound ρ̄/h (ρ̄ = ȳᵀg/gᵀg, the supremum of λ_min over all discrete metrics,
 * Proposition 2) and the bound λ_min(M̄)/h of one metric M̄ = M(γσ̄) of the family (22), each
 * correctly rounded (round-half-even, {@link ExactRounding}), and whether a given η lies below the
 * last. The exact fallback of {@code ngdref.discrete.HessianCorrectedMetric}; dense and slow
 * (O(D³) big-integer operations per comparison), meant for the small D of a dense Hessian.
 *
 * <p>Every comparison of a bound with a dyadic b &gt; 0 is the definiteness of one symmetric
 * matrix ({@link ExactDefiniteness}), since λ_min(S + tI) = λ_min(S) + t:
 * <ul>
 * <li>h &gt; b ⇔ λ_min(S + bI) &lt; 0;</li>
 * <li>ρ̄/h &gt; b ⇔ h &lt; ρ̄/b ⇔ λ_min(b·gᵀg·S + ȳᵀg·I) &gt; 0 (all rational);</li>
 * <li>λ_min(M̄)/h &gt; b ⇔ λ_min(b·S + ℓI) &gt; 0 with ℓ = λ_min(M̄), a root of a quadratic with
 *   rational coefficients: ℓ is bracketed by dyadic rationals lo &lt; ℓ &lt; hi
 *   ({@link ExactGeometry#compare}); λ_min(b·S + lo·I) &ge; 0 proves the sign +1,
 *   λ_min(b·S + hi·I) &le; 0 proves −1, otherwise the bracket is halved. This ends unless
 *   −b·λ_min(S) = ℓ exactly (the bound equals b: an algebraic coincidence of H and M̄ that no
 *   rational test decides); after {@link #BISECTIONS} halvings the comparison is refused with an
 *   {@link ArithmeticException} saying so.</li>
 * </ul>
 */
public final class ExactCurvature {

    /** Halvings of the bracket of λ_min(M̄) before a comparison is refused as undecidable. */
    static final int BISECTIONS = 300;
    /** Precision of the starting approximations. */
    private static final MathContext ROUGH = new MathContext(20);

    /** S = (H + Hᵀ)/2, exact. */
    private final Dyadic[][] s;
    /** sign(λ_min(S)). */
    private final int sign;

    private ExactCurvature(Dyadic[][] s) {
        this.s = s;
        this.sign = ExactDefiniteness.signOfSmallestEigenvalue(s);
    }

    /**
     * The exact symmetric part of a square matrix of finite doubles.
     *
     * @param h n×n, n &ge; 1, finite entries (not modified; validated by the caller)
     * @return the curvature
     * @throws IllegalArgumentException if h is null, empty, not square or has a non-finite entry
     */
    public static ExactCurvature of(double[][] h) {
        if (h == null || h.length == 0) {
            throw new IllegalArgumentException("the matrix must be non-null and non-empty");
        }
        final int n = h.length;
        final Dyadic[][] s = new Dyadic[n][n];
        final BigDecimal half = new BigDecimal("0.5");
        for (int i = 0; i < n; i++) {
            if (h[i] == null || h[i].length != n) {
                throw new IllegalArgumentException("row " + i + " is null or not of length " + n);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                if (!Double.isFinite(h[i][j]) || !Double.isFinite(h[j][i])) {
                    throw new IllegalArgumentException("entry [" + i + "][" + j + "] or [" + j + "][" + i
                            + "] is not finite");
                }
                final Dyadic v = Dyadic.of(new BigDecimal(h[i][j]).add(new BigDecimal(h[j][i])).multiply(half));
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return new ExactCurvature(s);
    }

    /**
     * Whether S has a negative eigenvalue (h &gt; 0), decided exactly.
     *
     * @return λ_min(S) &lt; 0
     */
    public boolean hasNegativeEigenvalue() {
        return sign < 0;
    }

    /**
     * h = −λ_min(S), correctly rounded.
     *
     * @param hApprox an approximation of h (a starting point only)
     * @return the double nearest to h
     * @throws IllegalStateException if S has no negative eigenvalue
     * @throws ArithmeticException when h rounds to ∞ or to 0
     */
    public double negativeCurvature(double hApprox) {
        requireNegativeEigenvalue();
        return ExactRounding.roundPositive(new Bound(BigDecimal.ONE, hApprox) {
            @Override
            public int compareWith(BigDecimal b) {
                return b.signum() <= 0 ? 1 : -signOf(BigDecimal.ONE, b);
            }
        }, "h = −λ_min(H)");
    }

    /**
     * The paper's bound ρ̄/h = (ȳᵀg/gᵀg)/h, correctly rounded.
     *
     * @param g the update (finite; not modified)
     * @param yBar ȳ (finite, same length, ȳᵀg &gt; 0; not modified)
     * @param hApprox an approximation of h (a starting point only)
     * @param name the bound's name for the message of a refusal
     * @return the double nearest to ρ̄/h
     * @throws IllegalStateException if S has no negative eigenvalue
     * @throws ArithmeticException naming the bound when it rounds to ∞ or to 0
     */
    public double paperBound(double[] g, double[] yBar, double hApprox, String name) {
        requireNegativeEigenvalue();
        final BigDecimal gg = ExactGeometry.exactDot(g, g);
        final BigDecimal yg = ExactGeometry.exactDot(yBar, g);
        return ExactRounding.roundPositive(new Bound(yg.divide(gg, ROUGH), hApprox) {
            @Override
            public int compareWith(BigDecimal b) {
                return b.signum() <= 0 ? 1 : signOf(b.multiply(gg), yg);
            }
        }, name);
    }

    /**
     * The bound λ_min(M̄)/h of the metric M̄ = M(γσ̄) of (g, ȳ), correctly rounded.
     *
     * @param g the update (finite; not modified)
     * @param yBar ȳ (finite, same length, ȳᵀg &gt; 0; not modified)
     * @param gamma γ of M̄, finite and &gt; 0
     * @param hApprox an approximation of h (a starting point only)
     * @param name the bound's name for the message of a refusal
     * @return the double nearest to λ_min(M̄)/h
     * @throws IllegalStateException if S has no negative eigenvalue
     * @throws ArithmeticException naming the bound when it rounds to ∞ or to 0, or when a
     *     comparison is undecidable (see the class comment)
     */
    public double metricBound(double[] g, double[] yBar, double gamma, double hApprox, String name) {
        requireNegativeEigenvalue();
        final ExactGeometry geo = ExactGeometry.of(g, yBar);
        final LambdaMinBracket ell = new LambdaMinBracket(geo, gamma);   // shared by every comparison
        return ExactRounding.roundPositive(new Bound(geo.approximation(ExactGeometry.LAMBDA_MIN, gamma, true), hApprox) {
            @Override
            public int compareWith(BigDecimal b) {
                return b.signum() <= 0 ? 1 : compareMetricBound(ell, b, name);
            }
        }, name);
    }

    /**
     * Whether η &lt; λ_min(M̄)/h, decided exactly (true for every η when S has no negative
     * eigenvalue).
     *
     * @param g the update (finite; not modified)
     * @param yBar ȳ (finite, same length, ȳᵀg &gt; 0; not modified)
     * @param gamma γ of M̄, finite and &gt; 0
     * @param eta η, finite and &gt; 0
     * @param name the bound's name for the message of a refusal
     * @return η &lt; λ_min(M̄)/h
     * @throws ArithmeticException when the comparison is undecidable (see the class comment)
     */
    public boolean isBelowMetricBound(double[] g, double[] yBar, double gamma, double eta, String name) {
        return sign >= 0 || compareMetricBound(new LambdaMinBracket(ExactGeometry.of(g, yBar), gamma),
                new BigDecimal(eta), name) > 0;
    }

    /** sign(λ_min(M̄)/h − b) for b &gt; 0 (class comment), narrowing the shared bracket of ℓ. */
    private int compareMetricBound(LambdaMinBracket ell, BigDecimal b, String name) {
        if (ell.exact != null) {
            return signOf(b, ell.exact);
        }
        int atLo = signOf(b, ell.lo);
        int atHi = signOf(b, ell.hi);
        for (int step = 0; step < BISECTIONS; step++) {
            if (atLo >= 0) {
                return 1;  // λ_min(bS + ℓI) > λ_min(bS + lo·I) ≥ 0
            }
            if (atHi <= 0) {
                return -1; // λ_min(bS + ℓI) < λ_min(bS + hi·I) ≤ 0
            }
            final BigDecimal oldLo = ell.lo;
            ell.halve();
            if (ell.exact != null) {
                return signOf(b, ell.exact);
            }
            if (ell.lo != oldLo) {
                atLo = signOf(b, ell.lo);
            } else {
                atHi = signOf(b, ell.hi);
            }
        }
        throw new ArithmeticException(name + " cannot be compared with " + b.doubleValue()
                + ": −λ_min(H)·" + b.doubleValue() + " and λ_min(M̄) agree to " + BISECTIONS
                + " bits (an algebraic coincidence no rational test decides); refused");
    }

    /**
     * ℓ = λ_min(M̄) of (g, ȳ, γ) as dyadic rationals lo &lt; ℓ &lt; hi, or exactly, from
     * ExactGeometry's exact comparisons. Built once per bound and narrowed by every comparison
     * that needs it: a halving stays valid for all later comparisons.
     */
    private static final class LambdaMinBracket {
        private final ExactGeometry geo;
        private final double gamma;
        private BigDecimal lo;
        private BigDecimal hi;
        /** ℓ when a comparison hit it exactly, else null. */
        private BigDecimal exact;

        LambdaMinBracket(ExactGeometry geo, double gamma) {
            this.geo = geo;
            this.gamma = gamma;
            // A dyadic start near ℓ: its 50-digit approximation rounded to 53 bits.
            final BigDecimal start = dyadic(geo.approximation(ExactGeometry.LAMBDA_MIN, gamma, true));
            final int at = compare(start);
            if (at == 0) {
                exact = start;
                return;
            }
            // Widen a bracket around start until it holds ℓ strictly inside.
            for (int k = 50; ; k = k / 2) {
                final BigDecimal width = ExactGeometry.scalb(start, -k);
                lo = at < 0 ? start.subtract(width) : start;
                hi = at > 0 ? start.add(width) : start;
                final int side = at < 0 ? compare(lo) : -compare(hi);
                if (side == 0) {
                    exact = at < 0 ? lo : hi;
                    return;
                }
                if (side > 0) {
                    return; // lo < ℓ < hi
                }
                if (k == 0) {
                    throw new IllegalStateException(
                            "internal error: λ_min(M̄) is not within a factor 2 of its approximation");
                }
            }
        }

        /** sign(ℓ − t). */
        private int compare(BigDecimal t) {
            return geo.compare(ExactGeometry.LAMBDA_MIN, gamma, true, t);
        }

        /** Halves the bracket (or finds ℓ exactly at its midpoint). */
        void halve() {
            final BigDecimal mid = lo.add(hi).multiply(new BigDecimal("0.5"));
            final int c = compare(mid);
            if (c == 0) {
                exact = mid;
            } else if (c > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
    }

    /** sign(λ_min(c·S + t·I)) for dyadic c &gt; 0 and t. */
    private int signOf(BigDecimal c, BigDecimal t) {
        final Dyadic cd = Dyadic.of(c);
        final Dyadic td = Dyadic.of(t);
        final int n = s.length;
        final Dyadic[][] m = new Dyadic[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                final Dyadic v = i == j ? cd.multiply(s[i][j]).add(td) : cd.multiply(s[i][j]);
                m[i][j] = v;
                m[j][i] = v;
            }
        }
        return ExactDefiniteness.signOfSmallestEigenvalue(m);
    }

    private void requireNegativeEigenvalue() {
        if (sign >= 0) {
            throw new IllegalStateException("H has no negative eigenvalue: h = 0 and the bound is +∞");
        }
    }

    /** v &gt; 0 rounded to 53 significant bits at its own exponent: a dyadic rational. */
    private static BigDecimal dyadic(BigDecimal v) {
        final int e = ExactGeometry.floorLog2(v);
        return ExactGeometry.scalb(new BigDecimal(ExactGeometry.scalb(v, -e).doubleValue()), e);
    }

    /**
     * A bound numerator/h with the dyadic approximation numerator/hApprox (hApprox a finite
     * positive double, else 1: a starting point only).
     */
    private abstract static class Bound implements ExactRounding.Quantity {
        private final BigDecimal approximation;

        Bound(BigDecimal numerator, double hApprox) {
            final BigDecimal h = new BigDecimal(hApprox > 0.0 && hApprox <= Double.MAX_VALUE ? hApprox : 1.0);
            this.approximation = dyadic(numerator.divide(h, ROUGH));
        }

        @Override
        public BigDecimal approximation() {
            return approximation;
        }
    }
}
