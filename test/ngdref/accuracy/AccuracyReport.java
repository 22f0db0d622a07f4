package ngdref.accuracy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;
import ngdref.oracle.EigenvalueCluster;
import ngdref.oracle.Enclosure;
import ngdref.oracle.ExplicitFamilyMetric;
import ngdref.oracle.GradientAngle;
import ngdref.oracle.Spectrum;
import ngdref.oracle.SpectrumOracle;
import ngdref.oracle.Ulps;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The accuracy table of spec/ACCURACY.md: over N random and adversarial cases (deterministic
 * from a seed), the error in ulps of every closed-form quantity of the reference classes against
 * the oracle's certified value, side by side with the same quantities from Commons Math's
 * EigenDecomposition of the explicit double matrix and from the textbook formulas
 * cos ψ = yᵀg/(‖y‖‖g‖), |sin ψ| = √(1 − cos²ψ) in plain double.
 *
 * <p>Errors are certified upper bounds (Ulps.error(...).upper()): exact when the oracle decides
 * the correctly rounded value, never an underestimate otherwise.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:exec -Dexec.executable=java
 * "-Dexec.args=-cp %classpath ngdref.accuracy.AccuracyReport 2000 1"} (N, seed).
 */
public final class AccuracyReport {

    private static final String[] QUANTITIES = {"λ_max", "λ_min", "λ_d", "κ", "cos ψ", "|sin ψ|"};
    private static final String[] REGIMES = {"uniform ψ", "ψ < 1e-2", "π/2 − ψ < 1e-2", "‖y‖/‖g‖ or entries extreme", "γ extreme"};
    /** Commons Math's dense route only up to this dimension (O(D³)). */
    private static final int DENSE_LIMIT = 64;

    private AccuracyReport() {
    }

    /** One generated case: the pair, γ and its regime. */
    private record Generated(double[] g, double[] y, double gamma, int regime) {
    }

    static Generated generate(Random r) {
        final int regime = r.nextInt(REGIMES.length);
        final int d = r.nextInt(10) < 7 ? 2 + r.nextInt(7) : (r.nextInt(4) < 3 ? 9 + r.nextInt(24) : 33 + r.nextInt(224));
        double psi = r.nextDouble() * 1.5707;
        double logRatio = r.nextDouble() * 6 - 3;
        double logG = r.nextDouble() * 6 - 3;
        int decades = r.nextInt(3);
        double gamma = r.nextInt(3) == 0 ? 1.0 : Math.pow(10, r.nextDouble() * 4 - 2);
        switch (regime) {
            case 1 -> psi = Math.pow(10, -2 - 10 * r.nextDouble());
            case 2 -> psi = Math.PI / 2 - Math.pow(10, -2 - 6 * r.nextDouble());
            case 3 -> {
                logRatio = r.nextDouble() * 300 - 150;
                logG = r.nextDouble() * 200 - 100;
                decades = r.nextInt(7);
            }
            case 4 -> gamma = Math.pow(10, r.nextBoolean() ? 6 + 6 * r.nextDouble() : -6 - 6 * r.nextDouble());
            default -> { }
        }
        final double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = r.nextGaussian() * Math.pow(10, decades == 0 ? 0 : r.nextInt(decades + 1) - decades / 2.0);
        }
        final double[] e = new double[d];
        for (int i = 0; i < d; i++) {
            e[i] = r.nextGaussian();
        }
        final double ng = norm(g);
        for (int pass = 0; pass < 2; pass++) {
            double dot = 0;
            for (int i = 0; i < d; i++) {
                dot += e[i] * g[i] / ng;
            }
            for (int i = 0; i < d; i++) {
                e[i] -= dot * g[i] / ng;
            }
        }
        final double ne = norm(e);
        final double scale = Math.pow(10, logG);
        final double ratio = Math.pow(10, logRatio);
        final double[] gs = new double[d];
        final double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            gs[i] = g[i] / ng * scale;
            y[i] = (Math.cos(psi) * g[i] / ng + Math.sin(psi) * e[i] / ne) * ratio * scale;
        }
        return new Generated(gs, y, gamma, regime);
    }

    private static double norm(double[] v) {
        return org.apache.commons.numbers.core.Norm.EUCLIDEAN.of(v);
    }

    private static List<Enclosure> byIndex(Spectrum s) {
        final List<Enclosure> list = new ArrayList<>();
        for (EigenvalueCluster c : s.clusters()) {
            for (int k = 0; k < c.multiplicity(); k++) {
                list.add(c.enclosure());
            }
        }
        return list;
    }

    /** Errors per quantity: [quantity] → list of ulps. */
    private static final class Table {
        final List<List<Long>> reference = new ArrayList<>();
        final List<List<Long>> baseline = new ArrayList<>();
        final long[][] referenceMaxByRegime = new long[QUANTITIES.length][REGIMES.length];

        Table() {
            for (int q = 0; q < QUANTITIES.length; q++) {
                reference.add(new ArrayList<>());
                baseline.add(new ArrayList<>());
            }
        }
    }

    public static void main(String[] args) {
        final int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        final long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        final Random r = new Random(seed);
        final Table t = new Table();
        int skippedDense = 0;
        int commonsFailed = 0;
        int rejected = 0;
        int undecided = 0;
        final int[] oracleUndecided = new int[QUANTITIES.length];
        final long[] maxLowerUndecided = new long[QUANTITIES.length];
        final long start = System.nanoTime();
        for (int k = 0; k < n; k++) {
            final Generated c = generate(r);
            final UpdateGeometry geo;
            final MetricSpectrum s;
            try {
                geo = UpdateGeometry.of(c.g(), c.y());
                s = OneParameterMetric.ofGamma(c.g(), c.y(), c.gamma()).spectrum();
            } catch (IllegalArgumentException | ArithmeticException e) {
                rejected++;    // not effective after rounding, or a result outside the double range
                continue;
            }
            final int d = c.g().length;
            final Spectrum oracle = SpectrumOracle.of(ExplicitFamilyMetric.ofGamma(c.g(), c.y(), c.gamma()));
            final List<Enclosure> e = byIndex(oracle);
            final GradientAngle angle = GradientAngle.of(c.g(), c.y());
            Enclosure kappa;
            try {
                kappa = oracle.conditionNumber();
            } catch (IllegalStateException notCertified) {
                kappa = null;   // λ_min's enclosure still contains 0 at the oracle's precision cap
            }
            if (kappa != null && !oracle.min().isPositive()) {
                kappa = null;
            }
            final Enclosure[] exact = {e.get(d - 1), e.get(0), d >= 3 ? e.get(1) : null, kappa, angle.cos(), angle.absSin()};
            final double[] ref = {s.lambdaMax(), s.lambdaMin(), s.lambdaD(), s.conditionNumber(), geo.cosPsi(), geo.sinPsi()};
            double[] base = null;
            if (d <= DENSE_LIMIT) {
                try {
                    final double[] l = new EigenDecomposition(new Array2DRowRealMatrix(
                            OneParameterMetric.ofGamma(c.g(), c.y(), c.gamma()).toArray(), false)).getRealEigenvalues();
                    Arrays.sort(l);
                    double dot = 0;
                    double yy = 0;
                    double gg = 0;
                    for (int i = 0; i < d; i++) {
                        dot += c.y()[i] * c.g()[i];
                        yy += c.y()[i] * c.y()[i];
                        gg += c.g()[i] * c.g()[i];
                    }
                    final double cos = dot / (Math.sqrt(yy) * Math.sqrt(gg));
                    base = new double[] {l[d - 1], l[0], d >= 3 ? l[1] : Double.NaN, l[d - 1] / l[0], cos, Math.sqrt(Math.max(0, 1 - cos * cos))};
                } catch (ArithmeticException outOfRange) {
                    base = null;     // the explicit matrix is not representable in double
                } catch (org.apache.commons.math3.exception.MathIllegalStateException noConvergence) {
                    commonsFailed++; // EigenDecomposition did not converge: no value at all
                    base = new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
                }
            }
            if (base == null) {
                skippedDense++;
            }
            for (int q = 0; q < QUANTITIES.length; q++) {
                if (q == 3 && kappa == null || exact[q] != null && q != 4 && q != 5 && !exact[q].isPositive()) {
                    oracleUndecided[q]++;   // no certified value to measure against: counted, not guessed
                    continue;
                }
                if (exact[q] == null) {
                    continue;
                }
                if (exact[q].correctlyRounded().isEmpty()) {
                    // The oracle's enclosure straddles a rounding boundary: only a lower bound on
                    // the error is proven. Kept out of the max/median, reported separately.
                    undecided++;
                    maxLowerUndecided[q] = Math.max(maxLowerUndecided[q], Ulps.error(ref[q], exact[q]).lower());
                    continue;
                }
                final long u = Ulps.error(ref[q], exact[q]).upper();
                t.reference.get(q).add(u);
                t.referenceMaxByRegime[q][c.regime()] = Math.max(t.referenceMaxByRegime[q][c.regime()], u);
                if (base != null && Double.isFinite(base[q]) && base[q] >= 0) {
                    t.baseline.get(q).add(Ulps.error(base[q], exact[q]).upper());
                } else if (base != null) {
                    t.baseline.get(q).add(Long.MAX_VALUE);  // negative or non-finite: no valid value
                }
            }
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(report(n, seed, t, rejected, skippedDense, undecided, seconds));
        System.out.println("Per quantity (λ_max, λ_min, λ_d, κ, cos ψ, |sin ψ|): cases where the oracle could not certify"
                + " a positive enclosure (excluded) " + Arrays.toString(oracleUndecided)
                + "; largest proven error (lower bound) among undecided roundings " + Arrays.toString(maxLowerUndecided) + " ulp."
                + " Commons Math EigenDecomposition failed to converge in " + commonsFailed + " cases (counted as inf).");
    }

    private static String report(int n, long seed, Table t, int rejected, int skippedDense, int undecided, double seconds) {
        final StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Accuracy against the oracle: N = %d cases (seed %d), %d rejected at input"
                + " (not effective after rounding, or a result outside the double range), %.0f s.%n%n", n, seed, rejected, seconds));
        b.append("| quantity | reference max ulp | reference median | reference cases | Commons Math max ulp | Commons median | Commons cases |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (int q = 0; q < QUANTITIES.length; q++) {
            b.append("| ").append(QUANTITIES[q]).append(" | ")
                    .append(stat(t.reference.get(q), true)).append(" | ").append(stat(t.reference.get(q), false)).append(" | ")
                    .append(t.reference.get(q).size()).append(" | ")
                    .append(stat(t.baseline.get(q), true)).append(" | ").append(stat(t.baseline.get(q), false)).append(" | ")
                    .append(t.baseline.get(q).size()).append(" |\n");
        }
        b.append(String.format(Locale.ROOT, "%nCommons Math: EigenDecomposition of the explicit double matrix for D <= %d"
                + " (%d cases skipped: larger D or entries outside the double range); cos ψ, |sin ψ| by the textbook"
                + " formulas in plain double. \"inf\" = a negative, zero or non-finite value where the exact one is positive."
                + " %d quantities had an undecided oracle rounding (enclosure straddles a rounding boundary); they are excluded from max and median and their proven lower bounds are listed below.%n%n", DENSE_LIMIT, skippedDense, undecided));
        b.append("Reference max ulp by regime:\n\n| quantity |");
        for (String r : REGIMES) {
            b.append(' ').append(r).append(" |");
        }
        b.append("\n|---|");
        for (int i = 0; i < REGIMES.length; i++) {
            b.append("---|");
        }
        b.append('\n');
        for (int q = 0; q < QUANTITIES.length; q++) {
            b.append("| ").append(QUANTITIES[q]).append(" |");
            for (int i = 0; i < REGIMES.length; i++) {
                b.append(' ').append(t.referenceMaxByRegime[q][i]).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String stat(List<Long> values, boolean max) {
        if (values.isEmpty()) {
            return "–";
        }
        final long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        final long x = max ? v[v.length - 1] : v[v.length / 2];
        return x == Long.MAX_VALUE ? "inf" : (x > 1e15 ? String.format(Locale.ROOT, "%.1e", (double) x) : Long.toString(x));
    }

    /** For the README: the regimes' names. */
    static Map<Integer, String> regimes() {
        final Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < REGIMES.length; i++) {
            m.put(i, REGIMES[i]);
        }
        return m;
    }
}
