package ngdref.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import ngdref.discrete.AverageVectorFieldDiscreteGradient;
import ngdref.discrete.DiscreteGradient;
import ngdref.discrete.DiscreteStep;
import ngdref.discrete.HessianCorrectedMetric;
import ngdref.discrete.ItohAbeDiscreteGradient;
import ngdref.discrete.MidpointDiscreteGradient;
import ngdref.discrete.TaylorDiscreteGradient;
import ngdref.discrete.TimeVaryingExtension;
import ngdref.metric.OneParameterMetric;
import ngdref.oracle.Enclosure;
import ngdref.oracle.ExactDots;
import ngdref.oracle.ExplicitFamilyMetric;
import ngdref.oracle.GradientAngle;
import ngdref.oracle.Rational;
import ngdref.oracle.SpanRestriction;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/** Section 2.2 as randomized properties on random smooth losses. */
class DiscreteTimeProperties {

    private static double[] point(Random r, int d, double scale) {
        final double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = scale * r.nextGaussian();
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double absScale(RandomLoss l, double[] x, double[] xn) {
        return Math.abs(l.value(x)) + Math.abs(l.value(xn)) + 1;
    }

    /** Eq. (12) for one discrete gradient: pᵀ∇̄L = L(x') − L(x) and ∇̄L(x, x) = ∇L(x). */
    private static void axioms(DiscreteGradient dg, RandomLoss l, double[] x, double[] xn, double rel) {
        final double[] p = new double[x.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = xn[i] - x[i];
        }
        final double scale = absScale(l, x, xn);
        assertEquals(l.value(xn) - l.value(x), dot(p, dg.of(l, x, xn)), rel * scale, dg.getClass().getSimpleName());
        final double[] same = dg.of(l, x, x);
        final double[] grad = l.gradient(x);
        final double gscale = Arrays.stream(grad).map(Math::abs).max().orElse(0) + 1;
        for (int i = 0; i < x.length; i++) {
            assertEquals(grad[i], same[i], rel * gscale, dg.getClass().getSimpleName() + " consistency");
        }
    }

    @Property
    void everyDiscreteGradientSatisfiesEquation12(@ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int d,
                                                  @ForAll @DoubleRange(min = 1e-3, max = 1.0) @net.jqwik.api.constraints.Scale(8) double step) {
        final Random r = new Random(seed);
        final RandomLoss l = new RandomLoss(seed, d);
        final double[] x = point(r, d, 1.0);
        final double[] xn = x.clone();
        final double[] dir = point(r, d, step);
        for (int i = 0; i < d; i++) {
            xn[i] += dir[i];
        }
        axioms(new MidpointDiscreteGradient(), l, x, xn, 1e-12);
        axioms(new ItohAbeDiscreteGradient(), l, x, xn, 1e-12);
        axioms(new TaylorDiscreteGradient(), l, x, xn, 1e-8);
        // AVF: exact only up to quadrature error; 12 Gauss points on a segment of length ≤ ~3√D.
        final AverageVectorFieldDiscreteGradient avf = new AverageVectorFieldDiscreteGradient(12);
        final double[] p = dir;
        final double est = avf.errorEstimate(l, x, xn);
        assertEquals(l.value(xn) - l.value(x), dot(p, avf.of(l, x, xn)),
                1e-12 * absScale(l, x, xn) + est * Arrays.stream(p).map(Math::abs).sum() * 2);
    }

    @Property
    void discreteMetricMapsGToYBarForEveryEffectiveStep(@ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int d,
                                                        @ForAll @DoubleRange(min = 1e-4, max = 0.5) @net.jqwik.api.constraints.Scale(8) double eta) {
        final Random r = new Random(seed);
        final RandomLoss l = new RandomLoss(seed, d);
        final double[] theta = point(r, d, 1.0);
        // A noisy descent direction: g = −∇L + noise.
        final double[] grad = l.gradient(theta);
        final double[] g = point(r, d, 0.3 * Arrays.stream(grad).map(Math::abs).max().orElse(1));
        for (int i = 0; i < d; i++) {
            g[i] -= grad[i];
        }
        final double[] next = new double[d];
        for (int i = 0; i < d; i++) {
            next[i] = theta[i] + eta * g[i];
        }
        final double[] yBar = new MidpointDiscreteGradient().of(l, theta, next);
        for (int i = 0; i < d; i++) {
            yBar[i] = -yBar[i];
        }
        Assume.that(Generators.effective(g, yBar));
        final DiscreteStep step = DiscreteStep.of(l, new MidpointDiscreteGradient(), theta, eta, g, 1.0);
        final double[] mg = step.metric().apply(g);
        final double[] yb = step.yBar();
        for (int i = 0; i < d; i++) {
            assertEquals(yb[i], mg[i], 0x1.0p-50 * Math.abs(yb[i]) + 1e-300);
        }
        assertEquals(step.decrease(), eta * dot(g, yb), 1e-10 * absScale(l, theta, next));
        assertTrue(step.decrease() > -1e-12 * absScale(l, theta, next));
    }

    private static double lambdaMin(double[][] m) {
        return Arrays.stream(new EigenDecomposition(new Array2DRowRealMatrix(m, false)).getRealEigenvalues()).min().orElseThrow();
    }

    @Property
    void etaBoundMakesTheCorrectedMetricSpdAndIsTight(@ForAll("pairs") Case c, @ForAll @DoubleRange(min = 0.01, max = 10) double h) {
        etaBound(c, h);
    }

    /**
     * The bounds of (17) against values computed here, never against the library's own closed
     * forms: λ_min(M̄) exactly from the oracle (see {@link #exactLambdaMin}), M̄ for the
     * definiteness checks built from Eq. (8) in the test, and the paper's bound (ȳᵀg/gᵀg)/h from
     * the oracle's exact inner products.
     */
    private static void etaBound(Case c, double h) {
        final OneParameterMetric mBar = OneParameterMetric.ofGamma(c.g, c.y, c.gamma);
        final int d = c.dimension();
        final double[][] explicit = DenseFamily.of(c.g, c.y, c.gamma);
        final double lmin = exactLambdaMin(c).loRounded();
        // The worst Hessian: H = −h·vvᵀ along M̄'s λ_min eigenvector v (so λ_min(M̄+ηH) = λ_min(M̄) − ηh).
        final double[] v = mBar.simpleEigenvectors()[1];
        final double[][] hh = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                hh[i][j] = -h * v[i] * v[j];
            }
        }
        final double bound = HessianCorrectedMetric.of(c.g, c.y, hh, Double.MIN_NORMAL, c.gamma).learningRateBound();
        // bound = λ_min(M̄)/h': λ_min correctly rounded, h' = −λ_min(H) to about D·u·h.
        assertEquals(lmin / h, bound, 1e-13 * d * bound, "λ_min(M̄)/h");
        // Below the bound: SPD (checked by an independent dense eigen-decomposition).
        final double[][] ok = HessianCorrectedMetric.of(c.g, c.y, hh, 0.5 * bound, c.gamma).toArray();
        assertTrue(lambdaMin(ok) > 0.4 * lmin, "λ_min(M̄+ηH) = " + lambdaMin(ok));
        // Above it: rejected, and indeed not SPD.
        assertThrows(IllegalArgumentException.class, () -> HessianCorrectedMetric.of(c.g, c.y, hh, 1.5 * bound, c.gamma));
        final double[][] bad = explicit;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                bad[i][j] += 1.5 * bound * hh[i][j];
            }
        }
        assertTrue(lambdaMin(bad) < 0, "M̄ + 1.5·bound·H should be indefinite");
        // The paper's bound (γ → ∞ supremum) is (ȳᵀg/gᵀg)/h, exactly (h to the accuracy of v's
        // norm and of the eigenvalue −h of H), and never below the per-metric bound.
        final ExactDots dots = ExactDots.of(c.g, c.y);
        final double rho = Enclosure.of(dots.yTg().divide(dots.gTg())).loRounded();
        final double paper = HessianCorrectedMetric.learningRateBound(c.g, c.y, hh);
        assertEquals(rho / h, paper, 1e-13 * d * rho / h, "paper's bound (ȳᵀg/gᵀg)/h");
        assertTrue(paper >= bound * (1 - 1e-12));
    }

    /**
     * λ_min of the exact M(γ): the eigenvalues are α = γ·yᵀy/yᵀg on (span{g, y})⊥ and, on the
     * invariant plane span{g, y}, the roots of the oracle's exact 2×2 characteristic polynomial
     * t² − tr·t + det (in certified arithmetic); on a line (g ∥ y) the other one is σ = yᵀy/yᵀg.
     */
    private static Enclosure exactLambdaMin(Case c) {
        final ExactDots dots = ExactDots.of(c.g, c.y);
        final Rational sigma = dots.yTy().divide(dots.yTg());
        final Rational alpha = sigma.multiply(Rational.of(c.gamma));
        final Enclosure plane;
        if (GradientAngle.of(c.g, c.y).sinSquared().signum() == 0) {
            plane = Enclosure.of(sigma);
        } else {
            final SpanRestriction b = SpanRestriction.of(ExplicitFamilyMetric.ofGamma(c.g, c.y, c.gamma), c.g, c.y);
            final Rational tr = b.trace();
            final Enclosure root = Enclosure.of(tr.multiply(tr).subtract(Rational.of(4).multiply(b.determinant()))).sqrt();
            plane = Enclosure.of(tr).subtract(root).multiply(Enclosure.point(new java.math.BigDecimal("0.5")));
        }
        final Enclosure a = Enclosure.of(alpha);
        return Enclosure.of(plane.lo().min(a.lo()), plane.hi().min(a.hi()));
    }

    /** The bound checks on fixed pairs, so that a fault they catch fails every run. */
    @Example
    void etaBoundOnFixedCases() {
        final Case[] cases = {
            Generators.build(31, 2, 0.4, 0.0, 0.0, 0, 1.0),
            Generators.build(32, 4, 1.1, 1.5, -0.5, 2, 0.05),
            Generators.build(33, 7, 0.05, -2.0, 1.0, 1, 20.0),
            Generators.build(34, 10, 0.8, 0.3, 2.5, 2, 1.0),
        };
        final double[] hs = {0.01, 0.7, 3.0, 10.0};
        for (int k = 0; k < cases.length; k++) {
            assertTrue(cases[k] != null, "fixed case " + k + " not effective");
            etaBound(cases[k], hs[k]);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Case> pairs() {
        return Generators.moderateCases(10);
    }

    @Property
    void timeVaryingExtensionIsNaturalGradientOnTheExtendedVector(@ForAll("pairs") Case c,
                                                                  @ForAll @DoubleRange(min = -5, max = 5) double dLdt) {
        // θ̇ = g, ∇_θL = −y; effective iff L̇ = −yᵀg + ∂_tL < 0.
        final double[] grad = new double[c.dimension()];
        for (int i = 0; i < grad.length; i++) {
            grad[i] = -c.y[i];
        }
        // Decide L̇ = ∇_θLᵀθ̇ + ∂_tL < 0 exactly (yᵀg can round to exactly ∂_tL).
        final double[] gExt = TimeVaryingExtension.extendedUpdate(c.g);
        final double[] yExt = TimeVaryingExtension.extendedNegativeGradient(grad, dLdt);
        if (!Generators.effective(gExt, yExt)) {
            assertThrows(IllegalArgumentException.class, () -> TimeVaryingExtension.metric(c.g, grad, dLdt, 1.0));
            return;
        }
        final OneParameterMetric m = TimeVaryingExtension.metric(c.g, grad, dLdt, 1.0);
        final double[] v = TimeVaryingExtension.extendedUpdate(c.g);
        final double[] target = TimeVaryingExtension.extendedNegativeGradient(grad, dLdt);
        final double[] mv = m.apply(v);
        for (int i = 0; i < v.length; i++) {
            // the documented bound of OneParameterMetric.apply for x = g (α·2^-100·|gᵢ| matters
            // when yᵀg cancels on the extended vectors and α = yᵀy/yᵀg is large)
            assertEquals(target[i], mv[i], 0x1.0p-51 * Math.abs(target[i]) + m.alpha() * 0x1.0p-100 * Math.abs(v[i]));
        }
    }
}
