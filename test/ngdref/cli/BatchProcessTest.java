package ngdref.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a separate process (a child JVM on the test class path), as other
 * languages use it: a 100,000-line batch streamed through a JVM whose heap (32 MB) is smaller
 * than either the input (≈ 70 MB) or the output (≈ 40 MB), so that holding either would fail;
 * a line-by-line conversation through pipes; and the exit codes.
 */
class BatchProcessTest {

    private static final int LINES = 100_000;
    private static final int D = 50;

    private static List<String> command(String... args) {
        final String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        final List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", cp, NgdrefCli.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Request k: spectrum of g = e₁ + k·2⁻²⁰·1, y = e₁ + e₂ (+ 0·rest); every 997th line malformed. */
    private static String request(int k) {
        if (k % 997 == 0) {
            return "{\"id\": " + k + ", \"op\": \"spectrum\", \"g\": [1, 0], \"y\": [-1, 0]}";
        }
        final StringBuilder sb = new StringBuilder("{\"id\": ").append(k)
                .append(", \"op\": \"spectrum\", \"g\": [\"0x1p0\"");
        for (int i = 1; i < D; i++) {
            sb.append(", \"0x0p0\"");
        }
        sb.append("], \"y\": [1, 1");
        for (int i = 2; i < D; i++) {
            sb.append(", 0.0");
        }
        return sb.append("]}").toString();
    }

    @Test
    void hundredThousandLinesThroughASmallHeap(@TempDir Path dir) throws Exception {
        final Path stderr = dir.resolve("stderr.txt");
        final Process p = new ProcessBuilder(command("batch")).redirectError(stderr.toFile()).start();
        final Thread feeder = new Thread(() -> {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8))) {
                for (int k = 1; k <= LINES; k++) {
                    w.write(request(k));
                    w.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        feeder.start();
        // λ_max of M_opt for g = e₁, y = e₁ + e₂ is 2 + √2 (see ComputeCommandsTest).
        final String lambdaMax = "\"lambda_max\":{\"dec\":3.414213562373095,\"hex\":\"0x1.b504f333f9de6p1\"}";
        long bytes = 0;
        int n = 0;
        int errors = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                n++;
                bytes += line.length() + 1;
                // Order and one-to-one correspondence: the n-th answer is for the n-th line.
                assertTrue(line.startsWith("{\"id\":" + n + ",\"line\":" + n + ","), line);
                if (n % 997 == 0) {
                    errors++;
                    assertTrue(line.contains("\"kind\":\"not_effective\""), line);
                } else {
                    assertTrue(line.contains(lambdaMax), line);
                }
            }
        }
        feeder.join();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(stderr));
        assertEquals(LINES, n);
        assertEquals(LINES / 997, errors);
        assertTrue(bytes > 32L << 20, "output " + bytes + " bytes should exceed the 32 MB heap");
        long input = 0;
        for (int k = 1; k <= LINES; k++) {
            input += request(k).length() + 1;
        }
        assertTrue(input > 32L << 20, "input " + input + " bytes should exceed the 32 MB heap");
    }

    @Test
    void conversationLineByLine() throws Exception {
        final Process p = new ProcessBuilder(command("batch")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
                 BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (int k = 1; k <= 5; k++) {
                    // One request, then wait for its answer before sending the next: the answer
                    // must come while standard input stays open.
                    w.write("{\"id\": " + k + ", \"op\": \"echo\", \"x\": [\"0x1.8p" + k + "\"]}\n");
                    w.flush();
                    final JsonNode answer = CliRun.parse(r.readLine());
                    assertEquals(k, answer.get("id").asInt());
                    assertEquals(Double.toHexString(1.5 * Math.pow(2, k)),
                            answer.get("result").get("x").get("hex").get(0).asText());
                }
            }
        });
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    @Test
    void exitCodesAndMessagesOfTheProcess() throws Exception {
        final Process bad = new ProcessBuilder(command("spectrum", "--g", "1,0", "--y=-1,0"))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        final String err = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bad.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, bad.exitValue());
        assertTrue(err.contains("ngdref spectrum: not_effective: not an effective update"), err);
        final Process ok = new ProcessBuilder(command("spectrum", "--g", "1,0,0", "--y", "1,1,0")).start();
        final String out = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ok.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, ok.exitValue());
        assertTrue(out.contains("0x1.b504f333f9de6p1"), out);
    }
}
