package ngdref.cli;

/**
 * A request that cannot be computed, with a machine-readable {@link #kind()} and, where it is
 * known, the offending {@link #field()}. Batch mode turns it into the error object of that line.
 */
final class RequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of fault, as written in the "kind" member of an error object. */
    enum Kind {
        /** The line is not a JSON object (syntax error, or an array, number, ...). */
        BAD_JSON("bad_json"),
        /** The line is empty. */
        EMPTY_LINE("empty_line"),
        /** A required field is absent (or null). */
        MISSING_FIELD("missing_field"),
        /** A field is present but has the wrong JSON type or shape (not an array, ragged matrix...). */
        BAD_FIELD("bad_field"),
        /** A value that should be a double is neither a JSON number nor a decimal or hex-float string. */
        BAD_NUMBER("bad_number"),
        /** A field that the operation does not read (a typo, or two parametrisations at once). */
        UNKNOWN_FIELD("unknown_field"),
        /** The "op" names no operation. */
        UNKNOWN_OP("unknown_op"),
        /** The library rejected the input (IllegalArgumentException): its message names the fault. */
        INVALID_ARGUMENT("invalid_argument"),
        /** The library's "not an effective update": yᵀg &le; 0. */
        NOT_EFFECTIVE("not_effective"),
        /** A result is outside the range of double (the library's ArithmeticException). */
        OUT_OF_RANGE("out_of_range"),
        /**
         * Valid input whose result the numerical method could not deliver (Commons Math's
         * eigen decomposition in {@code decompose} exceeding its iteration count).
         */
        NOT_CONVERGED("not_converged"),
        /**
         * The request is over a configured limit (line length, dimension of dense output), or
         * computing it ran out of memory; the other lines are still answered.
         */
        LIMIT("limit"),
        /** {@code --certify --strict}: the oracle could not certify a member (the message says why). */
        NOT_CERTIFIED("not_certified"),
        /** A bug in this program (please report it); the other lines are still answered. */
        INTERNAL("internal_error");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        /** The name written in error objects. */
        String json() {
            return json;
        }
    }

    private final Kind kind;
    private final String field;

    RequestException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    /**
     * Classifies an exception of the reference library.
     *
     * @param e an IllegalArgumentException or ArithmeticException
     * @return the request exception carrying the library's message unchanged
     */
    static RequestException fromLibrary(RuntimeException e) {
        if (e instanceof RequestException) {
            return (RequestException) e;
        }
        final String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof ArithmeticException) {
            return new RequestException(Kind.OUT_OF_RANGE, null, message);
        }
        final Kind kind = message.contains("not an effective update") ? Kind.NOT_EFFECTIVE
                : Kind.INVALID_ARGUMENT;
        return new RequestException(kind, null, message);
    }

    Kind kind() {
        return kind;
    }

    /** The field at fault, or null when the library's message names it. */
    String field() {
        return field;
    }
}
