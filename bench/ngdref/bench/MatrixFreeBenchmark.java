package ngdref.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.OptimalMetric;
import ngdref.metric.UpdateGeometry;
import org.apache.commons.numbers.core.Sum;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The O(D) matrix-free path against the memory-bandwidth floor, in one run so that the ratios
 * are comparable (issue 7; results in spec/PERFORMANCE.md):
 * <ul>
 * <li>{@code spectrum}: UpdateGeometry.of (validation and the fused certified pass over g, y)
 *   + Lemma 1 + κ. Floor {@code floorReadTwo}: one plain pass that reads g and y once, the
 *   uncompensated dot product yᵀg in four independent lanes (the least work that reads both
 *   arrays once). {@code plainThreeDots} is the same pass computing the three plain dot
 *   products yᵀg, yᵀy, gᵀg (no compensation, no error bound, no validation): how much of the
 *   gap is the certified arithmetic rather than the data. {@code commonsSumThreeDots}: the same
 *   three products with Commons Numbers' compensated {@code Sum.ofProducts}, one pass each.</li>
 * <li>{@code apply} / {@code solve}: M·x and M⁻¹·b. Floor {@code floorReadThreeWriteOne}: one
 *   pass reading g, y, x and writing out[i] = a·x[i] + b·g[i] + c·y[i] with precomputed scalars
 *   into a preallocated array. {@code floorTwoPass} is the least work of the operation itself:
 *   the two coefficients need the full dot products xᵀy, xᵀg before the first output entry, so
 *   any implementation reads g, y, x twice; it also allocates the fresh output the contract
 *   requires. Both are plain double arithmetic.</li>
 * </ul>
 * Every result goes to a {@link Blackhole}. Run (every benchmark of both classes in one JMH
 * invocation, one forked JVM per benchmark and parameter; the table is spec/PERFORMANCE.md):
 * {@code mvn -B -Pbench -DskipTests clean package exec:exec -Djmh.args="-f 1 -wi 5 -i 5 -tu us ngdref.bench"}.
 * The dense comparison is in {@link DenseBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// Four arrays of 1e8 doubles are 3.2 GB, plus the fresh 0.8 GB outputs of apply and solve.
@Fork(value = 1, jvmArgs = {"-Xms10g", "-Xmx10g"})
public class MatrixFreeBenchmark {

    @Param({"1000", "100000", "1000000", "10000000", "100000000"})
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
    public void spectrum(Blackhole bh) {
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        final MetricSpectrum s = MetricSpectrum.of(geo, 1.0);
        bh.consume(s.conditionNumber());
        bh.consume(s.lambdaMax());
    }

    @Benchmark
    public void floorReadTwo(Blackhole bh) {
        final double[] a = g;
        final double[] b = y;
        final int d = a.length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        final int n = d & ~3;
        for (int i = 0; i < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (int i = n; i < d; i++) {
            s0 += a[i] * b[i];
        }
        bh.consume((s0 + s1) + (s2 + s3));
    }

    @Benchmark
    public void plainThreeDots(Blackhole bh) {
        final double[] a = g;
        final double[] b = y;
        double yg0 = 0;
        double yg1 = 0;
        double yy0 = 0;
        double yy1 = 0;
        double gg0 = 0;
        double gg1 = 0;
        final int n = a.length & ~1;
        for (int i = 0; i < n; i += 2) {
            final double g0 = a[i];
            final double g1 = a[i + 1];
            final double y0 = b[i];
            final double y1 = b[i + 1];
            yg0 += y0 * g0;
            yg1 += y1 * g1;
            yy0 += y0 * y0;
            yy1 += y1 * y1;
            gg0 += g0 * g0;
            gg1 += g1 * g1;
        }
        for (int i = n; i < a.length; i++) {
            yg0 += b[i] * a[i];
            yy0 += b[i] * b[i];
            gg0 += a[i] * a[i];
        }
        bh.consume(yg0 + yg1);
        bh.consume(yy0 + yy1);
        bh.consume(gg0 + gg1);
    }

    /**
     * For comparison, the accurate dot products of Commons Numbers ({@code Sum.ofProducts}, also
     * twice the working precision, without a certified bound): three passes, one per product.
     */
    @Benchmark
    public void commonsSumThreeDots(Blackhole bh) {
        bh.consume(Sum.ofProducts(y, g).getAsDouble());
        bh.consume(Sum.ofProducts(y, y).getAsDouble());
        bh.consume(Sum.ofProducts(g, g).getAsDouble());
    }

    @Benchmark
    public void apply(Blackhole bh) {
        bh.consume(metric.apply(x));
    }

    @Benchmark
    public void solve(Blackhole bh) {
        bh.consume(metric.solve(x));
    }

    @Benchmark
    public void floorReadThreeWriteOne(Blackhole bh) {
        final double[] gv = g;
        final double[] yv = y;
        final double[] xv = x;
        final double[] o = out;
        final double a = 0.75;
        final double b = -1.25;
        final double c = 0.5;
        for (int i = 0; i < o.length; i++) {
            o[i] = a * xv[i] + b * gv[i] + c * yv[i];
        }
        bh.consume(o);
    }

    @Benchmark
    public void floorTwoPass(Blackhole bh) {
        final double[] gv = g;
        final double[] yv = y;
        final double[] xv = x;
        final int d = xv.length;
        double xy0 = 0;
        double xy1 = 0;
        double xg0 = 0;
        double xg1 = 0;
        final int n = d & ~1;
        for (int i = 0; i < n; i += 2) {
            xy0 += xv[i] * yv[i];
            xy1 += xv[i + 1] * yv[i + 1];
            xg0 += xv[i] * gv[i];
            xg1 += xv[i + 1] * gv[i + 1];
        }
        for (int i = n; i < d; i++) {
            xy0 += xv[i] * yv[i];
            xg0 += xv[i] * gv[i];
        }
        final double a = 0.75;
        final double b = -(xg0 + xg1) * 1e-3;
        final double c = (xy0 + xy1) * 1e-3;
        final double[] o = new double[d];
        for (int i = 0; i < d; i++) {
            o[i] = a * xv[i] + b * gv[i] + c * yv[i];
        }
        bh.consume(o);
    }
}
