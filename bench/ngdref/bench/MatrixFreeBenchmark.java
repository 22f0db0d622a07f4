package ngdref.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.OptimalMetric;
import ngdref.metric.UpdateGeometry;
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
 * The O(D) matrix-free path against the memory-bandwidth floor, in one run so that the ratios
 * are comparable (issue 7):
 * <ul>
 * <li>{@code spectrum}: UpdateGeometry (the fused certified pass over g, y) + Lemma 1 + κ;
 *   floor {@code floorReadTwo}: one plain pass reading g and y once (a 4-way unrolled dot product).</li>
 * <li>{@code apply} / {@code solve}: M·x and M⁻¹·b (read g, y, x twice and write D doubles);
 *   floor {@code floorReadThreeWriteOne}: one pass reading g, y, x and writing an output.</li>
 * </ul>
 * Run with {@code mvn -B -Pbench verify} (see README); the dense comparison is in
 * {@link DenseBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms14g", "-Xmx14g"})
public class MatrixFreeBenchmark {

    @Param({"1000", "100000", "10000000", "100000000"})
    public int dimension;

    private double[] g;
    private double[] y;
    private double[] x;
    private double[] out;
    private OneParameterMetric metric;

    @Setup(Level.Trial)
    public void setUp() {
        final Random r = new Random(42);
        g = new double[dimension];
        y = new double[dimension];
        x = new double[dimension];
        out = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            g[i] = r.nextGaussian();
            y[i] = g[i] + 0.5 * r.nextGaussian();
            x[i] = r.nextGaussian();
        }
        metric = OptimalMetric.of(g, y);
    }

    @Benchmark
    public double spectrum() {
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        final MetricSpectrum s = MetricSpectrum.of(geo, 1.0);
        return s.conditionNumber() + s.lambdaMax();
    }

    @Benchmark
    public double floorReadTwo() {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        final int n = dimension & ~3;
        for (int i = 0; i < n; i += 4) {
            s0 += g[i] * y[i];
            s1 += g[i + 1] * y[i + 1];
            s2 += g[i + 2] * y[i + 2];
            s3 += g[i + 3] * y[i + 3];
        }
        for (int i = n; i < dimension; i++) {
            s0 += g[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Benchmark
    public double[] apply() {
        return metric.apply(x);
    }

    @Benchmark
    public double[] solve() {
        return metric.solve(x);
    }

    @Benchmark
    public double[] floorReadThreeWriteOne() {
        final double a = 0.75;
        final double b = -1.25;
        for (int i = 0; i < dimension; i++) {
            out[i] = a * g[i] + b * y[i] + x[i];
        }
        return out;
    }
}
