package ngdref.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the command line used as a hostile or careless user would, one test (or more) per
 * numbered fault of the issue; each names the item it guards.
 */
class AdversarialCliTest {

    private static final String ECHO7 = "{\"op\":\"echo\",\"x\":[7]}";

    private static JsonNode only(CliRun run) {
        final JsonNode[] lines = run.lines();
        assertEquals(1, lines.length, run.out());
        return lines[0];
    }

    private static String kind(JsonNode answer) {
        return answer.path("error").path("kind").asText(null);
    }

    // ---- item 1: Numbers.parse in linear time ----

    @Test
    void millionCharacterTokensAreClassifiedInLinearTime() {
        final String digitsThenX = "1".repeat(1_000_000) + "x";
        final String hexThenG = "0x" + "f".repeat(1_000_000) + "g";
        final String pointy = "1".repeat(500_000) + "." + "1".repeat(499_999) + "e";
        for (String bad : new String[] {digitsThenX, hexThenG, pointy}) {
            final long t0 = System.nanoTime();
            final NumberFormatException e = assertThrows(NumberFormatException.class, () -> Numbers.parse(bad));
            final double seconds = (System.nanoTime() - t0) * 1e-9;
            assertTrue(seconds < 0.5, "took " + seconds + " s");
            // The message quotes a prefix and the length, not a megabyte of digits.
            assertTrue(e.getMessage().length() < 200, e.getMessage());
            assertTrue(e.getMessage().contains("1000001 characters") || e.getMessage().contains("1000003 characters")
                    || e.getMessage().contains("1000000 characters"), e.getMessage());
        }
        // Long valid tokens are read too: 10^999999 overflows, 10^-1000000 underflows to +0.0.
        assertEquals(Double.POSITIVE_INFINITY, Numbers.parse("1" + "0".repeat(999_999)));
        assertEquals(0L, Double.doubleToRawLongBits(Numbers.parse("0." + "0".repeat(999_999) + "1")));
    }

    @Test
    void aMillionDigitStringInABatchLineIsAnsweredQuickly() {
        final String line = "{\"op\":\"echo\",\"x\":[\"" + "9".repeat(1_000_000) + "x\"]}\n" + ECHO7 + "\n";
        final long t0 = System.nanoTime();
        final CliRun run = CliRun.withInput(line, "batch");
        final double seconds = (System.nanoTime() - t0) * 1e-9;
        assertTrue(seconds < 5, "took " + seconds + " s");
        final JsonNode[] out = run.lines();
        assertEquals(2, out.length);
        assertEquals("bad_number", kind(out[0]));
        assertEquals(7.0, CliRun.hex(out[1].get("result").get("x"), 0));
    }

    @Test
    void longTokensInOptionsAndResultFilesAreRefusedQuickly(@TempDir Path dir) throws IOException {
        final String token = "7".repeat(1_000_000) + "x";
        long t0 = System.nanoTime();
        final CliRun option = CliRun.of("spectrum", "--g", "1,0", "--y", "1,1", "--gamma", token);
        assertTrue((System.nanoTime() - t0) * 1e-9 < 5);
        assertEquals(2, option.exit());
        assertTrue(option.err().contains("bad_number"), option.err());
        final Path vectors = dir.resolve("v.json");
        final Path results = dir.resolve("r.json");
        Files.writeString(vectors, "{\"schema\":\"ngdref-test-vectors\",\"version\":1,\"cases\":[{\"id\":\"a\","
                + "\"expected\":{\"kappa\":{\"hex\":\"0x1.0p1\"}}}]}");
        Files.writeString(results, "{\"schema\":\"ngdref-test-results\",\"version\":1,\"cases\":[{\"id\":\"a\","
                + "\"results\":{\"kappa\":\"" + token + "\"}}]}");
        t0 = System.nanoTime();
        final CliRun check = CliRun.of("check", vectors.toString(), results.toString(), "--quantities", "kappa", "--json");
        assertTrue((System.nanoTime() - t0) * 1e-9 < 5);
        assertEquals(1, check.exit(), check.err());
        assertTrue(check.json().get("failures").get(0).get("reason").asText().contains("is not a decimal"), check.out());
    }

    // ---- item 2: a bare CR does not split a record ----

    @Test
    void bareCarriageReturnIsWhiteSpaceAndCrLfEndsARecord() {
        final String input = "{\"op\":\"echo\",\r\"x\":[7]}\r\n{\"op\":\"echo\",\"x\":[8]}\n{\"op\":\"echo\",\"x\":[9]}";
        final CliRun run = CliRun.withInput(input, "batch");
        assertEquals(0, run.exit(), run.err());
        final JsonNode[] out = run.lines();
        assertEquals(3, out.length, run.out());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, out[i].get("line").asInt());
            assertEquals(7.0 + i, CliRun.hex(out[i].get("result").get("x"), 0));
        }
    }

    // ---- item 3: limits, checked before allocation; Errors inside a request ----

    @Test
    void aLineOverTheLimitIsALimitErrorAndTheBatchGoesOn() {
        final String longLine = "{\"op\":\"echo\",\"x\":[" + "1,".repeat(100) + "1]}";
        final CliRun run = CliRun.withInput(longLine + "\n" + ECHO7 + "\n", "batch", "--max-line-length", "100");
        assertEquals(0, run.exit(), run.err());
        final JsonNode[] out = run.lines();
        assertEquals(2, out.length);
        assertEquals("limit", kind(out[0]));
        assertTrue(out[0].get("error").get("message").asText().contains("--max-line-length"));
        assertEquals(2, out[1].get("line").asInt());
        assertEquals(7.0, CliRun.hex(out[1].get("result").get("x"), 0));
        // Exactly at the limit is accepted (a \r before \n does not count).
        final String at = ECHO7;
        final CliRun exact = CliRun.withInput(at + "\r\n", "batch", "--max-line-length", String.valueOf(at.length()));
        assertEquals(7.0, CliRun.hex(only(exact).get("result").get("x"), 0));
    }

    @Test
    void denseOutputOverTheDimensionLimitIsRefusedBeforeItIsBuilt() {
        final String g = "[1" + ",0".repeat(19_999) + "]";
        final String y = "[1,1" + ",0".repeat(19_998) + "]";
        final String input = "{\"op\":\"metric\",\"g\":" + g + ",\"y\":" + y + ",\"dense\":true}\n"
                + "{\"op\":\"decompose\",\"g\":" + g + ",\"y\":" + y + "}\n"
                + "{\"op\":\"metric\",\"g\":[1,0,0],\"y\":[1,1,0],\"dense\":true}\n" + ECHO7 + "\n";
        final long t0 = System.nanoTime();
        final CliRun run = CliRun.withInput(input, "batch", "--max-dense-dimension", "2");
        assertTrue((System.nanoTime() - t0) * 1e-9 < 10);
        final JsonNode[] out = run.lines();
        assertEquals(4, out.length);
        assertEquals("limit", kind(out[0]));
        assertTrue(out[0].get("error").get("message").asText().contains("20000×20000"), out[0].toString());
        assertEquals("limit", kind(out[1]));
        assertEquals("limit", kind(out[2]));      // D = 3 > 2
        assertEquals(7.0, CliRun.hex(out[3].get("result").get("x"), 0));
        // The default limit (2048) refuses D = 20000 too, and lets D = 3 through.
        final CliRun byDefault = CliRun.withInput(input, "batch");
        final JsonNode[] d = byDefault.lines();
        assertEquals("limit", kind(d[0]));
        assertEquals("limit", kind(d[1]));
        assertEquals(3, d[2].get("result").get("matrix").get("hex").size());
        // Single commands: exit 2 with the limit named.
        final CliRun single = CliRun.of("metric", "--g", "1,0,0", "--y", "1,1,0", "--dense", "--max-dense-dimension", "2");
        assertEquals(2, single.exit());
        assertTrue(single.err().contains("limit") && single.err().contains("--max-dense-dimension"), single.err());
        final CliRun decompose = CliRun.of("decompose", "--m", "2,1,0;1,2,0;0,0,1", "--g", "1,0,0",
                "--max-dense-dimension", "2");
        assertEquals(2, decompose.exit());
        final CliRun discrete = CliRun.of("discrete", "--A", "2,0,0;0,1,0;0,0,1", "--theta", "1,1,1", "--eta", "0.1",
                "--max-dense-dimension", "2");
        assertEquals(2, discrete.exit());
        assertTrue(discrete.err().contains("discrete: A would be 3×3"), discrete.err());
        // The oracle's explicit matrix is dense too: --certify-max-dimension may not exceed the limit.
        final CliRun certify = CliRun.withInput(ECHO7 + "\n", "batch", "--certify", "--certify-max-dimension", "100000");
        assertEquals(2, certify.exit());
        assertTrue(certify.err().contains("--certify-max-dimension"), certify.err());
    }

    @Test
    void vectorsRefusesADimensionItCannotHold() {
        final CliRun run = CliRun.of("vectors", "--max-dimension", "100000000", "--count", "1");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("100000000×100000000") && run.err().contains("2048"), run.err());
        assertEquals("", run.out());
        final CliRun notInt = CliRun.of("vectors", "--max-dimension", "1e8");
        assertEquals(2, notInt.exit());
    }

    @Test
    void inputFromStandardInputIsBounded(@TempDir Path dir) throws IOException {
        final String request = "{\"g\":[1,0],\"y\":[1,1]}";
        final CliRun over = CliRun.withInput(request, "spectrum", "--input", "-", "--max-line-length", "10");
        assertEquals(2, over.exit());
        assertTrue(over.err().contains("limit") && over.err().contains("10 bytes"), over.err());
        final CliRun fits = CliRun.withInput(request, "spectrum", "--input", "-", "--json");
        assertEquals(0, fits.exit(), fits.err());
        final Path big = dir.resolve("g.txt");
        Files.writeString(big, "1 ".repeat(100));
        final CliRun file = CliRun.of("spectrum", "--g", "@" + big, "--y", "1,1", "--max-line-length", "50");
        assertEquals(2, file.exit());
        assertTrue(file.err().contains("limit"), file.err());
    }

    // ---- item 4: write failures and -o onto the input ----

    /** A sink that fails like /dev/full. */
    @Test
    void writeFailuresExitFive() {
        final CliRun spectrum = CliRun.withStreams(new java.io.ByteArrayInputStream(new byte[0]), new FullDisk(),
                "spectrum", "--g", "1,0,0", "--y", "1,1,0");
        assertEquals(NgdrefCli.OUTPUT_FAILED, spectrum.exit());
        assertTrue(spectrum.err().contains("cannot write"), spectrum.err());
        final CliRun batch = CliRun.withStreams(new java.io.ByteArrayInputStream(
                (ECHO7 + "\n").getBytes(StandardCharsets.UTF_8)), new FullDisk(), "batch");
        assertEquals(NgdrefCli.OUTPUT_FAILED, batch.exit());
        assertFalse(batch.err().contains("\tat "), batch.err());
    }

    @Test
    void devFullExitsFiveAsAProcess() throws Exception {
        final Path full = Path.of("/dev/full");
        if (!Files.isWritable(full)) {
            return;     // not Linux: the in-process test above covers the logic
        }
        final int spectrum = Subprocess.run(null, full, "spectrum", "--g", "1,0,0", "--y", "1,1,0").exit();
        assertEquals(5, spectrum);
        final int batch = Subprocess.run((ECHO7 + "\n").getBytes(StandardCharsets.UTF_8), full, "batch").exit();
        assertEquals(5, batch);
    }

    @Test
    void outputOntoTheInputIsRefusedBeforeTruncating(@TempDir Path dir) throws IOException {
        final Path f = dir.resolve("f.jsonl");
        Files.writeString(f, ECHO7 + "\n");
        final CliRun same = CliRun.of("batch", f.toString(), "-o", f.toString());
        assertEquals(2, same.exit());
        assertTrue(same.err().contains("is the input file"), same.err());
        assertEquals(ECHO7 + "\n", Files.readString(f));
        // Through another spelling of the same path.
        final CliRun dotted = CliRun.of("batch", f.toString(), "-o", dir.resolve(".").resolve("f.jsonl").toString());
        assertEquals(2, dotted.exit());
        assertEquals(ECHO7 + "\n", Files.readString(f));
        final CliRun unwritable = CliRun.of("batch", f.toString(), "-o", dir.resolve("no/such/dir/out").toString());
        assertEquals(NgdrefCli.OUTPUT_FAILED, unwritable.exit());
    }

    // ---- item 5: empty --input ----

    @Test
    void emptyStandardInputIsAnErrorNotACrash() {
        final CliRun run = CliRun.withInput("", "spectrum", "--input", "-");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("bad_json") && run.err().contains("empty"), run.err());
        assertFalse(run.err().contains("NullPointerException"), run.err());
    }

    // ---- item 6: the smaller ones ----

    @Test
    void alphaNaNIsReportedAsAlpha() {
        final JsonNode a = only(CliRun.withInput("{\"op\":\"spectrum\",\"g\":[1,0],\"y\":[1,1],\"alpha\":NaN}\n", "batch"));
        assertEquals("invalid_argument", kind(a));
        assertTrue(a.get("error").get("message").asText().startsWith("alpha is NaN"), a.toString());
        final JsonNode g = only(CliRun.withInput("{\"op\":\"spectrum\",\"g\":[1,0],\"y\":[1,1],\"gamma\":\"NaN\"}\n", "batch"));
        assertTrue(g.get("error").get("message").asText().startsWith("gamma is NaN"), g.toString());
    }

    @Test
    void duplicateKeysAreRefused() {
        final JsonNode a = only(CliRun.withInput("{\"op\":\"spectrum\",\"g\":[1,0],\"y\":[1,1],\"gamma\":1,\"gamma\":2}\n", "batch"));
        assertEquals("bad_json", kind(a));
        assertTrue(a.get("error").get("message").asText().contains("Duplicate field 'gamma'"), a.toString());
        final CliRun input = CliRun.withInput("{\"g\":[1,0],\"g\":[0,1],\"y\":[1,1]}", "spectrum", "--input", "-");
        assertEquals(2, input.exit());
    }

    @Test
    void malformedVectorOptionsAreRefusedNamingBothFormats() {
        final CliRun open = CliRun.of("spectrum", "--g", "[1,0", "--y", "1,1");
        assertEquals(2, open.exit());
        assertTrue(open.err().contains("neither a JSON array") && open.err().contains("NumPy"), open.err());
        assertEquals(2, CliRun.of("spectrum", "--g", "1,,0", "--y", "1,1").exit());
        assertEquals(2, CliRun.of("spectrum", "--g", "[1 0]]", "--y", "1,1").exit());
        assertEquals(2, CliRun.of("decompose", "--m", "[[2. 1.] [1. 2.]", "--g", "1,0").exit());
        // The documented forms still work: JSON, NumPy's print, plain text.
        for (String g : new String[] {"[1, 0]", "[1. 0.]", "1,0", "1 0", "1, 0"}) {
            final CliRun ok = CliRun.of("spectrum", "--g", g, "--y", "1,1", "--json");
            assertEquals(0, ok.exit(), g + ": " + ok.err());
        }
        final CliRun numpyMatrix = CliRun.of("decompose", "--m", "[[2. 1.]\n [1. 2.]]", "--g", "1,0", "--json");
        assertEquals(0, numpyMatrix.exit(), numpyMatrix.err());
    }

    @Test
    void unreadableBatchFileSaysWhy() {
        final CliRun run = CliRun.of("batch", "/nonexistent/requests.jsonl");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("/nonexistent/requests.jsonl: no such file"), run.err());
    }

    @Test
    void invalidUtf8AndLoneSurrogatesAreRefusedNotReplaced() throws IOException {
        final ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write("{\"op\":\"echo\",\"id\":\"".getBytes(StandardCharsets.UTF_8));
        in.write(new byte[] {(byte) 0xc3, (byte) 0x28});         // 0xc3 needs a continuation byte
        in.write("\",\"x\":[1]}\n".getBytes(StandardCharsets.UTF_8));
        in.write("{\"op\":\"echo\",\"id\":\"".getBytes(StandardCharsets.UTF_8));
        in.write(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});   // U+D800 encoded: not UTF-8
        in.write("\",\"x\":[1]}\n".getBytes(StandardCharsets.UTF_8));
        in.write("{\"op\":\"echo\",\"id\":\"\\ud800\",\"x\":[1]}\n".getBytes(StandardCharsets.UTF_8));
        in.write("{\"op\":\"echo\",\"id\":\"\\ud83d\\ude00\",\"x\":[1]}\n".getBytes(StandardCharsets.UTF_8));
        final CliRun run = CliRun.withBytes(in.toByteArray(), "batch");
        final JsonNode[] out = run.lines();
        assertEquals(4, out.length, run.out());
        assertEquals("bad_json", kind(out[0]));
        assertTrue(out[0].get("error").get("message").asText().contains("invalid UTF-8 at byte 20"), out[0].toString());
        assertEquals(1, out[0].get("line").asInt());
        assertEquals("bad_json", kind(out[1]));
        assertEquals("bad_json", kind(out[2]));
        assertTrue(out[2].get("error").get("message").asText().contains("lone surrogate"), out[2].toString());
        assertEquals("\uD83D\uDE00", out[3].get("id").asText());     // a whole pair is fine
        assertFalse(run.out().contains("\uFFFD") || run.out().contains("\"?\""), run.out());
    }

    @Test
    void checkCountsOppositeSignsThroughZero(@TempDir Path dir) throws IOException {
        final Path vectors = dir.resolve("v.json");
        final Path results = dir.resolve("r.json");
        Files.writeString(vectors, "{\"schema\":\"ngdref-test-vectors\",\"version\":1,\"cases\":[{\"id\":\"a\","
                + "\"expected\":{\"lambda_max\":{\"hex\":\"0x1.0p0\"}}}]}");
        Files.writeString(results, "{\"schema\":\"ngdref-test-results\",\"version\":1,\"cases\":[{\"id\":\"a\","
                + "\"results\":{\"lambda_max\":\"-0x1.0p0\"}}]}");
        final CliRun run = CliRun.of("check", vectors.toString(), results.toString(), "--quantities", "lambda_max", "--json");
        assertEquals(1, run.exit(), run.err());
        // The doubles strictly between −1 and 1, plus one: 2 × 0x3ff0000000000000 (bits of 1.0).
        assertEquals(9214364837600034816L, run.json().get("quantities").get("lambda_max").get("max_ulps").asLong());
    }

    // ---- Certifier.guarded: limits are notes (errors with --strict), bugs are not hidden ----

    @Test
    void certificationLimitIsANoteOrAStrictErrorAndABugPropagates() {
        final Result out = new Result().scalar("kappa", 2.0);
        new Certifier(256, false).guarded(out, () -> {
            throw new Certifier.Limit("kappa: λ_min is not certified positive");
        });
        assertEquals("not certified: kappa (kappa: λ_min is not certified positive)", out.certifyNote());
        final RequestException strict = assertThrows(RequestException.class, () -> new Certifier(256, true)
                .guarded(new Result().scalar("kappa", 2.0), () -> {
                    throw new Certifier.Limit("kappa: λ_min is not certified positive");
                }));
        assertEquals(RequestException.Kind.NOT_CERTIFIED, strict.kind());
        assertThrows(IllegalStateException.class, () -> new Certifier(256, false)
                .guarded(new Result(), () -> {
                    throw new IllegalStateException("oracle inconsistency");
                }));
    }

    @Test
    void strictCertificationStillPassesWhatTheOracleDecides() {
        final CliRun run = CliRun.of("spectrum", "--g", "1,0,0", "--y", "1,1,0", "--certify", "--strict", "--json");
        assertEquals(0, run.exit(), run.err());
        assertEquals(0, run.json().get("result").get("lambda_max").get("ulps").asInt());
    }
}
