package ngdref.oracle;

import java.math.BigInteger;

/**
 * The exact dot products {@code yᵀg}, {@code yᵀy}, {@code gᵀg} of two double vectors.
 *
 * <p>Each double is a dyadic rational, so every product and sum is computed without rounding
 * (BigInteger numerators over a power-of-two denominator). These are the only data the
 * closed forms of the paper use; the oracle builds everything else from them or from the
 * explicit matrix.
 */
public final class ExactDots {

    private final Rational yTg;
    private final Rational yTy;
    private final Rational gTg;
    private final int dimension;

    private ExactDots(Rational yTg, Rational yTy, Rational gTg, int dimension) {
        this.yTg = yTg;
        this.yTy = yTy;
        this.gTg = gTg;
        this.dimension = dimension;
    }

    /**
     * The exact dot products of the update {@code g} and the negative gradient {@code y}.
     *
     * @throws IllegalArgumentException if a vector is null or empty, has a NaN or infinite
     *     entry, or the lengths differ
     */
    public static ExactDots of(double[] g, double[] y) {
        final Rational[] eg = exact(g, "g");
        final Rational[] ey = exact(y, "y");
        if (eg.length != ey.length) {
            throw new IllegalArgumentException("g and y must have equal lengths, were " + g.length + " and " + y.length);
        }
        return new ExactDots(dot(ey, eg), dot(ey, ey), dot(eg, eg), eg.length);
    }

    /**
     * The exact rational entries of {@code v}.
     *
     * @param name the argument name used in error messages
     * @throws IllegalArgumentException if {@code v} is null or empty or has a NaN or infinite entry
     */
    public static Rational[] exact(double[] v, String name) {
        if (v == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (v.length == 0) {
            throw new IllegalArgumentException(name + " must be non-empty");
        }
        final Rational[] out = new Rational[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Rational.of(v[i], name + "[" + i + "]");
        }
        return out;
    }

    /** The exact dot product {@code aᵀb} of equally long rational vectors. */
    public static Rational dot(Rational[] a, Rational[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("a and b must have equal lengths, were " + a.length + " and " + b.length);
        }
        // One common denominator per vector: n BigInteger products, no gcd until the end.
        final BigInteger da = RationalMatrix.commonDenominator(a);
        final BigInteger db = RationalMatrix.commonDenominator(b);
        final BigInteger[] na = RationalMatrix.scaled(a, da);
        final BigInteger[] nb = RationalMatrix.scaled(b, db);
        BigInteger s = BigInteger.ZERO;
        for (int i = 0; i < a.length; i++) {
            s = s.add(na[i].multiply(nb[i]));
        }
        return Rational.of(s, da.multiply(db));
    }

    /** {@code yᵀg}, exact. */
    public Rational yTg() {
        return yTg;
    }

    /** {@code yᵀy}, exact. */
    public Rational yTy() {
        return yTy;
    }

    /** {@code gᵀg}, exact. */
    public Rational gTg() {
        return gTg;
    }

    /** The common length D of g and y. */
    public int dimension() {
        return dimension;
    }
}
