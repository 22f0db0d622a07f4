package ngdref.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * docs/cli.md's exit-code table and the program agree: the same codes in the document, in
 * {@code --help} and in {@link NgdrefCli}'s constants, and, row by row, a run that ends with that
 * code (standard error without a stack trace except for 4).
 */
class ExitCodeTableTest {

    /** The rows of the table under "## Exit codes" in docs/cli.md: code → meaning. */
    static Map<Integer, String> documented() throws IOException {
        final String doc = Files.readString(Path.of("docs", "cli.md"), StandardCharsets.UTF_8);
        final int start = doc.indexOf("## Exit codes");
        assertTrue(start >= 0, "docs/cli.md has no '## Exit codes'");
        final int end = doc.indexOf("\n## ", start + 1);
        final Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\| (.+) \\|$").matcher(doc.substring(start, end));
        final Map<Integer, String> rows = new LinkedHashMap<>();
        while (row.find()) {
            rows.put(Integer.parseInt(row.group(1)), row.group(2));
        }
        return rows;
    }

    @Test
    void documentHelpAndConstantsListTheSameCodes() throws IOException {
        final Map<Integer, String> doc = documented();
        assertEquals(List.of(0, 1, 2, 3, 4, 5), new ArrayList<>(doc.keySet()));
        assertEquals(List.of(NgdrefCli.OK, NgdrefCli.CHECK_FAILED, NgdrefCli.USAGE, NgdrefCli.NOT_COMPUTABLE,
                NgdrefCli.INTERNAL, NgdrefCli.OUTPUT_FAILED), List.of(0, 1, 2, 3, 4, 5));
        final Map<String, String> help = new CommandLine(new NgdrefCli(InputStream.nullInputStream()))
                .getCommandSpec().usageMessage().exitCodeList();
        final Map<Integer, String> helpCodes = new TreeMap<>();
        help.forEach((k, v) -> helpCodes.put(Integer.parseInt(k.strip()), v));
        assertEquals(doc.keySet(), helpCodes.keySet());
    }

    private static void noTrace(CliRun run) {
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void row0Success() {
        final CliRun run = CliRun.of("spectrum", "--g", "1,0,0", "--y", "1,1,0");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        // A batch with error lines, without --strict, and an answer with a refused member.
        assertEquals(0, CliRun.withInput("nonsense\n", "batch").exit());
        assertEquals(0, CliRun.of("geometry", "--g", "1,0", "--y", "1e300,1e300").exit());
    }

    @Test
    void row1CheckFailedOrStrictBatch(@TempDir Path dir) throws IOException {
        final CliRun strict = CliRun.withInput("nonsense\n", "batch", "--strict");
        assertEquals(1, strict.exit());
        noTrace(strict);
        final Path v = dir.resolve("v.json");
        final Path r = dir.resolve("r.json");
        Files.writeString(v, "{\"schema\":\"ngdref-test-vectors\",\"version\":1,\"cases\":[{\"id\":\"a\","
                + "\"expected\":{\"kappa\":{\"hex\":\"0x1.0p1\"}}}]}");
        Files.writeString(r, "{\"schema\":\"ngdref-test-results\",\"version\":1,\"cases\":[{\"id\":\"a\","
                + "\"results\":{\"kappa\":\"0x1.0000000000001p1\"}}]}");
        final CliRun check = CliRun.of("check", v.toString(), r.toString(), "--quantities", "kappa", "--ulps", "0");
        assertEquals(1, check.exit(), check.err());
        noTrace(check);
    }

    @Test
    void row2UsageOrInvalidInput() {
        for (String[] args : new String[][] {
            {"spectrum", "--no-such-option"},
            {"spectrum", "--g", "1,0", "--y", "-1,1"},               // not effective
            {"spectrum", "--g", "[1,0", "--y", "1,1"},               // malformed vector text
            {"batch", "/nonexistent"},
            {"metric", "--g", "1,0,0", "--y", "1,1,0", "--dense", "--max-dense-dimension", "2"}}) {
            final CliRun run = CliRun.of(args);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.err());
            noTrace(run);
        }
    }

    @Test
    void row3NotComputable() {
        // A scalar outside the range is refused member by member (exit 0); a vector result is one
        // answer: M = [[1, 1], [1, 1 + 1e10]] maps (1e300, 1e300) to (2e300, ≈1e310), whose
        // component 1 is outside the range of double, so the command cannot answer: exit 3.
        final CliRun run = CliRun.of("metric", "--g", "1,0", "--y", "1,1", "--alpha", "1e10", "--x", "1e300,1e300");
        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains("out_of_range") && run.err().contains("(M·x)[1]"), run.err());
        noTrace(run);
    }

    /** A standard input that fails like a broken device, with an Error. */
    private static final class BrokenInput extends InputStream {
        @Override
        public int read() {
            throw new InternalError("simulated VM failure while reading");
        }

        @Override
        public int read(byte[] b, int off, int len) {
            throw new InternalError("simulated VM failure while reading");
        }
    }

    @Test
    void row4AnErrorOutsideARequestIsOneLine() {
        final CliRun run = CliRun.withStreams(new BrokenInput(), new StringWriter(), "batch");
        assertEquals(4, run.exit());
        assertEquals("ngdref: internal error: java.lang.InternalError: simulated VM failure while reading",
                run.err().strip());
    }

    /** A sink that fails like /dev/full. */
    @Test
    void row5OutputFailed() {
        for (String[] args : new String[][] {
            {"spectrum", "--g", "1,0,0", "--y", "1,1,0"},
            {"spectrum", "--g", "1,0,0", "--y", "1,1,0", "--json"},
            {"example"},
            {"batch"},
            {"vectors", "--count", "1", "--max-dimension", "3"}}) {
            final CliRun run = CliRun.withStreams(new ByteArrayInputStream(
                    "{\"op\":\"echo\",\"x\":[1]}\n".getBytes(StandardCharsets.UTF_8)), new FullDisk(), args);
            assertEquals(5, run.exit(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().contains("cannot write"), run.err());
            noTrace(run);
        }
    }
}
