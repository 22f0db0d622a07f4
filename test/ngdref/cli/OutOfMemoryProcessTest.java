package ngdref.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 3: a request within the line limit whose JSON tree does not fit the heap (5
 * million distinct doubles, ≈ 20 MB of text, several hundred MB of nodes) in a 48 MB JVM. In
 * {@code batch} the line gets a {@code limit} error and the next line is answered; a single
 * command exits 4 with one line on standard error, never 1 with the JVM's trace.
 */
class OutOfMemoryProcessTest {

    private static final List<String> HEAP = List.of("-Xmx48m");

    private static String hugeEcho() {
        return "{\"op\":\"echo\",\"x\":[" + "1.5,".repeat(5_000_000) + "1.5]}";
    }

    @Test
    void batchAnswersTheLineWithALimitErrorAndGoesOn() throws Exception {
        final byte[] in = (hugeEcho() + "\n{\"op\":\"echo\",\"x\":[7]}\n").getBytes(StandardCharsets.UTF_8);
        final Subprocess run = Subprocess.withJvm(HEAP, in, null, "batch");
        assertEquals(0, run.exit(), run.err());
        final String[] lines = run.out().split("\n");
        assertEquals(2, lines.length, run.out());
        final JsonNode first = CliRun.parse(lines[0]);
        assertEquals("limit", first.get("error").get("kind").asText());
        assertTrue(first.get("error").get("message").asText().startsWith("out of memory"), lines[0]);
        assertEquals(7.0, CliRun.hex(CliRun.parse(lines[1]).get("result").get("x"), 0));
        assertEquals("", run.err());
    }

    @Test
    void aSingleCommandExitsFourWithOneLine(@TempDir Path dir) throws Exception {
        final Path request = dir.resolve("req.json");
        Files.writeString(request, "{\"g\":[" + "1.5,".repeat(5_000_000) + "1.5],\"y\":[1,1]}");
        final Subprocess run = Subprocess.withJvm(HEAP, null, null, "spectrum", "--input", request.toString());
        assertEquals(NgdrefCli.INTERNAL, run.exit(), run.err());
        assertTrue(run.err().startsWith("ngdref: out of memory"), run.err());
        assertEquals(1, run.err().strip().split("\n").length, run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }
}
