package ngdref.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import ngdref.oracle.Enclosure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes a certified test-vector file (schema: {@link VectorFile}, docs/cli.md): inputs from
 * {@link CaseGenerator}, expected values from the oracle ({@link Certifier#expected}), each as the
 * correctly rounded double (hex and shortest decimal), a 40-digit decimal of the exact value and a
 * certified bound on that decimal's error. The reference library is not consulted.
 */
@Command(name = "vectors", mixinStandardHelpOptions = true,
        description = {"Write a certified test-vector file (JSON, schema in docs/cli.md), deterministic"
            + " from --seed: random and adversarial (g, y, γ) with the oracle's correctly rounded"
            + " λ_max, λ_min, λ_d, κ, cos ψ and |sin ψ| of M(γ), Eq. (22).",
            "Kinds, cycled: random, psi_near_zero, psi_near_half_pi, norm_ratio, mixed_magnitudes,"
                + " gamma_extreme, dimension_extreme."})
final class VectorsCommand implements Callable<Integer> {

    /** Redraws allowed per case before giving up (each is a fresh, deterministic draw). */
    private static final int MAX_ATTEMPTS = 50;

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "1", description = "the seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--count", defaultValue = "140", description = "number of cases (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--max-dimension", paramLabel = "D", defaultValue = "256",
            description = "largest D (default: ${DEFAULT-VALUE}); the oracle's cost grows like D³")
    int maxDimension;

    @Option(names = "--max-dense-dimension", paramLabel = "D", defaultValue = "" + Limits.DEFAULT_MAX_DENSE_DIMENSION,
            description = "the largest --max-dimension accepted: the oracle builds the explicit D×D"
                    + " rational matrix (default: ${DEFAULT-VALUE})")
    int maxDenseDimension;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here (default: standard output)")
    Path output;

    @Option(names = "--progress", negatable = true, description = "progress on standard error"
            + " (default: when standard error is a terminal, see the ngdref script)")
    Boolean progress;

    @Option(names = "--suite", paramLabel = "VERSION",
            description = "write the conformance suite VERSION (only v1) into the directory -o, byte for"
                    + " byte as committed in spec/conformance/VERSION (the other options do not apply)")
    String suite;

    @Override
    public Integer call() throws IOException {
        if (suite != null) {
            return writeSuite();
        }
        if (count < 1) {
            throw new NgdrefCli.UsageException("--count must be >= 1, was " + count);
        }
        if (maxDimension < 2) {
            throw new NgdrefCli.UsageException("--max-dimension must be >= 2, was " + maxDimension);
        }
        new Limits(Limits.DEFAULT_MAX_LINE_BYTES, maxDenseDimension).requireDense(
                "vectors: the oracle's explicit matrix (--max-dimension)", maxDimension);
        final CaseGenerator generator = new CaseGenerator(seed, maxDimension);
        final Writer sink = output == null ? JsonOutput.unclosable(spec.commandLine().getOut())
                : new OutputStreamWriter(NgdrefCli.create(output), StandardCharsets.UTF_8);
        try (Writer out = new BufferedWriter(sink);
             Progress bar = Progress.of(spec.commandLine().getErr(), "vectors: cases", count, progress)) {
            out.write("{\n");
            member(out, "schema", VectorFile.SCHEMA);
            member(out, "version", VectorFile.VERSION);
            member(out, "generator", "ngdref vectors --seed " + seed + " --count " + count
                    + " --max-dimension " + maxDimension);
            member(out, "seed", seed);
            member(out, "metric", "M(γ) = yyᵀ/(yᵀg) + α(I − ggᵀ/gᵀg), α = γ·yᵀy/yᵀg (Eqs. 8, 22);"
                    + " λ_d = α is the eigenvalue on (span{g, y})⊥ (multiplicity D − 2; for D = 2 it"
                    + " is α all the same); κ = λ_max/λ_min; cos ψ = yᵀg/(‖y‖‖g‖); sin_psi = |sin ψ|");
            member(out, "oracle", "ngdref.oracle: exact rational inputs and inner products; cos ψ and"
                    + " |sin ψ| from exact rationals and a certified square root; λ_max and λ_min from"
                    + " the explicit D×D rational matrix: an exact check that every column of M − αI"
                    + " lies in span{g, y} (so M is α on its complement), then exact bisection on the"
                    + " characteristic polynomial of M restricted to span{g, y}; λ_d = α exactly;"
                    + " κ = λ_max/λ_min in interval arithmetic (exact when both are rational); 'hex' is the correctly"
                    + " rounded double (nearest, ties to even) of the exact value, 'exact' its "
                    + Certificate.DIGITS + "-digit decimal and 'err' a certified bound on |exact value − 'exact'|");
            out.write("\"quantities\": " + JsonOutput.MAPPER.writeValueAsString(VectorFile.QUANTITIES) + ",\n");
            member(out, "count", count);
            out.write("\"cases\": [\n");
            for (int i = 0; i < count; i++) {
                out.write(JsonOutput.MAPPER.writeValueAsString(certifiedCase(generator, i)));
                out.write(i + 1 < count ? ",\n" : "\n");
                bar.step(i + 1);
            }
            out.write("]\n}\n");
        } catch (IOException e) {
            throw new NgdrefCli.OutputException("cannot write " + (output == null ? "standard output" : output)
                    + ": " + e.getMessage(), e);
        }
        if (output == null) {
            NgdrefCli.requireWritten(spec.commandLine().getOut(), null);
        }
        return NgdrefCli.OK;
    }

    private int writeSuite() throws IOException {
        if (!ConformanceSuite.VERSION.equals(suite)) {
            throw new NgdrefCli.UsageException("--suite " + suite + ": this program writes only --suite "
                    + ConformanceSuite.VERSION);
        }
        if (output == null) {
            throw new NgdrefCli.UsageException("--suite needs -o DIR (the suite is a directory of files)");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new NgdrefCli.UsageException("-o " + output + " exists and is not a directory");
        }
        try (Progress bar = Progress.of(spec.commandLine().getErr(), "vectors --suite: cases",
                ConformanceSuite.size(), progress)) {
            ConformanceSuite.write(output, bar::step);
        } catch (IOException e) {
            throw new NgdrefCli.OutputException("cannot write the suite into " + output + ": " + e.getMessage(), e);
        }
        return NgdrefCli.OK;
    }

    /** Case i: the first draw whose six quantities the oracle decides (finite, correctly rounded). */
    static ObjectNode certifiedCase(CaseGenerator generator, int index) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            final CaseGenerator.Case c = generator.draw(index, attempt);
            if (c == null) {
                continue;
            }
            final Map<String, Enclosure> expected;
            try {
                expected = Certifier.expected(c.g(), c.y(), c.gamma());
            } catch (Certifier.Limit e) {
                continue;                   // κ not enclosable for this draw: redraw
            }
            final ObjectNode e = JsonNodeFactory.instance.objectNode();
            boolean decided = true;
            for (Map.Entry<String, Enclosure> q : expected.entrySet()) {
                final OptionalDouble r = q.getValue().correctlyRounded();
                if (r.isEmpty() || !Double.isFinite(r.getAsDouble())
                        || (r.getAsDouble() == 0.0 && !q.getValue().isPoint())) {
                    decided = false;        // undecided, overflowing or underflowing: redraw
                    break;
                }
                final double x = r.getAsDouble();
                final Certificate cert = Certificate.of(x, q.getValue());
                final ObjectNode v = e.putObject(q.getKey());
                v.put("hex", Numbers.hex(x));
                v.put("double", x);
                v.put("exact", cert.exact().toString());
                v.put("err", cert.errorBound().toString());
            }
            if (!decided) {
                continue;
            }
            final ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("id", c.id());
            node.put("kind", c.kind().json);
            node.put("dimension", c.g().length);
            node.put("gamma", Numbers.hex(c.gamma()));
            node.set("g", hexes(c.g()));
            node.set("y", hexes(c.y()));
            node.set("expected", e);
            return node;
        }
        throw new ArithmeticException("case " + index + ": no draw in " + MAX_ATTEMPTS + " attempts"
                + " whose six quantities the oracle decides within the range of double");
    }

    private static ArrayNode hexes(double[] v) {
        final ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (double x : v) {
            a.add(Numbers.hex(x));
        }
        return a;
    }

    private static void member(Writer out, String name, Object value) throws IOException {
        out.write(JsonOutput.MAPPER.writeValueAsString(name) + ": "
                + JsonOutput.MAPPER.writeValueAsString(value) + ",\n");
    }
}
