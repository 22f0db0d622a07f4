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
 * <p>Every comparison of a bound with a dyadic b &gt; 0 is the definiteness of one or two symmetric
 * dyadic matrices ({@link ExactDefiniteness}), since λ_min(S + tI) = λ_min(S) + t:
 * <ul>
 * <li>h &gt; b ⇔ λ_min(S + bI) &lt; 0;</li>
 * <li>ρ̄/h &gt; b ⇔ h &lt; ρ̄/b ⇔ λ_min(b·gᵀg·S + ȳᵀg·I) &gt; 0 (all rational);</li>
 * <li>λ_min(M̄)/h &gt; b ⇔ ℓ &gt; μ with ℓ = λ_min(M̄) and μ = b·h = −λ_min(b·S). ℓ is the smaller
 *   root of p(λ) = λ² − (σ̄+α)λ + αρ̄ (Lemma 1: λ₊ + λ₋ = σ̄ + α, λ₊λ₋ = αρ̄; α = γσ̄), whose
 *   vertex is c = (σ̄+α)/2. If μ &ge; c then ℓ &le; c &le; μ (equal only when the discriminant
 *   is 0). If μ &lt; c, every eigenvalue −λᵢ of −b·S is &le; μ &lt; c, where p decreases, so the
 *   smallest eigenvalue of p(−b·S) = b²S² + (σ̄+α)·b·S + αρ̄·I is p(μ), and p(μ) &gt; 0 ⇔ μ &lt; ℓ.
 *   Scaled by the positive ȳᵀg·gᵀg (resp. 2ȳᵀg) both tests are the definiteness of a dyadic
 *   matrix: every comparison is decided, none refused.</li>
 * </ul>
 */
public final class ExactCurvature {

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
     * @throws ArithmeticException naming the bound when it rounds to ∞ or to 0
     */
    public double metricBound(double[] g, double[] yBar, double gamma, double hApprox, String name) {
        requireNegativeEigenvalue();
        final ExactGeometry geo = ExactGeometry.of(g, yBar);
        final MetricPolynomial p = new MetricPolynomial(g, yBar, gamma);   // shared by every comparison
        return ExactRounding.roundPositive(new Bound(geo.approximation(ExactGeometry.LAMBDA_MIN, gamma, true), hApprox) {
            @Override
            public int compareWith(BigDecimal b) {
                return b.signum() <= 0 ? 1 : compareMetricBound(p, b);
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
     * @return η &lt; λ_min(M̄)/h
     */
    public boolean isBelowMetricBound(double[] g, double[] yBar, double gamma, double eta) {
        return sign >= 0 || compareMetricBound(new MetricPolynomial(g, yBar, gamma), new BigDecimal(eta)) > 0;
    }

    /** sign(λ_min(M̄)/h − b) = sign(ℓ − μ), μ = b·h, for dyadic b &gt; 0 (class comment). */
    private int compareMetricBound(MetricPolynomial p, BigDecimal b) {
        final Dyadic bd = Dyadic.of(b);
        final int n = s.length;
        // μ < c ⇔ λ_min(b·S + c·I) > 0; times 2ȳᵀg: λ_min(2ȳᵀg·b·S + (1+γ)ȳᵀȳ·I) > 0
        final Dyadic sCoefficient = p.twiceYg.multiply(bd);
        final Dyadic[][] vertexTest = new Dyadic[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                final Dyadic v = sCoefficient.multiply(s[i][j]);
                vertexTest[i][j] = i == j ? v.add(p.onePlusGammaYy) : v;
            }
        }
        final int belowVertex = ExactDefiniteness.signOfSmallestEigenvalue(vertexTest);
        if (belowVertex <= 0) {
            // ℓ ≤ c ≤ μ, with ℓ = c only when the discriminant is 0
            return belowVertex == 0 && p.discriminantIsZero ? 0 : -1;
        }
        // sign(p(μ)) = sign λ_min(ȳᵀg·gᵀg·b²S² + (1+γ)ȳᵀȳ·gᵀg·b·S + γ·ȳᵀȳ·ȳᵀg·I)
        final Dyadic square = p.ygGg.multiply(bd).multiply(bd);
        final Dyadic linear = p.onePlusGammaYyGg.multiply(bd);
        final Dyadic[][] polynomialTest = new Dyadic[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                Dyadic s2 = Dyadic.ZERO;
                for (int k = 0; k < n; k++) {
                    s2 = s2.add(s[i][k].multiply(s[k][j]));
                }
                Dyadic v = square.multiply(s2).add(linear.multiply(s[i][j]));
                if (i == j) {
                    v = v.add(p.constant);
                }
                polynomialTest[i][j] = v;
                polynomialTest[j][i] = v;
            }
        }
        return ExactDefiniteness.signOfSmallestEigenvalue(polynomialTest);
    }

    /**
     * The exact coefficients, all dyadic, of the characteristic polynomial of M̄ = M(γσ̄) on
     * span{g, ȳ}, scaled as {@link #compareMetricBound} uses them.
     */
    private static final class MetricPolynomial {
        /** 2ȳᵀg. */
        final Dyadic twiceYg;
        /** (1+γ)ȳᵀȳ = 2ȳᵀg·c. */
        final Dyadic onePlusGammaYy;
        /** ȳᵀg·gᵀg. */
        final Dyadic ygGg;
        /** (1+γ)ȳᵀȳ·gᵀg = ȳᵀg·gᵀg·(σ̄+α). */
        final Dyadic onePlusGammaYyGg;
        /** γ·ȳᵀȳ·ȳᵀg = ȳᵀg·gᵀg·αρ̄. */
        final Dyadic constant;
        /** (σ̄+α)² = 4αρ̄, i.e. (1+γ)²·ȳᵀȳ·gᵀg = 4γ·(ȳᵀg)². */
        final boolean discriminantIsZero;

        MetricPolynomial(double[] g, double[] yBar, double gamma) {
            final BigDecimal yy = ExactGeometry.exactDot(yBar, yBar);
            final BigDecimal gg = ExactGeometry.exactDot(g, g);
            final BigDecimal yg = ExactGeometry.exactDot(yBar, g);
            final BigDecimal gammaX = new BigDecimal(gamma);
            final BigDecimal onePlusGamma = BigDecimal.ONE.add(gammaX);
            twiceYg = Dyadic.of(yg.add(yg));
            onePlusGammaYy = Dyadic.of(onePlusGamma.multiply(yy));
            ygGg = Dyadic.of(yg.multiply(gg));
            onePlusGammaYyGg = Dyadic.of(onePlusGamma.multiply(yy).multiply(gg));
            constant = Dyadic.of(gammaX.multiply(yy).multiply(yg));
            discriminantIsZero = onePlusGamma.multiply(onePlusGamma).multiply(yy).multiply(gg)
                    .compareTo(new BigDecimal(4).multiply(gammaX).multiply(yg).multiply(yg)) == 0;
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
