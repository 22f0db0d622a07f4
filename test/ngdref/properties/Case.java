package ngdref.properties;

import java.util.Arrays;

/**
 * One generated input: an effective pair (g, y) and a γ. Its toString prints the vectors as hex
 * floats so that a shrunk counterexample can be pasted back bit-exactly.
 */
public final class Case {

    final double[] g;
    final double[] y;
    final double gamma;
    final String kind;

    Case(double[] g, double[] y, double gamma, String kind) {
        this.g = g;
        this.y = y;
        this.gamma = gamma;
        this.kind = kind;
    }

    int dimension() {
        return g.length;
    }

    private static String hex(double[] v) {
        final StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(Double.toHexString(v[i]));
        }
        return b.append('}').toString();
    }

    @Override
    public String toString() {
        return kind + " D=" + g.length + " gamma=" + Double.toHexString(gamma) + "\n  g = " + hex(g)
                + "\n  y = " + hex(y) + "\n  (decimal g = " + Arrays.toString(g) + ", y = " + Arrays.toString(y) + ")";
    }
}
