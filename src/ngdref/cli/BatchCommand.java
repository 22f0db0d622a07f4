package ngdref.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
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
 * next line is read (with {@code --jobs N}, up to N lines are computed at once and written in
 * order), so memory does not grow with the number of lines; output is flushed
 * whenever no further input is waiting, so a client can also converse line by line through a
 * pipe. A line that cannot be answered gets an error object naming the fault, and the others are
 * answered as usual.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Answer JSON Lines requests, one output line per input line, in order, streaming.",
            "A request: {\"id\": 7, \"op\": \"spectrum\", \"g\": [1, 0, 0], \"y\": [\"0x1p0\", \"1\", 0], \"gamma\": 1}",
            "ops: echo, geometry, spectrum, bounds, metric, decompose, verify, discrete, time_varying, stochastic"
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

    @Option(names = "--max-line-length", paramLabel = "BYTES", defaultValue = "" + Limits.DEFAULT_MAX_LINE_BYTES,
            description = "longest request line, in bytes; a longer line is skipped unread and"
                    + " answered with a limit error (default: ${DEFAULT-VALUE} = 64 MiB)")
    long maxLineLength;

    @Option(names = "--max-dense-dimension", paramLabel = "D", defaultValue = "" + Limits.DEFAULT_MAX_DENSE_DIMENSION,
            description = "largest D of a D×D matrix (metric with dense, decompose, discrete,"
                    + " the oracle's matrix under --certify); larger"
                    + " requests are answered with a limit error (default: ${DEFAULT-VALUE})")
    int maxDenseDimension;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "lines computed at the same time, 1 to 64 (default: ${DEFAULT-VALUE}); the"
                    + " answers stay in input order, and memory grows with N (each line's limits hold per line)")
    int jobs;

    @Override
    public Integer call() throws IOException {
        if (jobs < 1 || jobs > 64) {
            throw new NgdrefCli.UsageException("--jobs must be between 1 and 64, was " + jobs);
        }
        final Limits limits = new Limits(maxLineLength, maxDenseDimension);
        final boolean fromStdin = file == null || file.equals("-");
        if (!fromStdin && output != null && sameFile(Path.of(file), output)) {
            throw new NgdrefCli.UsageException("-o " + output + " is the input file " + file
                    + ": writing the answers would truncate the requests before they are read");
        }
        final InputStream in = fromStdin ? parent.stdin() : Files.newInputStream(Path.of(file));
        final String target = output == null ? null : output.toString();
        final Writer sink = output == null ? JsonOutput.unclosable(spec.commandLine().getOut())
                : new OutputStreamWriter(NgdrefCli.create(output), StandardCharsets.UTF_8);
        final Certifier certifier = certify ? NgdrefCli.certifier(certifyMaxDimension, strict, limits) : null;
        long errors = 0;
        long internal = 0;
        try (InputStream input = in;
             Writer out = checked(new BufferedWriter(sink, 1 << 16), target);
             JsonGenerator gen = JsonOutput.MAPPER.createGenerator(out);
             Progress bar = Progress.of(spec.commandLine().getErr(), "batch: lines", -1, progress)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.setRootValueSeparator(null);     // the separator is our '\n'
            final LineReader reader = new LineReader(input, limits);
            // Up to `jobs` lines are computed at once (the common fork-join pool's threads stay
            // free for the oracle's parallel columns); answers are written in input order, and the
            // oldest is written before reading on whenever no more input is waiting, so that a
            // client conversing line by line still gets each answer before sending the next line.
            final java.util.concurrent.ExecutorService workers = jobs == 1 ? null
                    : java.util.concurrent.Executors.newFixedThreadPool(jobs, r -> {
                        final Thread t = new Thread(r, "ngdref-batch");
                        t.setDaemon(true);
                        return t;
                    });
            final java.util.ArrayDeque<java.util.concurrent.Future<Answer>> pending = new java.util.ArrayDeque<>();
            try {
                long n = 0;
                long written = 0;
                for (boolean end = false; !(end && pending.isEmpty()); ) {
                    if (!pending.isEmpty() && (end || pending.size() >= jobs || !reader.ready())) {
                        final RequestException.Kind kind = write(gen, await(pending.poll()));
                        written++;
                        if (kind != null) {
                            errors++;
                            if (kind == RequestException.Kind.INTERNAL) {
                                internal++;
                            }
                        }
                        flushWhenIdle(gen, reader, written, target);
                        bar.step(written);
                        continue;
                    }
                    final LineReader.Line line = reader.next();
                    if (line == null) {
                        end = true;
                        continue;
                    }
                    n++;
                    // a worker gets its own copy: the reader's buffer is reused for the next line
                    final LineReader.Line current = workers == null || line.bytes() == null ? line
                            : new LineReader.Line(java.util.Arrays.copyOf(line.bytes(), line.length()), line.length(), null);
                    final long number = n;
                    // with --jobs 1 the line is computed here, and written on the next turn
                    pending.add(workers == null
                            ? java.util.concurrent.CompletableFuture.completedFuture(compute(current, number, certifier, limits))
                            : workers.submit(() -> compute(current, number, certifier, limits)));
                }
            } finally {
                if (workers != null) {
                    workers.shutdownNow();
                }
            }
            gen.flush();
        }
        if (target == null) {
            NgdrefCli.requireWritten(spec.commandLine().getOut(), null);
        }
        if (internal > 0) {
            spec.commandLine().getErr().println("ngdref batch: " + internal + " line(s) answered with"
                    + " internal_error: a bug, please report it (the other lines were answered)");
            return NgdrefCli.INTERNAL;
        }
        return strict && errors > 0 ? NgdrefCli.CHECK_FAILED : NgdrefCli.OK;
    }

    /** Whether the bytes are only JSON white space (space, tab, CR). */
    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Whether the two paths name the same existing file (through links, "..", case folding). */
    private static boolean sameFile(Path a, Path b) throws IOException {
        if (!Files.exists(a) || !Files.exists(b)) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
        return Files.isSameFile(a, b);
    }

    /** {@code w} whose IOExceptions become {@link NgdrefCli.OutputException} naming the target. */
    private static Writer checked(Writer w, String target) {
        if (target == null) {
            return w;
        }
        return new java.io.FilterWriter(w) {
            @Override
            public void write(char[] c, int off, int len) throws IOException {
                try {
                    super.write(c, off, len);
                } catch (IOException e) {
                    throw failure(e);
                }
            }

            @Override
            public void write(String str, int off, int len) throws IOException {
                try {
                    super.write(str, off, len);
                } catch (IOException e) {
                    throw failure(e);
                }
            }

            @Override
            public void write(int c) throws IOException {
                try {
                    super.write(c);
                } catch (IOException e) {
                    throw failure(e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    super.flush();
                } catch (IOException e) {
                    throw failure(e);
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } catch (IOException e) {
                    throw failure(e);
                }
            }

            private NgdrefCli.OutputException failure(IOException e) {
                return new NgdrefCli.OutputException("cannot write the answers to " + target + ": " + e.getMessage(), e);
            }
        };
    }

    /** After an answer: flush when no more input is waiting, and notice a reader that has gone. */
    private void flushWhenIdle(JsonGenerator gen, LineReader reader, long written, String target) throws IOException {
        final boolean idle = !reader.ready();
        if (idle) {
            // Nothing more is waiting: hand over what we have (interactive use).
            gen.flush();
        }
        if ((idle || written % 1024 == 0) && target == null) {
            gen.flush();
            // The reader of our output has gone (| head) or the disk is full: stop reading.
            NgdrefCli.requireWritten(spec.commandLine().getOut(), null);
        }
    }

    /** The computed answer of a line, written later in input order. */
    record Answer(JsonNode id, long n, String op, Result result, RequestException error) {
    }

    /** The answer of a line computed by a worker; its own errors are in the answer already. */
    private static Answer await(java.util.concurrent.Future<Answer> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for an answer");
        } catch (java.util.concurrent.ExecutionException e) {
            // compute catches what a request can throw; anything else (an Error) is rethrown as is
            final Throwable cause = e.getCause();
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Writes an answer and the line's end; null when it has a result, else the kind of its error. */
    static RequestException.Kind write(JsonGenerator gen, Answer a) throws IOException {
        JsonOutput.writeAnswer(gen, a.id(), a.n(), a.op(), a.result(), a.error());
        gen.writeRaw('\n');
        return a.error() == null ? null : a.error().kind();
    }

    /** Computes the answer of one line; every failure of the request is in the answer. */
    static Answer compute(LineReader.Line line, long n, Certifier certifier, Limits limits) {
        JsonNode id = null;
        String op = null;
        Result result = null;
        RequestException error = null;
        try {
            if (line.error() != null) {
                throw line.error();
            }
            final byte[] bytes = line.bytes();
            int from = 0;
            if (n == 1 && line.length() >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                    && (bytes[2] & 0xff) == 0xbf) {
                from = 3;                           // a byte-order mark
            }
            if (blank(bytes, from, line.length())) {
                throw new RequestException(RequestException.Kind.EMPTY_LINE, null, "empty line");
            }
            final ObjectNode node = Request.parseObject(bytes, from, line.length() - from, "");
            final Request request = new Request(node);
            id = request.id();
            op = request.op();
            result = Operation.named(op).compute(request, certifier, limits);
        } catch (RequestException e) {
            error = e;
        } catch (OutOfMemoryError e) {
            // The request's own allocations are unreachable now; the next line starts afresh.
            result = null;
            error = new RequestException(RequestException.Kind.LIMIT, null, "out of memory computing this"
                    + " request (" + e.getMessage() + "); send smaller requests, lower --max-line-length or"
                    + " --max-dense-dimension, or raise -Xmx");
        } catch (StackOverflowError e) {
            error = new RequestException(RequestException.Kind.LIMIT, null, "stack overflow: the request"
                    + " is nested too deeply");
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // A bug must not cost the other lines their answers; the exit code will say it (4).
            error = new RequestException(RequestException.Kind.INTERNAL, null, e.toString());
        }
        return new Answer(id, n, op, result, error);
    }
}
