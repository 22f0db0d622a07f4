package ngdref.cli;

/**
 * Bounds on what one request may cost, checked before anything of that size is allocated, so
 * that one careless or hostile input is answered with a {@code limit} error instead of taking
 * the heap (and the rest of a batch) with it.
 *
 * @param maxLineBytes the longest request accepted, in bytes of UTF-8 (a batch line, a
 *        {@code --input} file or standard input, an {@code @file} vector)
 * @param maxDenseDimension the largest D for which a D×D matrix is built: {@code metric} with
 *        {@code dense}, {@code decompose}, {@code vectors} (the oracle's explicit matrix)
 */
record Limits(long maxLineBytes, int maxDenseDimension) {

    /**
     * 64 MiB: a vector of about 3 million hex-float entries, or a D = 2048 matrix written in full
     * hex (2048² entries of at most 24 bytes is 96 MiB, so dense inputs near the dimension limit
     * need decimals); the JSON tree of such a line takes a few hundred MB of heap.
     */
    static final long DEFAULT_MAX_LINE_BYTES = 64L << 20;
    /**
     * 2048: one D×D double matrix is 32 MiB, and {@code decompose} holds about four of them
     * (M, M', the basis, Commons Math's eigen decomposition) plus O(D³) ≈ 10¹⁰ operations.
     */
    static final int DEFAULT_MAX_DENSE_DIMENSION = 2048;

    /** The largest line limit: one Java array holds the line (2^31 − 1 minus header room). */
    static final long MAX_LINE_BYTES = Integer.MAX_VALUE - 16;

    /** The defaults. */
    static final Limits DEFAULT = new Limits(DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_DENSE_DIMENSION);

    Limits {
        if (maxLineBytes < 1 || maxLineBytes > MAX_LINE_BYTES) {
            throw new NgdrefCli.UsageException("--max-line-length must be between 1 and " + MAX_LINE_BYTES
                    + ", was " + maxLineBytes);
        }
        if (maxDenseDimension < 2) {
            throw new NgdrefCli.UsageException("--max-dense-dimension must be >= 2, was " + maxDenseDimension);
        }
    }

    /**
     * Refuses a D×D matrix above {@link #maxDenseDimension()}.
     *
     * @param what the matrix, for the message ("dense M")
     * @param dimension D
     * @throws RequestException of kind limit
     */
    void requireDense(String what, long dimension) {
        if (dimension > maxDenseDimension) {
            throw new RequestException(RequestException.Kind.LIMIT, null, what + " would be " + dimension
                    + "×" + dimension + ", over the limit D <= " + maxDenseDimension
                    + " (--max-dense-dimension)");
        }
    }

    /** The message of a request longer than {@link #maxLineBytes()}. */
    String lineTooLong(String what) {
        return what + " is longer than the limit of " + maxLineBytes + " bytes (--max-line-length)";
    }
}
