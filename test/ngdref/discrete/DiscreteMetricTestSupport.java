package ngdref.discrete;

/** Test helpers for the discrete-time tests. */
final class DiscreteMetricTestSupport {

    private DiscreteMetricTestSupport() {
    }

    static double[] negate(double[] v) {
        final double[] n = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            n[i] = -v[i];
        }
        return n;
    }
}
