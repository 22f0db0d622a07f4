package ngdref.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * JSON Lines records from a byte stream: a record ends at {@code \n} (a {@code \r} just before it
 * is dropped, so {@code \r\n} files read the same), and a lone {@code \r} stays inside the record
 * (JSON reads it as white space). {@link java.io.BufferedReader#readLine} would end a record at
 * a lone {@code \r} too and so split one request in two.
 *
 * <p>A record longer than the limit is not stored: its bytes are counted and skipped up to its
 * {@code \n}, and the record carries a {@code limit} error; memory stays within the limit plus one
 * buffer. Bytes that are not UTF-8 ({@link Utf8#firstInvalid}) give a {@code bad_json} error,
 * never a replacement character. The record's bytes are handed out as they are (no String copy:
 * Jackson parses UTF-8 bytes directly) and are valid until the next call.
 */
final class LineReader {

    /**
     * One record: {@code length} bytes of {@code bytes}, or the error that replaces it.
     *
     * @param bytes the reader's buffer (valid until the next record is read)
     * @param length the record's length in bytes
     * @param error null, or why the record is not given
     */
    record Line(byte[] bytes, int length, RequestException error) {
    }

    private static final int BUFFER = 1 << 16;
    /** A line buffer grown beyond this is released after its line. */
    private static final int RETAINED = 1 << 20;

    private final InputStream in;
    private final Limits limits;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[256];
    private int length;

    LineReader(InputStream in, Limits limits) {
        this.in = in;
        this.limits = limits;
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
        final long max = limits.maxLineBytes();
        long total = 0;
        boolean any = false;
        boolean outOfMemory = false;
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
            if (total <= max + 1 && !outOfMemory) {   // + 1: room for a \r before \n
                try {
                    append(position, n);
                } catch (OutOfMemoryError e) {
                    line = new byte[256];
                    length = 0;
                    outOfMemory = true;                // skip the rest of this line
                }
            }
            position = end;
            if (end < limit) {                         // found \n
                position++;
                break;
            }
        }
        if (total > 0 && length > 0 && line[length - 1] == '\r' && total == length) {
            length--;
            total--;
        }
        if (total > max) {
            return new Line(null, 0, new RequestException(RequestException.Kind.LIMIT, null,
                    "the line (" + total + " bytes) is longer than the limit of " + max
                    + " bytes (--max-line-length)"));
        }
        if (outOfMemory) {
            return new Line(null, 0, new RequestException(RequestException.Kind.LIMIT, null,
                    "out of memory reading the line (" + total + " bytes); lower --max-line-length or raise -Xmx"));
        }
        final int bad = Utf8.firstInvalid(line, 0, length);
        if (bad >= 0) {
            return new Line(null, 0, new RequestException(RequestException.Kind.BAD_JSON, null,
                    "invalid UTF-8 at byte " + (bad + 1) + " of the line (0x"
                    + Integer.toHexString(line[bad] & 0xff) + ")"));
        }
        return new Line(line, length, null);
    }

    /** Whether a record can be read without waiting (buffered bytes or bytes available). */
    boolean ready() throws IOException {
        return position < limit || (!eof && in.available() > 0);
    }

    private boolean fill() throws IOException {
        while (!eof) {
            final int n = in.read(buffer, 0, BUFFER);
            if (n < 0) {
                eof = true;
            } else if (n > 0) {
                position = 0;
                limit = n;
                return true;
            }
        }
        return false;
    }

    private void append(int from, int n) {
        if (length + n > line.length) {
            final long grown = Math.max((long) length + n, 2L * line.length);
            line = Arrays.copyOf(line, (int) Math.min(grown, Math.min(limits.maxLineBytes() + 1, Integer.MAX_VALUE - 8)));
        }
        System.arraycopy(buffer, from, line, length, n);
        length += n;
    }
}
