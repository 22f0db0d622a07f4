package ngdref.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The matrix-free operations agree with the dense matrix and with Commons Math's dense
 * eigen-decomposition and LU solve; apply and solve run at a dimension where any D×D allocation
 * would be impossible (D = 10⁶: 8 TB).
 */
class MatrixFreeTest {

    private static double[] random(Random r, int d) {
        final double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = r.nextGaussian() * Math.pow(10, r.nextInt(5) - 2);
        }
        return v;
    }

    /** A random effective pair: y = g + noise, flipped if yᵀg ≤ 0. */
    private static double[][] pair(Random r, int d) {
        final double[] g = random(r, d);
        final double[] y = random(r, d);
        double dot = 0;
        for (int i = 0; i < d; i++) {
            dot += g[i] * y[i];
        }
        if (dot <= 0) {
            for (int i = 0; i < d; i++) {
                y[i] = -y[i];
            }
        }
        return new double[][] {g, y};
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /**
     * Regression (found by DiscreteTimeProperties in the long run): the time-varying extension of
     * ψ = 0, y = g/10, with ∂L/∂t = 0.1 and ‖g‖ ≈ 1, so that yᵀg on the extended vectors cancels
     * almost completely. UpdateGeometry takes the exact yᵀg; apply must not use a less accurate
     * yᵀx for x = g, or Mg misses y by several ulps.
     */
    @Test
    void applyKeepsMgEqualToYUnderCancellationInYTransposeG() {
        final double[] g = {0x1.45988678066d7p-2, -0x1.6dc43221e229p-2, 0x1.a62015d04bc15p-1,
            0x1.35de9a89d46dep-2, 1.0};
        final double[] y = {0x1.047a052cd1f13p-5, -0x1.249cf4e7e820dp-5, 0x1.51b344a6a3011p-4,
            0x1.efca90dc87164p-6, -0.1};
        assertMapsGToYAndBack(g, y);
    }

    /** Mg = y within apply's documented bound for x = g (γ = 1), and M⁻¹y = g to 2^-50. */
    private static void assertMapsGToYAndBack(double[] g, double[] y) {
        final OneParameterMetric m = OneParameterMetric.ofGamma(g, y, 1.0);
        final double[] mg = m.apply(g);
        final double alpha = m.alpha();
        for (int i = 0; i < g.length; i++) {
            final double bound = 0x1.0p-51 * Math.abs(y[i]) + alpha * 0x1.0p-100 * Math.abs(g[i])
                    + (4 + 2 * alpha) * Double.MIN_VALUE;
            assertTrue(Math.abs(mg[i] - y[i]) <= bound,
                    "component " + i + ": " + mg[i] + " vs " + y[i] + " (bound " + bound + ")");
        }
        final double[] x = m.solve(y);
        for (int i = 0; i < g.length; i++) {
            assertEquals(g[i], x[i], 0x1.0p-50 * Math.abs(g[i]), "M⁻¹y component " + i);
        }
    }

    /**
     * Found by a long-run property (ExtremeMagnitudeProperties, a discrete step): g spans 2^-905 …
     * 2^411 and y 2^-972 … 2^-307, so g is scaled by 2^-411 and y is not, and yᵀg ≈ 2^-614 far
     * below ‖y‖‖g‖ ≈ 2^104 gave the fixed-scale mantissa yᵀg·2^-411 = 2^-1025, subnormal: the
     * coefficient yᵀg/yᵀg came out 1 − 2^-50.6 and Mg missed y by 5 ulp. The inner products are now
     * carried with their own exponents.
     */
    @Test
    void applyKeepsMgEqualToYWhenTheScaledYTransposeGIsSubnormal() {
        final double[] g = {0x1.2e84a4805701bp-905, 0x1.b1aeede184e8p411, 0x1.97e422df84471p-307,
            0x1.2026b68718f5ep-531};
        final double[] y = {0x1.2e84a4805701bp-905, -0.0, 0x1.97e422df84471p-307, -0x1.b228ff035d072p-972};
        assertMapsGToYAndBack(g, y);
    }

    /**
     * c₁ = yᵀx/yᵀg = 3·2^-102/(3 + 2^1000) ≈ 3·2^-1102 is below the double range although
     * c₁y₁ ≈ 3·2^-102 is not: apply refused ("yᵀx/yᵀg underflows") where the result is in range.
     * The coefficient is now kept extended. With c₂ = gᵀx/gᵀg = 2^-103, x − c₂g = (2^-103, −2^-103)
     * and the exact Mx = (2^-103 + 3c₁, 3·2^-102/(1 + 3·2^-1000) − 2^-103), which round to
     * (2^-103, 5·2^-103).
     */
    @Test
    void applyKeepsACoefficientBelowTheDoubleRange() {
        final double[] g = {1.0, 1.0};
        final double[] y = {3.0, 0x1.0p1000};
        final double[] mx = OneParameterMetric.ofAlpha(g, y, 1.0).apply(new double[] {0x1.0p-102, 0.0});
        assertEquals(0x1.0p-103, mx[0], Math.ulp(0x1.0p-103));
        assertEquals(5 * 0x1.0p-103, mx[1], Math.ulp(5 * 0x1.0p-103));
    }

    /**
     * Found by ApplySolveBoundProperties: b = (−2^-1074, 2^-1074) makes w₀ = b₀ − t·y₀ cancel to an
     * unresolved zero, and the extended sum ξg₀ + w₀/α aligned on that zero's exponent 0, dropping
     * ξg₀ ≈ −1.4·10^-274 (below 2^-200 of 2^0): the component came out 0. The exact value
     * −1.437726033497376·10^-274 is the test's BigDecimal evaluation of ξ = (α·yᵀg·gᵀb − yᵀg·yᵀb
     * + yᵀy·gᵀb)/(α·(yᵀg)²), α = γ·yᵀy/yᵀg.
     */
    @Test
    void solveKeepsATermNextToAnUnresolvedZero() {
        final double[] g = {0x1.f8d1b91ed6eecp101, 0x1.b81997a016e4ep-118};
        final double[] y = {0x1.ba0454c3555a6p180, 0x1.5a961bb47dcc2p199};
        final double[] x = OneParameterMetric.ofGamma(g, y, 0x1.d5e3bc403c3ep-244)
                .solve(new double[] {-Double.MIN_VALUE, Double.MIN_VALUE});
        assertEquals(-1.437726033497376E-274, x[0], 1e-15 * 1.437726033497376E-274);
    }

    /**
     * Found by ApplySolveBoundProperties: y = (−1.13·2^1023, −1.1·2^-634) is scaled by 2^-1022,
     * which flushes y₁ to 0, and toArray's double loop dropped the term y₀y₁/yᵀg ≈ 5.5·10^-194 of
     * M[0][1], leaving α's term ≈ 2^-661. Such inputs now take the extended path. The exact value
     * 5.534550204268674·10^-194 is the test's BigDecimal evaluation of Eq. (8).
     */
    @Test
    void toArrayKeepsATermOfAnEntryTheScalingFlushesToZero() {
        final double[] g = {-0x1.15b0a6c2a9422p8, 0x1.c41f3944409ccp8};
        final double[] y = {-0x1.2147199516347p1023, -0x1.187a47db33814p-634};
        final double[][] m = OneParameterMetric.ofAlpha(g, y, 0x1.152ae4e93e759p-659).toArray();
        assertEquals(5.534550204268674E-194, m[0][1], 1e-15 * 5.534550204268674E-194);
        assertEquals(m[0][1], m[1][0], 0.0);
    }

    @Test
    void applyAndSolveAgreeWithDenseMatrix() {
        final Random r = new Random(1);
        for (int trial = 0; trial < 200; trial++) {
            final int d = 2 + r.nextInt(30);
            final double[][] p = pair(r, d);
            final double gamma = Math.pow(10, 4 * r.nextDouble() - 2);
            final OneParameterMetric m = OneParameterMetric.ofGamma(p[0], p[1], gamma);
            final RealMatrix dense = new Array2DRowRealMatrix(m.toArray(), false);
            final double kappa = m.spectrum().conditionNumber();
            final double[] x = random(r, d);
            final double[] mx = m.apply(x);
            final double[] mxDense = dense.operate(x);
            final double scale = dense.getNorm() * maxAbs(x);
            for (int i = 0; i < d; i++) {
                assertEquals(mxDense[i], mx[i], 8 * d * Math.ulp(scale), "apply, trial " + trial);
            }
            final double[] z = m.solve(x);
            final double[] zDense = new LUDecomposition(dense).getSolver()
                    .solve(new org.apache.commons.math3.linear.ArrayRealVector(x)).toArray();
            // LU's own error is of order κ·u·‖z‖: compare at that scale.
            final double zScale = maxAbs(zDense);
            for (int i = 0; i < d; i++) {
                assertEquals(zDense[i], z[i], 16 * d * kappa * Math.ulp(zScale), "solve, trial " + trial);
            }
        }
    }

    @Test
    void solveInvertsApply() {
        final Random r = new Random(2);
        for (int trial = 0; trial < 200; trial++) {
            final int d = 2 + r.nextInt(100);
            final double[][] p = pair(r, d);
            final OneParameterMetric m = OneParameterMetric.ofAlpha(p[0], p[1], Math.pow(10, 6 * r.nextDouble() - 3));
            final double[] x = random(r, d);
            final double[] back = m.solve(m.apply(x));
            final double kappa = m.spectrum().conditionNumber();
            for (int i = 0; i < d; i++) {
                assertEquals(x[i], back[i], 8 * kappa * Math.ulp(maxAbs(x)), "trial " + trial);
            }
        }
    }

    @Test
    void metricMapsGToYAndBack() {
        final Random r = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            final int d = 2 + r.nextInt(50);
            final double[][] p = pair(r, d);
            final OneParameterMetric m = OneParameterMetric.ofGamma(p[0], p[1], Math.pow(10, 8 * r.nextDouble() - 4));
            final double[] mg = m.apply(p[0]);
            final double[] minvY = m.solve(p[1]);
            for (int i = 0; i < d; i++) {
                // The documented guarantee of apply: |(Mg)ᵢ − yᵢ| ≤ 2^-51·|yᵢ| + α·2^-100·|gᵢ|.
                assertEquals(p[1][i], mg[i], 0x1.0p-51 * Math.abs(p[1][i]) + m.alpha() * 0x1.0p-100 * Math.abs(p[0][i]));
                assertEquals(p[0][i], minvY[i], 0x1.0p-50 * maxAbs(p[0]));
            }
        }
    }

    @Test
    void closedFormSpectrumAgreesWithDenseEigenDecomposition() {
        final Random r = new Random(4);
        for (int trial = 0; trial < 100; trial++) {
            final int d = 2 + r.nextInt(20);
            final double[][] p = pair(r, d);
            final double gamma = Math.pow(10, 4 * r.nextDouble() - 2);
            final OneParameterMetric m = OneParameterMetric.ofGamma(p[0], p[1], gamma);
            final double[] closed = m.spectrum().eigenvalues();
            final double[] dense = new EigenDecomposition(new Array2DRowRealMatrix(m.toArray(), false)).getRealEigenvalues();
            java.util.Arrays.sort(dense);
            // Dense symmetric eigenvalues are accurate to about D·u·λ_max.
            for (int i = 0; i < d; i++) {
                assertEquals(closed[i], dense[i], 64 * d * Math.ulp(closed[d - 1]), "trial " + trial + " index " + i);
            }
        }
    }

    @Test
    void simpleEigenvectorsSatisfyTheEigenEquation() {
        final Random r = new Random(5);
        for (int trial = 0; trial < 100; trial++) {
            final int d = 2 + r.nextInt(20);
            final double[][] p = pair(r, d);
            final OneParameterMetric m = OneParameterMetric.ofGamma(p[0], p[1], Math.pow(10, 4 * r.nextDouble() - 2));
            final MetricSpectrum s = m.spectrum();
            final double[][] v = m.simpleEigenvectors();
            final double[] lambda = {s.lambdaMax(), s.lambdaMin()};
            for (int k = 0; k < 2; k++) {
                final double[] mv = m.apply(v[k]);
                double res = 0;
                double norm = 0;
                for (int i = 0; i < d; i++) {
                    res = Math.max(res, Math.abs(mv[i] - lambda[k] * v[k][i]));
                    norm += v[k][i] * v[k][i];
                }
                assertEquals(1.0, norm, 1e-12);
                assertTrue(res <= 1e-12 * s.lambdaMax(), "trial " + trial + " residual " + res);
            }
        }
    }

    /**
     * g ∥ y (ψ = 0), checked whole against a hand derivation: g = (1, 2, 2), y = 2g, so
     * yᵀg = 18, σ = yᵀy/yᵀg = 2 and M = σĝĝᵀ + α(I − ĝĝᵀ) with α = γσ, ĝ = (1, 2, 2)/3. The
     * simple eigenvalues are σ (eigenvector ±ĝ) and α (any unit vector ⊥ g); which is λ_max
     * depends on γ ≷ 1, so both orders are checked.
     */
    @Test
    void parallelCaseEigenvectors() {
        final double[] g = {1, 2, 2};
        final double[] y = {2, 4, 4};
        final double[] gHat = {1.0 / 3, 2.0 / 3, 2.0 / 3};
        for (double gamma : new double[] {3.0, 0.25}) {
            final OneParameterMetric m = OneParameterMetric.ofGamma(g, y, gamma);
            final double alpha = 2 * gamma;
            final MetricSpectrum s = m.spectrum();
            assertEquals(Math.max(2, alpha), s.lambdaMax(), 1e-15, "γ = " + gamma);
            assertEquals(Math.min(2, alpha), s.lambdaMin(), 1e-15, "γ = " + gamma);
            final double[][] v = m.simpleEigenvectors();
            // Row 0 belongs to λ_max, row 1 to λ_min; the one along g is ±ĝ, the other ⊥ g.
            final int along = gamma < 1 ? 0 : 1;
            final int across = 1 - along;
            final double sign = Math.signum(v[along][0]);
            for (int i = 0; i < 3; i++) {
                assertEquals(gHat[i], sign * v[along][i], 1e-15, "γ = " + gamma + ": eigenvector along g, entry " + i);
            }
            assertEquals(0.0, v[across][0] + 2 * v[across][1] + 2 * v[across][2], 1e-15, "γ = " + gamma + ": gᵀv ≠ 0");
            assertEquals(1.0, v[across][0] * v[across][0] + v[across][1] * v[across][1] + v[across][2] * v[across][2],
                    1e-15, "γ = " + gamma + ": ‖v‖ ≠ 1");
            // M by hand, M = α·I + (σ − α)·ĝĝᵀ, applied to both rows: Mv = λv in every entry.
            final double[] lambda = {s.lambdaMax(), s.lambdaMin()};
            for (int k = 0; k < 2; k++) {
                final double gv = gHat[0] * v[k][0] + gHat[1] * v[k][1] + gHat[2] * v[k][2];
                for (int i = 0; i < 3; i++) {
                    final double mv = alpha * v[k][i] + (2 - alpha) * gHat[i] * gv;
                    assertEquals(lambda[k] * v[k][i], mv, 1e-14, "γ = " + gamma + ", row " + k + ", entry " + i);
                }
            }
        }
    }

    /**
     * The diagonal keeps its relative accuracy when gᵢ² is all but the whole of gᵀg, by hand:
     * g = y = (2^-600, 3), γ = 2^500, so yᵀg = gᵀg = 9 + 2^-1200, σ = 1, α = 2^500 and
     * M₁₁ = 9/gᵀg + α·2^-1200/gᵀg = 1 − 2^-1200/9 + 2^-700/9·(1 − …), which rounds to 1;
     * M₀₀ = 2^-1200/gᵀg + 9α/gᵀg rounds to 2^500. Formed as α − α·9/gᵀg, M₁₁ is the difference of
     * two numbers near 2^500 that agree to far more than double-double's 106 bits: noise of
     * order 2^394 (the old code returned such noise; LibraryFuzzProperties found it).
     */
    @Test
    void toArrayDiagonalIsRelativelyAccurateWhenOneEntryDominatesG() {
        final double[] g = {0x1.0p-600, 3};
        final double[][] m = OneParameterMetric.ofGamma(g, g.clone(), 0x1.0p500).toArray();
        assertEquals(1.0, m[1][1], 0.0);
        assertEquals(0x1.0p500, m[0][0], 0.0);
    }

    /**
     * A tiny angle at the optimal metric, by hand: g = (3, 1), y = (3, 1 + 2^-52). Then
     * y − ρg = (2^-52/10)·(−3, 9), so ĝ = (3, 1)/√10 and ê = (−1, 3)/√10; at γ = 1, M/σ on
     * {ĝ, ê} is [[c², cs], [cs, s² + 1]] with s ≈ 2^-53.7, so θ = ½·atan2(2cs, −2s²) is π/4 to
     * within s and the eigenvectors are (ĝ + ê)/√2 = (1, 2)/√5 and (ê − ĝ)/√2 = (−2, 1)/√5 to
     * within 2^-53. (The direction ê formed with ρ rounded to a double was noise: the old code
     * returned (0.116, 0.993) for the first.)
     */
    @Test
    void simpleEigenvectorsResolveATinyAngle() {
        final double[][] v = OneParameterMetric.ofGamma(new double[] {3, 1}, new double[] {3, 1 + 0x1.0p-52}, 1.0)
                .simpleEigenvectors();
        final double r5 = Math.sqrt(5);
        assertArrayEquals(new double[] {1 / r5, 2 / r5}, v[0], 0x1.0p-51);
        assertArrayEquals(new double[] {-2 / r5, 1 / r5}, v[1], 0x1.0p-51);
    }

    /**
     * |sin ψ| below the double range (≈ 2^-1674, from y₂ = 2^-1074 against g₁ = y₁ = 2^600) is
     * still a direction: at γ = 1 the eigenvectors are (1, 1)/√2 and (−1, 1)/√2 (ĝ = e₁,
     * ê = e₂, θ = π/4 to within 2^-1674). The old code refused ("|sin ψ| underflows").
     */
    @Test
    void simpleEigenvectorsWhenSinPsiUnderflows() {
        final double[][] v = OneParameterMetric.ofGamma(new double[] {0x1.0p600, 0},
                new double[] {0x1.0p600, Double.MIN_VALUE}, 1.0).simpleEigenvectors();
        final double h = Math.sqrt(0.5);
        assertArrayEquals(new double[] {h, h}, v[0], 0x1.0p-52);
        assertArrayEquals(new double[] {-h, h}, v[1], 0x1.0p-52);
    }

    /**
     * γ = α/σ beyond the double range: g = (1, 0), y = (2^-600, 2^-600), α = 1e308, so
     * σ = 2^-599 and γ ≈ 2^1622. M/σ on {ĝ, ê} = {e₁, e₂} is [[½, ½], [½, ½ + γ]]: θ is π/2 to
     * within 1/γ, the eigenvectors e₂ (λ_max ≈ α) and −e₁. The old code refused (γ overflows).
     */
    @Test
    void simpleEigenvectorsWhenGammaIsBeyondTheRange() {
        final double[][] v = OneParameterMetric.ofAlpha(new double[] {1, 0},
                new double[] {0x1.0p-600, 0x1.0p-600}, 1e308).simpleEigenvectors();
        assertArrayEquals(new double[] {0, 1}, v[0], 0x1.0p-52);
        assertArrayEquals(new double[] {-1, 0}, v[1], 0x1.0p-52);
    }

    /**
     * The dense matrix against the exact one (the oracle's rational M, rounded entry by entry) at
     * scales where the pair is stored scaled by powers of two: entries near 2^±500 and 2^±990 lie
     * outside [2^-400, 2^400]. Each entry is a sum of two terms formed with a few roundings each,
     * of size at most max(σ, α) ≤ λ_max ≤ D·max|Mᵢⱼ|: within 16·D·u·max|Mᵢⱼ| of the exact entry.
     */
    @Test
    void denseMatrixIsExactToRoundingAtExtremeScales() {
        final Random r = new Random(7);
        final int[][] scales = {{500, 500}, {-500, -500}, {0, 500}, {500, 0}, {-500, 0}, {0, -500},
            {990, 990}, {-990, -990}, {300, -300}};
        for (int[] sc : scales) {
            final int d = 2 + r.nextInt(5);
            final double[][] p = pair(r, d);
            final double[] g = new double[d];
            final double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                g[i] = Math.scalb(p[0][i], sc[0]);
                y[i] = Math.scalb(p[1][i], sc[1]);
            }
            final double gamma = Math.pow(10, 2 * r.nextDouble() - 1);
            final String what = "g·2^" + sc[0] + ", y·2^" + sc[1] + ", D = " + d;
            final double[][] exact = roundedEntries(ngdref.oracle.ExplicitFamilyMetric.ofGamma(g, y, gamma));
            final double[][] dense;
            try {
                dense = OneParameterMetric.ofGamma(g, y, gamma).toArray();
            } catch (ArithmeticException outOfRange) {
                // Refused only when an exact entry (or α) lies outside the range of double.
                assertTrue(!allFinite(exact), what + ": refused although every entry is in range: " + outOfRange.getMessage());
                continue;
            }
            double max = 0;
            for (double[] row : exact) {
                for (double v : row) {
                    max = Math.max(max, Math.abs(v));
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    assertEquals(exact[i][j], dense[i][j], 16 * d * 0x1.0p-53 * max, what + ": M[" + i + "][" + j + "]");
                }
            }
        }
    }

    private static double[][] roundedEntries(ngdref.oracle.RationalMatrix m) {
        final int d = m.dimension();
        final double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = ngdref.oracle.NearestDouble.of(m.get(i, j).toBigDecimal(40, java.math.RoundingMode.HALF_EVEN));
            }
        }
        return a;
    }

    private static boolean allFinite(double[][] m) {
        for (double[] row : m) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void applyAndSolveAreMatrixFreeAtAMillion() {
        final int d = 1_000_000;
        final Random r = new Random(6);
        final double[][] p = pair(r, d);
        final OneParameterMetric m = OneParameterMetric.optimal(p[0], p[1]);
        final double[] mg = m.apply(p[0]);
        final double[] back = m.solve(mg);
        for (int i = 0; i < d; i += 9973) {
            assertEquals(p[1][i], mg[i], 0x1.0p-50 * Math.abs(p[1][i]) + 1e-300);
            assertEquals(p[0][i], back[i], 1e-10 * maxAbs(p[0]));
        }
        assertEquals(d, m.spectrum().eigenvalues().length);
    }
}
