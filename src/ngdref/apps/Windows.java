package ngdref.apps;

/**
 * Effectiveness over a window, Eq. (3): a loss sequence L(0), L(1), … is effective over the window
 * m when L(t+m) &lt; L(t) for every t; then the window average
 * <pre>  L_avg(t) = (1/m)·Σ_{k=0}^{m−1} L(t+k)</pre>
 * decreases strictly, since L_avg(t+1) − L_avg(t) = (L(t+m) − L(t))/m.
 */
public final class Windows {

    private Windows() {
    }

    /**
     * L_avg(t) for t = 0 … n−m.
     *
     * @param loss L(0 … n−1)
     * @param m window, 1 &le; m &le; n
     * @return n − m + 1 averages (a running sum, compensated)
     */
    public static double[] average(double[] loss, int m) {
        if (m < 1 || m > loss.length) {
            throw new IllegalArgumentException("window m = " + m + " must be in [1, " + loss.length + "]");
        }
        final double[] out = new double[loss.length - m + 1];
        for (int t = 0; t < out.length; t++) {
            // Direct sums: O(n·m) but free of the drift of a running sum.
            double s = 0.0;
            for (int k = 0; k < m; k++) {
                s += loss[t + k];
            }
            out[t] = s / m;
        }
        return out;
    }

    /**
     * The number of t with L(t+m) &ge; L(t) (0 when the sequence is effective over m).
     *
     * @param loss L(0 … n−1)
     * @param m window &ge; 1
     * @return the violations of Eq. (3)
     */
    public static int violations(double[] loss, int m) {
        int c = 0;
        for (int t = 0; t + m < loss.length; t++) {
            if (!(loss[t + m] < loss[t])) {
                c++;
            }
        }
        return c;
    }

    /**
     * The smallest m &ge; 1 for which the sequence is effective over m, among m &le; maxWindow.
     *
     * @param loss L(0 … n−1)
     * @param maxWindow the largest window tried
     * @return m*, or −1 if no window up to maxWindow works
     */
    public static int smallestEffectiveWindow(double[] loss, int maxWindow) {
        for (int m = 1; m <= maxWindow && m < loss.length; m++) {
            if (violations(loss, m) == 0) {
                return m;
            }
        }
        return -1;
    }

    /**
     * Whether consecutive values strictly decrease.
     *
     * @param v values
     * @return the number of t with v(t+1) &ge; v(t)
     */
    public static int increases(double[] v) {
        return violations(v, 1);
    }
}
