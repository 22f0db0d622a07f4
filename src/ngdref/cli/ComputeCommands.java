package ngdref.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The subcommands that compute one construction for inputs given as options (or a JSON request
 * file, {@code --input}): each builds the same request object a batch line would hold, so the
 * command line and batch mode parse and compute identically.
 */
final class ComputeCommands {

    private ComputeCommands() {
    }

    /** Options shared by the computing subcommands. */
    abstract static class Base implements Callable<Integer> {

        @ParentCommand
        NgdrefCli parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "print the answer as one JSON object (the batch schema)")
        boolean json;

        @Option(names = "--certify", description = "add the oracle's decimal of the exact value,"
                + " its error bound and the ulp error of each double")
        boolean certify;

        @Option(names = "--certify-max-dimension", paramLabel = "D", defaultValue = "256",
                description = "largest D whose explicit matrix the oracle encloses (default: ${DEFAULT-VALUE})")
        int certifyMaxDimension;

        @Option(names = "--strict", description = "with --certify: a quantity the oracle cannot"
                + " certify is an error (exit 3), not a note")
        boolean strict;

        @Option(names = "--max-line-length", paramLabel = "BYTES", defaultValue = "" + Limits.DEFAULT_MAX_LINE_BYTES,
                description = "longest --input request or @file, in bytes (default: ${DEFAULT-VALUE} = 64 MiB)")
        long maxLineLength;

        @Option(names = "--max-dense-dimension", paramLabel = "D", defaultValue = "" + Limits.DEFAULT_MAX_DENSE_DIMENSION,
                description = "largest D of a D×D matrix: metric --dense, decompose, discrete, the"
                        + " oracle's matrix under --certify (default: ${DEFAULT-VALUE})")
        int maxDenseDimension;

        @Option(names = "--input", paramLabel = "FILE", description = "a JSON request object"
                + " (the fields of a batch line); options given as well override its fields; - reads standard input")
        String input;

        abstract Operation operation();

        /** Puts the options that were given into the request. */
        abstract void fill(ObjectNode request, VectorText text);

        @Override
        public Integer call() throws IOException {
            final Operation op = operation();
            final Limits limits = new Limits(maxLineLength, maxDenseDimension);
            final ObjectNode node = input == null ? JsonNodeFactory.instance.objectNode() : readInput(limits);
            node.put("op", op.name);
            fill(node, new VectorText(limits.maxLineBytes()));
            final Request request = new Request(node);
            final PrintWriter out = spec.commandLine().getOut();
            final Result result;
            try {
                result = op.compute(request, certify ? NgdrefCli.certifier(certifyMaxDimension, strict, limits) : null, limits);
            } catch (RequestException e) {
                if (json) {
                    writeJson(out, request.id(), op, null, e);
                    NgdrefCli.requireWritten(out, null);
                }
                throw e;
            }
            if (json) {
                writeJson(out, request.id(), op, result, null);
            } else {
                TextOutput.write(out, op, result);
            }
            // A member refused by itself (out_of_range) is a correct answer: still exit 0.
            NgdrefCli.requireWritten(out, null);
            return NgdrefCli.OK;
        }

        private ObjectNode readInput(Limits limits) throws IOException {
            final String name = input.equals("-") ? "standard input" : input;
            final String text;
            try (InputStream in = input.equals("-") ? new NonClosing(parent.stdin())
                    : java.nio.file.Files.newInputStream(java.nio.file.Path.of(input))) {
                text = VectorText.decode(in, limits.maxLineBytes(), name);
            }
            return Request.parseObject(text, name + ": ");
        }

        /** Standard input that close() leaves open. */
        private static final class NonClosing extends java.io.FilterInputStream {
            NonClosing(InputStream in) {
                super(in);
            }

            @Override
            public void close() {
                // not ours to close
            }
        }

        private static void writeJson(PrintWriter out, JsonNode id, Operation op, Result result,
                                      RequestException error) {
            try (JsonGenerator gen = JsonOutput.MAPPER.createGenerator(out)) {
                gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                JsonOutput.writeAnswer(gen, id, 0, op.name, result, error);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println();
            out.flush();
        }

        static void putVector(VectorText reader, ObjectNode n, String field, String text) {
            if (text != null) {
                n.set(field, reader.vector(field, text));
            }
        }

        static void putMatrix(VectorText reader, ObjectNode n, String field, String text) {
            if (text != null) {
                n.set(field, reader.matrix(field, text));
            }
        }

        static void putText(ObjectNode n, String field, String text) {
            if (text != null) {
                n.put(field, text);
            }
        }
    }

    /** --g and --y. */
    static final class PairOptions {
        @Option(names = "--g", paramLabel = "VECTOR", description = "the update g: 1,0,0 or"
                + " \"[1 0 0]\" or @file (text or a JSON array); entries decimal or hex (0x1.8p1)")
        String g;

        @Option(names = "--y", paramLabel = "VECTOR", description = "the negative gradient y = −∇L, like --g")
        String y;

        void fill(ObjectNode n, VectorText text) {
            Base.putVector(text, n, "g", g);
            Base.putVector(text, n, "y", y);
        }
    }

    /** --gamma or --alpha. */
    static final class FamilyOptions {
        @Option(names = "--gamma", paramLabel = "γ", description = "γ > 0 of M(γ), Eq. (22)"
                + " (default 1: the optimal metric, Eq. 9)")
        String gamma;

        @Option(names = "--alpha", paramLabel = "α", description = "α > 0 of M(α), Eq. (8), instead of γ")
        String alpha;

        void fill(ObjectNode n, VectorText text) {
            Base.putText(n, "gamma", gamma);
            Base.putText(n, "alpha", alpha);
        }
    }

    @Command(name = "geometry", mixinStandardHelpOptions = true,
            description = "cos ψ, |sin ψ|, ψ, ‖y‖/‖g‖ and the inner products yᵀg, yᵀy, gᵀg.")
    static final class Geometry extends Base {
        @Mixin
        PairOptions pair;

        @Override
        Operation operation() {
            return Operation.GEOMETRY;
        }

        @Override
        void fill(ObjectNode n, VectorText text) {
            pair.fill(n, text);
        }
    }

    @Command(name = "spectrum", mixinStandardHelpOptions = true,
            description = {"λ_max, λ_min, λ_d (multiplicity D−2) and κ of M(γ) or M(α), Lemma 1.",
                "Example: ngdref spectrum --g 1,0,0 --y 1,1,0"})
    static final class SpectrumCmd extends Base {
        @Mixin
        PairOptions pair;

        @Mixin
        FamilyOptions family;

        @Override
        Operation operation() {
            return Operation.SPECTRUM;
        }

        @Override
        void fill(ObjectNode n, VectorText text) {
            pair.fill(n, text);
            family.fill(n, text);
        }
    }

    @Command(name = "bounds", mixinStandardHelpOptions = true,
            description = "Propositions 1–3: min κ over all metrics with Mg = y, sup λ_min, inf λ_max.")
    static final class Bounds extends Base {
        @Mixin
        PairOptions pair;

        @Override
        Operation operation() {
            return Operation.BOUNDS;
        }

        @Override
        void fill(ObjectNode n, VectorText text) {
            pair.fill(n, text);
        }
    }

    @Command(name = "metric", mixinStandardHelpOptions = true,
            description = {"The metric M(γ) (Eq. 22) or M(α) (Eq. 8): α, γ, the dense matrix (D <= 16 by"
                + " default), M·x, M⁻¹·b (matrix-free, O(D)) and the eigenvectors of λ_max, λ_min.",
                "Example: ngdref metric --g 1,0,0 --y 1,1,0 --x 1,0,0 --b 1,1,0"})
    static final class Metric extends Base {
        @Mixin
        PairOptions pair;

        @Mixin
        FamilyOptions family;

        @Option(names = "--x", paramLabel = "VECTOR", description = "compute M·x")
        String x;

        @Option(names = "--b", paramLabel = "VECTOR", description = "compute M⁻¹·b")
        String b;

        @Option(names = "--dense", negatable = true, description = "print the D×D matrix"
                + " (default: when D <= " + Operation.DENSE_DEFAULT_LIMIT + ")")
        Boolean dense;

        @Option(names = "--eigenvectors", description = "the unit eigenvectors of λ_max and λ_min")
        boolean eigenvectors;

        @Override
        Operation operation() {
            return Operation.METRIC;
        }

        @Override
        void fill(ObjectNode n, VectorText text) {
            pair.fill(n, text);
            family.fill(n, text);
            putVector(text, n, "x", x);
            putVector(text, n, "b", b);
            if (dense != null) {
                n.put("dense", dense);
            }
            if (eigenvectors) {
                n.put("eigenvectors", true);
            }
        }
    }

    @Command(name = "decompose", mixinStandardHelpOptions = true,
            description = {"The canonical form (6) of an SPD M with Mg = y: M' = M − yyᵀ/(yᵀg) = Σ uᵢuᵢᵀ,"
                + " uᵢ spanning g⊥. Without --m, decomposes M(γ) or M(α) of (g, y).",
                "Example: ngdref decompose --m \"2,1;1,2\" --g 1,0   (y defaults to M·g)"})
    static final class Decompose extends Base {
        @Option(names = "--m", paramLabel = "MATRIX", description = "the metric, rows separated by ';'"
                + " (\"2,1;1,2\") or @file (one row per line, or a JSON array of rows)")
        String m;

        @Mixin
        PairOptions pair;

        @Mixin
        FamilyOptions family;

        @Option(names = "--tolerance", paramLabel = "TOL", description = "relative tolerance for"
                + " symmetry, Mg = y and M'g = 0 (default " + Operation.DEFAULT_TOLERANCE + ")")
        String tolerance;

        @Override
        Operation operation() {
            return Operation.DECOMPOSE;
        }

        @Override
        void fill(ObjectNode n, VectorText text) {
            putMatrix(text, n, "m", m);
            pair.fill(n, text);
            family.fill(n, text);
            putText(n, "tolerance", tolerance);
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Grade a metric M for the step (g, y): is it SPD with Mg = y (M⁻¹y = g), and does"
                + " it respect Props. 1–3 (λ_min ≤ (‖y‖/‖g‖)cos ψ, λ_max ≥ ‖y‖/(‖g‖cos ψ), κ ≥ κ_min)?",
                "Example: ngdref verify --m \"2,1;1,2\" --g 1,0 --y 2,1"})
    static final class Verify extends Base {
        @Option(names = "--m", paramLabel = "MATRIX", required = true, description = "the metric, rows"
                + " separated by ';' (\"2,1;1,2\") or @file (one row per line, or a JSON array of rows)")
        String m;

        @Mixin
        PairOptions pair;

        @Option(names = "--tolerance", paramLabel = "TOL", description = "relative tolerance of the checks"
                + " (default 2^-30 ≈ 9.3e-10)")
        String tolerance;

        @Override
        Operation operation() {
            return Operation.VERIFY;
        }

        @Override
        void fill(ObjectNode n, VectorText text) {
            putMatrix(text, n, "m", m);
            pair.fill(n, text);
            putText(n, "tolerance", tolerance);
        }
    }

    @Command(name = "discrete", mixinStandardHelpOptions = true,
            description = {"Section 2.2 on L(θ) = ½θᵀAθ − bᵀθ: the step θ + ηg, ȳ = −∇̄L(θ, θ + ηg) (13),"
                + " the spectrum of the discrete metric M̄ (14) and the learning-rate bound of Eq. (17).",
                "Example: ngdref discrete --A \"2,0;0,-1\" --theta 1,0.1 --eta 0.1 --gradient taylor"})
    static final class Discrete extends Base {
        @Option(names = "--A", paramLabel = "MATRIX", required = false,
                description = "the symmetric Hessian A of the loss, like decompose --m")
        String a;

        @Option(names = "--b", paramLabel = "VECTOR", description = "the linear term b (default 0)")
        String b;

        @Option(names = "--theta", paramLabel = "VECTOR", description = "θ_t")
        String theta;

        @Option(names = "--g", paramLabel = "VECTOR", description = "the update (default −∇L(θ):"
                + " gradient descent)")
        String g;

        @Option(names = "--eta", paramLabel = "η", description = "the learning rate η > 0")
        String eta;

        @Option(names = "--gradient", paramLabel = "RULE", description = "the discrete gradient:"
                + " midpoint (default), itoh_abe, avf or taylor")
        String gradient;

        @Option(names = "--nodes", paramLabel = "N", description = "Gauss–Legendre nodes of avf (default 3)")
        String nodes;

        @Option(names = "--gamma", paramLabel = "γ", description = "γ of M̄ (default 1)")
        String gamma;

        @Override
        Operation operation() {
            return Operation.DISCRETE;
        }

        @Override
        void fill(ObjectNode n, VectorText text) {
            putMatrix(text, n, "A", a);
            putVector(text, n, "b", b);
            putVector(text, n, "theta", theta);
            putVector(text, n, "g", g);
            putText(n, "eta", eta);
            putText(n, "gradient", gradient);
            putText(n, "nodes", nodes);
            putText(n, "gamma", gamma);
        }
    }
}
