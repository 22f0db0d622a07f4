package ngdref.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ngdref.metric.MetricBounds;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;

import org.junit.jupiter.api.Test;

/**
 * Runtime checking of the value contracts KeY leaves open (proofs/open-contracts.tsv: "floating
 * point value claim"): the {@code ensures} clauses of the scalar accessors are read from the JML in
 * the sources and evaluated on the results for whole-range edge cases ({@link EdgeCases}); a
 * {@code normal_behavior} accessor must not throw, a {@code behavior} one may throw only what its
 * {@code signals_only} lists. The clauses are parsed, not copied, so a changed contract is
 * checked as written (a contract claiming {@code \result > 2.0} for cos ψ fails here). The
 * grammar is the one these contracts use: comparisons of {@code \result} with double literals,
 * joined by {@code &&}; a clause outside it fails the test, so no accessor escapes the check.
 */
class ValueContractsTest {

    static final int CASES = 600;

    /** The accessors: source file, method name, and how to call it on a case. */
    private static Map<String, Function<Built, Double>> accessors() {
        final Map<String, Function<Built, Double>> a = new LinkedHashMap<>();
        a.put("UpdateGeometry.cosPsi", b -> b.geometry.cosPsi());
        a.put("UpdateGeometry.sinPsi", b -> b.geometry.sinPsi());
        a.put("UpdateGeometry.oneMinusSinPsi", b -> b.geometry.oneMinusSinPsi());
        a.put("UpdateGeometry.psi", b -> b.geometry.psi());
        a.put("UpdateGeometry.normRatio", b -> b.geometry.normRatio());
        a.put("UpdateGeometry.yDotG", b -> b.geometry.yDotG());
        a.put("UpdateGeometry.yDotY", b -> b.geometry.yDotY());
        a.put("UpdateGeometry.gDotG", b -> b.geometry.gDotG());
        a.put("MetricBounds.lambdaMinSupremum", b -> MetricBounds.lambdaMinSupremum(b.geometry));
        a.put("MetricBounds.lambdaMaxInfimum", b -> MetricBounds.lambdaMaxInfimum(b.geometry));
        a.put("MetricBounds.minimumConditionNumber", b -> MetricBounds.minimumConditionNumber(b.geometry));
        a.put("OneParameterMetric.alpha", b -> b.metric().alpha());
        a.put("OneParameterMetric.gamma", b -> b.metric().gamma());
        a.put("MetricSpectrum.lambdaMax", b -> b.spectrum().lambdaMax());
        a.put("MetricSpectrum.lambdaMin", b -> b.spectrum().lambdaMin());
        a.put("MetricSpectrum.lambdaD", b -> b.spectrum().lambdaD());
        a.put("MetricSpectrum.conditionNumber", b -> b.spectrum().conditionNumber());
        return a;
    }

    /** A case's objects; the metric and spectrum may be refused (then their accessors are skipped). */
    private record Built(UpdateGeometry geometry, OneParameterMetric metricOrNull, MetricSpectrum spectrumOrNull) {
        OneParameterMetric metric() {
            if (metricOrNull == null) {
                throw new Skip();
            }
            return metricOrNull;
        }

        MetricSpectrum spectrum() {
            if (spectrumOrNull == null) {
                throw new Skip();
            }
            return spectrumOrNull;
        }
    }

    private static final class Skip extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** One accessor's contract as written: kind, comparisons, allowed exceptions. */
    private record Contract(String method, boolean normal, List<String[]> comparisons, List<String> signalsOnly) {
        String check(double r) {
            for (String[] c : comparisons) {
                final double left = value(c[0], r);
                final double right = value(c[2], r);
                final boolean ok = switch (c[1]) {
                    case "<" -> left < right;
                    case "<=" -> left <= right;
                    case ">" -> left > right;
                    case ">=" -> left >= right;
                    case "==" -> left == right;
                    case "!=" -> left != right;
                    default -> throw new IllegalStateException(c[1]);
                };
                if (!ok) {
                    return c[0] + " " + c[1] + " " + c[2] + " with \\result = " + r;
                }
            }
            return null;
        }

        private static double value(String operand, double r) {
            return operand.equals("\\result") ? r : Double.parseDouble(operand);
        }
    }

    private static final Pattern COMPARISON =
        Pattern.compile("\\s*(\\\\result|[0-9.eE+-]+)\\s*(<=|>=|==|!=|<|>)\\s*(\\\\result|[0-9.eE+-]+)\\s*");

    /** Reads the JML block right before {@code double name(} in the class's source. */
    static Contract contract(String qualified) throws IOException {
        final String cls = qualified.substring(0, qualified.indexOf('.'));
        final String method = qualified.substring(qualified.indexOf('.') + 1);
        // The mutation gate points ngdref.source.root at a mutated copy of src/.
        final String source = Files.readString(Path.of(System.getProperty("ngdref.source.root", "src"), "ngdref/metric", cls + ".java"));
        final Matcher m = Pattern.compile("/\\*@((?:(?!@\\*/).)*)@\\*/\\s*public (?:static )?double " + method + "\\(",
            Pattern.DOTALL).matcher(source);
        assertTrue(m.find(), "no JML contract found for " + qualified);
        // The case for valid arguments: the exceptional cases (null geometry) are KeY's, proved.
        final List<String> cases = java.util.Arrays.stream(m.group(1).replaceAll("(?m)^\\s*@", " ").split("\\balso\\b"))
            .filter(c -> !c.contains("exceptional_behavior")).toList();
        assertEquals(1, cases.size(), qualified + ": expected one non-exceptional specification case");
        final String spec = cases.get(0);
        final List<String[]> comparisons = new ArrayList<>();
        final Matcher e = Pattern.compile("ensures([^;]*);").matcher(spec);
        while (e.find()) {
            for (String atom : e.group(1).split("&&")) {
                final Matcher c = COMPARISON.matcher(atom);
                assertTrue(c.matches(), qualified + ": ensures clause outside the checked grammar: " + atom.trim());
                comparisons.add(new String[] {c.group(1), c.group(2), c.group(3)});
            }
        }
        assertTrue(!comparisons.isEmpty(), qualified + ": no ensures clause");
        final List<String> signals = new ArrayList<>();
        final Matcher s = Pattern.compile("signals_only([^;]*);").matcher(spec);
        while (s.find()) {
            for (String name : s.group(1).split(",")) {
                signals.add(name.trim());
            }
        }
        return new Contract(qualified, spec.contains("normal_behavior"), comparisons, signals);
    }

    @Test
    void openValueContractsHoldOnWholeRangeCases() throws IOException {
        final Map<String, Function<Built, Double>> accessors = accessors();
        final Map<String, Contract> contracts = new LinkedHashMap<>();
        for (String name : accessors.keySet()) {
            contracts.put(name, contract(name));
        }
        final List<String> violations = new ArrayList<>();
        final Map<String, Integer> evaluated = new LinkedHashMap<>();
        for (long seed = 1; seed <= CASES; seed++) {
            final EdgeCases c = EdgeCases.of(seed);
            if (c == null) {
                continue;
            }
            final Built built = build(c);
            for (Map.Entry<String, Function<Built, Double>> a : accessors.entrySet()) {
                final Contract k = contracts.get(a.getKey());
                try {
                    final String broken = k.check(a.getValue().apply(built));
                    evaluated.merge(a.getKey(), 1, Integer::sum);
                    if (broken != null) {
                        violations.add(a.getKey() + " on " + c + ": ensures " + broken);
                    }
                } catch (Skip skip) {
                    // the metric or spectrum of this case is refused as a whole
                } catch (RuntimeException ex) {
                    if (k.normal() || !k.signalsOnly().contains(ex.getClass().getSimpleName())) {
                        violations.add(a.getKey() + " on " + c + ": threw " + ex + ", not allowed by its contract");
                    }
                }
            }
        }
        assertEquals(List.of(), violations.subList(0, Math.min(10, violations.size())),
            violations.size() + " contract violations (at most 10 shown)");
        for (String name : contracts.keySet()) {
            assertTrue(evaluated.getOrDefault(name, 0) >= CASES / 4,
                name + " evaluated only " + evaluated.getOrDefault(name, 0) + " times");
        }
    }

    private static Built build(EdgeCases c) {
        final UpdateGeometry geometry = UpdateGeometry.of(c.g, c.y);
        OneParameterMetric metric = null;
        MetricSpectrum spectrum = null;
        try {
            metric = c.parameterIsGamma ? OneParameterMetric.ofGamma(c.g, c.y, c.parameter)
                : OneParameterMetric.ofAlpha(c.g, c.y, c.parameter);
            spectrum = metric.spectrum();
        } catch (ArithmeticException refused) {
            // α or γ outside the range of double: no metric for this case
        }
        return new Built(geometry, metric, spectrum);
    }
}
