package ngdref.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import ngdref.dense.CanonicalForm;
import ngdref.dense.CanonicalMetric;
import ngdref.discrete.HessianCorrectedMetric;
import ngdref.discrete.StochasticMetric;
import ngdref.discrete.TimeVaryingExtension;
import ngdref.metric.MetricBounds;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;
import ngdref.oracle.Rational;

/**
 * Issue 12, item 8: the library fuzz test. Random calls of the public API with hostile arguments
 * (null, wrong lengths, D &lt; 2, NaN and ±∞ entries or parameters, zero vectors, 0 and negative
 * parameters, pairs with yᵀg &le; 0 or yᵀg tiny of either sign) mixed with valid ones spanning the
 * whole double range (entries 2^-1074 … 2^1023 mixed within a vector, zeros, subnormals, pairs
 * nearly parallel with |sin ψ| far below 2^-1074, α and γ anywhere). Every call must return only
 * finite values or throw IllegalArgumentException / ArithmeticException with a message; never
 * another exception, never ∞ or NaN. The exact checks, against the independent oracle
 * ({@link RoundingCheck}): UpdateGeometry.of refuses a finite pair of equal length D &ge; 2 exactly
 * when its exact yᵀg &le; 0 (or g or y is 0); every scalar of the geometry, the family's spectrum,
 * Props. 1–3 (κ_min, sup λ_min, inf λ_max) is the correctly rounded double of its exact value or
 * refused only when that value is outside the range of double. (The componentwise bounds of
 * apply, solve, toArray and the eigenvectors are checked exactly by ApplySolveBoundProperties
 * and EigenvectorBoundProperties; here they must be finite or refused.)
 *
 * <p>20 calls per try: 4,000 at the default tries, 60,000 in the long profile.
 */
class LibraryFuzzProperties {

    private static final int CALLS = 20;
    private static final int OPERATIONS = 9;

    @Property
    void publicCallsReturnFiniteCorrectlyRoundedValuesOrRefuseByName(@ForAll long seed) {
        final Random r = new Random(seed);
        for (int call = 0; call < CALLS; call++) {
            final int d = r.nextInt(25) == 0 ? r.nextInt(2) : 2 + r.nextInt(5);
            final double[] g = hostile(r, d);
            final double[] y = second(r, g, d);
            final double p = parameter(r);
            final String input = "g = " + hex(g) + ", y = " + hex(y) + ", p = " + Double.toHexString(p);
            final int op = r.nextInt(OPERATIONS);
            Statistics.label("operation").collect(op);
            try {
                switch (op) {
                    case 0: geometry(g, y, input); break;
                    case 1: family(r, g, y, p, input); break;
                    case 2: bounds(g, y, input); break;
                    case 3: matrixFree(r, g, y, p, input); break;
                    case 4: timeVarying(r, g, y, p, input); break;
                    case 5: hessianCorrected(r, g, y, p, input); break;
                    case 6: stochastic(r, g, y, p, input); break;
                    case 7: canonicalForm(r, g, y, p, input); break;
                    default: canonicalMetric(r, g, y, input); break;
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                Statistics.label("outcome").collect(e.getClass().getSimpleName());
                assertNamed(e, input);
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("operation " + op + " threw " + e + " for " + input, e);
            }
            Statistics.label("outcome").collect("returned");
        }
    }

    // ---- The operations ----

    /** UpdateGeometry.of refuses exactly the invalid pairs; each accessor is exact or justly refused. */
    private static void geometry(double[] g, double[] y, String input) {
        final String invalid = invalidPair(g, y);
        final UpdateGeometry geo;
        try {
            geo = UpdateGeometry.of(g, y);
        } catch (IllegalArgumentException e) {
            assertNamed(e, input);
            if (invalid == null) {
                fail("UpdateGeometry.of refused a valid pair (" + e.getMessage() + "): " + input);
            }
            return;
        }
        if (invalid != null) {
            fail("UpdateGeometry.of accepted " + invalid + ": " + input);
        }
        final RoundingCheck exact = new RoundingCheck(g, y);
        check("cos ψ", geo::cosPsi, exact.quantity("cos"), input);
        check("|sin ψ|", geo::sinPsi, exact.quantity("sin"), input);
        check("‖y‖/‖g‖", geo::normRatio, exact.quantity("normRatio"), input);
        check("1 − |sin ψ|", geo::oneMinusSinPsi, exact.quantity("oneMinusSin"), input);
        check("yᵀg", geo::yDotG, exact.quantity("yg"), input);
        check("yᵀy", geo::yDotY, exact.quantity("yy"), input);
        check("gᵀg", geo::gDotG, exact.quantity("gg"), input);
        try {
            final double psi = geo.psi();
            assertTrue(psi >= 0.0 && psi <= Math.PI / 2, "ψ = " + psi + " for " + input);
        } catch (ArithmeticException e) {
            assertNamed(e, input);
            assertTrue(RoundingCheck.outOfRange(exact.quantity("sin")) != null,
                    "ψ refused though |sin ψ| is in range: " + e.getMessage() + " for " + input);
        }
    }

    /** The family by γ or α, or M_opt: α, γ, λ_max, λ_min, λ_d, κ exact or justly refused. */
    private static void family(Random r, double[] g, double[] y, double p, String input) {
        final int form = r.nextInt(3);
        final OneParameterMetric m = form == 0 ? OneParameterMetric.ofGamma(g, y, p)
                : form == 1 ? OneParameterMetric.ofAlpha(g, y, p) : OneParameterMetric.optimal(g, y);
        final RoundingCheck exact = new RoundingCheck(g, y);
        final Rational alpha = form == 2 ? exact.alpha(1.0, true) : exact.alpha(p, form == 0);
        final MetricSpectrum s;
        try {
            // MetricSpectrum.of takes γ: only for the metrics given by γ (a rounded γ of M(α) would
            // be another metric)
            s = form == 1 || r.nextBoolean() ? m.spectrum() : MetricSpectrum.of(m.geometry(), form == 0 ? p : 1.0);
        } catch (ArithmeticException e) {
            fail("spectrum() or MetricSpectrum.of refused as a whole (its accessors refuse one by one): "
                    + e.getMessage() + " for " + input);
            return;
        }
        check("α", m::alpha, exact.family("alpha", alpha), input);
        check("γ", m::gamma, exact.family("gamma", alpha), input);
        check("λ_max", s::lambdaMax, exact.family("lambdaMax", alpha), input);
        check("λ_min", s::lambdaMin, exact.family("lambdaMin", alpha), input);
        check("λ_d", s::lambdaD, exact.family("alpha", alpha), input);
        check("κ", s::conditionNumber, exact.family("kappa", alpha), input);
    }

    /** Props. 1–3: κ_min, sup λ_min = ρ, inf λ_max = σ. */
    private static void bounds(double[] g, double[] y, String input) {
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        final RoundingCheck exact = new RoundingCheck(g, y);
        check("κ_min", () -> MetricBounds.minimumConditionNumber(geo), exact.quantity("kappaMin"), input);
        check("sup λ_min", () -> MetricBounds.lambdaMinSupremum(geo), exact.quantity("rho"), input);
        check("inf λ_max", () -> MetricBounds.lambdaMaxInfimum(geo), exact.quantity("sigma"), input);
    }

    /** apply, solve (hostile x, b), toArray, the eigenvectors: finite or refused. */
    private static void matrixFree(Random r, double[] g, double[] y, double p, String input) {
        final OneParameterMetric m = r.nextBoolean() ? OneParameterMetric.ofGamma(g, y, p)
                : OneParameterMetric.ofAlpha(g, y, p);
        final double[] x = r.nextInt(4) == 0 ? g.clone() : hostile(r, g.length);
        final double[] b = r.nextInt(4) == 0 ? y.clone() : hostile(r, g.length);
        finiteOrRefused("M·x", () -> m.apply(x), input);
        finiteOrRefused("M⁻¹·b", () -> m.solve(b), input);
        finiteOrRefused("M", m::toArray, input);
        finiteOrRefused("eigenvectors", m::simpleEigenvectors, input);
    }

    /** The extended pair [θ̇, 1], [−∇L, −∂L/∂t] and its metric. */
    private static void timeVarying(Random r, double[] g, double[] y, double p, String input) {
        final double dLdt = r.nextBoolean() ? parameter(r) : -parameter(r);
        final OneParameterMetric m = TimeVaryingExtension.metric(g, y, dLdt, p);
        finiteScalarOrRefused("time-varying λ_max", () -> m.spectrum().lambdaMax(), input);
        finiteOrRefused("time-varying M·x", () -> m.apply(hostile(r, g.length + 1)), input);
    }

    /** Eqs. (17)–(18): the η bound and the corrected metric. */
    private static void hessianCorrected(Random r, double[] g, double[] y, double p, String input) {
        final double[][] h = r.nextInt(20) == 0 ? null : symmetric(r, g == null ? 3 : g.length);
        etaBoundOrRefused("η bound", () -> HessianCorrectedMetric.learningRateBound(g, y, h), input);
        final HessianCorrectedMetric m = HessianCorrectedMetric.of(g, y, h, parameter(r), p);
        finiteOrRefused("corrected M", m::toArray, input);
        finiteOrRefused("corrected M·x", () -> m.apply(hostile(r, g.length)), input);
        finiteOrRefused("corrected M⁻¹·b", () -> m.solve(hostile(r, g.length)), input);
        etaBoundOrRefused("corrected η bound", m::learningRateBound, input);
    }

    /** Eqs. (19)–(20): samples of the pair around g and y. */
    private static void stochastic(Random r, double[] g, double[] y, double p, String input) {
        final int n = 1 + r.nextInt(3);
        final double[][] gs = new double[n][];
        final double[][] ys = new double[n][];
        final double[][] hs = new double[n][];
        for (int k = 0; k < n; k++) {
            final int d = g == null ? 3 : g.length;
            gs[k] = k == 0 || g == null ? g : r.nextBoolean() ? g.clone() : hostile(r, d);
            ys[k] = k == 0 || y == null ? y : r.nextBoolean() ? y.clone() : hostile(r, d);
            hs[k] = hostile(r, d);
        }
        final StochasticMetric m = StochasticMetric.of(gs, ys, hs, parameter(r), p);
        finiteOrRefused("stochastic M·x", () -> m.apply(hostile(r, g.length)), input);
        finiteOrRefused("stochastic M⁻¹·b", () -> m.solve(hostile(r, g.length)), input);
        etaBoundOrRefused("stochastic η bound", m::learningRateBound, input);
        finiteOrRefused("stochastic M", m::toArray, input);
    }

    /** The canonical form (6) of the family's dense M, or of a hostile symmetric matrix. */
    private static void canonicalForm(Random r, double[] g, double[] y, double p, String input) {
        final double[][] m = r.nextBoolean() || g == null ? OneParameterMetric.ofGamma(g, y, p).toArray() : symmetric(r, g.length);
        final double tolerance = r.nextInt(10) == 0 ? parameter(r) : 1e-8;
        final CanonicalForm f = CanonicalForm.decompose(m, g, y, tolerance);
        finiteOrRefused("M'", f::mPrime, input);
        finiteOrRefused("basis", f::basis, input);
        finiteScalarOrRefused("reconstruction error", f::reconstructionError, input);
        finiteScalarOrRefused("M'g residual", f::mPrimeGResidual, input);
    }

    /** The canonical metric (6) from D − 1 rows spanning g⊥ (or hostile rows). */
    private static void canonicalMetric(Random r, double[] g, double[] y, String input) {
        final int d = g == null ? 2 + r.nextInt(5) : g.length;
        final double[][] u = new double[Math.max(0, d - 1 + (r.nextInt(10) == 0 ? 1 : 0))][];
        for (int i = 0; i < u.length; i++) {
            // gᵢ₊₁·e₀ − g₀·eᵢ₊₁ is ⊥ g exactly in exact arithmetic (and in double when no product rounds)
            u[i] = new double[d];
            if (g != null && r.nextInt(5) > 0 && i + 1 < d) {
                u[i][0] = g[i + 1];
                u[i][i + 1] = -g[0];
            } else {
                u[i] = hostile(r, d);
            }
        }
        final CanonicalMetric m = CanonicalMetric.fromBasis(g, y, u, 1e-8);
        finiteOrRefused("canonical M", m::toArray, input);
        finiteOrRefused("canonical M·x", () -> m.apply(hostile(r, d)), input);
        finiteOrRefused("canonical M⁻¹·b", () -> m.solve(hostile(r, d)), input);
    }

    // ---- Checks ----

    /** A double of the library that must be the correctly rounded exact value, or justly refused. */
    private static void check(String what, DoubleSupplier call, Function<Rational, Integer> exact, String input) {
        final double v;
        try {
            v = call.getAsDouble();
        } catch (ArithmeticException e) {
            assertNamed(e, input);
            assertTrue(RoundingCheck.outOfRange(exact) != null,
                    what + " refused though its exact value is in range: " + e.getMessage() + " for " + input);
            return;
        }
        final String why = RoundingCheck.correctlyRounded(exact, v);
        if (why != null) {
            fail(what + " = " + Double.toHexString(v) + " is not correctly rounded: " + why + " for " + input);
        }
    }

    private static void finiteOrRefused(String what, Supplier<Object> call, String input) {
        final Object v;
        try {
            v = call.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            assertNamed(e, input);
            return;
        }
        assertFinite(what, v, input);
    }

    /** An η bound: positive, finite, or +∞ where it documents "no bound" (no negative curvature). */
    private static void etaBoundOrRefused(String what, DoubleSupplier call, String input) {
        try {
            final double v = call.getAsDouble();
            assertTrue(v > 0.0 && !Double.isNaN(v), what + " = " + v + " for " + input);
        } catch (IllegalArgumentException | ArithmeticException e) {
            assertNamed(e, input);
        }
    }

    private static void finiteScalarOrRefused(String what, DoubleSupplier call, String input) {
        finiteOrRefused(what, () -> (Object) call.getAsDouble(), input);
    }

    private static void assertFinite(String what, Object v, String input) {
        if (v instanceof Double) {
            assertTrue(Double.isFinite((Double) v), what + " = " + v + " for " + input);
        } else if (v instanceof double[]) {
            for (double x : (double[]) v) {
                assertTrue(Double.isFinite(x), what + " = " + Arrays.toString((double[]) v) + " for " + input);
            }
        } else if (v instanceof double[][]) {
            for (double[] row : (double[][]) v) {
                assertFinite(what, row, input);
            }
        } else {
            fail(what + " returned " + v);
        }
    }

    /** A refusal says what was wrong: a message, and no unresolved "NaN·2^" of an extended value. */
    private static void assertNamed(RuntimeException e, String input) {
        final String message = e.getMessage();
        assertTrue(message != null && !message.isBlank(), e.getClass().getSimpleName() + " without a message for " + input);
        assertTrue(!message.contains("NaN·2^") && !message.contains("Infinity·2^"),
                "unresolved extended value in \"" + message + "\" for " + input);
    }

    /** Why (g, y) is not an effective update, from the exact inner product; null when it is. */
    private static String invalidPair(double[] g, double[] y) {
        if (g == null || y == null) {
            return "a null vector";
        }
        if (g.length != y.length || g.length < 2) {
            return "lengths " + g.length + ", " + y.length;
        }
        for (int i = 0; i < g.length; i++) {
            if (!Double.isFinite(g[i]) || !Double.isFinite(y[i])) {
                return "a non-finite entry";
            }
        }
        if (ExtremeMagnitudeProperties.dot(g, g).signum() == 0 || ExtremeMagnitudeProperties.dot(y, y).signum() == 0) {
            return "a zero vector";
        }
        return ExtremeMagnitudeProperties.dot(y, g).signum() <= 0 ? "exact yᵀg <= 0" : null;
    }

    // ---- Generators ----

    /** A whole-range vector; sometimes null, of another length, zero, or with a NaN/±∞ entry. */
    private static double[] hostile(Random r, int d) {
        switch (r.nextInt(50)) {
            case 0:
                return null;
            case 1:
                return ApplySolveBoundProperties.vector(r, d + 1, r.nextInt(2098) - 1074, r.nextInt(2098));
            case 2:
                return new double[d];
            case 3:
            case 4: {
                final double[] v = ApplySolveBoundProperties.vector(r, d, r.nextInt(2098) - 1074, r.nextInt(2098));
                if (d > 0) {
                    v[r.nextInt(d)] = new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}[r.nextInt(3)];
                }
                return v;
            }
            default:
                return ApplySolveBoundProperties.vector(r, d, r.nextInt(2098) - 1074,
                        r.nextBoolean() ? r.nextInt(40) : r.nextInt(2098));
        }
    }

    /** y: random, nearly parallel to g, nearly −g (yᵀg tiny of either sign), or hostile. */
    private static double[] second(Random r, double[] g, int d) {
        if (g == null || g.length != d || d < 2 || r.nextInt(4) == 0) {
            return hostile(r, d);
        }
        for (double x : g) {
            if (!Double.isFinite(x)) {
                return hostile(r, d);
            }
        }
        switch (r.nextInt(3)) {
            case 0:
                return EigenvectorBoundProperties.nearlyParallel(r, g);
            case 1: {
                // −g with one entry replaced: yᵀg of either sign, often tiny or cancelling
                final double[] y = new double[d];
                for (int i = 0; i < d; i++) {
                    y[i] = -g[i];
                }
                if (d > 0) {
                    final int i = r.nextInt(d);
                    y[i] = g[i] == 0.0 ? Double.MIN_VALUE : Math.scalb(g[i], r.nextInt(4));
                }
                return y;
            }
            default:
                return ApplySolveBoundProperties.vector(r, d, r.nextInt(2098) - 1074, r.nextInt(2098));
        }
    }

    /** A parameter anywhere in the positive range; sometimes 0, negative, NaN or ±∞. */
    private static double parameter(Random r) {
        if (r.nextInt(20) == 0) {
            return new double[] {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                -Double.MIN_VALUE}[r.nextInt(7)];
        }
        return ApplySolveBoundProperties.parameter(r);
    }

    /** A symmetric d×d matrix of whole-range entries (sometimes hostile rows). */
    private static double[][] symmetric(Random r, int d) {
        final double[][] m = new double[d][d];
        final int base = r.nextInt(2098) - 1074;
        final int spread = r.nextBoolean() ? r.nextInt(20) : r.nextInt(2098);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                final double v = ApplySolveBoundProperties.vector(r, 1, base, spread)[0];
                m[i][j] = v;
                m[j][i] = v;
            }
            m[i][i] = Math.abs(m[i][i]) * d;
        }
        if (d > 0 && r.nextInt(20) == 0) {
            m[r.nextInt(d)] = hostile(r, d);
        }
        return m;
    }

    private static String hex(double[] v) {
        return v == null ? "null" : ApplySolveBoundProperties.hex(v);
    }

    /** Sanity of the generators' invalidity classification on two fixed pairs. */
    @Property(tries = 1)
    void invalidPairClassifiesByTheExactInnerProduct() {
        assertEquals("exact yᵀg <= 0", invalidPair(new double[] {1, 1}, new double[] {1, -1}));
        assertEquals(null, invalidPair(new double[] {0x1.0p-700, 1}, new double[] {0x1.0p-380, 0}));
    }
}
