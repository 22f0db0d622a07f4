package ngdref.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import ngdref.metric.MetricBounds;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.OptimalMetric;
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
 */
class EdgeRangeTest {

    static final int CASES = Integer.getInteger("ngdref.edge.cases", 2000);
    static final long FIRST_SEED = Long.getLong("ngdref.edge.seed", 1L);

    @Test
    void everyScalarIsCorrectlyRoundedOrJustlyRefusedOverTheWholeRange() {
        // The cases are independent: check them on every core (the long run has 100,000).
        final List<Outcome> outcomes = java.util.stream.LongStream.range(FIRST_SEED, FIRST_SEED + CASES)
                .parallel()
                .mapToObj(EdgeCases::of)
                .filter(java.util.Objects::nonNull)
                .map(c -> {
                    final Outcome o = check(c);
                    o.label = c.toString();
                    return o;
                })
                .collect(java.util.stream.Collectors.toList());
        final List<String> failures = new ArrayList<>();
        int checked = 0;
        int refusals = 0;
        int subnormal = 0;
        for (Outcome o : outcomes) {
            checked += o.checked;
            refusals += o.refusals;
            subnormal += o.subnormal;
            if (!o.failures.isEmpty() && failures.size() < 10) {
                failures.add(o.label + "\n    " + String.join("\n    ", o.failures));
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " case(s) failed (at most 10 shown):\n" + String.join("\n", failures));
        }
        // The generator must reach the edges it claims to (else this test proves little).
        assertTrue(refusals > CASES / 50, "too few out-of-range quantities: " + refusals);
        assertTrue(subnormal > CASES / 100, "too few subnormal results: " + subnormal);
        assertTrue(checked > 10 * CASES, "checked " + checked);
        System.out.println("EdgeRangeTest: " + outcomes.size() + " cases, " + checked + " quantities checked, "
                + refusals + " justified refusals, " + subnormal + " subnormal results");
    }

    static final class Outcome {
        final List<String> failures = new ArrayList<>();
        String label;
        int checked;
        int refusals;
        int subnormal;

        /** The value, or NaN when refused; records failures. */
        double check(String name, DoubleSupplier library, Function<Rational, Integer> exact) {
            checked++;
            final double r;
            try {
                r = library.getAsDouble();
            } catch (ArithmeticException e) {
                refusals++;
                final String why = RoundingCheck.refusalJustified(exact);
                if (why != null) {
                    failures.add(name + ": " + why + " (" + e.getMessage() + ")");
                }
                return Double.NaN;
            } catch (RuntimeException e) {
                failures.add(name + ": unexpected " + e);
                return Double.NaN;
            }
            if (r != 0.0 && Math.abs(r) < Double.MIN_NORMAL) {
                subnormal++;
            }
            final String why = RoundingCheck.correctlyRounded(exact, r);
            if (why != null) {
                failures.add(name + ": " + why);
            }
            return r;
        }

        void order(String what, double a, double b) {
            if (a == a && b == b && !(a <= b)) {
                failures.add("order " + what + " violated: " + a + " > " + b);
            }
        }
    }

    static Outcome check(EdgeCases c) {
        final Outcome o = new Outcome();
        final RoundingCheck exact = new RoundingCheck(c.g, c.y, c.seed % 8 == 0);
        final UpdateGeometry geo;
        final OneParameterMetric m;
        try {
            geo = UpdateGeometry.of(c.g, c.y);
            m = c.parameterIsGamma ? OneParameterMetric.ofGamma(c.g, c.y, c.parameter)
                    : OneParameterMetric.ofAlpha(c.g, c.y, c.parameter);
        } catch (RuntimeException e) {
            o.failures.add("construction of an effective pair failed: " + e);
            return o;
        }
        o.check("yᵀy", geo::yDotY, exact.quantity("yy"));
        o.check("gᵀg", geo::gDotG, exact.quantity("gg"));
        o.check("yᵀg", geo::yDotG, exact.quantity("yg"));
        o.check("cos ψ", geo::cosPsi, exact.quantity("cos"));
        o.check("|sin ψ|", geo::sinPsi, exact.quantity("sin"));
        o.check("1 − |sin ψ|", geo::oneMinusSinPsi, exact.quantity("oneMinusSin"));
        o.check("‖y‖/‖g‖", geo::normRatio, exact.quantity("normRatio"));
        final double sup = o.check("sup λ_min", () -> MetricBounds.lambdaMinSupremum(geo), exact.quantity("rho"));
        final double inf = o.check("inf λ_max", () -> MetricBounds.lambdaMaxInfimum(geo), exact.quantity("sigma"));
        final double kappaMin = o.check("κ_min", () -> OptimalMetric.minimumConditionNumber(geo), exact.quantity("kappaMin"));
        o.order("sup λ_min <= inf λ_max", sup, inf);
        o.order("1 <= κ_min", 1.0, kappaMin);

        final Rational alpha = exact.alpha(c.parameter, c.parameterIsGamma);
        final MetricSpectrum s = m.spectrum();
        final double max = o.check("λ_max", s::lambdaMax, exact.family("lambdaMax", alpha));
        final double min = o.check("λ_min", s::lambdaMin, exact.family("lambdaMin", alpha));
        final double d = o.check("λ_d", s::lambdaD, exact.family("alpha", alpha));
        final double kappa = o.check("κ", s::conditionNumber, exact.family("kappa", alpha));
        o.check("α", m::alpha, exact.family("alpha", alpha));
        o.check("γ", m::gamma, exact.family("gamma", alpha));
        o.order("λ_min <= λ_d", min, d);
        o.order("λ_d <= λ_max", d, max);
        o.order("λ_min <= λ_max", min, max);
        o.order("κ_min <= κ", kappaMin, kappa);
        o.order("λ_min <= sup λ_min", min, sup);
        o.order("inf λ_max <= λ_max", inf, max);
        return o;
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
