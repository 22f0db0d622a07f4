package ngdref.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON Lines records from a byte stream: a record ends at {@code \n} (a {@code \r} just before it
 * is dropped, so {@code \r\n} files read the same), and a lone {@code \r} stays inside the record
 * (JSON reads it as white space). {@link java.io.BufferedReader#readLine} would end a record at
 * a lone {@code \r} too and so split one request in two.
 *
 * <p>A record longer than the limit is not stored: its bytes are counted and skipped up to its
 * {@code \n}, and {@link Line#tooLong()} says so; memory stays within the limit plus one buffer.
 * Bytes that are not UTF-8 are reported ({@link Line#encodingError()}), never replaced.
 */
final class LineReader {

    /** One record: its text, or why it has none. */
    record Line(String text, boolean tooLong, String encodingError) {
    }

    private static final int BUFFER = 1 << 16;
    /** A line buffer grown beyond this is released after its line. */
    private static final int RETAINED = 1 << 20;

    private final InputStream in;
    private final long maxBytes;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[256];
    private int length;

    LineReader(InputStream in, long maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /**
     * The next record, or null at the end of the input (a last record without {@code \n} counts;
     * an empty input has none).
     */
    Line next() throws IOException {
        length = 0;
        if (line.length > RETAINED) {
            line = new byte[256];              // one long line must not keep its buffer alive
        }
        long total = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            final int n = end - position;
            total += n;
            if (total <= maxBytes + 1) {          // + 1: room for a \r before \n
                append(position, n);
            }
            position = end;
            if (end < limit) {                     // found \n
                position++;
                break;
            }
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
            total--;
        }
        if (total > maxBytes) {
            return new Line(null, true, null);
        }
        return decode();
    }

    /** Whether a record can be read without waiting (buffered bytes or bytes available). */
    boolean ready() throws IOException {
        return position < limit || (!eof && in.available() > 0);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        final int n = in.read(buffer, 0, BUFFER);
        if (n <= 0) {
            eof = n < 0;
            if (n == 0) {
                return fill();
            }
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private void append(int from, int n) {
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(length + n, (int) Math.min(2L * line.length, Integer.MAX_VALUE - 8)));
        }
        System.arraycopy(buffer, from, line, length, n);
        length += n;
    }

    private Line decode() {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            final CharBuffer chars = decoder.decode(ByteBuffer.wrap(line, 0, length));
            return new Line(chars.toString(), false, null);
        } catch (CharacterCodingException e) {
            return new Line(null, false, "invalid UTF-8 at byte " + (firstInvalid() + 1) + " of the line");
        }
    }

    /** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
    private int firstInvalid() {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        final CharBuffer out = CharBuffer.allocate(length + 1);
        decoder.decode(bytes, out, true);
        return bytes.position();
    }
}
