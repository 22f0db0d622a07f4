package ngdref.oracle;

/**
 * Exact identity checks on an explicit rational metric: the secant condition {@code Mg = y}
 * (Eq. (6)), the remainder {@code M' = M − yyᵀ/(yᵀg)} with {@code M'g = 0} (Eq. (7)), exact ranks
 * (e.g. {@code rank(M(α) − αI) = 2} for the family Eq. (8)), and the restriction to span{g, y}
 * ({@link SpanRestriction}).
 */
public final class MetricIdentities {

    private MetricIdentities() {
    }

    /**
     * Whether {@code Mg = y} exactly.
     *
     * @throws IllegalArgumentException if an argument is null or invalid or the dimensions differ
     */
    public static boolean mapsGToY(RationalMatrix m, double[] g, double[] y) {
        checkMatrix(m);
        final Rational[] mg = m.multiply(vector(g, "g", m.dimension()));
        final Rational[] ey = vector(y, "y", m.dimension());
        for (int i = 0; i < mg.length; i++) {
            if (!mg[i].equals(ey[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The remainder {@code M' = M − y yᵀ/(yᵀg)} of Eq. (7).
     *
     * @throws IllegalArgumentException if an argument is null or invalid, the dimensions differ,
     *     or {@code yᵀg <= 0}
     */
    public static RationalMatrix remainder(RationalMatrix m, double[] g, double[] y) {
        checkMatrix(m);
        vector(g, "g", m.dimension());
        vector(y, "y", m.dimension());
        return m.subtract(ExplicitFamilyMetric.rankOnePart(g, y));
    }

    /**
     * Whether {@code Mv = 0} exactly.
     *
     * @throws IllegalArgumentException if an argument is null or invalid or the dimensions differ
     */
    public static boolean annihilates(RationalMatrix m, double[] v) {
        checkMatrix(m);
        for (Rational x : m.multiply(vector(v, "v", m.dimension()))) {
            if (x.signum() != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The exact rank of a symmetric matrix ({@link ExactInertia}).
     *
     * @throws IllegalArgumentException if {@code s} is null or not exactly symmetric
     */
    public static int rank(RationalMatrix s) {
        return ExactInertia.rank(s);
    }

    /**
     * The exact rank of {@code M − tI} for a symmetric M.
     *
     * @throws IllegalArgumentException if an argument is null or m is not exactly symmetric
     */
    public static int rankOfShift(RationalMatrix m, Rational t) {
        checkMatrix(m);
        if (t == null) {
            throw new IllegalArgumentException("t is null");
        }
        return ExactInertia.rank(m.shift(t));
    }

    /** The restriction of m to span{g, y}; see {@link SpanRestriction#of}. */
    public static SpanRestriction restrictToSpan(RationalMatrix m, double[] g, double[] y) {
        return SpanRestriction.of(m, g, y);
    }

    /** The exact entries of a vector of length n. */
    static Rational[] vector(double[] v, String name, int n) {
        final Rational[] out = ExactDots.exact(v, name);
        if (out.length != n) {
            throw new IllegalArgumentException(name + " must have length " + n + ", was " + out.length);
        }
        return out;
    }

    private static void checkMatrix(RationalMatrix m) {
        if (m == null) {
            throw new IllegalArgumentException("m is null");
        }
    }
}
