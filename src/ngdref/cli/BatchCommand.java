package ngdref.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * JSON Lines in, JSON Lines out: one answer per input line, in order, streaming.
 *
 * <p>Each line is read, parsed (Jackson, one tree per line), computed and written before the
 * next line is read, so memory does not grow with the number of lines; output is flushed
 * whenever no further input is waiting, so a client can also converse line by line through a
 * pipe. A line that cannot be answered gets an error object naming the fault, and the others are
 * answered as usual.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Answer JSON Lines requests, one output line per input line, in order, streaming.",
            "A request: {\"id\": 7, \"op\": \"spectrum\", \"g\": [1, 0, 0], \"y\": [\"0x1p0\", \"1\", 0], \"gamma\": 1}",
            "ops: echo, geometry, spectrum, bounds, metric, decompose, discrete, time_varying, stochastic"
                + " (fields: docs/cli.md).",
            "An answer: {\"id\": 7, \"line\": 1, \"op\": \"spectrum\", \"result\": {\"lambda_max\":"
                + " {\"dec\": 3.414213562373095, \"hex\": \"0x1.b504f333f9de6p1\"}, ...}}",
            "A bad line: {\"id\": 7, \"line\": 1, \"op\": \"spectrum\", \"error\": {\"kind\":"
                + " \"not_effective\", \"message\": \"not an effective update: ...\"}}"})
final class BatchCommand implements Callable<Integer> {

    @ParentCommand
    NgdrefCli parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "the requests, one JSON object per line (default or -: standard input)")
    String file;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the answers here"
            + " (default: standard output)")
    Path output;

    @Option(names = "--certify", description = "add the oracle's decimal of the exact value, its"
            + " error bound and the ulp error to every double it can certify")
    boolean certify;

    @Option(names = "--certify-max-dimension", paramLabel = "D", defaultValue = "256",
            description = "largest D whose explicit matrix the oracle encloses (default: ${DEFAULT-VALUE})")
    int certifyMaxDimension;

    @Option(names = "--strict", description = "exit with 1 when any line was answered with an error")
    boolean strict;

    @Option(names = "--progress", negatable = true, description = "progress on standard error"
            + " (default: when standard error is a terminal, see the ngdref script)")
    Boolean progress;

    @Override
    public Integer call() throws IOException {
        final boolean fromStdin = file == null || file.equals("-");
        final InputStream in = fromStdin ? parent.stdin() : Files.newInputStream(Path.of(file));
        final Writer sink = output == null ? JsonOutput.unclosable(spec.commandLine().getOut())
                : new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8);
        final Certifier certifier = certify ? new Certifier(certifyMaxDimension) : null;
        long errors = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
             Writer out = new BufferedWriter(sink, 1 << 16);
             JsonGenerator gen = JsonOutput.MAPPER.createGenerator(out);
             Progress bar = Progress.of(spec.commandLine().getErr(), "batch: lines", -1, progress)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.setRootValueSeparator(null);     // the separator is our '\n'
            String line;
            long n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!answer(gen, line, n, certifier)) {
                    errors++;
                }
                gen.writeRaw('\n');
                final boolean idle = !reader.ready();
                if (idle) {
                    // Nothing more is waiting: hand over what we have (interactive use).
                    gen.flush();
                }
                if ((idle || n % 1024 == 0) && outputGone()) {
                    break;   // the reader of our output has gone (e.g. | head): stop reading
                }
                bar.step(n);
            }
            gen.flush();
        }
        return strict && errors > 0 ? NgdrefCli.CHECK_FAILED : NgdrefCli.OK;
    }

    /**
     * Whether standard output is broken (its reader exited). Java ignores SIGPIPE and print
     * streams swallow the IOException, so the error flags are polled: picocli's writer's, and
     * System.out's, which it wraps when not replaced (in-process tests replace it).
     */
    private boolean outputGone() {
        return output == null && (spec.commandLine().getOut().checkError() || System.out.checkError());
    }

    /**
     * Answers one line.
     *
     * @return whether it was answered with a result (false: with an error object)
     */
    static boolean answer(JsonGenerator gen, String line, long n, Certifier certifier) throws IOException {
        JsonNode id = null;
        String op = null;
        Result result = null;
        RequestException error = null;
        try {
            if (line.isBlank()) {
                throw new RequestException(RequestException.Kind.EMPTY_LINE, null, "empty line");
            }
            final JsonNode node;
            try {
                node = JsonOutput.parse(line);
            } catch (JsonProcessingException e) {
                throw new RequestException(RequestException.Kind.BAD_JSON, null, "not JSON: "
                        + e.getOriginalMessage() + location(e));
            } catch (IOException e) {
                throw new RequestException(RequestException.Kind.BAD_JSON, null, "not JSON: " + e.getMessage());
            }
            if (!node.isObject()) {
                throw new RequestException(RequestException.Kind.BAD_JSON, null,
                        "a request must be a JSON object, got " + Request.describe(node));
            }
            final Request request = new Request((ObjectNode) node);
            id = request.id();
            op = request.op();
            result = Operation.named(op).compute(request, certifier);
        } catch (RequestException e) {
            error = e;
        } catch (RuntimeException e) {
            // A bug must not cost the other lines their answers.
            error = new RequestException(RequestException.Kind.INTERNAL, null, e.toString());
        }
        JsonOutput.writeAnswer(gen, id, n, op, result, error);
        return error == null;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
    }
}
