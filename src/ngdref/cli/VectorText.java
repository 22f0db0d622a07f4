package ngdref.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Vectors and matrices given on the command line, turned into the same JSON values a batch
 * request holds (arrays of strings, parsed later by {@link Request} with {@link Numbers#parse}).
 * The format is decided by the text, and a value that fits none is an error naming each format
 * tried and why it failed (never a silent fall-back from one to the other):
 *
 * <ul>
 * <li>Starting with {@code [}: a JSON array ({@code [1, 0, 0]}, {@code [[2, 1], [1, 2]]}) or,
 *   when it is not JSON, NumPy's print: entries separated by white space only, brackets balanced
 *   ({@code [1. 0. 0.]}, {@code [[2. 1.]\n [1. 2.]]}).</li>
 * <li>Otherwise plain text: entries separated by one comma or by white space ({@code 1,0,0},
 *   {@code "1 0 0"}), an empty entry ({@code 1,,0}) being an error; a matrix has rows separated by
 *   {@code ;} or new lines ({@code "2,1;1,2"}).</li>
 * <li>{@code @path}: the file's content, read as above (at most the line-length limit, UTF-8).</li>
 * </ul>
 */
final class VectorText {

    /** Plain text: one comma (spaces around it allowed) or a run of white space. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*|\\s+");
    private static final Pattern ROWS = Pattern.compile("[;\\n]");

    private final long maxBytes;

    /** @param maxBytes the largest {@code @file} read */
    VectorText(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A vector option's value as a JSON array. */
    JsonNode vector(String field, String text) {
        final String body = content(text).strip();
        if (body.startsWith("[")) {
            return bracketed(field, body, 1);
        }
        return row(field, body);
    }

    /** A matrix option's value as a JSON array of rows. */
    JsonNode matrix(String field, String text) {
        final String body = content(text).strip();
        if (body.startsWith("[")) {
            return bracketed(field, body, 2);
        }
        final ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (String r : ROWS.split(body.replace("\r", ""))) {
            if (!r.isBlank()) {
                rows.add(row(field, r));
            }
        }
        return rows;
    }

    /** Plain text entries of one row. */
    private static ArrayNode row(String field, String text) {
        final String t = text.strip();
        final ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (t.isEmpty()) {
            return out;
        }
        final String[] parts = SEPARATOR.split(t, -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                throw bad(field, "'" + Numbers.abbreviate(t) + "' has an empty entry (number " + (i + 1)
                        + "): separate entries by one comma or by spaces");
            }
            out.add(parts[i]);
        }
        return out;
    }

    /** A JSON array or NumPy's print of {@code depth} nested levels. */
    private static JsonNode bracketed(String field, String body, int depth) {
        String jsonReason = "not an array";
        try {
            final JsonNode node = JsonOutput.parse(body);
            if (node.isArray()) {
                return node;
            }
        } catch (IOException e) {
            jsonReason = e instanceof com.fasterxml.jackson.core.JsonProcessingException
                    ? ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage() : e.getMessage();
        }
        try {
            return numpy(body, depth);
        } catch (IllegalArgumentException e) {
            throw bad(field, "'" + Numbers.abbreviate(body) + "' is neither a JSON array (" + firstLine(jsonReason)
                    + ") nor NumPy's print of a " + (depth == 1 ? "vector" : "matrix") + " (" + e.getMessage() + ")");
        }
    }

    /**
     * NumPy's print: {@code [a b c]} or {@code [[a b] [c d]]}, white space only between entries
     * and rows.
     *
     * @throws IllegalArgumentException naming the first fault
     */
    private static ArrayNode numpy(String body, int depth) {
        final ArrayNode root = JsonNodeFactory.instance.arrayNode();
        ArrayNode current = null;
        int level = 0;
        int i = 0;
        final int n = body.length();
        while (i < n) {
            final char c = body.charAt(i);
            if (c == '[') {
                level++;
                if (level > depth) {
                    throw new IllegalArgumentException("nested deeper than " + depth + " at character " + (i + 1));
                }
                if (level == depth) {
                    current = depth == 1 ? root : root.addArray();
                } else if (i != 0) {
                    throw new IllegalArgumentException("a second outer '[' at character " + (i + 1));
                }
                i++;
            } else if (c == ']') {
                if (level == 0) {
                    throw new IllegalArgumentException("unbalanced ']' at character " + (i + 1));
                }
                level--;
                current = null;
                i++;
                if (level == 0 && i < n) {
                    throw new IllegalArgumentException("text after the closing ']' at character " + (i + 1));
                }
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == ',') {
                throw new IllegalArgumentException("a comma at character " + (i + 1)
                        + " (NumPy's print separates entries by spaces)");
            } else {
                if (current == null) {
                    throw new IllegalArgumentException("an entry outside the rows at character " + (i + 1));
                }
                final int start = i;
                while (i < n && !Character.isWhitespace(body.charAt(i)) && "[],".indexOf(body.charAt(i)) < 0) {
                    i++;
                }
                current.add(body.substring(start, i));
            }
        }
        if (level != 0) {
            throw new IllegalArgumentException("no closing ']'");
        }
        return root;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        final int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static RequestException bad(String field, String message) {
        return new RequestException(RequestException.Kind.BAD_FIELD, field, "--" + field + ": " + message);
    }

    /** The text itself, or the content of the file after '@'. */
    String content(String text) {
        if (!text.startsWith("@")) {
            return text;
        }
        final Path p = Path.of(text.substring(1));
        try (InputStream in = Files.newInputStream(p)) {
            return decode(in, maxBytes, p.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(NgdrefCli.describe(e, e), e);
        }
    }

    /**
     * Reads at most {@code maxBytes} bytes of UTF-8 (a longer input is a limit error before more is
     * allocated; bytes that are not UTF-8 are an error, not replaced).
     *
     * @param name the input, for messages
     */
    static String decode(InputStream in, long maxBytes, String name) throws IOException {
        final byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > maxBytes) {
            throw new RequestException(RequestException.Kind.LIMIT, null, name + " is longer than the"
                    + " limit of " + maxBytes + " bytes (--max-line-length)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RequestException(RequestException.Kind.BAD_JSON, null, name + ": invalid UTF-8");
        }
    }
}
