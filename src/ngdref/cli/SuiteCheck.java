package ngdref.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import ngdref.oracle.Ulps;

/**
 * Grades a results file against a conformance suite directory (spec/conformance/v1/README.md):
 * every expected double within the tolerance in ulps of the correctly rounded value, every
 * expected refusal refused, every expected error kind given. The same rules, table and failure
 * lines as clients/python/ngdref_grade.py, which CI compares with this on the same files.
 */
final class SuiteCheck {

    /** The rows of the table, in this order (those the suite has). */
    static final List<String> QUANTITIES = List.of("y_dot_g", "y_dot_y", "g_dot_g", "cos_psi", "sin_psi",
            "psi", "norm_ratio", "gamma", "alpha", "lambda_max", "lambda_min", "lambda_d", "kappa", "kappa_min",
            "lambda_min_sup", "lambda_max_inf", "mx", "solve", "error");

    /** One graded value outside the tolerance, refused, missing or of the wrong kind. */
    record Failure(String id, String quantity, String expected, String got, String reason) {
    }

    /** The result of grading. */
    static final class Report {
        final int cases;
        final Map<String, List<Long>> ulps = new LinkedHashMap<>();
        final Map<String, Integer> checked = new LinkedHashMap<>();
        final List<Failure> failures = new ArrayList<>();
        final List<String> extra;

        Report(int cases, List<String> extra) {
            this.cases = cases;
            this.extra = extra;
        }

        boolean passed() {
            return failures.isEmpty();
        }
    }

    private SuiteCheck() {
    }

    /** The suite's cases: every *.jsonl file but requests.jsonl, by file name, in line order. */
    static List<JsonNode> readSuite(Path dir) throws IOException {
        final List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".jsonl")
                    && !p.getFileName().toString().equals(ConformanceSuite.REQUESTS)).forEach(files::add);
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        if (files.isEmpty()) {
            throw new NgdrefCli.UsageException("suite " + dir + " has no case files (*.jsonl)");
        }
        final List<JsonNode> cases = new ArrayList<>();
        for (Path f : files) {
            cases.addAll(readLines(f, "suite file"));
        }
        return cases;
    }

    /** A JSON Lines file's objects (blank lines skipped). */
    static List<JsonNode> readLines(Path f, String what) throws IOException {
        final List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                final JsonNode node;
                try {
                    node = JsonOutput.MAPPER.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new NgdrefCli.UsageException(what + " " + f + " line " + n + " is not JSON: "
                            + e.getOriginalMessage(), e);
                }
                if (!node.isObject() || !node.hasNonNull("id")) {
                    throw new NgdrefCli.UsageException(what + " " + f + " line " + n
                            + " is not a JSON object with an \"id\"");
                }
                out.add(node);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new NgdrefCli.UsageException(what + " " + f + " not found", e);
        }
        return out;
    }

    /**
     * Grades {@code results} (batch answers or any lines with "id" and "result" or "error")
     * against the suite's cases.
     */
    static Report grade(List<JsonNode> cases, List<JsonNode> results, long tolerance, List<String> only) {
        final Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode r : results) {
            byId.put(r.get("id").asText(), r);
        }
        final List<String> known = new ArrayList<>();
        for (JsonNode c : cases) {
            known.add(c.get("id").asText());
        }
        final List<String> extra = new ArrayList<>(byId.keySet());
        extra.removeAll(known);
        extra.sort(null);
        final Report report = new Report(cases.size(), extra);
        for (String q : QUANTITIES) {
            report.ulps.put(q, new ArrayList<>());
            report.checked.put(q, 0);
        }
        for (JsonNode c : cases) {
            final String id = c.get("id").asText();
            final JsonNode got = byId.get(id);
            final JsonNode expected = c.get("expected");
            if (expected.has("error")) {
                if (only != null && !only.contains("error")) {
                    continue;
                }
                count(report, "error");
                final String kind = expected.get("error").asText();
                final String gotKind = got == null ? null : lineError(got);
                if (got == null) {
                    report.failures.add(new Failure(id, "error", "error " + kind, "nothing",
                            "case missing from the results"));
                } else if (gotKind == null) {
                    report.failures.add(new Failure(id, "error", "error " + kind, "a result", "no error"));
                } else if (!gotKind.equals(kind)) {
                    report.failures.add(new Failure(id, "error", "error " + kind, "error " + gotKind,
                            "wrong error kind"));
                }
                continue;
            }
            final java.util.Iterator<Map.Entry<String, JsonNode>> members = expected.fields();
            while (members.hasNext()) {
                final Map.Entry<String, JsonNode> m = members.next();
                final String q = m.getKey();
                if (only != null && !only.contains(q)) {
                    continue;
                }
                final JsonNode value = got == null || lineError(got) != null ? null : got.path("result").get(q);
                final String absent = got == null ? "case missing from the results"
                        : lineError(got) != null ? "the line is an error (" + lineError(got) + ")" : "missing";
                if (m.getValue().get("hex") != null && m.getValue().get("hex").isArray()) {
                    final JsonNode hexes = m.getValue().get("hex");
                    final JsonNode components = value == null ? null
                            : value.isObject() && value.has("hex") ? value.get("hex")
                            : value.isObject() && value.has("dec") ? value.get("dec") : value;
                    for (int i = 0; i < hexes.size(); i++) {
                        final JsonNode one = components != null && components.isArray() && components.size() == hexes.size()
                                ? components.get(i) : null;
                        final String why = value == null ? absent
                                : components == null || !components.isArray() ? "not an array"
                                : components.size() != hexes.size() ? "length " + components.size() + ", expected "
                                        + hexes.size() : null;
                        gradeDouble(report, id, q, q + "[" + i + "]", Numbers.parse(hexes.get(i).asText()),
                                one, why, tolerance);
                    }
                } else if (m.getValue().has("refused")) {
                    count(report, q);
                    final String kind = m.getValue().get("refused").asText();
                    final String expectedText = "refusal (" + kind + ")";
                    if (value == null) {
                        report.failures.add(new Failure(id, q, expectedText, "nothing", absent));
                    } else if (refusal(value) == null) {
                        report.failures.add(new Failure(id, q, expectedText, describe(value), "not refused"));
                    } else if (!refusal(value).equals(kind)) {
                        report.failures.add(new Failure(id, q, expectedText, "refusal (" + refusal(value) + ")",
                                "wrong refusal kind"));
                    }
                } else {
                    gradeDouble(report, id, q, q, Numbers.parse(m.getValue().get("hex").asText()), value,
                            value == null ? absent : null, tolerance);
                }
            }
        }
        return report;
    }

    private static void gradeDouble(Report report, String id, String q, String name, double expected,
                                    JsonNode value, String absent, long tolerance) {
        count(report, q);
        final String expectedText = Numbers.hex(expected);
        if (absent != null) {
            report.failures.add(new Failure(id, name, expectedText, "nothing", absent));
            return;
        }
        final String refused = refusal(value);
        if (refused != null) {
            report.failures.add(new Failure(id, name, expectedText, "refusal (" + refused + ")", "refused"));
            return;
        }
        final double got;
        try {
            got = number(value);
        } catch (RuntimeException e) {
            report.failures.add(new Failure(id, name, expectedText, "nothing", "not a double"));
            return;
        }
        if (Double.isNaN(got)) {
            report.failures.add(new Failure(id, name, expectedText, "NaN", "NaN"));
            return;
        }
        final long d = Ulps.between(got, expected);
        report.ulps.get(q).add(d);
        if (d > tolerance) {
            report.failures.add(new Failure(id, name, expectedText, Numbers.hex(got), d + " ulp"));
        }
    }

    private static void count(Report r, String q) {
        r.checked.merge(q, 1, Integer::sum);
    }

    /** The kind of a line-level error ("error": {"kind": k} or "error": k), or null. */
    private static String lineError(JsonNode line) {
        return kind(line.get("error"));
    }

    /** The kind of a refused member ({"error": {"kind": k}} or {"error": k}), or null. */
    private static String refusal(JsonNode member) {
        return member.isObject() ? kind(member.get("error")) : null;
    }

    private static String kind(JsonNode error) {
        if (error == null || error.isNull()) {
            return null;
        }
        return error.isObject() ? error.path("kind").asText("") : error.asText();
    }

    /** A double from a number, a decimal or hex string, or an object with "hex" or "dec". */
    private static double number(JsonNode v) {
        if (v.isObject()) {
            final JsonNode h = v.has("hex") ? v.get("hex") : v.get("dec");
            if (h == null) {
                throw new IllegalArgumentException("no hex or dec");
            }
            return number(h);
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return Numbers.parse(v.asText());
        }
        throw new IllegalArgumentException("not a number");
    }

    private static String describe(JsonNode v) {
        try {
            return Numbers.hex(number(v));
        } catch (RuntimeException e) {
            return "a value";
        }
    }

    /** The text report: the same bytes as clients/python/ngdref_grade.py prints. */
    static void writeText(PrintWriter out, Report r, String resultsName, String suiteName, long tolerance) {
        out.printf(Locale.ROOT, "check %s against suite %s: %d cases, tolerance %d ulp%n", resultsName,
                suiteName, r.cases, tolerance);
        out.printf(Locale.ROOT, "  %-14s %8s %19s %11s %9s%n", "quantity", "checked", "max ulp", "median ulp",
                "failures");
        for (String q : QUANTITIES) {
            final int n = r.checked.get(q);
            if (n == 0) {
                continue;
            }
            final long[] a = r.ulps.get(q).stream().mapToLong(Long::longValue).sorted().toArray();
            final long max = a.length == 0 ? 0 : a[a.length - 1];
            final long median = a.length == 0 ? 0 : a[(a.length - 1) / 2];
            final long failures = r.failures.stream().filter(f -> f.quantity().equals(q)
                    || f.quantity().startsWith(q + "[")).count();
            out.printf(Locale.ROOT, "  %-14s %8d %19d %11d %9d%n", q, n, max, median, failures);
        }
        for (Failure f : r.failures) {
            out.printf(Locale.ROOT, "FAIL %s %s: expected %s, got %s: %s%n", f.id(), f.quantity(), f.expected(),
                    f.got(), f.reason());
        }
        if (!r.extra.isEmpty()) {
            out.println("note: " + r.extra.size() + " result case(s) not in the suite, ignored: "
                    + String.join(", ", r.extra.subList(0, Math.min(10, r.extra.size())))
                    + (r.extra.size() > 10 ? ", ..." : ""));
        }
        out.println(r.passed() ? "PASS" : "FAIL: " + r.failures.size() + " value(s) outside " + tolerance
                + " ulp, refused, missing or of the wrong kind");
    }
}
