package ngdref.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import ngdref.oracle.Enclosure;

/**
 * The conformance suite v1 (spec/conformance/v1/README.md): certified cases by category, each a
 * batch request ({@code ngdref batch} answers it as is) with the oracle's expected value of every
 * double of the answer, an expected per-member refusal where the exact value is outside the range
 * of double, or an expected error kind for invalid input. Deterministic from {@link #SEED}: inputs
 * from {@link SplittableRandom} and {@link StrictMath} only, expected values from the oracle
 * ({@link Certifier}), so {@code ngdref vectors --suite v1} rewrites the committed files byte for
 * byte on every JVM. The reference library is not consulted.
 */
final class ConformanceSuite {

    /** The suite's version, the directory name under spec/conformance. */
    static final String VERSION = "v1";
    /** The one seed of version 1 (never changed: a new seed is a new version). */
    static final long SEED = 20261129L;
    /** The derived file of all requests, in the order of the category files. */
    static final String REQUESTS = "requests.jsonl";
    /** The checksum file (sha256sum format). */
    static final String CHECKSUMS = "SHA256SUMS";

    /** Redraws per case before the generator gives up (each a fresh deterministic draw). */
    private static final int MAX_ATTEMPTS = 50;

    /** The categories, in file order (the inputs of each: {@link SuiteInputs}; README.md describes them). */
    enum Category {
        /** Gaussian g, y, D log-uniform in [2, 64]; γ = 1 or 10^U(−3, 3), α = 10^U(−3, 3). */
        NORMAL("normal", 24),
        /** y = s(g + t·n), t = 10^U(−20, 0) or 0 (ψ = 0 exactly), s a power of 2. */
        NEAR_PARALLEL("near_parallel", 24),
        /** cos ψ from 1e−8 down to about 2^−1070 (exact constructions). */
        NEAR_ORTHOGONAL("near_orthogonal", 24),
        /** Entries with exponents uniform over the whole range (subnormals, zeros) mixed in one vector. */
        MIXED_MAGNITUDES("mixed_magnitudes", 24),
        /** ‖y‖/‖g‖, yᵀg/gᵀg, α, λ placed in [2^−1074, 2^−1022). */
        SUBNORMAL_RESULTS("subnormal_results", 25),
        /** Results placed in [2^1020, 2^1024) and just above. */
        NEAR_OVERFLOW("near_overflow", 25),
        /** Exact results beyond the range of double: per-member refusals expected. */
        OUT_OF_RANGE("out_of_range", 25),
        /** γ or α with exponents uniform over the whole range. */
        EXTREME_PARAMETERS("extreme_parameters", 24),
        /** M·x and M⁻¹·b componentwise (op metric), incl. x = g and b = y. */
        APPLY_SOLVE("apply_solve", 24),
        /** Propositions 1–3 (κ_min, sup λ_min, inf λ_max) on every input kind. */
        BOUNDS("bounds", 24),
        /** cos ψ, |sin ψ|, ‖y‖/‖g‖ and the inner products, incl. the reproducers of issue 12. */
        GEOMETRY("geometry", 24),
        /** yᵀg and yᵀg/gᵀg exactly on, or 2^−k off, a rounding midpoint (normal and subnormal). */
        ROUNDING_MIDPOINTS("rounding_midpoints", 24),
        /** Planted faults: an expected error kind, no values. */
        INVALID_INPUTS("invalid_inputs", 16);

        final String json;
        final int count;

        Category(String json, int count) {
            this.json = json;
            this.count = count;
        }

        String file() {
            return json + ".jsonl";
        }
    }

    /**
     * The inputs of one case.
     *
     * @param op the batch op: geometry, spectrum, bounds or metric
     * @param g the update
     * @param y the negative gradient
     * @param gamma γ (NaN: absent)
     * @param alpha α (NaN: absent)
     * @param x metric's x (null: absent)
     * @param b metric's b (null: absent)
     * @param error for a planted fault, the expected error kind (else null)
     */
    record Input(String op, double[] g, double[] y, double gamma, double alpha, double[] x, double[] b,
                 String error) {

        static Input of(String op, double[] g, double[] y) {
            return new Input(op, g, y, Double.NaN, Double.NaN, null, null, null);
        }

        Input withGamma(double v) {
            return new Input(op, g, y, v, Double.NaN, x, b, error);
        }

        Input withAlpha(double v) {
            return new Input(op, g, y, Double.NaN, v, x, b, error);
        }

        Input withVectors(double[] vx, double[] vb) {
            return new Input(op, g, y, gamma, alpha, vx, vb, error);
        }

        Input fault(String kind) {
            return new Input(op, g, y, gamma, alpha, x, b, kind);
        }
    }

    private ConformanceSuite() {
    }

    /**
     * Writes the suite's data files, {@value #REQUESTS} and {@value #CHECKSUMS} into {@code dir}
     * (created if absent; the hand-written README and schemas are not touched).
     *
     * @param dir the output directory
     * @param progress called with the number of cases written so far
     * @return the number of cases
     * @throws IOException if a file cannot be written
     */
    static int write(Path dir, java.util.function.IntConsumer progress) throws IOException {
        Files.createDirectories(dir);
        final Map<String, byte[]> files = new LinkedHashMap<>();
        final StringBuilder requests = new StringBuilder();
        int written = 0;
        for (Category c : Category.values()) {
            final StringBuilder lines = new StringBuilder();
            for (int i = 0; i < c.count; i++) {
                final ObjectNode node = certifiedCase(c, i);
                lines.append(JsonOutput.MAPPER.writeValueAsString(node)).append('\n');
                requests.append(JsonOutput.MAPPER.writeValueAsString(node.get("request"))).append('\n');
                progress.accept(++written);
            }
            files.put(c.file(), lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        files.put(REQUESTS, requests.toString().getBytes(StandardCharsets.UTF_8));
        final StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
            sums.append(sha256(f.getValue())).append("  ").append(f.getKey()).append('\n');
        }
        Files.write(dir.resolve(CHECKSUMS), sums.toString().getBytes(StandardCharsets.UTF_8));
        return written;
    }

    /** The total number of cases of the suite. */
    static int size() {
        int n = 0;
        for (Category c : Category.values()) {
            n += c.count;
        }
        return n;
    }

    /** Case {@code index} of a category: the first draw the oracle decides completely. */
    static ObjectNode certifiedCase(Category category, int index) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            final SplittableRandom rng = new SplittableRandom(mix(category.ordinal(), index, attempt));
            final Input in = SuiteInputs.draw(category, index, rng);
            if (in == null) {
                continue;
            }
            final ObjectNode expected = in.error() != null ? error(in.error()) : expected(in);
            if (expected == null) {
                continue;                           // undecided: redraw
            }
            final String id = category.json + "-" + String.format(Locale.ROOT, "%03d", index);
            final ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("id", id);
            node.put("category", category.json);
            node.set("request", request(id, in));
            node.set("expected", expected);
            return node;
        }
        throw new ArithmeticException(category.json + " case " + index + ": no draw in " + MAX_ATTEMPTS
                + " attempts that the oracle decides completely");
    }

    private static ObjectNode error(String kind) {
        final ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("error", kind);
        return e;
    }

    /** The batch request of a case (numbers as exact hex strings, which the batch reads). */
    private static ObjectNode request(String id, Input in) {
        final ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("id", id);
        r.put("op", in.op());
        r.set("g", hexes(in.g()));
        r.set("y", hexes(in.y()));
        if (!Double.isNaN(in.gamma())) {
            r.put("gamma", Numbers.hex(in.gamma()));
        }
        if (!Double.isNaN(in.alpha())) {
            r.put("alpha", Numbers.hex(in.alpha()));
        }
        if (in.x() != null) {
            r.set("x", hexes(in.x()));
        }
        if (in.b() != null) {
            r.set("b", hexes(in.b()));
        }
        if ("metric".equals(in.op())) {
            r.put("dense", false);
        }
        return r;
    }

    /**
     * The expected members of a valid case, or null when the oracle leaves one undecided (the
     * case is redrawn; an undecided value is never written).
     */
    private static ObjectNode expected(Input in) {
        final Map<String, Enclosure> scalars;
        final double[] g = in.g();
        final double[] y = in.y();
        switch (in.op()) {
            case "geometry":
                scalars = Certifier.geometry(g, y, true);
                break;
            case "spectrum": {
                final Map<String, Enclosure> f = Certifier.family(g, y, gamma(in), in.alpha(), true);
                scalars = new LinkedHashMap<>();
                for (String q : List.of("gamma", "alpha", "lambda_max", "lambda_min", "lambda_d", "kappa")) {
                    scalars.put(q, f.get(q));
                }
                break;
            }
            case "bounds": {
                final Map<String, Enclosure> f = Certifier.bounds(g, y);
                scalars = new LinkedHashMap<>();
                for (String q : List.of("kappa_min", "lambda_min_sup", "lambda_max_inf")) {
                    scalars.put(q, f.get(q));
                }
                break;
            }
            case "metric": {
                final Map<String, Enclosure> f = Certifier.family(g, y, gamma(in), in.alpha(), false);
                scalars = new LinkedHashMap<>();
                scalars.put("gamma", f.get("gamma"));
                scalars.put("alpha", f.get("alpha"));
                break;
            }
            default:
                throw new IllegalStateException("no oracle for op " + in.op());
        }
        final ObjectNode e = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Enclosure> q : scalars.entrySet()) {
            final ObjectNode member = member(q.getValue());
            if (member == null) {
                return null;
            }
            e.set(q.getKey(), member);
        }
        if ("metric".equals(in.op())) {
            // M·x and M⁻¹·b need α in range; a component out of range refuses the line (docs/cli.md).
            if (e.get("alpha").has("refused")) {
                return error("out_of_range");
            }
            final Certifier.ExplicitMetric explicit = new Certifier.ExplicitMetric(g, y, gamma(in), in.alpha());
            for (String q : List.of("mx", "solve")) {
                final double[] v = q.equals("mx") ? in.x() : in.b();
                if (v == null) {
                    continue;
                }
                final Enclosure[] exact = q.equals("mx") ? explicit.product(v) : explicit.solution(v);
                final ObjectNode vector = vector(exact);
                if (vector == null) {
                    return null;
                }
                if (vector.has("refused")) {
                    return error("out_of_range");
                }
                e.set(q, vector);
            }
        }
        return e;
    }

    /** γ as the oracle reads it: NaN when α is given, else the given γ or the default 1. */
    private static double gamma(Input in) {
        if (!Double.isNaN(in.alpha())) {
            return Double.NaN;
        }
        return Double.isNaN(in.gamma()) ? 1.0 : in.gamma();
    }

    /** One expected double: its value and certificate, a refusal, or null when undecided. */
    private static ObjectNode member(Enclosure exact) {
        final OptionalDouble r = exact.correctlyRounded();
        if (r.isEmpty()) {
            return null;
        }
        final double x = r.getAsDouble();
        final ObjectNode m = JsonNodeFactory.instance.objectNode();
        // Outside the range: rounds to ±∞, or a nonzero exact value rounds to 0 (below 2^−1075).
        final boolean exactZero = exact.isPoint() && exact.lo().signum() == 0;
        final boolean outside = Double.isInfinite(x) || (x == 0.0 && !exactZero);
        final Certificate cert = Certificate.of(outside ? Double.NaN : x, exact);
        if (outside) {
            m.put("refused", "out_of_range");
        } else {
            m.put("hex", Numbers.hex(x));
            m.put("dec", Numbers.decimal(x));
        }
        m.put("exact", cert.exact().toString());
        m.put("err", cert.errorBound().toString());
        return m;
    }

    /** An expected vector, componentwise; "refused" when a component is out of range. */
    private static ObjectNode vector(Enclosure[] exact) {
        final ObjectNode v = JsonNodeFactory.instance.objectNode();
        final ArrayNode hex = v.putArray("hex");
        final ArrayNode dec = v.putArray("dec");
        final ArrayNode ex = v.putArray("exact");
        final ArrayNode err = v.putArray("err");
        for (Enclosure e : exact) {
            final ObjectNode m = member(e);
            if (m == null) {
                return null;
            }
            if (m.has("refused")) {
                return JsonNodeFactory.instance.objectNode().put("refused", "out_of_range");
            }
            hex.add(m.get("hex").asText());
            dec.add(m.get("dec").asText());
            ex.add(m.get("exact").asText());
            err.add(m.get("err").asText());
        }
        return v;
    }

    private static ArrayNode hexes(double[] v) {
        final ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (double x : v) {
            a.add(Numbers.hex(x));
        }
        return a;
    }

    private static String sha256(byte[] data) {
        try {
            final byte[] d = MessageDigest.getInstance("SHA-256").digest(data);
            final StringBuilder s = new StringBuilder();
            for (byte b : d) {
                s.append(String.format(Locale.ROOT, "%02x", b & 0xff));
            }
            return s.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** A 64-bit seed for (category, index, attempt) (SplittableRandom mixes it further). */
    private static long mix(int category, int index, int attempt) {
        long h = SEED * 0x9E3779B97F4A7C15L;
        h ^= (long) (category + 1) * 0xD6E8FEB86659FD93L;
        h ^= (long) index * 0xC2B2AE3D27D4EB4FL;
        h ^= (long) attempt * 0x165667B19E3779F9L;
        return h ^ (h >>> 31);
    }
}
