package ngdref.properties;

/**
 * M(γ) of Eq. (8) built entry by entry in plain double on the test side, independent of the
 * library's matrix-free code: yyᵀ/yᵀg + α(I − ggᵀ/gᵀg) with α = γ·yᵀy/yᵀg. For moderate inputs
 * only (no scaling): the dense cross-checks of PaperProperties and DiscreteTimeProperties.
 */
final class DenseFamily {

    private DenseFamily() {
    }

    static double[][] of(double[] g, double[] y, double gamma) {
        final int d = g.length;
        double yg = 0;
        double yy = 0;
        double gg = 0;
        for (int i = 0; i < d; i++) {
            yg += y[i] * g[i];
            yy += y[i] * y[i];
            gg += g[i] * g[i];
        }
        final double alpha = gamma * yy / yg;
        final double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m[i][j] = y[i] * y[j] / yg + alpha * ((i == j ? 1 : 0) - g[i] * g[j] / gg);
            }
        }
        return m;
    }
}
