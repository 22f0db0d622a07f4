package ngdref.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The certified test-vector file written by {@code ngdref vectors} and read by {@code ngdref
 * check}; its schema is documented in docs/cli.md. Version {@value #VERSION}:
 * <pre>
 * {"schema": "ngdref-test-vectors", "version": 1, "seed": 42, "quantities": [...], "count": n,
 *  "cases": [{"id": "random-0000", "kind": "random", "dimension": 3, "gamma": "0x1.0p0",
 *             "g": ["0x1.0p0", ...], "y": [...],
 *             "expected": {"lambda_max": {"hex": "0x…", "double": 3.41…, "exact": "3.41…", "err": "1.0E-98"},
 *                          ...}}, ...]}
 * </pre>
 * A results file has the same layout with "schema": {@value #RESULTS_SCHEMA} and, in each case,
 * "results": {quantity: value} where a value is a hex-float string, a decimal string, a JSON
 * number, or an object with "hex" (or "dec"); a copy of the vector file with "expected" is read
 * the same way.
 */
final class VectorFile {

    /** The "schema" of a vector file. */
    static final String SCHEMA = "ngdref-test-vectors";
    /** The "schema" of a results file. */
    static final String RESULTS_SCHEMA = "ngdref-test-results";
    /** The schema version this program writes and reads. */
    static final int VERSION = 1;
    /** The quantities of every case, in order. */
    static final List<String> QUANTITIES =
            List.of("lambda_max", "lambda_min", "lambda_d", "kappa", "cos_psi", "sin_psi");

    private VectorFile() {
    }

    /**
     * Checks the "schema" and "version" of a parsed file.
     *
     * @param root the file's JSON
     * @param what the file's role, for messages ("vector file")
     * @param schemas the accepted schema names
     * @throws NgdrefCli.UsageException naming the fault
     */
    static void requireSchema(JsonNode root, String what, String... schemas) {
        if (!root.isObject()) {
            throw new NgdrefCli.UsageException(what + " is not a JSON object");
        }
        final JsonNode schema = root.get("schema");
        boolean known = false;
        for (String s : schemas) {
            known |= schema != null && s.equals(schema.asText());
        }
        if (!known) {
            throw new NgdrefCli.UsageException(what + ": \"schema\" is " + schema + "; expected "
                    + String.join(" or ", schemas));
        }
        final JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt() || version.asInt() != VERSION) {
            throw new NgdrefCli.UsageException(what + ": \"version\" is " + version
                    + "; this program reads version " + VERSION);
        }
        if (!root.path("cases").isArray()) {
            throw new NgdrefCli.UsageException(what + ": \"cases\" must be an array");
        }
    }

    /**
     * A double from a results or vector value: a JSON number, a decimal or hex string, or an
     * object with "hex" or "dec" (a vector file's expected value also has "hex").
     *
     * @return the double
     * @throws RequestException when it is none of these
     */
    static double value(JsonNode v, String where) {
        if (v.isObject()) {
            final JsonNode hex = v.get("hex");
            if (hex != null && !hex.isNull()) {
                return Request.number(hex, where + ".hex");
            }
            final JsonNode dec = v.has("dec") ? v.get("dec") : v.get("double");
            if (dec != null && !dec.isNull()) {
                return Request.number(dec, where + ".dec");
            }
            throw new RequestException(RequestException.Kind.BAD_FIELD, where, where
                    + ": an object value needs \"hex\" or \"dec\"");
        }
        return Request.number(v, where);
    }
}
