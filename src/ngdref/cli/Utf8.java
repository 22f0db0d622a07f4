package ngdref.cli;

/**
 * Strict UTF-8 validation without decoding (RFC 3629, Table 3-7 of the Unicode Standard): no
 * overlong forms, no encoded surrogates (U+D800–U+DFFF), nothing above U+10FFFF, no truncated
 * sequence. Java's decoders replace such bytes with U+FFFD unless told otherwise, and building a
 * String only to check it would double the memory of a long line.
 */
final class Utf8 {

    private Utf8() {
    }

    /**
     * The offset of the first byte that does not begin or continue a well-formed sequence, or −1.
     *
     * @param b the bytes
     * @param from the first offset
     * @param to one past the last offset
     */
    static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            final int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            final int n;
            int lo = 0x80;
            int hi = 0xbf;
            if (c >= 0xc2 && c <= 0xdf) {
                n = 1;
            } else if (c >= 0xe0 && c <= 0xef) {
                n = 2;
                if (c == 0xe0) {
                    lo = 0xa0;          // overlong below U+0800
                } else if (c == 0xed) {
                    hi = 0x9f;          // surrogates U+D800–U+DFFF
                }
            } else if (c >= 0xf0 && c <= 0xf4) {
                n = 3;
                if (c == 0xf0) {
                    lo = 0x90;          // overlong below U+10000
                } else if (c == 0xf4) {
                    hi = 0x8f;          // above U+10FFFF
                }
            } else {
                return i;               // 0x80–0xc1 (continuation or overlong lead), 0xf5–0xff
            }
            for (int k = 1; k <= n; k++) {
                if (i + k >= to) {
                    return i;           // truncated
                }
                final int t = b[i + k] & 0xff;
                final int l = k == 1 ? lo : 0x80;
                final int h = k == 1 ? hi : 0xbf;
                if (t < l || t > h) {
                    return i;
                }
            }
            i += n + 1;
        }
        return -1;
    }
}
