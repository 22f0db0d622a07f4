package ngdref.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Vectors and matrices given on the command line, turned into the same JSON values a batch
 * request holds (arrays of strings, parsed later by {@link Request} with {@link Numbers#parse}).
 *
 * <ul>
 * <li>Inline: {@code 1,0,0} or {@code "1 0 0"} or {@code [1, 0, 0]}; a matrix has rows
 *   separated by semicolons: {@code "2,1;1,2"}.</li>
 * <li>From a file: {@code @path}. The file holds a JSON array (a vector, or an array of rows), or
 *   plain text: numbers separated by commas or white space, one matrix row per line (or rows
 *   separated by semicolons).</li>
 * </ul>
 */
final class VectorText {

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");
    private static final Pattern ROWS = Pattern.compile("[;\\n]+");

    private VectorText() {
    }

    /** A vector option's value as a JSON array. */
    static JsonNode vector(String text) {
        final String body = content(text);
        final JsonNode parsed = json(body);
        return parsed != null ? parsed : row(body.replace("[", "").replace("]", ""));
    }

    /** A matrix option's value as a JSON array of rows. */
    static JsonNode matrix(String text) {
        final String body = content(text);
        final JsonNode parsed = json(body);
        if (parsed != null) {
            return parsed;
        }
        // NumPy's print: [[2. 1.]\n [1. 2.]]; also [1,2],[3,4] and 1,2;3,4.
        final String plain = body.replace("\r", "").replaceAll("\\]\\s*,?\\s*\\[", ";")
                .replace("[", "").replace("]", "");
        final ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (String r : ROWS.split(plain)) {
            if (!r.isBlank()) {
                rows.add(row(r));
            }
        }
        return rows;
    }

    private static ArrayNode row(String text) {
        final String t = text.strip();
        final ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (t.isEmpty()) {
            return out;
        }
        for (String part : SEPARATORS.split(t)) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    /** The body as JSON when it is a JSON array, else null (then it is read as plain text). */
    private static JsonNode json(String body) {
        final String t = body.strip();
        if (!t.startsWith("[")) {
            return null;
        }
        try {
            final JsonNode node = JsonOutput.parse(t);
            return node.isArray() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The text itself, or the content of the file after '@'. */
    static String content(String text) {
        if (text.startsWith("@")) {
            final Path p = Path.of(text.substring(1));
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + ": " + e, e);
            }
        }
        return text;
    }
}
