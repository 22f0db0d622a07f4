package ngdref.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import ngdref.oracle.Ulps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Grades another implementation: for each case of a vector file and each quantity, the distance
 * in ulps (steps between adjacent doubles, {@link Ulps#between}) from the implementation's double
 * to the correctly rounded expected one; per quantity the maximum and median, and every value
 * outside {@code --ulps}, missing, or not a finite double. Exit 1 when there is any.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compare another implementation's results with a vector file: per quantity the"
            + " max and median error in ulps, and every value outside the tolerance.",
            "Exit 0 when all pass, 1 when any fails (or is missing)."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VECTORS", description = "the vector file (ngdref vectors), or a"
            + " conformance suite directory (spec/conformance/v1) with RESULTS in JSON Lines")
    Path vectors;

    @Parameters(index = "1", paramLabel = "RESULTS", description = "the results file (schema in docs/cli.md)")
    Path results;

    @Option(names = "--ulps", paramLabel = "N",
            description = "tolerance in ulps (default: 4 for a vector file, 0 for a suite directory)")
    Long tolerance;

    /** The tolerance in effect. */
    private long ulps;

    @Option(names = "--quantities", split = ",", paramLabel = "Q",
            description = "check only these (default: all of the file's)")
    List<String> quantities;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = "--progress", negatable = true, description = "progress on standard error"
            + " (default: when standard error is a terminal, see the ngdref script)")
    Boolean progress;

    /** One value outside the tolerance (or missing). */
    record Failure(String id, String quantity, double expected, Double got, Long ulps, String reason) {
    }

    @Override
    public Integer call() throws IOException {
        final boolean suite = java.nio.file.Files.isDirectory(vectors);
        ulps = tolerance != null ? tolerance : suite ? 0 : 4;
        if (ulps < 0) {
            throw new NgdrefCli.UsageException("--ulps must be >= 0, was " + ulps);
        }
        if (suite) {
            return checkSuite();
        }
        final JsonNode expectedRoot = read(vectors, "vector file");
        VectorFile.requireSchema(expectedRoot, "vector file " + vectors, VectorFile.SCHEMA);
        final JsonNode resultsRoot = read(results, "results file");
        VectorFile.requireSchema(resultsRoot, "results file " + results, VectorFile.RESULTS_SCHEMA,
                VectorFile.SCHEMA);
        final List<String> names = quantities != null ? quantities : VectorFile.QUANTITIES;
        for (String q : names) {
            if (!VectorFile.QUANTITIES.contains(q)) {
                throw new NgdrefCli.UsageException("unknown quantity " + q + "; expected "
                        + String.join(", ", VectorFile.QUANTITIES));
            }
        }
        final Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode c : resultsRoot.get("cases")) {
            final JsonNode values = c.has("results") ? c.get("results") : c.get("expected");
            if (c.hasNonNull("id") && values != null) {
                byId.put(c.get("id").asText(), values);
            }
        }
        final Map<String, List<Long>> errors = new LinkedHashMap<>();
        for (String q : names) {
            errors.put(q, new ArrayList<>());
        }
        final List<Failure> failures = new ArrayList<>();
        final JsonNode cases = expectedRoot.get("cases");
        int checkedCases = 0;
        try (Progress bar = Progress.of(spec.commandLine().getErr(), "check: cases", cases.size(), progress)) {
            for (JsonNode c : cases) {
                final String id = c.path("id").asText();
                final JsonNode got = byId.remove(id);
                checkedCases++;
                for (String q : names) {
                    final double expected = VectorFile.value(c.path("expected").path(q), id + "." + q);
                    final JsonNode v = got == null ? null : got.get(q);
                    if (v == null || v.isNull()) {
                        failures.add(new Failure(id, q, expected, null, null,
                                got == null ? "case missing from the results" : "missing"));
                        continue;
                    }
                    final double value;
                    try {
                        value = VectorFile.value(v, id + "." + q);
                    } catch (RequestException e) {
                        failures.add(new Failure(id, q, expected, null, null, e.getMessage()));
                        continue;
                    }
                    if (Double.isNaN(value)) {
                        failures.add(new Failure(id, q, expected, value, null, "NaN"));
                        continue;
                    }
                    final long d = Ulps.between(value, expected);
                    errors.get(q).add(d);
                    if (d > ulps) {
                        failures.add(new Failure(id, q, expected, value, d, "outside " + ulps + " ulp"));
                    }
                }
                bar.step(checkedCases);
            }
        }
        final List<String> extra = new ArrayList<>(byId.keySet());
        extra.sort(null);
        final PrintWriter out = spec.commandLine().getOut();
        if (json) {
            writeJson(out, checkedCases, names, errors, failures, extra);
        } else {
            writeText(out, checkedCases, names, errors, failures, extra);
        }
        NgdrefCli.requireWritten(out, null);
        return failures.isEmpty() ? NgdrefCli.OK : NgdrefCli.CHECK_FAILED;
    }

    /** VECTORS is a conformance suite directory: grade the JSON Lines results (SuiteCheck). */
    private int checkSuite() throws IOException {
        if (json) {
            throw new NgdrefCli.UsageException("--json is not available for a suite directory (the text"
                    + " report is the one clients/python/ngdref_grade.py reproduces)");
        }
        if (quantities != null) {
            for (String q : quantities) {
                if (!SuiteCheck.QUANTITIES.contains(q)) {
                    throw new NgdrefCli.UsageException("unknown quantity " + q + "; expected "
                            + String.join(", ", SuiteCheck.QUANTITIES));
                }
            }
        }
        final List<JsonNode> cases = SuiteCheck.readSuite(vectors);
        final List<JsonNode> answers = SuiteCheck.readLines(results, "results file");
        final SuiteCheck.Report report = SuiteCheck.grade(cases, answers, ulps, quantities);
        final PrintWriter out = spec.commandLine().getOut();
        SuiteCheck.writeText(out, report, results.toString(), vectors.toString(), ulps);
        NgdrefCli.requireWritten(out, null);
        return report.passed() ? NgdrefCli.OK : NgdrefCli.CHECK_FAILED;
    }

    private static JsonNode read(Path p, String what) throws IOException {
        try {
            return JsonOutput.MAPPER.readTree(p.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new NgdrefCli.UsageException(what + " " + p + " is not JSON: " + e.getOriginalMessage(), e);
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
            throw new NgdrefCli.UsageException(what + " " + p + " not found", e);
        }
    }

    private static long median(List<Long> v) {
        if (v.isEmpty()) {
            return 0;
        }
        final long[] a = v.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a[(a.length - 1) / 2];      // the lower median: an ulp count, not a fraction
    }

    private static long max(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static long failuresOf(List<Failure> failures, String q) {
        return failures.stream().filter(f -> f.quantity().equals(q)).count();
    }

    private void writeText(PrintWriter out, int cases, List<String> names, Map<String, List<Long>> errors,
                           List<Failure> failures, List<String> extra) {
        out.printf(Locale.ROOT, "check %s against %s: %d cases, tolerance %d ulp%n", results, vectors,
                cases, ulps);
        out.printf(Locale.ROOT, "  %-12s %8s %19s %11s %9s%n", "quantity", "checked", "max ulp",
                "median ulp", "failures");
        for (String q : names) {
            final List<Long> e = errors.get(q);
            out.printf(Locale.ROOT, "  %-12s %8d %19d %11d %9d%n", q, e.size(), max(e), median(e),
                    failuresOf(failures, q));
        }
        for (Failure f : failures) {
            out.printf(Locale.ROOT, "FAIL %s %s: expected %s (%s), got %s: %s%n", f.id(), f.quantity(),
                    Numbers.hex(f.expected()), Numbers.decimal(f.expected()),
                    f.got() == null ? "nothing" : Numbers.hex(f.got()) + " (" + Numbers.decimal(f.got()) + ")",
                    f.ulps() == null ? f.reason() : f.ulps() + " ulp");
        }
        if (!extra.isEmpty()) {
            out.println("note: " + extra.size() + " result case(s) not in the vector file, ignored: "
                    + String.join(", ", extra.subList(0, Math.min(10, extra.size())))
                    + (extra.size() > 10 ? ", ..." : ""));
        }
        out.println(failures.isEmpty() ? "PASS" : "FAIL: " + failures.size() + " value(s) outside "
                + ulps + " ulp or missing");
    }

    private void writeJson(PrintWriter out, int cases, List<String> names, Map<String, List<Long>> errors,
                           List<Failure> failures, List<String> extra) throws IOException {
        try (JsonGenerator gen = JsonOutput.MAPPER.createGenerator(out)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.useDefaultPrettyPrinter();
            gen.writeStartObject();
            gen.writeStringField("schema", "ngdref-check-report");
            gen.writeNumberField("version", VectorFile.VERSION);
            gen.writeBooleanField("passed", failures.isEmpty());
            gen.writeNumberField("cases", cases);
            gen.writeNumberField("tolerance_ulps", ulps);
            gen.writeObjectFieldStart("quantities");
            for (String q : names) {
                final List<Long> e = errors.get(q);
                gen.writeObjectFieldStart(q);
                gen.writeNumberField("checked", e.size());
                gen.writeNumberField("max_ulps", max(e));
                gen.writeNumberField("median_ulps", median(e));
                gen.writeNumberField("failures", failuresOf(failures, q));
                gen.writeEndObject();
            }
            gen.writeEndObject();
            gen.writeArrayFieldStart("failures");
            for (Failure f : failures) {
                gen.writeStartObject();
                gen.writeStringField("id", f.id());
                gen.writeStringField("quantity", f.quantity());
                gen.writeStringField("expected", Numbers.hex(f.expected()));
                if (f.got() == null) {
                    gen.writeNullField("got");
                } else {
                    gen.writeStringField("got", Numbers.hex(f.got()));
                }
                if (f.ulps() == null) {
                    gen.writeNullField("ulps");
                } else {
                    gen.writeNumberField("ulps", f.ulps());
                }
                gen.writeStringField("reason", f.reason());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("extra_cases");
            for (String id : extra) {
                gen.writeString(id);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        out.println();
    }
}
