package ngdref.metric;

import org.apache.commons.numbers.core.DD;

/**
 * The closed-form spectrum of the one-parameter family (22),
 * M = (‖y‖/(‖g‖cos ψ))·(ŷŷᵀ + γ(I − ĝĝᵀ)), Lemma 1 of the paper:
 * <pre>
 *   λ_max,min = (σ/2)·((1+γ) ± √((1+γ)² − 4γcos²ψ)),   each simple,
 *   λ_d       = σ·γ = α,                                 multiplicity D − 2,
 *   κ         = (1+γ+√((1+γ)² − 4γcos²ψ))² / (4γcos²ψ),
 * </pre>
 * with σ = ‖y‖/(‖g‖cos ψ) = yᵀy/yᵀg. For γ = 1 (the optimal metric, Eq. (9)) these are
 * (‖y‖/‖g‖)(1/cos ψ ± |tan ψ|), (‖y‖/‖g‖)/cos ψ and κ = (1+|sin ψ|)/(1−|sin ψ|).
 *
 * <p>Computed without cancellation, in double-double, rounded once:
 * the discriminant as (1−γ)² + 4γsin²ψ (a sum of non-negative terms, equal to the paper's);
 * λ_max from the sum of the roots' magnitudes; λ_min from the product of the roots,
 * λ_min = σ·2γcos²ψ/(1+γ+√Δ) = 2γρ/(1+γ+√Δ) with ρ = yᵀg/gᵀg, never as a difference; κ = λ_max/λ_min in the same form.
 * The reported values satisfy λ_min &le; λ_d &le; λ_max and κ &ge; 1 exactly (they hold for the
 * exact values, and rounding is monotone; ties from the last-bit rounding are resolved toward λ_d).
 */
public final class MetricSpectrum {

    private final int dimension;
    private final double lambdaMax;
    private final double lambdaMin;
    private final double lambdaD;
    private final double conditionNumber;

    /*@ private invariant dimension >= 2;
      @ private invariant lambdaMax > 0.0 && lambdaMin > 0.0 && lambdaD > 0.0;
      @ private invariant conditionNumber >= 1.0;
      @*/

    private MetricSpectrum(int dimension, double lambdaMax, double lambdaMin, double lambdaD,
                           double conditionNumber) {
        this.dimension = dimension;
        this.lambdaMax = lambdaMax;
        this.lambdaMin = lambdaMin;
        this.lambdaD = lambdaD;
        this.conditionNumber = conditionNumber;
    }

    /**
     * The spectrum of M(γ), Eq. (22), for the pair described by {@code geometry}.
     *
     * @param geometry the validated pair (g, y)
     * @param gamma γ &gt; 0
     * @return the spectrum
     * @throws IllegalArgumentException if geometry is null or γ is not finite and &gt; 0
     * @throws ArithmeticException if an eigenvalue or κ is outside the range of double
     */
    /*@ public behavior
      @   requires geometry != null && gamma > 0.0 && gamma - gamma == 0.0;
      @   ensures \result != null && \result.dimension() == geometry.dimension();
      @   ensures 0.0 < \result.lambdaMin() && \result.lambdaMin() <= \result.lambdaD();
      @   ensures \result.lambdaD() <= \result.lambdaMax();
      @   ensures \result.conditionNumber() >= 1.0;
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires geometry == null || !(gamma > 0.0 && gamma - gamma == 0.0);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static MetricSpectrum of(UpdateGeometry geometry, double gamma) {
        if (geometry == null) {
            throw new IllegalArgumentException("geometry must not be null");
        }
        Inputs.requirePositive("gamma", gamma);
        return of(geometry, DD.of(gamma), 0, Double.NaN);
    }

    /**
     * Lemma 1 with γ = gammaMantissa·2^gammaExponent in double-double; λ_d = alpha when alpha is
     * a given double (the α-parametrised family (8)), else σγ.
     */
    static MetricSpectrum of(UpdateGeometry geo, DD gammaMantissa, int gammaExponent, double alpha) {
        final DD gamma = gammaMantissa.scalb(gammaExponent);
        if (!gamma.isFinite() || !(gamma.hi() > 0.0)) {
            throw new ArithmeticException("γ = α/σ = " + gammaMantissa.hi() + "·2^" + gammaExponent
                    + " is outside the range of double");
        }
        final DD s = geo.sinDD();
        final DD c2 = geo.cosDD().square();
        final DD oneMinusGamma = DD.ONE.subtract(gamma);
        final DD delta = oneMinusGamma.square().add(gamma.multiply(s.square()).multiply(4));
        final DD t = DD.ONE.add(gamma).add(delta.sqrt());        // 1 + γ + √Δ, no cancellation
        final DD fourGammaC2 = gamma.multiply(c2).multiply(4);
        final DD sigma = geo.sigmaMantissa();
        final int e = geo.ratioExponent();

        final double lambdaMax = UpdateGeometry.toDouble(sigma.multiply(t).divide(2), e, "λ_max");
        // λ_min = σ·2γcos²ψ/t = 2γρ/t with ρ = σcos²ψ = yᵀg/gᵀg: no σ·cos²ψ product to overflow.
        final double lambdaMin = UpdateGeometry.toDouble(
                geo.rhoMantissa().multiply(gamma).multiply(2).divide(t), e, "λ_min");
        final double lambdaD = alpha == alpha ? alpha
                : UpdateGeometry.toDouble(sigma.multiply(gamma), e, "λ_d = σγ");
        final double kappa = UpdateGeometry.toDouble(t.square().divide(fourGammaC2), 0, "κ");
        return new MetricSpectrum(geo.dimension(), Math.max(lambdaMax, lambdaD),
                Math.min(lambdaMin, lambdaD), lambdaD, Math.max(kappa, 1.0));
    }

    /**
     * D.
     *
     * @return the dimension
     */
    /*@ public normal_behavior
      @   ensures \result >= 2;
      @   assignable \nothing;
      @*/
    public int dimension() {
        return dimension;
    }

    /**
     * The largest eigenvalue (simple).
     *
     * @return λ_max
     */
    /*@ public normal_behavior
      @   ensures \result > 0.0;
      @   assignable \nothing;
      @*/
    public double lambdaMax() {
        return lambdaMax;
    }

    /**
     * The smallest eigenvalue (simple).
     *
     * @return λ_min
     */
    /*@ public normal_behavior
      @   ensures \result > 0.0;
      @   assignable \nothing;
      @*/
    public double lambdaMin() {
        return lambdaMin;
    }

    /**
     * The eigenvalue σγ = α on the (D−2)-dimensional complement of span{g, y}; for D = 2 it is
     * not an eigenvalue (multiplicity 0) but still the value α of the family.
     *
     * @return λ_d
     */
    /*@ public normal_behavior
      @   ensures \result > 0.0;
      @   assignable \nothing;
      @*/
    public double lambdaD() {
        return lambdaD;
    }

    /**
     * Multiplicity of λ_d.
     *
     * @return D − 2
     */
    /*@ public normal_behavior
      @   ensures \result == dimension() - 2;
      @   assignable \nothing;
      @*/
    public int lambdaDMultiplicity() {
        return dimension - 2;
    }

    /**
     * κ = λ_max/λ_min.
     *
     * @return the condition number, &ge; 1
     */
    /*@ public normal_behavior
      @   ensures \result >= 1.0;
      @   assignable \nothing;
      @*/
    public double conditionNumber() {
        return conditionNumber;
    }

    /**
     * All D eigenvalues in ascending order, with multiplicity (O(D) memory).
     *
     * @return λ_min, λ_d (D−2 times), λ_max
     */
    /*@ public normal_behavior
      @   ensures \result.length == dimension();
      @   ensures \result[0] == lambdaMin() && \result[dimension() - 1] == lambdaMax();
      @   ensures (\forall int i; 1 <= i && i < dimension() - 1; \result[i] == lambdaD());
      @   assignable \nothing;
      @*/
    public double[] eigenvalues() {
        final double[] values = new double[dimension];
        values[0] = lambdaMin;
        /*@ loop_invariant 1 <= i && i <= dimension - 1
          @   && (\forall int j; 1 <= j && j < i; values[j] == lambdaD);
          @ decreasing dimension - 1 - i;
          @ assignable values[1 .. dimension - 2];
          @*/
        for (int i = 1; i < dimension - 1; i++) {
            values[i] = lambdaD;
        }
        values[dimension - 1] = lambdaMax;
        return values;
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    @Override
    public String toString() {
        return "λ_max = " + lambdaMax + ", λ_min = " + lambdaMin + ", λ_d = " + lambdaD
                + " (multiplicity " + (dimension - 2) + "), κ = " + conditionNumber;
    }
}
