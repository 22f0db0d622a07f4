package ngdref.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import ngdref.discrete.HessianCorrectedMetric;
import ngdref.metric.OneParameterMetric;
import ngdref.oracle.ExactDots;
import ngdref.oracle.ExactInertia;
import ngdref.oracle.ExplicitFamilyMetric;
import ngdref.oracle.Inertia;
import ngdref.oracle.Rational;
import ngdref.oracle.RationalMatrix;

/**
 * Issue 12, item 2: the η bounds are correctly rounded (round-half-even) or refused by name only
 * when their exact value is outside the range of double; checked with the independent oracle
 * alone (exact rationals, the explicit matrices, exact inertia), over pairs from
 * {@link EdgeCases} (whole double range, midpoints, thresholds, near-parallel) and matrices and
 * vectors whose entries span the range:
 * <ul>
 * <li>the paper's bound ρ̄/h of Eq. (17), h = −λ_min(S), S = (H + Hᵀ)/2:
 *   sign(ρ̄/h − t) = sign λ_min(t·gᵀg·S + ȳᵀg·I) for t &gt; 0, +∞ exactly when S ⪰ 0;</li>
 * <li>h itself: sign(h − t) = −sign λ_min(S + tI);</li>
 * <li>the bound λ_min(M̄)/h of one metric: sign(λ_min(M̄)/h − t) = sign λ_min(t·S + ℓI),
 *   ℓ = λ_min(M̄) bracketed by the oracle's exact comparisons of λ_min (bisection until the
 *   inertia decides); and η = the returned bound is accepted by
 *   {@link HessianCorrectedMetric#of} exactly when the exact bound is above it;</li>
 * <li>the rank-one bound of (19), {@link OneParameterMetric#rankOneBound}: for s = hᵀg &lt; 0,
 *   sign(B − t) is the definiteness of the explicit M + t·hhᵀ/s (PD: B &gt; t; singular: B = t),
 *   +∞ exactly when s &gt; 0, refused (IllegalArgumentException) exactly when s = 0.</li>
 * </ul>
 * Cases: 200 (Hessian) and 600 (rank-one) at the default tries, 3,000 and 9,000 in the long
 * profile.
 */
class EtaBoundProperties {

    /** Cases per try of the rank-one property; the Hessian property, slower (exact inertia), takes {@value #HESSIAN_CALLS}. */
    private static final int CALLS = 3;
    private static final int HESSIAN_CALLS = 1;

    @Property
    void hessianBoundsAreCorrectlyRoundedOrRefusedByName(@ForAll long seed) {
        final Random r = new Random(seed);
        for (int call = 0; call < HESSIAN_CALLS; call++) {
            final EdgeCases c = EdgeCases.of(r.nextLong());
            if (c == null) {
                continue;
            }
            final int d = c.g.length;
            final double[][] h = matrix(r, d);
            final RationalMatrix s = symmetricPart(h);
            final boolean negative = ExactInertia.of(s).negative() > 0;
            Statistics.label("H").collect(negative ? "indefinite" : "positive semidefinite");
            final ExactDots dots = ExactDots.of(c.g, c.y);
            final Rational gg = dots.gTg();
            final Rational yg = dots.yTg();
            // the paper's bound
            check("ρ̄/h", () -> HessianCorrectedMetric.learningRateBound(c.g, c.y, h), negative,
                    t -> t.signum() <= 0 ? 1 : sign(s.scale(t.multiply(gg)).shift(yg.negate())), c, h);
            // one metric: γ from the case (α = γσ), η tiny
            final double gamma = c.parameterIsGamma ? c.parameter : 1.0;
            final HessianCorrectedMetric m;
            try {
                m = HessianCorrectedMetric.of(c.g, c.y, h, Double.MIN_VALUE, gamma);
            } catch (IllegalArgumentException | ArithmeticException e) {
                assertNamed(e);
                Statistics.label("metric").collect("refused");
                continue;
            }
            Statistics.label("metric").collect("built");
            check("h", m::negativeCurvature, negative,
                    t -> t.signum() <= 0 ? (negative ? 1 : 0) : -sign(s.shift(t.negate())), c, h);
            final Function<Rational, Integer> lambdaMin = new RoundingCheck(c.g, c.y, false)
                    .family("lambdaMin", ExplicitFamilyMetric.alphaOfGamma(c.g, c.y, gamma));
            final Function<Rational, Integer> bound = t -> t.signum() <= 0 ? 1 : metricBoundSign(s, lambdaMin, t);
            final double b = check("λ_min(M̄)/h", m::learningRateBound, negative, bound, c, h);
            if (b > 0.0 && b < Double.POSITIVE_INFINITY) {
                // η = the rounded bound is accepted exactly when the exact bound lies above it
                final boolean accept = bound.apply(Rational.of(b)) > 0;
                boolean accepted;
                try {
                    HessianCorrectedMetric.of(c.g, c.y, h, b, gamma);
                    accepted = true;
                } catch (IllegalArgumentException e) {
                    accepted = false;
                } catch (ArithmeticException e) {
                    assertNamed(e);
                    continue; // M̄ + ηH has an entry outside the range of double
                }
                assertEquals(accept, accepted, "η = the rounded bound " + b + " " + describe(c, h));
            }
        }
    }

    @Property
    void rankOneBoundIsCorrectlyRoundedOrRefusedByName(@ForAll long seed) {
        final Random r = new Random(seed);
        for (int call = 0; call < CALLS; call++) {
            final EdgeCases c = EdgeCases.of(r.nextLong());
            if (c == null) {
                continue;
            }
            final int d = c.g.length;
            final double[] h = r.nextInt(3) == 0 ? nearlyOpposite(r, c.y) : vector(r, d);
            final OneParameterMetric m;
            try {
                m = c.parameterIsGamma ? OneParameterMetric.ofGamma(c.g, c.y, c.parameter)
                        : OneParameterMetric.ofAlpha(c.g, c.y, c.parameter);
            } catch (ArithmeticException e) {
                assertNamed(e);
                continue;
            }
            final Rational[] hr = ExactDots.exact(h, "h");
            final Rational sDot = ExactDots.dot(hr, ExactDots.exact(c.g, "g"));
            if (sDot.signum() == 0) {
                Statistics.label("hᵀg").collect("0");
                assertThrows(IllegalArgumentException.class, () -> m.rankOneBound(h));
                continue;
            }
            if (sDot.signum() > 0) {
                Statistics.label("hᵀg").collect("> 0");
                assertEquals(Double.POSITIVE_INFINITY, m.rankOneBound(h));
                continue;
            }
            Statistics.label("hᵀg").collect("< 0");
            final Rational alpha = new RoundingCheck(c.g, c.y).alpha(c.parameter, c.parameterIsGamma);
            final RationalMatrix mBar = ExplicitFamilyMetric.ofAlpha(c.g, c.y, alpha);
            final RationalMatrix hh = RationalMatrix.outer(hr, hr);
            check("the rank-one bound", () -> m.rankOneBound(h), true,
                    t -> t.signum() <= 0 ? 1 : sign(mBar.add(hh.scale(t.divide(sDot)))), c, new double[][] {h});
        }
    }

    /**
     * Checks one bound: +∞ exactly when {@code finite} is false; otherwise correctly rounded, or
     * refused by name when the exact value rounds to 0 or ∞. Returns the value (NaN if refused).
     */
    private static double check(String name, java.util.function.DoubleSupplier call, boolean finite,
                                Function<Rational, Integer> cmp, EdgeCases c, double[][] h) {
        final double v;
        try {
            v = call.getAsDouble();
        } catch (ArithmeticException e) {
            assertNamed(e);
            assertTrue(finite && RoundingCheck.outOfRange(cmp) != null,
                    name + " refused though its exact value is a finite double: " + e.getMessage() + " " + describe(c, h));
            Statistics.label(name).collect("refused");
            return Double.NaN;
        }
        if (!finite) {
            assertTrue(v == Double.POSITIVE_INFINITY || v == 0.0, name + " = " + v + " where the exact value is +∞ (or 0 for h) " + describe(c, h));
            Statistics.label(name).collect("+∞ or 0");
            return v;
        }
        final String why = RoundingCheck.correctlyRounded(cmp, v);
        if (why != null) {
            fail(name + " = " + v + " is not correctly rounded: " + why + " " + describe(c, h));
        }
        Statistics.label(name).collect(v < Double.MIN_NORMAL ? "subnormal" : "normal");
        return v;
    }

    /** sign(λ_min(M̄)/h − t) for t &gt; 0: the sign of λ_min(t·S + ℓI), ℓ bracketed by the oracle. */
    private static int metricBoundSign(RationalMatrix s, Function<Rational, Integer> lambdaMin, Rational t) {
        // a bracket lo < ℓ < hi of powers of two, then halving until the inertia decides
        int k = 0;
        while (lambdaMin.apply(pow2(k)) <= 0) {
            k -= 64;
        }
        int top = k + 64;
        while (lambdaMin.apply(pow2(top)) >= 0) {
            top += 64;
        }
        while (top - k > 1) {
            final int mid = (k + top) / 2;
            final int c = lambdaMin.apply(pow2(mid));
            if (c == 0) {
                return sign(s.scale(t).shift(pow2(mid).negate()));
            }
            if (c > 0) {
                k = mid;
            } else {
                top = mid;
            }
        }
        Rational lo = pow2(k);
        Rational hi = pow2(top);
        final RationalMatrix ts = s.scale(t);
        for (int step = 0; step < 400; step++) {
            if (sign(ts.shift(lo.negate())) >= 0) {
                return 1;
            }
            if (sign(ts.shift(hi.negate())) <= 0) {
                return -1;
            }
            final Rational mid = lo.add(hi).divide(Rational.of(2));
            final int c = lambdaMin.apply(mid);
            if (c == 0) {
                return sign(ts.shift(mid.negate()));
            }
            if (c > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        throw new AssertionError("the oracle could not decide λ_min(M̄)/h against " + t);
    }

    /** sign(λ_min(a)) by exact inertia. */
    private static int sign(RationalMatrix a) {
        final Inertia in = ExactInertia.of(a);
        return in.negative() > 0 ? -1 : in.zero() > 0 ? 0 : 1;
    }

    private static RationalMatrix symmetricPart(double[][] h) {
        final RationalMatrix m = RationalMatrix.of(h);
        final int d = h.length;
        final Rational[][] t = new Rational[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[i][j] = m.get(i, j).add(m.get(j, i)).divide(Rational.of(2));
            }
        }
        return RationalMatrix.of(t);
    }

    private static Rational pow2(int k) {
        return k >= 0 ? Rational.of(java.math.BigInteger.ONE.shiftLeft(k))
                : Rational.of(java.math.BigInteger.ONE, java.math.BigInteger.ONE.shiftLeft(-k));
    }

    /**
     * H: entries over the whole range (zeros, subnormals, mixed magnitudes), or at one scale 2^e,
     * or c·I + a small symmetric perturbation with c of either sign (λ_min near 0, h tiny, the
     * bound near the overflow threshold), or a rank-one −vvᵀ (singular negative part).
     */
    private static double[][] matrix(Random r, int d) {
        final double[][] h = new double[d][d];
        final int kind = r.nextInt(4);
        final int e = r.nextInt(2098) - 1074;
        final double[] v = vector(r, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                switch (kind) {
                    case 0:
                        h[i][j] = signed(r, EdgeCases.wideValue(r, true));
                        break;
                    case 1:
                        h[i][j] = signed(r, Math.scalb(1 + r.nextDouble(), e - r.nextInt(30)));
                        break;
                    case 2:
                        h[i][j] = (i == j ? Math.scalb(1.0, e) : 0.0) * (r.nextBoolean() ? 1 : -1)
                                + (r.nextInt(3) == 0 ? Math.scalb(r.nextGaussian(), e - 40 - r.nextInt(20)) : 0.0);
                        break;
                    default:
                        h[i][j] = -v[i] * v[j];
                        if (!Double.isFinite(h[i][j])) {
                            h[i][j] = -Double.MAX_VALUE;
                        }
                        break;
                }
            }
        }
        return h;
    }

    /** Entries at one random scale, within 2^±20 of it. */
    private static double[] vector(Random r, int d) {
        final int e = r.nextInt(1000) - 500;
        final double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = signed(r, Math.scalb(1 + r.nextDouble(), e - r.nextInt(20)));
        }
        return v;
    }

    /** −2^k·y with one entry nudged: hᵀg &lt; 0 and h nearly parallel to y (‖ch − sy‖ cancels). */
    private static double[] nearlyOpposite(Random r, double[] y) {
        final int k = r.nextInt(200) - 100;
        final double[] h = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            h[i] = -Math.scalb(y[i], k);
        }
        final int i = r.nextInt(y.length);
        h[i] = r.nextBoolean() ? Math.nextUp(h[i]) : Math.nextDown(h[i]);
        for (double v : h) {
            if (!Double.isFinite(v)) {
                return vector(r, y.length); // 2^k·y overflowed
            }
        }
        return h;
    }

    private static double signed(Random r, double v) {
        return r.nextBoolean() ? v : -v;
    }

    private static void assertNamed(RuntimeException e) {
        assertTrue(e.getMessage() != null && !e.getMessage().contains("NaN"), "unnamed refusal: " + e);
    }

    private static String describe(EdgeCases c, double[][] h) {
        final StringBuilder sb = new StringBuilder("(g = ").append(hex(c.g)).append(", y = ").append(hex(c.y))
                .append(c.parameterIsGamma ? ", γ = " : ", α = ").append(Double.toHexString(c.parameter)).append(", H/h = [");
        for (double[] row : h) {
            sb.append(hex(row)).append(';');
        }
        return sb.append("])").toString();
    }

    private static String hex(double[] v) {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(Double.toHexString(v[i]));
        }
        return sb.toString();
    }
}
