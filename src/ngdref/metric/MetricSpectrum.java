package ngdref.metric;

import ngdref.exact.ExactGeometry;

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
 * <p>Computed without cancellation in the extended type {@link ExtendedDD} (no intermediate
 * overflow or underflow), each value rounded once: the discriminant as (1−γ)² + 4γsin²ψ (a sum of
 * non-negative terms, equal to the paper's); λ_max from the sum of the roots' magnitudes; λ_min
 * from the product of the roots, λ_min = 2γρ/(1+γ+√Δ) with ρ = yᵀg/gᵀg, never as a difference;
 * κ = λ_max/λ_min in the same form. Each value is the correctly rounded double (round-half-even,
 * subnormals included) of the exact eigenvalue: a certified rounding test, else the exact decision
 * of {@link ngdref.exact.ExactGeometry} (roots of λ² − (σ+α)λ + αρ compared with rounding
 * midpoints). Because rounding to nearest is monotone, the exact order
 * λ_min &le; λ_d &le; λ_max and κ &ge; 1 carries over to the doubles; nothing is clamped.
 *
 * <p>Per-quantity results: a quantity whose exact value lies outside the range of double is
 * refused by its accessor alone ({@link ArithmeticException} naming it, e.g.
 * "λ_max = 1.41421·2^1100 overflows the range of double"); the others are still returned.
 *
 * <p>Machine-checked: Lemma 1 for every D ≥ 2 over a real closed field (Coq, {@code proofs/coq/Statements.v}): {@code family_eigenvalues} (λ₊ + λ₋ = σ + α, λ₊λ₋ = αρ, 0 &lt; λ₋ ≤ α ≤ λ₊), {@code family_eigenvectors}, {@code family_alpha_eigenspace} (α on span{g, y}⊥, multiplicity D − 2), {@code family_form_bounds} (λ₋, λ₊ the best quadratic-form constants), {@code family_paper_form} and {@code family_kappa_paper} (the paper's γ-forms).
 */
public final class MetricSpectrum {

    private /*@ spec_public @*/ final int dimension;
    private /*@ spec_public @*/ final double lambdaMax;
    private /*@ spec_public @*/ final double lambdaMin;
    private /*@ spec_public @*/ final double lambdaD;
    private final double conditionNumber;
    /** Why a quantity is refused (its exact value is outside the double range), or null. */
    private /*@ spec_public nullable @*/ final String lambdaMaxRefused;
    private /*@ spec_public nullable @*/ final String lambdaMinRefused;
    private /*@ spec_public nullable @*/ final String lambdaDRefused;
    private /*@ spec_public nullable @*/ final String conditionNumberRefused;

    /*@ private invariant dimension >= 2;
      @ private invariant lambdaMaxRefused == null ==> lambdaMax > 0.0;
      @ private invariant lambdaMinRefused == null ==> lambdaMin > 0.0;
      @ private invariant lambdaDRefused == null ==> lambdaD > 0.0;
      @ private invariant conditionNumberRefused == null ==> conditionNumber >= 1.0;
      @*/

    /*@ private normal_behavior
      @   requires dimension >= 2;
      @   requires lambdaMaxRefused == null ==> lambdaMax > 0.0;
      @   requires lambdaMinRefused == null ==> lambdaMin > 0.0;
      @   requires lambdaDRefused == null ==> lambdaD > 0.0;
      @   requires conditionNumberRefused == null ==> conditionNumber >= 1.0;
      @   assignable \nothing;
      @*/
    private MetricSpectrum(int dimension, double lambdaMax, /*@ nullable @*/ String lambdaMaxRefused,
                           double lambdaMin, /*@ nullable @*/ String lambdaMinRefused,
                           double lambdaD, /*@ nullable @*/ String lambdaDRefused,
                           double conditionNumber, /*@ nullable @*/ String conditionNumberRefused) {
        this.dimension = dimension;
        this.lambdaMax = lambdaMax;
        this.lambdaMaxRefused = lambdaMaxRefused;
        this.lambdaMin = lambdaMin;
        this.lambdaMinRefused = lambdaMinRefused;
        this.lambdaD = lambdaD;
        this.lambdaDRefused = lambdaDRefused;
        this.conditionNumber = conditionNumber;
        this.conditionNumberRefused = conditionNumberRefused;
    }

    /**
     * The spectrum of M(γ), Eq. (22), for the pair described by {@code geometry}.
     *
     * @param geometry the validated pair (g, y)
     * @param gamma γ &gt; 0
     * @return the spectrum (a quantity outside the double range is refused by its accessor)
     * @throws IllegalArgumentException if geometry is null or γ is not finite and &gt; 0
     */
    // Exact statement (Lemma 1, Eq. 9), proved for every D in Coq (proofs/coq/Statements.v):
    // family_eigenvalues (λ₊ + λ₋ = σ + α, λ₊λ₋ = αρ, 0 < λ₋ ≤ α ≤ λ₊), family_eigenvectors,
    // family_alpha_eigenspace (α on span{g, y}⊥), family_form_bounds(_all) (λ_min, λ_max are the best
    // quadratic-form constants), family_kappa_paper (κ). The floating-point consequence below;
    // correct rounding of each value checked against exact rationals by EdgeRangeTest.
    /*@ public normal_behavior
      @   requires geometry != null && gamma > 0.0 && gamma - gamma == 0.0;
      @   ensures \result != null && \result.dimension() == geometry.dimension();
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires geometry == null || !(gamma > 0.0 && gamma - gamma == 0.0);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static MetricSpectrum of(/*@ nullable @*/ UpdateGeometry geometry, double gamma) {
        if (geometry == null) {
            throw new IllegalArgumentException("geometry must not be null");
        }
        Inputs.requirePositive("gamma", gamma);
        return of(geometry, ExtendedDD.of(gamma), gamma, true);
    }

    /**
     * Lemma 1 for γ = {@code gammaX}; {@code parameter} is γ (parameterIsGamma) or the α of the
     * α-parametrised family (8), given exactly as a double (then λ_d = α exactly).
     */
    static MetricSpectrum of(UpdateGeometry geo, ExtendedDD gamma, double parameter,
                             boolean parameterIsGamma) {
        final ExtendedDD s = geo.sinX();
        final ExtendedDD c2 = geo.cosX().square();
        final ExtendedDD oneMinusGamma = ExtendedDD.ONE.subtract(gamma);
        final ExtendedDD delta = oneMinusGamma.square().add(gamma.multiply(s.square()).scalb(2));
        final ExtendedDD t = ExtendedDD.ONE.add(gamma).add(delta.sqrt()); // 1 + γ + √Δ
        final ExtendedDD sigma = geo.sigmaX();

        final Rounded max = Rounded.of(geo, sigma.multiply(t).scalb(-1),
                ExactGeometry.LAMBDA_MAX, parameter, parameterIsGamma, "λ_max");
        // λ_min = σ·2γcos²ψ/t = 2γρ/t with ρ = σcos²ψ = yᵀg/gᵀg: a product, not a difference.
        final Rounded min = Rounded.of(geo, geo.rhoX().multiply(gamma).scalb(1).divide(t),
                ExactGeometry.LAMBDA_MIN, parameter, parameterIsGamma, "λ_min");
        final Rounded d = parameterIsGamma
                ? Rounded.of(geo, sigma.multiply(gamma), ExactGeometry.ALPHA, parameter, true, "λ_d = α = σγ")
                : new Rounded(parameter, null);
        final Rounded kappa = Rounded.of(geo, t.square().divide(gamma.multiply(c2).scalb(2)),
                ExactGeometry.KAPPA, parameter, parameterIsGamma, "κ");
        return new MetricSpectrum(geo.dimension(), max.value, max.refused, min.value, min.refused,
                d.value, d.refused, kappa.value, kappa.refused);
    }

    /** A correctly rounded value, or why it is refused. */
    private static final class Rounded {
        final double value;
        final String refused;

        Rounded(double value, String refused) {
            this.value = value;
            this.refused = refused;
        }

        static Rounded of(UpdateGeometry geo, ExtendedDD x, int quantity, double parameter,
                          boolean parameterIsGamma, String name) {
            try {
                return new Rounded(geo.rounded(x, quantity, parameter, parameterIsGamma, name), null);
            } catch (ArithmeticException e) {
                return new Rounded(Double.NaN, e.getMessage());
            }
        }
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
     * @return λ_max, correctly rounded
     * @throws ArithmeticException if its exact value is outside the range of double
     */
    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   signals (ArithmeticException) lambdaMaxRefused != null;
      @   assignable \nothing;
      @*/
    public double lambdaMax() {
        if (lambdaMaxRefused != null) {
            throw new ArithmeticException(lambdaMaxRefused);
        }
        return lambdaMax;
    }

    /**
     * The smallest eigenvalue (simple).
     *
     * @return λ_min, correctly rounded
     * @throws ArithmeticException if its exact value is outside the range of double
     */
    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   signals (ArithmeticException) lambdaMinRefused != null;
      @   assignable \nothing;
      @*/
    public double lambdaMin() {
        if (lambdaMinRefused != null) {
            throw new ArithmeticException(lambdaMinRefused);
        }
        return lambdaMin;
    }

    /**
     * The eigenvalue σγ = α on the (D−2)-dimensional complement of span{g, y}; for D = 2 it is
     * not an eigenvalue (multiplicity 0) but still the value α of the family.
     *
     * @return λ_d, correctly rounded (α exactly when the metric was given by α)
     * @throws ArithmeticException if its exact value is outside the range of double
     */
    /*@ public behavior
      @   ensures \result > 0.0;
      @   signals_only ArithmeticException;
      @   signals (ArithmeticException) lambdaDRefused != null;
      @   assignable \nothing;
      @*/
    public double lambdaD() {
        if (lambdaDRefused != null) {
            throw new ArithmeticException(lambdaDRefused);
        }
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
     * @return the condition number, &ge; 1, correctly rounded
     * @throws ArithmeticException if its exact value is outside the range of double
     */
    /*@ public behavior
      @   ensures \result >= 1.0;
      @   signals_only ArithmeticException;
      @   signals (ArithmeticException) conditionNumberRefused != null;
      @   assignable \nothing;
      @*/
    public double conditionNumber() {
        if (conditionNumberRefused != null) {
            throw new ArithmeticException(conditionNumberRefused);
        }
        return conditionNumber;
    }

    /**
     * All D eigenvalues in ascending order, with multiplicity (O(D) memory).
     *
     * @return λ_min, λ_d (D−2 times), λ_max
     * @throws ArithmeticException if one of them is outside the range of double
     */
    /*@ public normal_behavior
      @   requires lambdaMinRefused == null && lambdaMaxRefused == null
      @         && (dimension == 2 || lambdaDRefused == null);
      @   ensures \result.length == dimension();
      @   ensures \result[0] == lambdaMin && \result[dimension() - 1] == lambdaMax;
      @   ensures (\forall int i; 1 <= i && i < dimension() - 1; \result[i] == lambdaD);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires lambdaMinRefused != null || lambdaMaxRefused != null
      @         || (dimension > 2 && lambdaDRefused != null);
      @   signals_only ArithmeticException;
      @   assignable \nothing;
      @*/
    public double[] eigenvalues() {
        if (lambdaMinRefused != null || lambdaMaxRefused != null
                || (dimension > 2 && lambdaDRefused != null)) {
            throw new ArithmeticException(lambdaMinRefused != null ? lambdaMinRefused
                    : lambdaMaxRefused != null ? lambdaMaxRefused : lambdaDRefused);
        }
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
        return text(show(lambdaMax, lambdaMaxRefused), show(lambdaMin, lambdaMinRefused),
                show(lambdaD, lambdaDRefused), dimension - 2, show(conditionNumber, conditionNumberRefused));
    }

    /**
     * The text of {@link #toString()} from its parts. A static method, so that KeY proves the
     * concatenation once, outside the case split over which members the class invariant lets be
     * refused (in one method the two together reached KeY's step limit).
     */
    /*@ private normal_behavior
      @   requires lambdaMax != null && lambdaMin != null && lambdaD != null && kappa != null;
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    private static String text(String lambdaMax, String lambdaMin, String lambdaD, int multiplicity, String kappa) {
        return "λ_max = " + lambdaMax + ", λ_min = " + lambdaMin + ", λ_d = " + lambdaD + " (multiplicity "
                + multiplicity + "), κ = " + kappa;
    }

    /*@ private normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    private static String show(double value, /*@ nullable @*/ String refused) {
        return refused == null ? Double.toString(value) : "refused (" + refused + ")";
    }
}
