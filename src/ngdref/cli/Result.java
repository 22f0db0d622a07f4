package ngdref.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The named outputs of one operation, in order: doubles, vectors, matrices, counts, words and
 * flags, and quantities that could not be computed (with the library's message). Writers turn it
 * into JSON ({@link JsonOutput}) or text ({@link TextOutput}).
 */
final class Result {

    /** One named output. */
    sealed interface Entry permits Scalar, Vector, Matrix, Count, Text, Flag, Refused {
        /** The JSON member name (snake_case). */
        String key();
    }

    /**
     * A double, optionally with the oracle's certificate.
     *
     * @param key member name
     * @param value the reference library's value
     * @param certificate the oracle's enclosure of the exact value, or null
     */
    record Scalar(String key, double value, Certificate certificate) implements Entry {
    }

    /**
     * A vector of doubles, optionally with the oracle's certificate of each component.
     *
     * @param key member name
     * @param value the entries
     * @param certificates one per entry, or null
     */
    record Vector(String key, double[] value, Certificate[] certificates) implements Entry {
    }

    /**
     * A matrix of doubles (rows).
     *
     * @param key member name
     * @param value the rows
     */
    record Matrix(String key, double[][] value) implements Entry {
    }

    /**
     * An integer.
     *
     * @param key member name
     * @param value the integer
     */
    record Count(String key, long value) implements Entry {
    }

    /**
     * A string.
     *
     * @param key member name
     * @param value the text
     */
    record Text(String key, String value) implements Entry {
    }

    /**
     * A boolean.
     *
     * @param key member name
     * @param value the flag
     */
    record Flag(String key, boolean value) implements Entry {
    }

    /**
     * A quantity the library refused to produce by itself (e.g. it overflows the range of double)
     * while the other members of the answer were computed: written as
     * {@code {"error": {"kind": …, "message": …}}} in place of {@code {"dec": …, "hex": …}}.
     *
     * @param key member name
     * @param kind why ({@code out_of_range} for the library's ArithmeticException)
     * @param message the library's message, naming the quantity
     */
    record Refused(String key, RequestException.Kind kind, String message) implements Entry {
    }

    private final List<Entry> entries = new ArrayList<>();
    private String certifyNote;

    Result scalar(String key, double value) {
        entries.add(new Scalar(key, value, null));
        return this;
    }

    Result vector(String key, double[] value) {
        entries.add(new Vector(key, value, null));
        return this;
    }

    Result matrix(String key, double[][] value) {
        entries.add(new Matrix(key, value));
        return this;
    }

    Result count(String key, long value) {
        entries.add(new Count(key, value));
        return this;
    }

    Result text(String key, String value) {
        entries.add(new Text(key, value));
        return this;
    }

    Result flag(String key, boolean value) {
        entries.add(new Flag(key, value));
        return this;
    }

    Result refused(String key, RequestException.Kind kind, String message) {
        entries.add(new Refused(key, kind, message));
        return this;
    }

    /**
     * Adds the double that {@code value} computes, or, when that one accessor throws an
     * ArithmeticException (this quantity alone is outside the range of double), a
     * {@link Refused} member of kind {@code out_of_range} with the library's message. Every
     * numeric member of an answer is built through here, so that one unrepresentable quantity
     * costs only its own member, not the line. Other exceptions pass through.
     */
    Result quantity(String key, java.util.function.DoubleSupplier value) {
        final double x;
        try {
            x = value.getAsDouble();
        } catch (ArithmeticException e) {
            return refused(key, RequestException.Kind.OUT_OF_RANGE,
                    e.getMessage() == null ? key + " is outside the range of double" : e.getMessage());
        }
        return scalar(key, x);
    }

    /** Whether some member was refused. */
    boolean hasRefused() {
        for (Entry e : entries) {
            if (e instanceof Refused) {
                return true;
            }
        }
        return false;
    }

    /** Attaches a certificate to the scalar named key (no-op when there is none). */
    void certify(String key, Certificate certificate) {
        for (int i = 0; i < entries.size(); i++) {
            final Entry e = entries.get(i);
            if (e instanceof Scalar && e.key().equals(key)) {
                entries.set(i, new Scalar(key, ((Scalar) e).value(), certificate));
            }
        }
    }

    /** Attaches per-component certificates to the vector named key (no-op when there is none). */
    void certifyVector(String key, Certificate[] certificates) {
        for (int i = 0; i < entries.size(); i++) {
            final Entry e = entries.get(i);
            if (e instanceof Vector && e.key().equals(key)) {
                entries.set(i, new Vector(key, ((Vector) e).value(), certificates));
            }
        }
    }

    /** The vector named key, or null when absent. */
    double[] vectorValue(String key) {
        for (Entry e : entries) {
            if (e instanceof Vector && e.key().equals(key)) {
                return ((Vector) e).value();
            }
        }
        return null;
    }

    /** The scalar named key, or NaN when absent. */
    double value(String key) {
        for (Entry e : entries) {
            if (e instanceof Scalar && e.key().equals(key)) {
                return ((Scalar) e).value();
            }
        }
        return Double.NaN;
    }

    List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** Why some quantities (or all) carry no certificate although one was asked for; or null. */
    String certifyNote() {
        return certifyNote;
    }

    void certifyNote(String note) {
        this.certifyNote = note;
    }
}
