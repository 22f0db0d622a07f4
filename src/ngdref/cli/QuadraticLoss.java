package ngdref.cli;

import ngdref.discrete.TwiceDifferentiableLoss;
import ngdref.metric.Inputs;

/**
 * The loss of the {@code discrete} operation: L(θ) = ½θᵀAθ − bᵀθ with A symmetric (not
 * necessarily positive definite, so that the Hessian correction (17) has negative curvature to
 * correct), ∇L = Aθ − b, ∇²L = A. Every discrete gradient of the library is exact on it in
 * exact arithmetic (it is a polynomial of degree 2 along every segment).
 */
final class QuadraticLoss implements TwiceDifferentiableLoss {

    private final double[][] a;
    private final double[] b;

    /**
     * @param a a symmetric D×D matrix (checked: square, finite, exactly symmetric)
     * @param b a vector of dimension D, or null for 0
     * @throws IllegalArgumentException naming the fault
     */
    QuadraticLoss(double[][] a, double[] b) {
        final int d = a.length;
        if (d == 0) {
            throw new IllegalArgumentException("A is empty");
        }
        for (int i = 0; i < d; i++) {
            Inputs.requireEntries("A[" + i + "]", a[i]);
            if (a[i].length != d) {
                throw new IllegalArgumentException("A must be square: row " + i + " has " + a[i].length
                        + " entries, A has " + d + " rows");
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                if (a[i][j] != a[j][i]) {
                    throw new IllegalArgumentException("A must be symmetric: A[" + i + "][" + j + "] = "
                            + a[i][j] + " but A[" + j + "][" + i + "] = " + a[j][i]);
                }
            }
        }
        final double[] bb = b == null ? new double[d] : b;
        Inputs.requireEntries("b", bb);
        if (bb.length != d) {
            throw new IllegalArgumentException("b has length " + bb.length + " but A is " + d + "×" + d);
        }
        this.a = new double[d][];
        for (int i = 0; i < d; i++) {
            this.a[i] = a[i].clone();
        }
        this.b = bb.clone();
    }

    int dimension() {
        return a.length;
    }

    private void check(double[] theta) {
        Inputs.requireEntries("theta", theta);
        if (theta.length != a.length) {
            throw new IllegalArgumentException("theta has length " + theta.length + " but A is "
                    + a.length + "×" + a.length);
        }
    }

    @Override
    public double value(double[] theta) {
        check(theta);
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            double row = 0.0;
            for (int j = 0; j < a.length; j++) {
                row = Math.fma(a[i][j], theta[j], row);
            }
            s = Math.fma(theta[i], 0.5 * row - b[i], s);
        }
        return s;
    }

    @Override
    public double[] gradient(double[] theta) {
        check(theta);
        final double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double row = -b[i];
            for (int j = 0; j < a.length; j++) {
                row = Math.fma(a[i][j], theta[j], row);
            }
            out[i] = row;
        }
        return out;
    }

    @Override
    public double[][] hessian(double[] theta) {
        check(theta);
        final double[][] h = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            h[i] = a[i].clone();
        }
        return h;
    }
}
