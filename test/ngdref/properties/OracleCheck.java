package ngdref.properties;

import java.util.ArrayList;
import java.util.List;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;
import ngdref.oracle.EigenvalueCluster;
import ngdref.oracle.Enclosure;
import ngdref.oracle.ExplicitFamilyMetric;
import ngdref.oracle.GradientAngle;
import ngdref.oracle.Spectrum;
import ngdref.oracle.SpectrumOracle;
import ngdref.oracle.Ulps;

/**
 * One case measured against the oracle: the reference's closed-form quantities and the oracle's
 * certified enclosures of the same quantities, and the certified ulp errors (upper bounds).
 * Quantities: λ_max, λ_min, λ_d (for D &ge; 3), κ, cos ψ, |sin ψ|.
 */
final class OracleCheck {

    static final String[] QUANTITIES = {"lambdaMax", "lambdaMin", "lambdaD", "kappa", "cosPsi", "sinPsi"};

    /** Reference values, indexed as {@link #QUANTITIES}; NaN when not applicable (λ_d at D = 2). */
    final double[] reference = new double[QUANTITIES.length];
    /** Oracle enclosures, same indexing; null when not applicable. */
    final Enclosure[] exact = new Enclosure[QUANTITIES.length];
    /** True when the oracle could not certify λ_min &gt; 0 (its enclosure contains 0), so κ is unchecked. */
    boolean kappaUndecided;

    private OracleCheck() {
    }

    /** The enclosure of each eigenvalue by index, ascending, with multiplicity. */
    static List<Enclosure> byIndex(Spectrum s) {
        final List<Enclosure> list = new ArrayList<>();
        for (EigenvalueCluster c : s.clusters()) {
            for (int k = 0; k < c.multiplicity(); k++) {
                list.add(c.enclosure());
            }
        }
        return list;
    }

    static OracleCheck of(Case c) {
        final OracleCheck check = new OracleCheck();
        final UpdateGeometry geo = UpdateGeometry.of(c.g, c.y);
        final MetricSpectrum s = OneParameterMetric.ofGamma(c.g, c.y, c.gamma).spectrum();
        final Spectrum oracle = SpectrumOracle.of(ExplicitFamilyMetric.ofGamma(c.g, c.y, c.gamma));
        final List<Enclosure> e = byIndex(oracle);
        final int d = c.dimension();
        check.reference[0] = s.lambdaMax();
        check.exact[0] = e.get(d - 1);
        check.reference[1] = s.lambdaMin();
        check.exact[1] = e.get(0);
        check.reference[2] = d >= 3 ? s.lambdaD() : Double.NaN;
        check.exact[2] = d >= 3 ? e.get(1) : null;
        check.reference[3] = s.conditionNumber();
        // κ's enclosure needs a certified positive λ_min; otherwise there is nothing to compare.
        check.kappaUndecided = !oracle.min().isPositive();
        check.exact[3] = check.kappaUndecided ? null : oracle.conditionNumber();
        final GradientAngle angle = GradientAngle.of(c.g, c.y);
        check.reference[4] = geo.cosPsi();
        check.exact[4] = angle.cos();
        check.reference[5] = geo.sinPsi();
        check.exact[5] = angle.absSin();
        return check;
    }

    /** Certified upper bound of the ulp error of quantity q, or -1 when not applicable. */
    long ulpsUpper(int q) {
        return exact[q] == null ? -1 : Ulps.error(reference[q], exact[q]).upper();
    }

    long ulpsLower(int q) {
        return exact[q] == null ? -1 : Ulps.error(reference[q], exact[q]).lower();
    }

    String describe(int q) {
        return QUANTITIES[q] + ": reference " + reference[q] + " (" + Double.toHexString(reference[q])
                + "), oracle " + exact[q] + ", error ≤ " + ulpsUpper(q) + " ulp";
    }
}
