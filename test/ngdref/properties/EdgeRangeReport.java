package ngdref.properties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The generated accuracy table of {@link EdgeRangeTest}: for every closed-form scalar, how its
 * checks against the oracle ended, by generator kind ({@link EdgeCases#KINDS}) and by result
 * regime, with totals and every failure listed. Counts only, no timing: the table of the
 * committed configuration is a pure function of the seeds, so a re-run compares equal
 * line by line ({@code spec/accuracy-edge-range.md}).
 *
 * <p>The outcomes are added in seed order, one case at a time, after the parallel checking is
 * done: the counts cannot depend on thread scheduling.
 */
final class EdgeRangeReport {

    /** The quantities in the order of the rows (and of the checks in {@link EdgeRangeTest#check}). */
    static final String[] QUANTITIES = {"yᵀy", "gᵀg", "yᵀg", "cos ψ", "|sin ψ|", "1 − |sin ψ|", "‖y‖/‖g‖",
        "sup λ_min", "inf λ_max", "κ_min", "λ_max", "λ_min", "λ_d", "κ", "α", "γ"};

    /** 2^1000: a returned value at or above it is counted as "near overflow". */
    static final double NEAR_OVERFLOW = 0x1.0p1000;

    /** At most this many failures are written out one by one (all are counted). */
    private static final int LISTED_FAILURES = 200;

    /**
     * How one check of one quantity ended, when it did not fail: the regime of the correctly
     * rounded value it returned, or the side of the range its justified refusal is on.
     */
    enum Result {
        ZERO("exact 0"),
        SUBNORMAL("subnormal"),
        NORMAL("normal, < 2^1000"),
        NEAR_OVERFLOW("near overflow, ≥ 2^1000"),
        REFUSED_OVERFLOW("refused: rounds to ∞"),
        REFUSED_UNDERFLOW("refused: positive, rounds to 0");

        final String heading;

        Result(String heading) {
            this.heading = heading;
        }

        boolean refused() {
            return this == REFUSED_OVERFLOW || this == REFUSED_UNDERFLOW;
        }

        /** The regime of a returned (correctly rounded, hence finite and &ge; 0) value. */
        static Result of(double r) {
            if (r == 0.0) {
                return ZERO;
            }
            if (r < Double.MIN_NORMAL) {
                return SUBNORMAL;
            }
            return r < EdgeRangeReport.NEAR_OVERFLOW ? NORMAL : NEAR_OVERFLOW;
        }
    }

    /** Index of a quantity's row. */
    static int quantity(String name) {
        final int q = Arrays.asList(QUANTITIES).indexOf(name);
        if (q < 0) {
            throw new IllegalArgumentException("not a row of the report: " + name);
        }
        return q;
    }

    private final long firstSeed;
    private final int seeds;
    private int cases;
    private final int[] casesByKind = new int[EdgeCases.KINDS.length];
    /** [quantity][kind][result]: checks that ended in that result. */
    private final int[][][] passed = new int[QUANTITIES.length][EdgeCases.KINDS.length][Result.values().length];
    /** [quantity][kind]: checks that failed (any reason). */
    private final int[][] failed = new int[QUANTITIES.length][EdgeCases.KINDS.length];
    /** [quantity]: failed checks where the oracle threw instead of deciding. */
    private final int[] undecided = new int[QUANTITIES.length];
    private long orders;
    private long ordersViolated;
    private int failedCases;
    private final List<String> failures = new ArrayList<>();

    /**
     * @param firstSeed the first seed
     * @param seeds how many seeds were tried (the cases plus the seeds that gave no case)
     */
    EdgeRangeReport(long firstSeed, int seeds) {
        this.firstSeed = firstSeed;
        this.seeds = seeds;
    }

    /** Adds one case's outcome (call in seed order). */
    void add(EdgeRangeTest.Outcome o) {
        final int k = Arrays.asList(EdgeCases.KINDS).indexOf(o.kind);
        if (k < 0) {
            throw new IllegalArgumentException("not a generated kind: " + o.kind);
        }
        cases++;
        casesByKind[k]++;
        for (int q = 0; q < QUANTITIES.length; q++) {
            if (o.results[q] != null) {
                passed[q][k][o.results[q].ordinal()]++;
            }
            if (o.failed[q]) {
                failed[q][k]++;
            }
            if (o.undecided[q]) {
                undecided[q]++;
            }
        }
        orders += o.orders;
        ordersViolated += o.ordersViolated;
        if (!o.failures.isEmpty()) {
            failedCases++;
            if (failures.size() < LISTED_FAILURES) {
                failures.add(o.label + "\n    " + String.join("\n    ", o.failures));
            }
        }
    }

    int cases() {
        return cases;
    }

    int failedCases() {
        return failedCases;
    }

    /** The listed failures (at most {@value #LISTED_FAILURES}), each with its case in hex. */
    List<String> failures() {
        return failures;
    }

    long count(Result r) {
        long n = 0;
        for (int q = 0; q < QUANTITIES.length; q++) {
            for (int k = 0; k < EdgeCases.KINDS.length; k++) {
                n += passed[q][k][r.ordinal()];
            }
        }
        return n;
    }

    long refusals() {
        return count(Result.REFUSED_OVERFLOW) + count(Result.REFUSED_UNDERFLOW);
    }

    long correctlyRounded() {
        return count(Result.ZERO) + count(Result.SUBNORMAL) + count(Result.NORMAL) + count(Result.NEAR_OVERFLOW);
    }

    long failedChecks() {
        long n = 0;
        for (int[] row : failed) {
            for (int f : row) {
                n += f;
            }
        }
        return n;
    }

    long undecided() {
        long n = 0;
        for (int u : undecided) {
            n += u;
        }
        return n;
    }

    long checks() {
        return correctlyRounded() + refusals() + failedChecks();
    }

    /** The report as markdown (counts only). */
    String markdown() {
        final StringBuilder b = new StringBuilder();
        final long lastSeed = firstSeed + seeds - 1;
        b.append("# Closed-form scalars over the whole double range, against the oracle (generated)\n\n")
                .append("Generated by `test/ngdref/properties/EdgeRangeTest.java` (cases: `EdgeCases.java`, oracle\n")
                .append("decisions: `RoundingCheck.java`); do not edit. Seeds ").append(firstSeed).append(" to ")
                .append(lastSeed).append(" (`-Dngdref.edge.cases=").append(seeds)
                .append(" -Dngdref.edge.seed=").append(firstSeed).append("`).\n\n");
        b.append("**Totals.** ").append(cases).append(" cases (").append(seeds - cases)
                .append(" seeds gave yᵀg = 0 exactly: not an effective pair, no case); ").append(checks())
                .append(" checks: ").append(correctlyRounded()).append(" correctly rounded, ").append(refusals())
                .append(" justified refusals (").append(count(Result.REFUSED_OVERFLOW)).append(" round to ∞, ")
                .append(count(Result.REFUSED_UNDERFLOW)).append(" positive and round to 0), ")
                .append(failedChecks()).append(" failures, ").append(undecided()).append(" undecided; ")
                .append(orders).append(" order relations checked, ").append(ordersViolated).append(" violated; ")
                .append(failedCases).append(" failed cases.\n\n");
        b.append("A check is one quantity of one case. It passes when the returned double is the correctly\n")
                .append("rounded (round-half-even) value of the exact quantity, or when the accessor refuses\n")
                .append("(`ArithmeticException`) and the exact value rounds to ∞ or, being positive, to 0 (a\n")
                .append("justified refusal). Anything else is a failure: a wrong double, ∞, NaN, an unjustified\n")
                .append("refusal, another exception, or the oracle throwing instead of deciding (counted as\n")
                .append("undecided too; the oracle's comparisons are exact, so it has no other undecided outcome).\n")
                .append("The order relations are λ_min ≤ λ_d ≤ λ_max, λ_min ≤ λ_max, 1 ≤ κ_min ≤ κ,\n")
                .append("sup λ_min ≤ inf λ_max, λ_min ≤ sup λ_min and inf λ_max ≤ λ_max between returned values.\n\n");

        b.append("## By generator kind\n\n")
                .append("Each cell: correctly rounded + justified refusals. The kinds are described in\n")
                .append("`EdgeCases.java`; every case belongs to exactly one.\n\n");
        b.append("| quantity |");
        for (String kind : EdgeCases.KINDS) {
            b.append(' ').append(kind).append(" |");
        }
        b.append(" all kinds | failures | of which undecided |\n|---|");
        b.append("---|".repeat(EdgeCases.KINDS.length + 3)).append('\n');
        b.append("| cases |");
        for (int k = 0; k < EdgeCases.KINDS.length; k++) {
            b.append(' ').append(casesByKind[k]).append(" |");
        }
        b.append(' ').append(cases).append(" | ").append(failedCases).append(" | |\n");
        for (int q = 0; q < QUANTITIES.length; q++) {
            b.append("| ").append(QUANTITIES[q].replace("|", "\\|")).append(" |");
            long rounded = 0;
            long refused = 0;
            long fails = 0;
            for (int k = 0; k < EdgeCases.KINDS.length; k++) {
                long kr = 0;
                long kf = 0;
                for (Result r : Result.values()) {
                    if (r.refused()) {
                        kf += passed[q][k][r.ordinal()];
                    } else {
                        kr += passed[q][k][r.ordinal()];
                    }
                }
                b.append(' ').append(kr).append(" + ").append(kf).append(" |");
                rounded += kr;
                refused += kf;
                fails += failed[q][k];
            }
            b.append(' ').append(rounded).append(" + ").append(refused).append(" | ").append(fails).append(" | ")
                    .append(undecided[q]).append(" |\n");
        }

        b.append("\n## By result\n\n")
                .append("Correctly rounded results by the returned double (exact 0, subnormal, normal below 2^1000,\n")
                .append("from 2^1000 up to the largest double); justified refusals by the side of the range the exact\n")
                .append("value is on. checked = the row's sum + failures.\n\n");
        b.append("| quantity |");
        for (Result r : Result.values()) {
            b.append(' ').append(r.heading).append(" |");
        }
        b.append(" failures | checked |\n|---|").append("---|".repeat(Result.values().length + 2)).append('\n');
        for (int q = 0; q < QUANTITIES.length; q++) {
            b.append("| ").append(QUANTITIES[q].replace("|", "\\|")).append(" |");
            long all = 0;
            for (Result r : Result.values()) {
                long n = 0;
                for (int k = 0; k < EdgeCases.KINDS.length; k++) {
                    n += passed[q][k][r.ordinal()];
                }
                b.append(' ').append(n).append(" |");
                all += n;
            }
            long fails = 0;
            for (int k = 0; k < EdgeCases.KINDS.length; k++) {
                fails += failed[q][k];
            }
            b.append(' ').append(fails).append(" | ").append(all + fails).append(" |\n");
        }

        b.append("\n## Failures\n\n");
        if (failures.isEmpty()) {
            b.append("None.\n");
        } else {
            b.append(failedCases).append(" failed cases");
            if (failedCases > failures.size()) {
                b.append(" (the first ").append(failures.size()).append(" in seed order below)");
            }
            b.append(":\n\n```\n");
            for (String f : failures) {
                b.append(f).append('\n');
            }
            b.append("```\n");
        }
        return b.toString();
    }

    /**
     * The lines that differ between a committed and a generated report, as a short diff
     * ("- committed", "+ generated" per differing line number); empty when equal.
     */
    static String difference(List<String> committed, List<String> generated) {
        final StringBuilder b = new StringBuilder();
        final int n = Math.max(committed.size(), generated.size());
        for (int i = 0; i < n; i++) {
            final String c = i < committed.size() ? committed.get(i) : null;
            final String g = i < generated.size() ? generated.get(i) : null;
            if (c == null || !c.equals(g)) {
                b.append("line ").append(i + 1).append(":\n  - ").append(c == null ? "(none)" : c)
                        .append("\n  + ").append(g == null ? "(none)" : g).append('\n');
            }
        }
        return b.toString();
    }
}
