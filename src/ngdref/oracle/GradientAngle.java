package ngdref.oracle;

import java.math.BigInteger;

/**
 * Certified enclosures of the angle quantities between the negative gradient y and the update
 * g: {@code cos ψ = yᵀg/(‖y‖‖g‖)}, {@code |sin ψ| = sqrt(1 − cos²ψ)} and {@code ‖y‖/‖g‖}.
 *
 * <p>{@code cos²ψ = (yᵀg)²/(yᵀy · gᵀg)} and {@code sin²ψ = 1 − cos²ψ} are exact rationals (no
 * cancellation: the subtraction is exact); only the final square roots are enclosed, exactly when
 * the rational is a square, else by exact integer square roots ({@link Enclosure#sqrtOfFraction}).
 * They are kept as unreduced integer fractions: reducing them costs a gcd of integers with
 * thousands of bits when g and y span the double range, and the enclosures do not need it.
 */
public final class GradientAngle {

    private final ExactDots dots;
    private final BigInteger cosNumerator;      // cos²ψ = cosNumerator/product, unreduced
    private final BigInteger product;           // > 0

    private GradientAngle(ExactDots dots, BigInteger cosNumerator, BigInteger product) {
        this.dots = dots;
        this.cosNumerator = cosNumerator;
        this.product = product;
    }

    /**
     * The angle between {@code y} and {@code g}.
     *
     * @throws IllegalArgumentException if a vector is null, empty, zero, has a NaN or infinite
     *     entry, or the lengths differ
     */
    public static GradientAngle of(double[] g, double[] y) {
        final ExactDots d = ExactDots.of(g, y);
        if (d.gTg().signum() == 0) {
            throw new IllegalArgumentException("g must be nonzero");
        }
        if (d.yTy().signum() == 0) {
            throw new IllegalArgumentException("y must be nonzero");
        }
        // (yᵀg)²/(yᵀy·gᵀg) with each dot a reduced fraction n/d (d > 0, n > 0 for yᵀy and gᵀg)
        final Rational yg = d.yTg();
        final Rational yy = d.yTy();
        final Rational gg = d.gTg();
        return new GradientAngle(d,
                yg.numerator().multiply(yg.numerator()).multiply(yy.denominator()).multiply(gg.denominator()),
                yg.denominator().multiply(yg.denominator()).multiply(yy.numerator()).multiply(gg.numerator()));
    }

    /** The exact dot products. */
    public ExactDots dots() {
        return dots;
    }

    /** {@code cos²ψ = (yᵀg)²/(yᵀy · gᵀg)}, exact. */
    public Rational cosSquared() {
        return Rational.of(cosNumerator, product);
    }

    /** {@code sin²ψ = 1 − cos²ψ}, exact. */
    public Rational sinSquared() {
        return Rational.of(product.subtract(cosNumerator), product);
    }

    /** An enclosure of {@code cos ψ} (negative when {@code yᵀg < 0}). */
    public Enclosure cos() {
        final Enclosure c = Enclosure.sqrtOfFraction(cosNumerator, product);
        return dots.yTg().signum() < 0 ? c.negate() : c;
    }

    /** An enclosure of {@code |sin ψ|}. */
    public Enclosure absSin() {
        return Enclosure.sqrtOfFraction(product.subtract(cosNumerator), product);
    }

    /**
     * An enclosure of ψ = atan2(|sin ψ|, cos ψ) ∈ [0, π/2] ({@link AngleEnclosure}).
     *
     * @throws IllegalArgumentException if {@code yᵀg < 0} (ψ &gt; π/2 is not an effective update)
     */
    public Enclosure psi() {
        if (dots.yTg().signum() < 0) {
            throw new IllegalArgumentException("yᵀg < 0: ψ > π/2 is not enclosed here");
        }
        return AngleEnclosure.ofFraction(cosNumerator, product);
    }

    /** An enclosure of {@code ‖y‖/‖g‖ = sqrt(yᵀy/gᵀg)}. */
    public Enclosure normRatio() {
        final Rational yy = dots.yTy();
        final Rational gg = dots.gTg();
        return Enclosure.sqrtOfFraction(yy.numerator().multiply(gg.denominator()),
                yy.denominator().multiply(gg.numerator()));
    }
}
