package ngdref.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.OptimalMetric;
import ngdref.metric.UpdateGeometry;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dense route for comparison (issue 7): the explicit D×D metric, Commons Math's symmetric
 * eigen-decomposition (spectrum and κ) and LU solve, against the closed form at the same D, for
 * D up to where dense fits in a benchmark's time (2000).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class DenseBenchmark {

    @Param({"100", "1000", "2000"})
    public int dimension;

    private double[] g;
    private double[] y;
    private double[] b;
    private OneParameterMetric metric;
    private RealMatrix dense;

    @Setup(Level.Trial)
    public void setUp() {
        final Random r = new Random(7);
        g = new double[dimension];
        y = new double[dimension];
        b = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            g[i] = r.nextGaussian();
            y[i] = g[i] + 0.5 * r.nextGaussian();
            b[i] = r.nextGaussian();
        }
        metric = OptimalMetric.of(g, y);
        dense = new Array2DRowRealMatrix(metric.toArray(), false);
    }

    @Benchmark
    public double closedFormSpectrum() {
        final MetricSpectrum s = MetricSpectrum.of(UpdateGeometry.of(g, y), 1.0);
        return s.conditionNumber();
    }

    @Benchmark
    public double denseEigenSpectrum() {
        final double[] l = new EigenDecomposition(dense).getRealEigenvalues();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : l) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max / min;
    }

    @Benchmark
    public double[] closedFormSolve() {
        return metric.solve(b);
    }

    @Benchmark
    public double[] denseLuSolve() {
        return new LUDecomposition(dense).getSolver().solve(new ArrayRealVector(b, false)).toArray();
    }
}
