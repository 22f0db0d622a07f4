package ngdref.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One in-process run of the command line (picocli {@code execute}) with captured streams.
 *
 * @param exit the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exit, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code args} with {@code stdin} as standard input. */
    static CliRun withInput(String stdin, String... args) {
        return withBytes(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Runs {@code args} with these bytes as standard input. */
    static CliRun withBytes(byte[] stdin, String... args) {
        return withStreams(new ByteArrayInputStream(stdin), new StringWriter(), args);
    }

    /**
     * Runs {@code args} with {@code stdin} as standard input and {@code sink} under standard
     * output, as {@link NgdrefCli#main} does (Errors included), without exiting.
     */
    static CliRun withStreams(InputStream stdin, Writer sink, String... args) {
        final CommandLine cl = NgdrefCli.commandLine(stdin);
        final StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(sink, true));
        cl.setErr(new PrintWriter(err, true));
        final int exit = NgdrefCli.execute(cl, args);
        return new CliRun(exit, sink.toString(), err.toString());
    }

    /** Runs {@code args} with empty standard input. */
    static CliRun of(String... args) {
        return withInput("", args);
    }

    /** Standard output as one JSON value. */
    JsonNode json() {
        return parse(out);
    }

    /** Standard output as JSON Lines. */
    JsonNode[] lines() {
        final String[] text = out.split("\n");
        final JsonNode[] nodes = new JsonNode[text.length];
        for (int i = 0; i < text.length; i++) {
            nodes[i] = parse(text[i]);
        }
        return nodes;
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** The double of an output object {"dec": …, "hex": …}, read from its hex form. */
    static double hex(JsonNode value) {
        return Double.parseDouble(value.get("hex").asText());
    }

    /** Entry i of an output vector {"dec": […], "hex": […]}, read from its hex form. */
    static double hex(JsonNode vector, int i) {
        return Double.parseDouble(vector.get("hex").get(i).asText());
    }
}
