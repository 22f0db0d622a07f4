package ngdref.cli;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * Doubles as text, both ways, bit-exactly.
 *
 * <p>Accepted input: a decimal ({@code 0.1}, {@code -2.5e-300}, {@code 1E+3}), a hexadecimal
 * floating-point literal as written by {@link Double#toHexString} and C's {@code %a}
 * ({@code 0x1.8p1}, {@code -0x1.0p-1074}, {@code 0x0.0000000000001p-1022}), or one of the names
 * {@code NaN}, {@code Infinity}, {@code +Infinity}, {@code -Infinity}, {@code inf}, {@code -inf}
 * (so that non-finite values reach the library, which rejects them with a message naming the
 * entry). Decimals are rounded once, to nearest, by {@link Double#parseDouble}; hex literals
 * with at most 53 significant bits are exact. Java's suffixes ({@code 1d}, {@code 2f}) and
 * surrounding spaces are refused: a value either means one double or is an error.
 *
 * <p>Output: {@link #decimal} is the shortest decimal that reads back as the same double
 * (Schubfach, R. Giulietti 2020, as shipped in Jackson; Java 17's {@code Double.toString} is not
 * always shortest), and {@link #hex} is {@link Double#toHexString}, exact by construction.
 */
public final class Numbers {

    /** Accepted lengths are not limited, but an error message quotes at most this many characters. */
    private static final int QUOTED = 40;

    private Numbers() {
    }

    /**
     * Parses one double.
     *
     * @param text a decimal, a hex-float literal or a name of a non-finite value
     * @return the double
     * @throws NumberFormatException naming the text when it is none of these
     */
    public static double parse(String text) {
        if (text == null) {
            throw new NumberFormatException("null is not a number");
        }
        switch (shape(text)) {
            case DECIMAL:
                return Double.parseDouble(text);
            case HEX:
                final double exact = exactHex(text);
                return Double.isNaN(exact) ? Double.parseDouble(text) : exact;
            case HEX_NO_EXPONENT:
                return Double.parseDouble(text + "p0");
            default:
                break;
        }
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "nan":
            case "+nan":
            case "-nan":
                return Double.NaN;
            case "infinity":
            case "+infinity":
            case "inf":
            case "+inf":
                return Double.POSITIVE_INFINITY;
            case "-infinity":
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new NumberFormatException("'" + abbreviate(text) + "' is not a decimal,"
                        + " a hex float (0x1.8p1) or NaN/Infinity");
        }
    }

    /**
     * The value of a hex literal of shape {@link Shape#HEX} when it is a double exactly and its
     * significant hex digits fit one long, else NaN (then {@link Double#parseDouble} reads it,
     * rounding to nearest). This is the form {@link Double#toHexString} and C's {@code %a} write:
     * the value m·2^e, m an integer of at most 15 hex digits, is the double with m's odd part
     * (at most 53 bits) when its exponent is in range, built from its bits. A fast path for the
     * numbers of every request line: {@code Double.parseDouble} reads a hex literal through a
     * regular expression.
     */
    static double exactHex(String t) {
        final int n = t.length();
        int i = 0;
        final boolean negative = t.charAt(0) == '-';
        if (t.charAt(0) == '+' || negative) {
            i++;
        }
        i += 2;                                              // 0x or 0X
        long m = 0;
        int digits = 0;                                      // hex digits in m from its first nonzero one
        int fraction = 0;                                    // hex digits after the point
        boolean point = false;
        for (; i < n; i++) {
            final char c = t.charAt(i);
            if (c == '.') {
                point = true;
                continue;
            }
            if (c == 'p' || c == 'P') {
                break;
            }
            final int v = Character.digit(c, 16);
            if (point) {
                fraction++;
            }
            if (m == 0 && v == 0) {
                continue;
            }
            if (++digits > 15) {
                return Double.NaN;
            }
            m = m << 4 | v;
        }
        i++;                                                 // the p
        final boolean negativeExponent = t.charAt(i) == '-';
        if (t.charAt(i) == '+' || negativeExponent) {
            i++;
        }
        if (n - i > 9) {
            return Double.NaN;                               // |exponent| may not fit an int
        }
        int e = 0;
        for (; i < n; i++) {
            e = 10 * e + t.charAt(i) - '0';
        }
        if (m == 0) {
            return negative ? -0.0 : 0.0;
        }
        // value = m·2^(±e − 4·fraction) = odd·2^exponent
        final int zeros = Long.numberOfTrailingZeros(m);
        final long odd = m >>> zeros;
        final long exponent = (negativeExponent ? -(long) e : e) - 4L * fraction + zeros;
        final int length = 64 - Long.numberOfLeadingZeros(odd);
        if (length > 53 || exponent < -1074 || exponent + length > 1024) {
            return Double.NaN;
        }
        final long top = exponent + length - 1;             // the binary exponent of the value
        final long bits = top >= -1022
                ? (top + 1023) << 52 | (odd << (53 - length)) & ((1L << 52) - 1)
                : odd << (exponent + 1074);                  // subnormal: odd·2^exponent = (odd·2^(exponent+1074))·2^-1074
        return Double.longBitsToDouble(negative ? bits | Long.MIN_VALUE : bits);
    }

    /** What {@link #shape} recognised. */
    private enum Shape { DECIMAL, HEX, HEX_NO_EXPONENT, OTHER }

    /**
     * Classifies {@code t} in one left-to-right pass (linear time: a regular expression with
     * nested quantifiers such as {@code \d+\.?\d*} backtracks quadratically on a long run of
     * digits followed by a wrong character). Grammar, with sign {@code [+-]?}:
     * decimal {@code (d+ .? d* | . d+) ([eE] [+-]? d+)?}; hex {@code 0[xX] (h+ .? h* | . h+)
     * ([pP] [+-]? d+)?} where d is an ASCII digit and h an ASCII hex digit.
     */
    private static Shape shape(String t) {
        final int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        final boolean hex = i + 1 < n && t.charAt(i) == '0' && (t.charAt(i + 1) == 'x' || t.charAt(i + 1) == 'X');
        if (hex) {
            i += 2;
        }
        // Mantissa: digits, at most one point, at least one digit in all.
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            final char c = t.charAt(i);
            if (c == '.' && !point) {
                point = true;
            } else if (hex ? Character.digit(c, 16) >= 0 && c < 0x80 : c >= '0' && c <= '9') {
                digits++;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return Shape.OTHER;
        }
        if (i == n) {
            return hex ? Shape.HEX_NO_EXPONENT : Shape.DECIMAL;
        }
        // Exponent: the marker, an optional sign, at least one decimal digit, then the end.
        final char marker = t.charAt(i);
        if (hex ? marker != 'p' && marker != 'P' : marker != 'e' && marker != 'E') {
            return Shape.OTHER;
        }
        i++;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        final int first = i;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        if (i == first || i != n) {
            return Shape.OTHER;
        }
        return hex ? Shape.HEX : Shape.DECIMAL;
    }

    /**
     * The shortest decimal that reads back as {@code x} ("NaN", "Infinity", "-Infinity" for the
     * non-finite values).
     *
     * @param x any double
     * @return its decimal text
     */
    public static String decimal(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        return NumberOutput.toString(x, true);
    }

    /**
     * The exact hexadecimal form, {@link Double#toHexString}.
     *
     * @param x any double
     * @return e.g. {@code 0x1.8p1}
     */
    public static String hex(double x) {
        return Double.toHexString(x);
    }

    /** A prefix of {@code s} short enough for an error message. */
    static String abbreviate(String s) {
        return s.length() <= QUOTED ? s : s.substring(0, QUOTED - 3) + "... (" + s.length() + " characters)";
    }
}
