package ngdref.cli;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.regex.Pattern;

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

    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX =
            Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+");
    /** C99's %a may omit the binary exponent only when it is zero; Java requires it: accept both. */
    private static final Pattern HEX_NO_EXPONENT =
            Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)");

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
        if (DECIMAL.matcher(text).matches() || HEX.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (HEX_NO_EXPONENT.matcher(text).matches()) {
            return Double.parseDouble(text + "p0");
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
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
