package ngdref.oracle;

/**
 * Certified enclosures of the angle quantities between the negative gradient y and the update
 * g: {@code cos ψ = yᵀg/(‖y‖‖g‖)}, {@code |sin ψ| = sqrt(1 − cos²ψ)} and {@code ‖y‖/‖g‖}.
 *
 * <p>{@code cos²ψ = (yᵀg)²/(yᵀy · gᵀg)} and {@code sin²ψ = 1 − cos²ψ} are exact rationals (no
 * cancellation: the subtraction is exact); only the final square roots are enclosed, exactly when
 * the rational is a square, else by exact integer square roots ({@link Enclosure#sqrtOf}).
 */
public final class GradientAngle {

    private final ExactDots dots;
    private final Rational cosSquared;

    private GradientAngle(ExactDots dots, Rational cosSquared) {
        this.dots = dots;
        this.cosSquared = cosSquared;
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
        return new GradientAngle(d, d.yTg().multiply(d.yTg()).divide(d.yTy().multiply(d.gTg())));
    }

    /** The exact dot products. */
    public ExactDots dots() {
        return dots;
    }

    /** {@code cos²ψ = (yᵀg)²/(yᵀy · gᵀg)}, exact. */
    public Rational cosSquared() {
        return cosSquared;
    }

    /** {@code sin²ψ = 1 − cos²ψ}, exact. */
    public Rational sinSquared() {
        return Rational.ONE.subtract(cosSquared);
    }

    /** An enclosure of {@code cos ψ} (negative when {@code yᵀg < 0}). */
    public Enclosure cos() {
        final Enclosure c = Enclosure.sqrtOf(cosSquared);
        return dots.yTg().signum() < 0 ? c.negate() : c;
    }

    /** An enclosure of {@code |sin ψ|}. */
    public Enclosure absSin() {
        return Enclosure.sqrtOf(sinSquared());
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
        return AngleEnclosure.of(cosSquared);
    }

    /** An enclosure of {@code ‖y‖/‖g‖ = sqrt(yᵀy/gᵀg)}. */
    public Enclosure normRatio() {
        return Enclosure.sqrtOf(dots.yTy().divide(dots.gTg()));
    }
}
