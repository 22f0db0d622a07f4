package ngdref;

import java.util.Arrays;
import ngdref.metric.MetricBounds;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;

/**
 * The built-in example of the README: a small effective update g and negative gradient y at
 * ψ = π/4 in D = 3, with the optimal metric, its closed-form spectrum, κ and the bounds of
 * Propositions 2 and 3, and a check that Mg = y and M⁻¹y = g.
 */
public final class Example {

    private Example() {
    }

    /**
     * Prints the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        final double[] g = {1.0, 0.0, 0.0};
        final double[] y = {1.0, 1.0, 0.0};
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        final OneParameterMetric m = OneParameterMetric.optimal(g, y);
        final MetricSpectrum spectrum = m.spectrum();
        System.out.println("g = " + Arrays.toString(g) + ", y = −∇L = " + Arrays.toString(y));
        System.out.println("yᵀg = " + geo.yDotG() + ", ψ = " + geo.psi() + " rad, cos ψ = "
                + geo.cosPsi() + ", |sin ψ| = " + geo.sinPsi() + ", ‖y‖/‖g‖ = " + geo.normRatio());
        System.out.println("M_opt = yyᵀ/(yᵀg) + α(I − ggᵀ/gᵀg), α = yᵀy/gᵀy = " + m.alpha() + ":");
        for (double[] row : m.toArray()) {
            System.out.println("  " + Arrays.toString(row));
        }
        System.out.println("spectrum (Eq. 9): " + spectrum);
        System.out.println("κ(M_opt) = (1+|sin ψ|)/(1−|sin ψ|) = "
                + MetricBounds.minimumConditionNumber(geo) + " (Proposition 1: the minimum over all metrics)");
        System.out.println("every valid M: λ_min < " + MetricBounds.lambdaMinSupremum(geo)
                + " (Prop. 2), λ_max > " + MetricBounds.lambdaMaxInfimum(geo) + " (Prop. 3)");
        System.out.println("M·g = " + Arrays.toString(m.apply(g)) + " (= y),  M⁻¹·y = "
                + Arrays.toString(m.solve(y)) + " (= g)");
    }
}
