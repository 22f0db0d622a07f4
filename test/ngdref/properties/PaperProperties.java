package ngdref.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import ngdref.dense.CanonicalForm;
import ngdref.dense.CanonicalMetric;
import ngdref.metric.MetricBounds;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;
import ngdref.oracle.Enclosure;
import ngdref.oracle.ExactDots;
import ngdref.oracle.ExplicitFamilyMetric;
import ngdref.oracle.GradientAngle;
import ngdref.oracle.Rational;
import ngdref.oracle.RationalMatrix;
import ngdref.oracle.Ulps;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The paper's propositions as randomized properties, checked with an algorithm independent of the
 * closed forms: explicit dense matrices and Commons Math's symmetric eigen-decomposition
 * (accurate to about D·u·‖M‖, so comparisons are at that scale). The oracle properties
 * ({@code OracleProperties}) check the same quantities to the last ulp.
 */
class PaperProperties {

    @Provide
    Arbitrary<Case> moderate() {
        return Generators.moderateCases(16);
    }

    @Provide
    Arbitrary<Case> any() {
        return Generators.cases(256);
    }

    private static double[] eigenvalues(double[][] m) {
        final double[] l = new EigenDecomposition(new Array2DRowRealMatrix(m, false)).getRealEigenvalues();
        Arrays.sort(l);
        return l;
    }

    /**
     * A random valid metric: the canonical form M = yyᵀ/(yᵀg) + Σ uᵢuᵢᵀ with uᵢ = σᵢ·Q·hᵢ, where the
     * columns of Q span g⊥, the hᵢ are the rows of a random orthogonal matrix H and the σᵢ are
     * log-uniform in [1, spread], spread up to 10³. So M' restricted to g⊥ is QHᵀdiag(σ²)HQᵀ:
     * well or badly conditioned (κ up to 10⁶), but certainly positive definite there. (A Gram
     * matrix of Gaussian vectors, the earlier generator, is singular to working precision with
     * small but real probability, and such an M is not a valid metric in double precision.)
     */
    private static double[][] randomValidMetric(Case c, long seed) {
        final Random r = new Random(seed);
        final int d = c.dimension();
        final RealMatrix q = complement(c.g);
        final double[][] gauss = new double[d - 1][d - 1];
        for (double[] row : gauss) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        final RealMatrix h = new QRDecomposition(new Array2DRowRealMatrix(gauss, false)).getQ();
        final double logSpread = 3 * r.nextDouble();
        final double[][] u = new double[d - 1][];
        for (int k = 0; k < d - 1; k++) {
            final double sigma = Math.pow(10, logSpread * r.nextDouble());
            u[k] = q.operate(h.getRowVector(k).mapMultiply(sigma).toArray());
        }
        return CanonicalMetric.fromBasis(c.g, c.y, u, 1e-9).toArray();
    }

    /** Columns spanning g⊥: Householder complement (test-side copy, independent of the library's). */
    private static RealMatrix complement(double[] g) {
        final int d = g.length;
        final double n = org.apache.commons.numbers.core.Norm.EUCLIDEAN.of(g);
        final double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = g[i] / n;
        }
        v[0] += v[0] >= 0 ? 1 : -1;
        double vv = 0;
        for (double x : v) {
            vv += x * x;
        }
        final double[][] q = new double[d][d - 1];
        for (int i = 0; i < d; i++) {
            for (int j = 1; j < d; j++) {
                q[i][j - 1] = (i == j ? 1 : 0) - 2 * v[i] * v[j] / vv;
            }
        }
        return new Array2DRowRealMatrix(q, false);
    }

    @Property
    void lemma1SpectrumEqualsDenseEigenvalues(@ForAll("moderate") Case c) {
        final OneParameterMetric m = OneParameterMetric.ofGamma(c.g, c.y, c.gamma);
        final double[] closed = m.spectrum().eigenvalues();
        final double[] dense = eigenvalues(m.toArray());
        final double tol = 64 * c.dimension() * Math.ulp(closed[closed.length - 1]);
        for (int i = 0; i < dense.length; i++) {
            assertEquals(dense[i], closed[i], tol, "eigenvalue " + i);
        }
    }

    @Property
    void canonicalFormDecomposesEveryValidMetric(@ForAll("moderate") Case c, @ForAll long seed) {
        final double[][] m = randomValidMetric(c, seed);
        final CanonicalForm cf = CanonicalForm.decompose(m, c.g, c.y, 1e-8);
        double scale = 0;
        for (double[] row : m) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        assertEquals(c.dimension() - 1, cf.basis().length);
        assertTrue(cf.reconstructionError() <= 1e-10 * scale, "reconstruction error " + cf.reconstructionError());
    }

    @Property
    void proposition1NoValidMetricBeatsTheOptimalConditionNumber(@ForAll("moderate") Case c, @ForAll long seed) {
        proposition1(c, seed);
    }

    private static void proposition1(Case c, long seed) {
        final double kappaOpt = MetricBounds.minimumConditionNumber(UpdateGeometry.of(c.g, c.y));
        // κ_min = (1+|sin ψ|)/(1−|sin ψ|) from the oracle's exact sin²ψ: the closed form is
        // correctly rounded.
        final Enclosure sin = GradientAngle.of(c.g, c.y).absSin();
        assertCorrectlyRounded(ONE.add(sin).divide(ONE.subtract(sin)), kappaOpt, "κ_min");
        // Metrics of two kinds, their κ from dense eigenvalues: random canonical forms, and the
        // family at random γ built here from Eq. (8).
        final double[] l = eigenvalues(randomValidMetric(c, seed));
        final double kappaRandom = l[l.length - 1] / l[0];
        final double[] f = eigenvalues(DenseFamily.of(c.g, c.y, c.gamma));
        final double kappaFamilyDense = f[f.length - 1] / f[0];
        final double kappaFamily = OneParameterMetric.ofGamma(c.g, c.y, c.gamma).spectrum().conditionNumber();
        // Dense eigenvalues carry a relative error of about D·u·κ in λ_min.
        final double slack = 1e-12 * c.dimension();
        assertTrue(kappaRandom >= kappaOpt * (1 - slack * kappaRandom), kappaRandom + " < " + kappaOpt);
        assertTrue(kappaFamilyDense >= kappaOpt * (1 - slack * kappaFamilyDense), kappaFamilyDense + " < " + kappaOpt);
        assertEquals(kappaFamilyDense, kappaFamily, slack * kappaFamilyDense * kappaFamilyDense, "κ(γ) closed form vs dense");
    }

    private static final Enclosure ONE = Enclosure.point(BigDecimal.ONE);

    /** actual is the correctly rounded value of the enclosed exact one (or, when the enclosure straddles a rounding boundary, one of its two candidates). */
    private static void assertCorrectlyRounded(Enclosure exact, double actual, String what) {
        assertEquals(0, Ulps.error(actual, exact).lower(), () -> what + ": " + actual + " is not the correctly rounded " + exact);
    }

    @Property
    void propositions2And3HoldForEveryValidMetric(@ForAll("moderate") Case c, @ForAll long seed) {
        final UpdateGeometry geo = UpdateGeometry.of(c.g, c.y);
        final double[] l = eigenvalues(randomValidMetric(c, seed));
        final double tol = 1e-12 * c.dimension() * l[l.length - 1];
        assertTrue(l[0] <= MetricBounds.lambdaMinSupremum(geo) + tol, "λ_min " + l[0]);
        assertTrue(l[l.length - 1] >= MetricBounds.lambdaMaxInfimum(geo) - tol, "λ_max " + l[l.length - 1]);
    }

    @Property
    void boundsAreApproachedAtTheLimitsOfGamma(@ForAll("any") Case c) {
        final UpdateGeometry geo = UpdateGeometry.of(c.g, c.y);
        final double sup = MetricBounds.lambdaMinSupremum(geo);
        final double inf = MetricBounds.lambdaMaxInfimum(geo);
        // Both bounds are exact rationals: sup = yᵀg/gᵀg (Prop. 2), inf = yᵀy/yᵀg (Prop. 3).
        final ExactDots dots = ExactDots.of(c.g, c.y);
        assertCorrectlyRounded(Enclosure.of(dots.yTg().divide(dots.gTg())), sup, "sup λ_min = yᵀg/gᵀg");
        assertCorrectlyRounded(Enclosure.of(dots.yTy().divide(dots.yTg())), inf, "inf λ_max = yᵀy/yᵀg");
        final MetricSpectrum s = MetricSpectrum.of(geo, c.gamma);
        // Strict inequalities hold exactly; for ψ = 0 they become equalities.
        assertTrue(s.lambdaMin() <= sup, s.lambdaMin() + " > " + sup);
        assertTrue(s.lambdaMax() >= inf, s.lambdaMax() + " < " + inf);
        // γ → ∞: λ_min → sup; γ → 0: λ_max → inf (relative gap O(1/γ) and O(γ) resp.). Both limits
        // are in range (sup and inf were), and so are λ_min(10^12) ≤ sup and λ_max(10^-12) ≥ inf
        // (within a factor 1 + 10^-8 of them): no accessor may refuse them.
        final double big = 1e12;
        final double small = 1e-12;
        assertEquals(sup, MetricSpectrum.of(geo, big).lambdaMin(), 1e-8 * sup);
        assertEquals(inf, MetricSpectrum.of(geo, small).lambdaMax(), 1e-8 * inf);
    }

    @Property
    void conditionNumberIsMinimizedAtGammaOne(@ForAll("any") Case c) {
        conditionNumberAtGammaAndOne(c);
    }

    /**
     * κ(γ) and κ(1) against Lemma 1's formula evaluated on the oracle's exact cos²ψ (a rational),
     * κ(γ) = (1+γ+√((1+γ)²−4γcos²ψ))²/(4γcos²ψ), in certified arithmetic: the closed forms are its
     * correctly rounded values (or refused when it is beyond the largest double), and the exact
     * κ(γ) is at least κ(1).
     */
    private static void conditionNumberAtGammaAndOne(Case c) {
        final UpdateGeometry geo = UpdateGeometry.of(c.g, c.y);
        final Rational cos2 = GradientAngle.of(c.g, c.y).cosSquared();
        final Enclosure exact = lemma1Kappa(cos2, Rational.of(c.gamma));
        final Enclosure exactAtOne = lemma1Kappa(cos2, Rational.ONE);
        assertTrue(exact.hi().compareTo(exactAtOne.lo()) >= 0, "exact κ(γ) " + exact + " < κ(1) " + exactAtOne);
        final double kappaAtOne = MetricSpectrum.of(geo, 1.0).conditionNumber();
        assertCorrectlyRounded(exactAtOne, kappaAtOne, "κ(1)");
        if (Double.isInfinite(exact.loRounded())) {
            final ArithmeticException e = org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class,
                    () -> MetricSpectrum.of(geo, c.gamma).conditionNumber());
            assertTrue(e.getMessage().contains("overflows"), e.getMessage());
            return;
        }
        final double kappa = MetricSpectrum.of(geo, c.gamma).conditionNumber();
        assertCorrectlyRounded(exact, kappa, "κ(γ)");
        assertTrue(kappa >= kappaAtOne, "κ(γ) = " + kappa + " < κ(1) = " + kappaAtOne);
    }

    private static Enclosure lemma1Kappa(Rational cos2, Rational gamma) {
        final Rational onePlusGamma = Rational.ONE.add(gamma);
        final Rational fourGammaCos2 = Rational.of(4).multiply(gamma).multiply(cos2);
        final Enclosure t = Enclosure.of(onePlusGamma).add(
                Enclosure.of(onePlusGamma.multiply(onePlusGamma).subtract(fourGammaCos2)).sqrt());
        return t.multiply(t).divide(Enclosure.of(fourGammaCos2));
    }

    @Property
    void optimalMetricAtZeroAngleIsAMultipleOfIdentity(@ForAll("moderate") Case c,
            @ForAll @net.jqwik.api.constraints.IntRange(min = -20, max = 20) int k) {
        // y = 2^k·g exactly: ψ = 0 and M_opt = 2^k·I, all eigenvalues 2^k, κ = 1.
        final double factor = Math.scalb(1.0, k);
        final double[] y = new double[c.dimension()];
        for (int i = 0; i < y.length; i++) {
            y[i] = c.g[i] * factor;
        }
        final MetricSpectrum s = OneParameterMetric.optimal(c.g, y).spectrum();
        assertEquals(factor, s.lambdaMax());
        assertEquals(factor, s.lambdaMin());
        assertEquals(factor, s.lambdaD());
        assertEquals(1.0, s.conditionNumber());
    }

    @Property
    void metricBlowsUpAsTheAngleApproachesRightAngle(@ForAll("moderate") Case c) {
        metricBlowsUp(c);
    }

    /**
     * The case's own pair rotated toward g⊥ in the plane of g and y: y_k = ‖y‖(cos ψ_k ĝ + sin ψ_k ê)
     * with ê the direction of y's part orthogonal to g (another direction ⊥ g when y ∥ g) and
     * ψ_k = π/2 − 10^-k, k = 1 … 8. λ_min(M_opt) falls and κ rises monotonically, and (at k = 1,
     * 4, 7) each equals its exact value from the oracle's enclosures of ‖y‖/‖g‖, cos ψ and |sin ψ| for the stored y_k:
     * λ_min = (‖y‖/‖g‖)(1 − |sin ψ|)/cos ψ and κ = (1 + |sin ψ|)/(1 − |sin ψ|) (Eq. 9), correctly rounded.
     */
    private static void metricBlowsUp(Case c) {
        final int d = c.dimension();
        final double ng = org.apache.commons.numbers.core.Norm.EUCLIDEAN.of(c.g);
        final double ny = org.apache.commons.numbers.core.Norm.EUCLIDEAN.of(c.y);
        final double[] gHat = new double[d];
        for (int i = 0; i < d; i++) {
            gHat[i] = c.g[i] / ng;
        }
        double[] e = orthogonalPart(c.y, gHat);
        if (org.apache.commons.numbers.core.Norm.EUCLIDEAN.of(e) <= 1e-6 * ny) {
            // y ∥ g: the coordinate axis least aligned with g, made orthogonal to it.
            int k = 0;
            for (int i = 1; i < d; i++) {
                if (Math.abs(gHat[i]) < Math.abs(gHat[k])) {
                    k = i;
                }
            }
            final double[] axis = new double[d];
            axis[k] = 1;
            e = orthogonalPart(axis, gHat);
        }
        final double ne = org.apache.commons.numbers.core.Norm.EUCLIDEAN.of(e);
        double previousMin = Double.POSITIVE_INFINITY;
        double previousKappa = 0;
        for (int k = 1; k <= 8; k++) {
            final double psi = Math.PI / 2 - Math.pow(10, -k);
            final double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                y[i] = ny * (Math.cos(psi) * gHat[i] + Math.sin(psi) * e[i] / ne);
            }
            assertTrue(Generators.effective(c.g, y), "yᵀg ≤ 0 at k = " + k);
            final MetricSpectrum s = OneParameterMetric.optimal(c.g, y).spectrum();
            if (k % 3 == 1) {   // k = 1, 4, 7: the exact values (about 1 ms each)
                final GradientAngle angle = GradientAngle.of(c.g, y);
                final Enclosure sin = angle.absSin();
                assertCorrectlyRounded(angle.normRatio().multiply(ONE.subtract(sin)).divide(angle.cos()),
                        s.lambdaMin(), "λ_min at k = " + k);
                assertCorrectlyRounded(ONE.add(sin).divide(ONE.subtract(sin)), s.conditionNumber(), "κ at k = " + k);
            }
            assertTrue(s.lambdaMin() < previousMin, "λ_min did not fall at k = " + k);
            assertTrue(s.conditionNumber() > previousKappa, "κ did not rise at k = " + k);
            previousMin = s.lambdaMin();
            previousKappa = s.conditionNumber();
        }
        // At ψ = π/2 − 10^-8: λ_min ≈ (‖y‖/‖g‖)·10^-8/2 and κ ≈ 4·10^16.
        assertTrue(previousMin < 1e-7 * ny / ng, "λ_min = " + previousMin);
        assertTrue(previousKappa > 1e15, "κ = " + previousKappa);
    }

    /** v − (vᵀû)û, projected twice (û a unit vector). */
    private static double[] orthogonalPart(double[] v, double[] unit) {
        final double[] e = v.clone();
        for (int pass = 0; pass < 2; pass++) {
            double dot = 0;
            for (int i = 0; i < e.length; i++) {
                dot += e[i] * unit[i];
            }
            for (int i = 0; i < e.length; i++) {
                e[i] -= dot * unit[i];
            }
        }
        return e;
    }

    @Property
    void matrixFreeEqualsDense(@ForAll("moderate") Case c, @ForAll long seed) {
        matrixFreeAndDenseAgainstTheExactMatrix(c, seed);
    }

    /**
     * apply (matrix-free) and toArray (dense) against the oracle's exact rational M(γ) of Eq. (8)
     * (and its exact product Mx), not against each other: with ‖M‖ the largest absolute row sum,
     * Mx within 16·D·ulp(‖M‖·max|xᵢ|) and each entry within 16·D·u·max|Mᵢⱼ|.
     */
    private static void matrixFreeAndDenseAgainstTheExactMatrix(Case c, long seed) {
        final int d = c.dimension();
        final OneParameterMetric m = OneParameterMetric.ofGamma(c.g, c.y, c.gamma);
        final RationalMatrix exact = ExplicitFamilyMetric.ofGamma(c.g, c.y, c.gamma);
        final Random r = new Random(seed);
        final double[] x = new double[d];
        final Rational[] xr = new Rational[d];
        for (int i = 0; i < d; i++) {
            x[i] = r.nextGaussian();
            xr[i] = Rational.of(x[i]);
        }
        final double[][] a = m.toArray();
        final double[][] e = new double[d][d];
        double norm = 0;
        double maxEntry = 0;
        for (int i = 0; i < d; i++) {
            double row = 0;
            for (int j = 0; j < d; j++) {
                e[i][j] = exact.get(i, j).approximate();
                row += Math.abs(e[i][j]);
                maxEntry = Math.max(maxEntry, Math.abs(e[i][j]));
            }
            norm = Math.max(norm, row);
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(e[i][j], a[i][j], 16 * d * 0x1.0p-53 * maxEntry, "M[" + i + "][" + j + "]");
            }
        }
        final double[] mx = m.apply(x);
        final Rational[] exactMx = exact.multiply(xr);
        final double scale = norm * Arrays.stream(x).map(Math::abs).max().orElse(0);
        for (int i = 0; i < d; i++) {
            assertEquals(exactMx[i].approximate(), mx[i], 16 * d * Math.ulp(scale), "(Mx)[" + i + "]");
        }
    }

    /**
     * The independent checks above on fixed cases, so that a fault they catch fails every run
     * (the properties draw new cases each run): one pair per kind of angle (ψ = 0, moderate,
     * near π/2, tiny) at mixed scales and several γ.
     */
    @Example
    void independentChecksOnFixedCases() {
        final Case[] cases = {
            Generators.build(11, 5, 0.0, 0.5, -1, 2, 2.5),
            Generators.build(12, 3, 0.7, -1.3, 2, 1, 1.0),
            Generators.build(13, 8, 1.3, 2.0, 0.3, 2, 0.01),
            Generators.build(14, 2, 1e-9, 0.0, 0.0, 0, 300.0),
            Generators.build(15, 12, 1.0, -2.5, -2.0, 1, 0.2),
        };
        for (Case c : cases) {
            assertTrue(c != null, "fixed case not effective");
            proposition1(c, 21);
            conditionNumberAtGammaAndOne(c);
            metricBlowsUp(c);
            matrixFreeAndDenseAgainstTheExactMatrix(c, 22);
        }
    }

    @Property
    void randomCanonicalMetricsMapGToY(@ForAll("moderate") Case c, @ForAll long seed) {
        final double[][] m = randomValidMetric(c, seed);
        final double[] mg = new Array2DRowRealMatrix(m, false).operate(c.g);
        double scale = 0;
        for (double[] row : m) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        final double gmax = Arrays.stream(c.g).map(Math::abs).max().orElse(0);
        for (int i = 0; i < mg.length; i++) {
            assertEquals(c.y[i], mg[i], 1e-12 * c.dimension() * scale * gmax);
        }
    }
}
