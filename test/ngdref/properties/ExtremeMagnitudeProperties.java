package ngdref.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Random;
import ngdref.dense.CanonicalForm;
import ngdref.dense.CanonicalMetric;
import ngdref.dense.DenseMetrics;
import ngdref.discrete.AverageVectorFieldDiscreteGradient;
import ngdref.discrete.DiscreteGradient;
import ngdref.discrete.DiscreteStep;
import ngdref.discrete.ItohAbeDiscreteGradient;
import ngdref.discrete.MidpointDiscreteGradient;
import ngdref.discrete.StochasticMetric;
import ngdref.discrete.TaylorDiscreteGradient;
import ngdref.discrete.TwiceDifferentiableLoss;
import ngdref.numerics.SymmetricEigenvalues;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 12, item 6: over inputs spanning the whole exponent range of double (entries from 2^-1074
 * to 2^1023, mixed magnitudes in one vector, subnormals), every call of the dense, canonical-form,
 * discrete-time and stochastic code either returns only finite values that satisfy its documented
 * relation, or throws IllegalArgumentException / ArithmeticException; never another exception,
 * never NaN or ∞. The relations are checked in exact arithmetic (BigDecimal) where the library
 * states a bound. Tries: jqwik's default, which the build sets (ngdref.tries; -Plong raises it).
 */
class ExtremeMagnitudeProperties {

    private static final MathContext MC = new MathContext(60);

    /** 2^e·m, m ∈ [1, 2), e = base ± spread clamped to [-1074, 1023], random sign; never 0. */
    static double magnitude(Random r, int base, int spread) {
        final int e = Math.max(-1074, Math.min(1023, base + r.nextInt(2 * spread + 1) - spread));
        final double v = Math.max(Double.MIN_VALUE, Math.scalb(1.0 + r.nextDouble(), e));
        return r.nextBoolean() ? v : -v;
    }

    static double[] vector(Random r, int d, int base, int spread) {
        final double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = magnitude(r, base, spread);
        }
        return v;
    }

    /** Spreads of exponents within one vector: mostly a few binades, often the whole range. */
    @Provide
    Arbitrary<Integer> spreads() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 40)),
                Tuple.of(2, Arbitraries.integers().between(0, 2097)));
    }

    private static void assertFinite(String what, double[] v) {
        for (double x : v) {
            assertTrue(Double.isFinite(x), what + " = " + Arrays.toString(v));
        }
    }

    private static void assertFinite(String what, double[][] m) {
        for (double[] row : m) {
            assertFinite(what, row);
        }
    }

    /** Only the two documented failures, each with a message. */
    private static void assertRefusedByName(RuntimeException e) {
        assertTrue(e instanceof IllegalArgumentException || e instanceof ArithmeticException,
                () -> "unexpected " + e);
        assertNotNull(e.getMessage());
        assertTrue(!e.getMessage().isEmpty());
    }

    static BigDecimal bd(double x) {
        return new BigDecimal(x);
    }

    static BigDecimal dot(double[] a, double[] b) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            s = s.add(bd(a[i]).multiply(bd(b[i])));
        }
        return s;
    }

    /** An SPD M = D^½·C·D^½ with C = I + off-diagonal entries of size &lt; 1/(d−1) (Gershgorin). */
    private static double[][] spdMatrix(Random r, int d, int base, int spread) {
        final double[] root = new double[d];
        for (int i = 0; i < d; i++) {
            root[i] = Math.sqrt(Math.abs(magnitude(r, base, spread)));
        }
        final double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            m[i][i] = root[i] * root[i];
            for (int j = 0; j < i; j++) {
                final double c = (r.nextDouble() - 0.5) * 1.8 / (d - 1);
                final double v = c * root[i] * root[j];
                m[i][j] = v;
                m[j][i] = v;
            }
        }
        return m;
    }

    @Property
    void decomposeIsFiniteAndWithinItsStatedBoundsOrRefused(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int d,
            @ForAll @IntRange(min = -1074, max = 1023) int base, @ForAll("spreads") int mSpread,
            @ForAll("spreads") int gSpread) {
        final Random r = new Random(seed);
        final double[][] m = spdMatrix(r, d, base, mSpread);
        final double[] g = vector(r, d, r.nextInt(2098) - 1074, gSpread);
        final double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double s = 0.0;
            for (int j = 0; j < d; j++) {
                s = Math.fma(m[i][j], g[j], s);
            }
            y[i] = s;
        }
        final double tol = 1e-10;
        final CanonicalForm f;
        try {
            f = CanonicalForm.decompose(m, g, y, tol);
        } catch (RuntimeException e) {
            assertRefusedByName(e);
            Statistics.label("decompose").collect("refused");
            return;
        }
        Statistics.label("decompose").collect("decomposed");
        final double[][] mp = f.mPrime();
        final double[][] u = f.basis();
        assertFinite("M'", mp);
        assertFinite("basis", u);
        assertTrue(Double.isFinite(f.mPrimeGResidual()) && Double.isFinite(f.reconstructionError()));
        double mu = 0.0;
        BigDecimal rowMax = BigDecimal.ZERO;
        for (double[] row : m) {
            BigDecimal s = BigDecimal.ZERO;
            for (double v : row) {
                mu = Math.max(mu, Math.abs(v));
                s = s.add(bd(v).abs());
            }
            rowMax = rowMax.max(s);
        }
        final BigDecimal yg = dot(y, g);
        final BigDecimal yy = dot(y, y);
        final BigDecimal c = yy.divide(yg, MC);
        // M' entrywise: within 2^-48·(max|M| + yᵀy/yᵀg) + 2^-1074 of (M + Mᵀ)/2 − yyᵀ/(yᵀg)
        final BigDecimal mpBound = bd(0x1.0p-48).multiply(bd(mu).add(c)).add(bd(Double.MIN_VALUE));
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                final BigDecimal exact = bd(m[i][j]).add(bd(m[j][i])).divide(BigDecimal.valueOf(2))
                        .subtract(bd(y[i]).multiply(bd(y[j])).divide(yg, MC));
                assertTrue(bd(mp[i][j]).subtract(exact).abs().compareTo(mpBound) <= 0,
                        "M'[" + i + "][" + j + "] = " + mp[i][j] + " vs " + exact);
            }
        }
        // ‖M'g‖∞ within the tolerance the method enforces (the residual it reports, up to its
        // final rounding to double)
        assertTrue(bd(f.mPrimeGResidual()).compareTo(bd(tol).multiply(rowMax).multiply(bd(maxAbs(g)))
                .add(bd(Double.MIN_VALUE))) <= 0, "‖M'g‖∞ = " + f.mPrimeGResidual());
        // Σ uᵢuᵢᵀ − M' entrywise, exactly: RECONSTRUCTION_BOUND·D·μ + 3‖M'g‖∞/‖g‖₂ + 4D·2^-1074,
        // ‖M'g‖∞ exactly for the returned M'
        final BigDecimal normG = dot(g, g).sqrt(MC);
        BigDecimal mpg = BigDecimal.ZERO;
        for (int i = 0; i < d; i++) {
            mpg = mpg.max(dot(mp[i], g).abs());
        }
        final BigDecimal bound = bd(CanonicalForm.RECONSTRUCTION_BOUND).multiply(BigDecimal.valueOf(d)).multiply(bd(mu))
                .add(BigDecimal.valueOf(3).multiply(mpg).divide(normG, MC))
                .add(bd(Double.MIN_VALUE).multiply(BigDecimal.valueOf(4L * d)));
        BigDecimal worst = BigDecimal.ZERO;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                BigDecimal s = bd(mp[i][j]).negate();
                for (double[] uk : u) {
                    s = s.add(bd(uk[i]).multiply(bd(uk[j])));
                }
                worst = worst.max(s.abs());
            }
        }
        assertTrue(worst.compareTo(bound) <= 0, "reconstruction " + worst + " > " + bound);
        assertTrue(bd(f.reconstructionError()).compareTo(bound) <= 0);
        // Rebuilding M from the basis (Eq. 6) and the natural-gradient check: finite or refused.
        try {
            assertFinite("M from the basis", CanonicalMetric.fromBasis(g, y, u, 1e-6).toArray());
        } catch (RuntimeException e) {
            assertRefusedByName(e);
        }
        try {
            DenseMetrics.isNaturalGradient(m, g, negate(y), 1e-9);
        } catch (RuntimeException e) {
            assertRefusedByName(e);
        }
    }

    private static double maxAbs(double[] v) {
        double max = 0.0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    private static double[] negate(double[] v) {
        final double[] n = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            n[i] = -v[i];
        }
        return n;
    }

    /**
     * λ_min((A + Aᵀ)/2) against two facts of symmetric matrices, within D²·2^-48·max|A| plus one
     * subnormal ulp 2^-1074 (the final rounding of a subnormal λ_min is absolute, not relative;
     * found by the long run, seed 1830161860840436194: λ = −4·2^-1074 half an ulp below Gershgorin):
     * λ_min ≤ min aᵢᵢ (Rayleigh quotients of eᵢ) and λ_min ≥ minᵢ(aᵢᵢ − Σ_{j≠i}|sᵢⱼ|) (Gershgorin).
     */
    @Property
    void smallestEigenvalueIsFiniteAndBracketedOrRefused(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int d,
            @ForAll @IntRange(min = -1074, max = 1023) int base, @ForAll("spreads") int spread) {
        final Random r = new Random(seed);
        final double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = vector(r, d, base, spread);
        }
        final double lambda;
        try {
            lambda = SymmetricEigenvalues.smallestOfSymmetricPart(a);
        } catch (RuntimeException e) {
            assertRefusedByName(e);
            Statistics.label("eigenvalue").collect("refused");
            return;
        }
        Statistics.label("eigenvalue").collect("computed");
        assertTrue(Double.isFinite(lambda));
        BigDecimal mu = BigDecimal.ZERO;
        BigDecimal minDiag = null;
        BigDecimal gershgorin = null;
        for (int i = 0; i < d; i++) {
            BigDecimal radius = BigDecimal.ZERO;
            for (int j = 0; j < d; j++) {
                mu = mu.max(bd(a[i][j]).abs());
                if (j != i) {
                    radius = radius.add(bd(a[i][j]).add(bd(a[j][i])).divide(BigDecimal.valueOf(2)).abs());
                }
            }
            final BigDecimal diag = bd(a[i][i]);
            minDiag = minDiag == null ? diag : minDiag.min(diag);
            final BigDecimal low = diag.subtract(radius);
            gershgorin = gershgorin == null ? low : gershgorin.min(low);
        }
        final BigDecimal slack = mu.multiply(BigDecimal.valueOf((long) d * d)).multiply(bd(0x1.0p-48))
                .add(bd(Double.MIN_VALUE));
        assertTrue(bd(lambda).compareTo(minDiag.add(slack)) <= 0, lambda + " > min diagonal " + minDiag);
        assertTrue(bd(lambda).compareTo(gershgorin.subtract(slack)) >= 0, lambda + " < Gershgorin " + gershgorin);
    }

    /** L(θ) = ½Σ aᵢθᵢ² with aᵢ &gt; 0 of any magnitude (it may overflow: the library must notice). */
    private static TwiceDifferentiableLoss quadratic(double[] a) {
        return new TwiceDifferentiableLoss() {
            @Override
            public double value(double[] t) {
                double s = 0.0;
                for (int i = 0; i < t.length; i++) {
                    s = Math.fma(a[i] * t[i], 0.5 * t[i], s);
                }
                return s;
            }

            @Override
            public double[] gradient(double[] t) {
                final double[] out = new double[t.length];
                for (int i = 0; i < t.length; i++) {
                    out[i] = a[i] * t[i];
                }
                return out;
            }

            @Override
            public double[][] hessian(double[] t) {
                final double[][] h = new double[t.length][t.length];
                for (int i = 0; i < t.length; i++) {
                    h[i][i] = a[i];
                }
                return h;
            }
        };
    }

    @Property
    void discreteStepIsFiniteAndSatisfiesItsRelationsOrRefused(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int d,
            @ForAll @IntRange(min = -1074, max = 1023) int base, @ForAll("spreads") int spread,
            @ForAll @IntRange(min = -1074, max = 1023) int etaExponent) {
        final Random r = new Random(seed);
        final double[] a = vector(r, d, r.nextInt(2098) - 1074, spread);
        for (int i = 0; i < d; i++) {
            a[i] = Math.abs(a[i]);
        }
        final TwiceDifferentiableLoss loss = quadratic(a);
        final double[] theta = vector(r, d, base, spread);
        final double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            // mostly descent (−aᵢθᵢ, which may overflow to ∞: then a random entry), some random
            final double descent = -a[i] * theta[i];
            g[i] = r.nextInt(4) > 0 && Double.isFinite(descent) && descent != 0.0 ? descent : magnitude(r, base, spread);
        }
        final double eta = Math.max(Double.MIN_VALUE, Math.scalb(1.0 + r.nextDouble(), etaExponent));
        for (DiscreteGradient dg : new DiscreteGradient[] {new MidpointDiscreteGradient(), new ItohAbeDiscreteGradient(),
                new AverageVectorFieldDiscreteGradient(3), new TaylorDiscreteGradient()}) {
            final String rule = dg.getClass().getSimpleName();
            final DiscreteStep step;
            try {
                step = DiscreteStep.of(loss, dg, theta, eta, g, 1.0);
            } catch (RuntimeException e) {
                assertRefusedByName(e);
                Statistics.label("discrete").collect("refused");
                continue;
            }
            Statistics.label("discrete").collect("step");
            final double[] next = step.next();
            final double[] yBar = step.yBar();
            assertFinite(rule + " θ_{t+1}", next);
            assertFinite(rule + " ȳ", yBar);
            for (int i = 0; i < d; i++) {
                assertEquals(Math.fma(eta, g[i], theta[i]), next[i], 0.0, rule + " θ_{t+1} = θ_t + ηg");
            }
            assertTrue(Double.isFinite(step.decrease()));
            assertEquals(loss.value(theta) - loss.value(next), step.decrease(), 0.0, rule + " decrease");
            // M̄g = ȳ within OneParameterMetric.apply's documented bound for x = g
            final double[] mg;
            try {
                mg = step.metric().apply(g);
            } catch (RuntimeException e) {
                assertRefusedByName(e);
                continue;
            }
            // α exactly: it may lie outside the range of double (then alpha() refuses, apply does not)
            final BigDecimal alpha = exactAlpha(step.metric().gamma(), g, yBar);
            for (int i = 0; i < d; i++) {
                assertTrue(Double.isFinite(mg[i]));
                final BigDecimal allowed = bd(0x1.0p-51 * Math.abs(yBar[i]))
                        .add(alpha.multiply(bd(0x1.0p-100 * Math.abs(g[i]))))
                        .add(bd(4).add(alpha.multiply(bd(2))).multiply(bd(Double.MIN_VALUE)));
                assertTrue(bd(mg[i]).subtract(bd(yBar[i])).abs().compareTo(allowed) <= 0,
                        rule + " (M̄g)[" + i + "] = " + mg[i] + " vs ȳ = " + yBar[i]);
            }
        }
    }

    @Property
    void stochasticMetricIsFiniteAndSatisfiesEquation20OrRefused(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int d, @ForAll @IntRange(min = 1, max = 3) int n,
            @ForAll @IntRange(min = -1074, max = 1023) int base, @ForAll("spreads") int spread,
            @ForAll @IntRange(min = -1074, max = 1023) int etaExponent) {
        final Random r = new Random(seed);
        final double[][] gs = new double[n][];
        final double[][] ys = new double[n][];
        final double[][] hs = new double[n][];
        final int hBase = r.nextInt(2098) - 1074;
        for (int k = 0; k < n; k++) {
            gs[k] = vector(r, d, base, spread);
            ys[k] = new double[d];
            for (int i = 0; i < d; i++) {
                // ȳ ≈ g with noise (effective on average most of the time), sometimes independent
                ys[k][i] = r.nextInt(4) > 0 ? gs[k][i] * (1 + 0.5 * r.nextGaussian()) : magnitude(r, base, spread);
            }
            hs[k] = vector(r, d, hBase, spread);
        }
        final double eta = Math.max(Double.MIN_VALUE, Math.scalb(1.0 + r.nextDouble(), etaExponent));
        final StochasticMetric m;
        try {
            m = StochasticMetric.of(gs, ys, hs, eta, 1.0);
        } catch (RuntimeException e) {
            assertRefusedByName(e);
            Statistics.label("stochastic").collect("refused");
            return;
        }
        Statistics.label("stochastic").collect("built");
        final double[] meanG = m.meanUpdate();
        final double[] meanY = m.meanYBar();
        final double[] meanH = m.meanHg();
        final double[] target = m.negativeGradient();
        assertFinite("⟨g⟩", meanG);
        assertFinite("⟨ȳ⟩", meanY);
        assertFinite("⟨Hg⟩", meanH);
        assertFinite("−∇L", target);
        checkMean(gs, meanG);
        checkMean(ys, meanY);
        checkMean(hs, meanH);
        double bound;
        try {
            bound = m.learningRateBound();
        } catch (ArithmeticException e) {
            // the exact bound exceeds the range of double (its rounding is checked in EtaBoundProperties)
            assertTrue(e.getMessage().contains("overflows"), e.getMessage());
            assertTrue(dot(meanH, meanG).signum() < 0, "a finite bound exists only for ⟨Hg⟩ᵀ⟨g⟩ < 0");
            bound = Double.NaN;
        }
        assertTrue(bound > 0.0 || Double.isNaN(bound));
        if (bound == Double.POSITIVE_INFINITY) {
            assertTrue(dot(meanH, meanG).signum() > 0, "+∞ is documented only for ⟨Hg⟩ᵀ⟨g⟩ > 0");
        }
        for (int i = 0; i < d; i++) {
            assertEquals(Math.fma(eta, meanH[i], meanY[i]), target[i], 0.0, "⟨ȳ⟩ + η⟨Hg⟩");
        }
        // Eq. (20) within the bound documented at StochasticMetric.apply
        final double[] mg;
        try {
            mg = m.apply(meanG);
        } catch (RuntimeException e) {
            assertRefusedByName(e);
            return;
        }
        final BigDecimal alpha = exactAlpha(m.baseMetric().gamma(), meanG, meanY);
        for (int i = 0; i < d; i++) {
            assertTrue(Double.isFinite(mg[i]));
            final BigDecimal allowed = bd(0x1.0p-49).multiply(bd(Math.abs(meanY[i])).add(bd(eta).multiply(bd(Math.abs(meanH[i])))))
                    .add(alpha.multiply(bd(0x1.0p-99 * Math.abs(meanG[i])))).add(bd(0x1.0p-1072));
            assertTrue(bd(mg[i]).subtract(bd(target[i])).abs().compareTo(allowed) <= 0,
                    "(M⟨g⟩)[" + i + "] = " + mg[i] + " vs " + target[i] + " (allowed " + allowed + ")");
        }
        // solve: finite, with ‖b − Mx‖∞ ≤ 2^-30·(‖b‖∞ + ν‖x‖∞), ν = α + ȳᵀȳ/ȳᵀg + η‖⟨Hg⟩‖²/|⟨Hg⟩ᵀ⟨g⟩|
        final double[] x;
        try {
            x = m.solve(target);
        } catch (RuntimeException e) {
            assertRefusedByName(e);
            Statistics.label("solve").collect("refused: " + e.getMessage().replaceAll("[-+0-9.E]+", "#").substring(0, 40));
            return;
        }
        Statistics.label("solve").collect("solved");
        assertFinite("M⁻¹b", x);
        // M(x·2^-k) = (Mx)·2^-k with max|b·2^-k| in [1, 2): the product solve itself checked, in range
        final int k = Math.getExponent(maxAbs(target)) < Double.MIN_EXPONENT
                ? Math.getExponent(maxAbs(target) * 0x1.0p54) - 54 : Math.getExponent(maxAbs(target));
        final double[] xs = new double[d];
        for (int i = 0; i < d; i++) {
            xs[i] = Math.scalb(x[i], -k);
        }
        final double[] mx = m.apply(xs);
        final BigDecimal twoToK = k >= 0 ? BigDecimal.valueOf(2).pow(k) : BigDecimal.ONE.divide(BigDecimal.valueOf(2).pow(-k));
        BigDecimal residual = BigDecimal.ZERO;
        for (int i = 0; i < d; i++) {
            residual = residual.max(bd(target[i]).subtract(bd(mx[i]).multiply(twoToK)).abs());
        }
        final BigDecimal nu = alpha.add(dot(meanY, meanY).divide(dot(meanY, meanG), MC))
                .add(bd(eta).multiply(dot(meanH, meanH)).divide(dot(meanH, meanG).abs(), MC));
        // + √D·ν·2^-1075: x·2^eb rounded onto the subnormal grid (√D ≤ 2 here: ν·2^-1074)
        final BigDecimal allowed = bd(StochasticMetric.SOLVE_RESIDUAL)
                .multiply(bd(maxAbs(target)).add(nu.multiply(bd(maxAbs(x)))))
                .add(nu.multiply(bd(Double.MIN_VALUE)));
        assertTrue(residual.compareTo(allowed) <= 0, "‖b − Mx‖∞ = " + residual + " > " + allowed);
    }

    /** α = γ·yᵀy/yᵀg of M(γ) for (g, y), exactly (to 60 digits). */
    private static BigDecimal exactAlpha(double gamma, double[] g, double[] y) {
        return bd(gamma).multiply(dot(y, y)).divide(dot(y, g), MC);
    }

    /** |⟨v⟩ᵢ − exact meanᵢ| ≤ (n + 3)·2^-53·Σₖ|vₖᵢ|/n + 2^-1073 (StochasticMetric.of). */
    private static void checkMean(double[][] samples, double[] mean) {
        final int n = samples.length;
        for (int i = 0; i < mean.length; i++) {
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal abs = BigDecimal.ZERO;
            for (double[] s : samples) {
                sum = sum.add(bd(s[i]));
                abs = abs.add(bd(s[i]).abs());
            }
            final BigDecimal n1 = BigDecimal.valueOf(n);
            final BigDecimal exact = sum.divide(n1, MC);
            final BigDecimal allowed = BigDecimal.valueOf(n + 3L).multiply(bd(0x1.0p-53)).multiply(abs).divide(n1, MC)
                    .add(bd(0x1.0p-1073));
            assertTrue(bd(mean[i]).subtract(exact).abs().compareTo(allowed) <= 0,
                    "mean[" + i + "] = " + mean[i] + " vs " + exact);
        }
    }
}
