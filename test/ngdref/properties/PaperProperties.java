package ngdref.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import ngdref.dense.CanonicalForm;
import ngdref.dense.CanonicalMetric;
import ngdref.metric.MetricBounds;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.OptimalMetric;
import ngdref.metric.UpdateGeometry;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
        final double kappaOpt = OptimalMetric.minimumConditionNumber(UpdateGeometry.of(c.g, c.y));
        // Metrics of three kinds: random canonical form, the family at random γ, and M_opt itself.
        final double[] l = eigenvalues(randomValidMetric(c, seed));
        final double kappaRandom = l[l.length - 1] / l[0];
        final double kappaFamily = OneParameterMetric.ofGamma(c.g, c.y, c.gamma).spectrum().conditionNumber();
        // Dense eigenvalues carry a relative error of about D·u·κ in λ_min.
        final double slack = 1 - 1e-12 * c.dimension() * kappaRandom;
        assertTrue(kappaRandom >= kappaOpt * slack, kappaRandom + " < " + kappaOpt);
        assertTrue(kappaFamily >= kappaOpt, kappaFamily + " < " + kappaOpt);
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
        final MetricSpectrum s = MetricSpectrum.of(geo, c.gamma);
        // Strict inequalities hold exactly; for ψ = 0 they become equalities.
        assertTrue(s.lambdaMin() <= sup, s.lambdaMin() + " > " + sup);
        assertTrue(s.lambdaMax() >= inf, s.lambdaMax() + " < " + inf);
        // γ → ∞: λ_min → sup; γ → 0: λ_max → inf (relative gap O(1/γ) and O(γ) resp.).
        final double big = 1e12;
        final double small = 1e-12;
        try {
            assertEquals(sup, MetricSpectrum.of(geo, big).lambdaMin(), 1e-8 * sup);
            assertEquals(inf, MetricSpectrum.of(geo, small).lambdaMax(), 1e-8 * inf);
        } catch (ArithmeticException outOfRange) {
            // σγ outside the double range for this scale: the limit is not representable.
        }
    }

    @Property
    void conditionNumberIsMinimizedAtGammaOne(@ForAll("any") Case c) {
        final UpdateGeometry geo = UpdateGeometry.of(c.g, c.y);
        try {
            final double kappa = MetricSpectrum.of(geo, c.gamma).conditionNumber();
            assertTrue(kappa >= MetricSpectrum.of(geo, 1.0).conditionNumber(), "κ(γ) = " + kappa);
        } catch (ArithmeticException overflow) {
            assertTrue(overflow.getMessage().contains("overflows"), overflow.getMessage());
        }
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
        final MetricSpectrum s = OptimalMetric.of(c.g, y).spectrum();
        assertEquals(factor, s.lambdaMax());
        assertEquals(factor, s.lambdaMin());
        assertEquals(factor, s.lambdaD());
        assertEquals(1.0, s.conditionNumber());
    }

    @Property
    void metricBlowsUpAsTheAngleApproachesRightAngle(@ForAll("moderate") Case c) {
        // Rotate y toward g⊥: ψ_k = π/2 − 10^-k; λ_min falls and κ rises monotonically.
        double previousMin = Double.POSITIVE_INFINITY;
        double previousKappa = 0;
        for (int k = 1; k <= 8; k++) {
            final Case near = Generators.build(c.g.length * 31L + k, c.dimension(), Math.PI / 2 - Math.pow(10, -k), 0, 0, 0, 1);
            if (near == null) {
                return;
            }
            final MetricSpectrum s = OptimalMetric.of(near.g, near.y).spectrum();
            assertTrue(s.lambdaMin() < previousMin, "λ_min did not fall at k = " + k);
            assertTrue(s.conditionNumber() > previousKappa, "κ did not rise at k = " + k);
            previousMin = s.lambdaMin();
            previousKappa = s.conditionNumber();
        }
        assertTrue(previousMin < 1e-7, "λ_min = " + previousMin);
        assertTrue(previousKappa > 1e15, "κ = " + previousKappa);
    }

    @Property
    void matrixFreeEqualsDense(@ForAll("moderate") Case c, @ForAll long seed) {
        final OneParameterMetric m = OneParameterMetric.ofGamma(c.g, c.y, c.gamma);
        final double[][] a = m.toArray();
        final Random r = new Random(seed);
        final double[] x = new double[c.dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        final double[] mx = m.apply(x);
        final RealMatrix dense = new Array2DRowRealMatrix(a, false);
        final double[] expected = dense.operate(x);
        final double scale = dense.getNorm() * Arrays.stream(x).map(Math::abs).max().orElse(0);
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], mx[i], 16 * c.dimension() * Math.ulp(scale));
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
