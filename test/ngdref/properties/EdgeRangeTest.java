package ngdref.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import ngdref.metric.MetricBounds;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;
import ngdref.oracle.Rational;
import org.junit.jupiter.api.Test;

/**
 * Every scalar of the closed forms, over the whole double domain ({@link EdgeCases}), against the
 * independent oracle ({@link RoundingCheck}): each returned double is the correctly rounded
 * (round-half-even) value of the exact quantity, and each refusal ({@link ArithmeticException})
 * is justified by the exact value lying outside the range of double. No other exception, no
 * ∞/NaN, no silent 0. The order λ_min &le; λ_d &le; λ_max, κ &ge; κ_min &ge; 1 and
 * sup λ_min &le; inf λ_max then holds for the returned doubles (monotone rounding), and is
 * asserted too, since nothing in the code clamps it.
 *
 * <p>λ_max and λ_min are decided by the explicit matrix's inertia for every 8th case and by its
 * exact restriction to span{g, y} (plus α) for the others.
 *
 * <p>Cases: {@code ngdref.edge.cases} seeds (2000 by default; the long profile runs 100,000),
 * starting at {@code ngdref.edge.seed}. A failure prints the case in hex and its seed.
 *
 * <p>Every run writes its table of outcomes ({@link EdgeRangeReport}: per quantity, by generator
 * kind and by result regime; counts only) to {@value #GENERATED_REPORT}. The run of the committed
 * configuration (100,000 seeds from 1, the long profile's) also compares it line by line with
 * {@value #COMMITTED_REPORT} and fails on any difference.
 */
class EdgeRangeTest {

    static final int CASES = Integer.getInteger("ngdref.edge.cases", 2000);
    static final long FIRST_SEED = Long.getLong("ngdref.edge.seed", 1L);

    /** The configuration whose report is committed (the long profile's): these seeds, from 1. */
    static final int COMMITTED_CASES = 100_000;
    static final long COMMITTED_SEED = 1L;
    /** The committed report, relative to the project directory. */
    static final String COMMITTED_REPORT = "spec/accuracy-edge-range.md";
    /** Where every run writes its report, relative to the project directory. */
    static final String GENERATED_REPORT = "target/accuracy/edge-range.md";

    @Test
    void everyScalarIsCorrectlyRoundedOrJustlyRefusedOverTheWholeRange() throws IOException {
        // The cases are independent: check them on every core (the long run has 100,000). Each
        // outcome is a function of its seed alone; they are tallied afterwards, in seed order.
        final List<Outcome> outcomes = LongStream.range(FIRST_SEED, FIRST_SEED + CASES)
                .parallel()
                .mapToObj(EdgeCases::of)
                .filter(Objects::nonNull)
                .map(c -> {
                    final Outcome o = check(c);
                    if (!o.failures.isEmpty()) {
                        o.label = c.toString();
                    }
                    return o;
                })
                .collect(Collectors.toList());
        final EdgeRangeReport report = new EdgeRangeReport(FIRST_SEED, CASES);
        outcomes.forEach(report::add);
        final String markdown = report.markdown();
        final Path project = Paths.get(System.getProperty("basedir", "."));
        final Path generated = project.resolve(GENERATED_REPORT);
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, markdown, StandardCharsets.UTF_8);
        System.out.println("EdgeRangeTest: " + report.cases() + " cases, " + report.checks() + " checks: "
                + report.correctlyRounded() + " correctly rounded, " + report.refusals() + " justified refusals, "
                + report.failedChecks() + " failures, " + report.undecided() + " undecided; report " + generated);

        if (report.failedCases() > 0) {
            fail(report.failedCases() + " case(s) failed (all listed in " + generated + "; at most 10 here):\n"
                    + String.join("\n", report.failures().subList(0, Math.min(10, report.failures().size()))));
        }
        // The generator must reach the edges it claims to (else this test proves little).
        assertTrue(report.refusals() > CASES / 50, "too few out-of-range quantities: " + report.refusals());
        final long subnormal = report.count(EdgeRangeReport.Result.SUBNORMAL);
        assertTrue(subnormal > CASES / 100, "too few subnormal results: " + subnormal);
        assertTrue(report.checks() > 10L * CASES, "checked " + report.checks());

        if (CASES == COMMITTED_CASES && FIRST_SEED == COMMITTED_SEED) {
            final Path committed = project.resolve(COMMITTED_REPORT);
            final String regenerate = "\nIf the change is intended, commit the generated report: cp " + GENERATED_REPORT
                    + " " + COMMITTED_REPORT;
            assertTrue(Files.exists(committed), committed + " is missing." + regenerate);
            final String diff = EdgeRangeReport.difference(
                    Files.readAllLines(committed, StandardCharsets.UTF_8), markdown.lines().collect(Collectors.toList()));
            if (!diff.isEmpty()) {
                fail("the accuracy report of this run differs from the committed " + COMMITTED_REPORT
                        + " (- committed, + generated):\n" + diff + regenerate);
            }
        }
    }

    /**
     * What the checks of one case gave: per quantity (rows of {@link EdgeRangeReport}), the result
     * of a passed check, or that it failed (and whether because the oracle threw); the failures as
     * text.
     */
    static final class Outcome {
        final List<String> failures = new ArrayList<>();
        final String kind;
        final EdgeRangeReport.Result[] results = new EdgeRangeReport.Result[EdgeRangeReport.QUANTITIES.length];
        final boolean[] failed = new boolean[EdgeRangeReport.QUANTITIES.length];
        final boolean[] undecided = new boolean[EdgeRangeReport.QUANTITIES.length];
        String label;
        int orders;
        int ordersViolated;

        Outcome(String kind) {
            this.kind = kind;
        }

        /**
         * Checks one quantity: the library's value, or its refusal, against the oracle's exact
         * comparison. Returns the value, or NaN when refused; records the result or the failure.
         */
        double check(String name, DoubleSupplier library, Supplier<Function<Rational, Integer>> oracle) {
            final int q = EdgeRangeReport.quantity(name);
            double r = Double.NaN;
            ArithmeticException refusal = null;
            try {
                r = library.getAsDouble();
            } catch (ArithmeticException e) {
                refusal = e;
            } catch (RuntimeException e) {
                fail(q, name + ": unexpected " + e);
                return Double.NaN;
            }
            try {
                final Function<Rational, Integer> exact = oracle.get();
                if (refusal != null) {
                    final RoundingCheck.OutOfRange out = RoundingCheck.outOfRange(exact);
                    if (out == null) {
                        fail(q, name + ": refused although the exact value is inside the range of double ("
                                + refusal.getMessage() + ")");
                    } else {
                        results[q] = out == RoundingCheck.OutOfRange.OVERFLOW ? EdgeRangeReport.Result.REFUSED_OVERFLOW
                                : EdgeRangeReport.Result.REFUSED_UNDERFLOW;
                    }
                    return Double.NaN;
                }
                final String why = RoundingCheck.correctlyRounded(exact, r);
                if (why == null) {
                    results[q] = EdgeRangeReport.Result.of(r);
                } else {
                    fail(q, name + ": " + why);
                }
            } catch (RuntimeException e) {
                // The oracle compares exact rationals; if it ever throws, the case is not decided:
                // a failure, listed, never a pass or a dropped case.
                undecided[q] = true;
                fail(q, name + ": the oracle could not decide (" + e + ")");
            }
            return r;
        }

        private void fail(int q, String why) {
            failed[q] = true;
            failures.add(why);
        }

        void order(String what, double a, double b) {
            orders++;
            if (a == a && b == b && !(a <= b)) {
                ordersViolated++;
                failures.add("order " + what + " violated: " + a + " > " + b);
            }
        }
    }

    /** All checks of a case; anything thrown outside a single check is a failure of the case. */
    static Outcome check(EdgeCases c) {
        final Outcome o = new Outcome(c.kind);
        try {
            checkAll(c, o);
        } catch (RuntimeException e) {
            o.failures.add("the check of the case stopped: " + e);
        }
        return o;
    }

    private static void checkAll(EdgeCases c, Outcome o) {
        final RoundingCheck exact = new RoundingCheck(c.g, c.y, c.seed % 8 == 0);
        final UpdateGeometry geo;
        final OneParameterMetric m;
        try {
            geo = UpdateGeometry.of(c.g, c.y);
            m = c.parameterIsGamma ? OneParameterMetric.ofGamma(c.g, c.y, c.parameter)
                    : OneParameterMetric.ofAlpha(c.g, c.y, c.parameter);
        } catch (RuntimeException e) {
            o.failures.add("construction of an effective pair failed: " + e);
            return;
        }
        o.check("yᵀy", geo::yDotY, () -> exact.quantity("yy"));
        o.check("gᵀg", geo::gDotG, () -> exact.quantity("gg"));
        o.check("yᵀg", geo::yDotG, () -> exact.quantity("yg"));
        o.check("cos ψ", geo::cosPsi, () -> exact.quantity("cos"));
        o.check("|sin ψ|", geo::sinPsi, () -> exact.quantity("sin"));
        o.check("1 − |sin ψ|", geo::oneMinusSinPsi, () -> exact.quantity("oneMinusSin"));
        o.check("‖y‖/‖g‖", geo::normRatio, () -> exact.quantity("normRatio"));
        final double sup = o.check("sup λ_min", () -> MetricBounds.lambdaMinSupremum(geo), () -> exact.quantity("rho"));
        final double inf = o.check("inf λ_max", () -> MetricBounds.lambdaMaxInfimum(geo), () -> exact.quantity("sigma"));
        final double kappaMin = o.check("κ_min", () -> MetricBounds.minimumConditionNumber(geo),
                () -> exact.quantity("kappaMin"));
        o.order("sup λ_min <= inf λ_max", sup, inf);
        o.order("1 <= κ_min", 1.0, kappaMin);

        final Rational alpha = exact.alpha(c.parameter, c.parameterIsGamma);
        final MetricSpectrum s = m.spectrum();
        final double max = o.check("λ_max", s::lambdaMax, () -> exact.family("lambdaMax", alpha));
        final double min = o.check("λ_min", s::lambdaMin, () -> exact.family("lambdaMin", alpha));
        final double d = o.check("λ_d", s::lambdaD, () -> exact.family("alpha", alpha));
        final double kappa = o.check("κ", s::conditionNumber, () -> exact.family("kappa", alpha));
        o.check("α", m::alpha, () -> exact.family("alpha", alpha));
        o.check("γ", m::gamma, () -> exact.family("gamma", alpha));
        o.order("λ_min <= λ_d", min, d);
        o.order("λ_d <= λ_max", d, max);
        o.order("λ_min <= λ_max", min, max);
        o.order("κ_min <= κ", kappaMin, kappa);
        o.order("λ_min <= sup λ_min", min, sup);
        o.order("inf λ_max <= λ_max", inf, max);
    }

    @Test
    void aReportThatDiffersFromTheCommittedOneIsShownLineByLine() {
        assertEquals("", EdgeRangeReport.difference(List.of("a", "| x | 1 |"), List.of("a", "| x | 1 |")));
        assertEquals("line 2:\n  - | x | 1 |\n  + | x | 2 |\nline 3:\n  - (none)\n  + b\n",
                EdgeRangeReport.difference(List.of("a", "| x | 1 |"), List.of("a", "| x | 2 |", "b")));
    }

    @Test
    void theGeneratorReachesEveryKind() {
        final int[] counts = new int[EdgeCases.KINDS.length];
        for (long seed = 1; seed <= 500; seed++) {
            final EdgeCases c = EdgeCases.of(seed);
            if (c != null) {
                counts[java.util.Arrays.asList(EdgeCases.KINDS).indexOf(c.kind)]++;
            }
        }
        for (int k = 0; k < counts.length; k++) {
            assertTrue(counts[k] > 50, EdgeCases.KINDS[k] + ": " + counts[k]);
        }
        assertEquals(EdgeCases.KINDS.length, counts.length);
    }
}
