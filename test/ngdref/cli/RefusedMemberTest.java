package ngdref.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 readiness: a quantity whose accessor throws ArithmeticException is refused by name in
 * its own member ({@code {"error": {"kind": "out_of_range", "message": …}}}, a "refused" line in
 * text) while the other members are given and the answer is not an error. The library does not
 * throw per accessor yet, so the spectrum members are fed by synthetic suppliers; geometry's
 * yᵀy already does, and is checked end to end.
 */
class RefusedMemberTest {

    private static final String OVERFLOW = "λ_max = 1.2·2^1100 overflows the range of double";

    private static DoubleSupplier constant(double x) {
        return () -> x;
    }

    private static Result spectrumWithLambdaMaxRefused() {
        final Result out = new Result();
        Operation.spectrumMembers(out, 3, constant(1.0), constant(2.0), () -> {
            throw new ArithmeticException(OVERFLOW);
        }, constant(0.5), constant(2.0), 1, () -> {
            throw new ArithmeticException("κ = 1.2·2^1101 overflows the range of double");
        });
        return out;
    }

    @Test
    void jsonHasTheRefusalInPlaceOfTheValueAndTheOtherMembers() throws IOException {
        final StringWriter w = new StringWriter();
        try (JsonGenerator gen = JsonOutput.MAPPER.createGenerator(w)) {
            JsonOutput.writeAnswer(gen, null, 1, "spectrum", spectrumWithLambdaMaxRefused(), null);
        }
        final JsonNode answer = CliRun.parse(w.toString());
        assertFalse(answer.has("error"), w.toString());
        final JsonNode r = answer.get("result");
        assertEquals(CliRun.parse("{\"error\":{\"kind\":\"out_of_range\",\"message\":\"" + OVERFLOW + "\"}}"),
                r.get("lambda_max"));
        assertEquals("out_of_range", r.get("kappa").get("error").get("kind").asText());
        assertEquals(0.5, CliRun.hex(r.get("lambda_min")));
        assertEquals(2.0, CliRun.hex(r.get("alpha")));
        assertEquals(1.0, CliRun.hex(r.get("gamma")));
        assertEquals(2.0, CliRun.hex(r.get("lambda_d")));
        assertEquals(3, r.get("dimension").asInt());
        assertEquals(1, r.get("lambda_d_multiplicity").asInt());
    }

    @Test
    void textSaysRefusedAndWhy() {
        final StringWriter w = new StringWriter();
        TextOutput.write(new PrintWriter(w), Operation.SPECTRUM, spectrumWithLambdaMaxRefused());
        final String text = w.toString();
        assertTrue(text.contains("λ_max                 refused (out_of_range): " + OVERFLOW), text);
        assertTrue(text.contains("λ_min                 0.5                      0x1.0p-1"), text);
    }

    @Test
    void onlyArithmeticExceptionIsARefusal() {
        assertThrows(IllegalStateException.class, () -> new Result().quantity("lambda_max", () -> {
            throw new IllegalStateException("a bug");
        }));
        assertThrows(IllegalArgumentException.class, () -> new Result().quantity("lambda_max", () -> {
            throw new IllegalArgumentException("g is NaN");
        }));
    }

    @Test
    void geometryRefusesYtyAloneAndExitsZero() {
        // g = (1, 0), y = (1e300, 1e300): yᵀy = 2e600 is outside the range of double, yᵀg = 1e300 is not.
        for (String format : new String[] {"--json", "--certify"}) {
            final CliRun run = CliRun.of("geometry", "--g", "1,0", "--y", "1e300,1e300", format);
            assertEquals(0, run.exit(), run.err());
            if (format.equals("--json")) {
                final JsonNode r = run.json().get("result");
                assertEquals("out_of_range", r.get("y_dot_y").get("error").get("kind").asText());
                assertTrue(r.get("y_dot_y").get("error").get("message").asText().startsWith("yᵀy"));
                assertEquals(1e300, CliRun.hex(r.get("y_dot_g")));
                assertEquals(1.0, CliRun.hex(r.get("g_dot_g")));
            } else {
                assertTrue(run.out().contains("yᵀy                   refused (out_of_range): yᵀy"), run.out());
            }
        }
        final CliRun batch = CliRun.withInput("{\"op\":\"geometry\",\"g\":[1,0],\"y\":[1e300,1e300]}\n", "batch", "--strict");
        assertEquals(0, batch.exit(), batch.out());
        assertFalse(batch.lines()[0].has("error"));
    }
}
