package ngdref.dense;

import ngdref.metric.Inputs;
import ngdref.metric.Metric;
import ngdref.metric.UpdateGeometry;
import ngdref.numerics.SymmetricPositiveDefinite;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.numbers.core.Norm;
import org.apache.commons.numbers.core.Sum;

/**
 * The canonical metric, Eq. (6): M = yyᵀ/(yᵀg) + Σᵢ uᵢuᵢᵀ with u₁…u_{D−1} spanning g⊥.
 * Then Mg = y and M is SPD. Built either from the basis uᵢ or from any M' that is symmetric,
 * annihilates g and is positive definite on g⊥ (M = yyᵀ/(yᵀg) + M'). Dense, for small D.
 *
 * <p>Machine-checked: The converse of the canonical-form theorem, for every D (Coq, {@code proofs/coq/Statements.v}): {@code canonical_form_converse}.
 */
public final class CanonicalMetric implements Metric {

    private final double[][] m;

    private CanonicalMetric(double[][] m) {
        this.m = m;
    }

    /**
     * M = yyᵀ/(yᵀg) + Σ uᵢuᵢᵀ from D−1 vectors uᵢ (rows of {@code u}).
     *
     * @param g the update
     * @param y the negative gradient, yᵀg &gt; 0
     * @param u D−1 rows of length D, each orthogonal to g (|uᵢᵀg| &le; tol·‖uᵢ‖‖g‖) and together
     *     linearly independent (smallest singular value &gt; tol·largest)
     * @param tolerance relative tolerance in (0, 1)
     * @return the metric, every entry finite
     * @throws IllegalArgumentException naming the fault: wrong count or length, non-finite entry,
     *     uᵢ not orthogonal to g, the uᵢ not spanning g⊥, or invalid g, y
     * @throws ArithmeticException if an entry of M lies outside the range of double
     */
    /*@ public behavior
      @   requires g != null && y != null && u != null && u.length == g.length - 1;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires g == null || y == null || u == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static CanonicalMetric fromBasis(double[] g, double[] y, double[][] u, double tolerance) {
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        DenseChecks.requireTolerance(tolerance);
        final int d = g.length;
        if (u == null) {
            throw new IllegalArgumentException("u must not be null");
        }
        if (u.length != d - 1) {
            throw new IllegalArgumentException("u has " + u.length + " vectors; the canonical form"
                    + " needs D − 1 = " + (d - 1) + " vectors spanning g⊥");
        }
        final double[] gHat = Scaling.scale(g, -Scaling.exponentOfMax(g));
        final double normG = Norm.EUCLIDEAN.of(gHat);
        for (int k = 0; k < d - 1; k++) {
            Inputs.requireEntries("u[" + k + "]", u[k]);
            Inputs.requireSameLength("g", g, "u[" + k + "]", u[k]);
            // |uᵀg| <= tol·‖u‖‖g‖ is scale-invariant: test it on u and g scaled to max 1.
            final double[] uHat = Scaling.scale(u[k], -Scaling.exponentOfMax(u[k]));
            final double dot = Sum.ofProducts(uHat, gHat).getAsDouble();
            if (!(Math.abs(dot) <= tolerance * Norm.EUCLIDEAN.of(uHat) * normG)) {
                throw new IllegalArgumentException("u[" + k + "] is not orthogonal to g: the cosine"
                        + " of their angle is " + dot / (Norm.EUCLIDEAN.of(uHat) * normG)
                        + " (tolerance " + tolerance + ")");
            }
        }
        // One common exponent for all uᵢ, that of their largest entry (scaled entries below 4):
        // Σ uᵢuᵢᵀ scales by 2^(2eu), singular values by 2^eu. (Half that exponent, as before,
        // left scaled entries near 2^512 whose products overflowed when M' itself was out of
        // range, and the refusal printed an "Infinity·2^2046" instead of the entry's value.)
        final int eu = Scaling.evenExponentOfMax(u);
        final double[][] us = new double[d - 1][];
        for (int k = 0; k < d - 1; k++) {
            us[k] = Scaling.scale(u[k], -eu);
        }
        final SingularValueDecomposition svd = Scaling.commonsMath(
                "the singular value decomposition of the vectors u",
                () -> new SingularValueDecomposition(new Array2DRowRealMatrix(us, false)));
        final double[] sv = svd.getSingularValues();
        if (!(sv[sv.length - 1] > tolerance * sv[0])) {
            throw new IllegalArgumentException("the vectors u do not span g⊥: their smallest singular"
                    + " value is " + Scaling.describe(sv[sv.length - 1], eu) + " (largest "
                    + Scaling.describe(sv[0], eu) + ")");
        }
        final double[][] mp = new double[d][d];
        final double[] left = new double[d - 1];
        final double[] right = new double[d - 1];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                for (int k = 0; k < d - 1; k++) {
                    left[k] = us[k][i];
                    right[k] = us[k][j];
                }
                final double v = Sum.ofProducts(left, right).getAsDouble();
                mp[i][j] = v;
                mp[j][i] = v;
            }
        }
        return new CanonicalMetric(plusRankOne(mp, 2 * eu, y, geo));
    }

    /**
     * M = yyᵀ/(yᵀg) + M' for a symmetric M' with M'g = 0 that is positive definite on g⊥.
     *
     * @param g the update
     * @param y the negative gradient, yᵀg &gt; 0
     * @param mPrime symmetric D×D, ‖M'g‖∞ &le; tol·‖M'‖∞‖g‖∞, positive definite on g⊥
     * @param tolerance relative tolerance in (0, 1)
     * @return the metric, every entry finite
     * @throws IllegalArgumentException naming the fault
     * @throws ArithmeticException if an entry of M lies outside the range of double
     */
    /*@ public behavior
      @   requires g != null && y != null && mPrime != null && mPrime.length == g.length;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires g == null || y == null || mPrime == null;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static CanonicalMetric fromComplement(double[] g, double[] y, double[][] mPrime,
                                                 double tolerance) {
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        DenseChecks.requireTolerance(tolerance);
        final int d = g.length;
        DenseChecks.requireSquare("mPrime", mPrime, d);
        DenseChecks.requireSymmetric("mPrime", mPrime, tolerance);
        // Scaled: M's = M'·2^-em, gs = g·2^-eg (exact); every test below is scale-invariant.
        final int em = Scaling.evenExponentOfMax(mPrime);
        final int eg = Scaling.exponentOfMax(g);
        final double[][] sym = Scaling.symmetricPart(mPrime, -em);
        final double[] gs = Scaling.scale(g, -eg);
        final double res = Scaling.maxAbs(Scaling.times(sym, gs));
        final double normM = Scaling.normInf(sym);
        final double allowed = tolerance * normM * Scaling.maxAbs(gs);
        if (!(res <= allowed)) {
            throw new IllegalArgumentException("mPrime does not annihilate g: ‖M'g‖∞ = "
                    + Scaling.describe(res, em + eg) + " > " + Scaling.describe(allowed, em + eg));
        }
        final RealMatrix q = OrthogonalComplement.of(gs);
        final RealMatrix b = q.transpose().multiply(new Array2DRowRealMatrix(sym, false)).multiply(q);
        final RealMatrix bs = Scaling.flushBelow(b.add(b.transpose()).scalarMultiply(0.5), 0x1.0p-100);
        final double[] lambda = Scaling.commonsMath("the symmetric eigen-decomposition of QᵀM'Q",
                () -> new EigenDecomposition(bs).getRealEigenvalues());
        double min = Double.POSITIVE_INFINITY;
        double max = 0.0;
        for (double l : lambda) {
            min = Math.min(min, l);
            max = Math.max(max, Math.abs(l));
        }
        if (!(min > 4 * d * Math.ulp(1.0) * Math.max(max, normM))) {
            throw new IllegalArgumentException("mPrime is not positive definite on g⊥: its smallest"
                    + " eigenvalue there is " + Scaling.describe(min, em) + " (not above the"
                    + " eigen-solver's accuracy 4·D·u·‖M'‖)");
        }
        return new CanonicalMetric(plusRankOne(sym, em, y, geo));
    }

    /**
     * M = M'·2^em + yyᵀ/(yᵀg) for a scaled M' (modified in place and returned), with the rank-one
     * term formed as σ·ŷŷᵀ, σ = yᵀy/yᵀg from the geometry's extended value and each yᵢ taken as
     * its exact mantissa and exponent, and both terms brought to a common power of two before
     * they are added, so that neither an intermediate overflow or underflow nor a rounded yᵀg
     * spoils an entry that is in range: σ·yᵢyⱼ/‖y‖² = (σ_m·mᵢmⱼ/‖y'‖²)·2^(e_σ + kᵢ + kⱼ − 2ey)
     * with yᵢ = mᵢ·2^kᵢ, mᵢ ∈ [1, 2), and y' = y·2^-ey (largest entry in [1, 2)).
     *
     * @throws ArithmeticException naming the entry of M that lies outside the range of double
     */
    private static double[][] plusRankOne(double[][] mp, int em, double[] y, UpdateGeometry geo) {
        final int d = y.length;
        final int ey = Scaling.exponentOfMax(y);
        final double normY = Norm.EUCLIDEAN.of(Scaling.scale(y, -ey));
        final double normY2 = normY * normY;
        final double[] mantissa = new double[d];
        final int[] exponent = new int[d];
        for (int i = 0; i < d; i++) {
            if (y[i] != 0.0) {
                exponent[i] = Scaling.exponent(Math.abs(y[i]));
                mantissa[i] = Math.scalb(y[i], -exponent[i]);
            }
        }
        // σ = cMantissa·2^ec, never out of range. (Formed as ‖y'‖/(‖g'‖cos ψ) it overflowed or
        // lost its precision when cos ψ < 2^-1020, a refusal although the entries, with ‖y‖/‖g‖
        // small, were in range; a subnormal ŷᵢ lost the low bits of its entries.)
        final int[] sigmaExponent = new int[1];
        final double cMantissa = geo.sigmaMantissa(sigmaExponent);
        final int es = sigmaExponent[0];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                // Both terms at this entry's own scale 2^e (the larger of theirs), added there, and
                // rounded once by the final scalb.
                final double p = cMantissa * mantissa[i] * mantissa[j] / normY2;
                final int er = es - 2 * ey + exponent[i] + exponent[j];
                final int e = p == 0.0 ? em + Scaling.exponent(Math.abs(mp[i][j]))
                        : mp[i][j] == 0.0 ? er : Math.max(er, em + Scaling.exponent(Math.abs(mp[i][j])));
                final double sum = Math.scalb(mp[i][j], em - e) + Math.scalb(p, er - e);
                final double v = Math.scalb(sum, e);
                if (!Double.isFinite(v)) {
                    throw new ArithmeticException("M[" + i + "][" + j + "] = (yyᵀ/(yᵀg) + M')[" + i
                            + "][" + j + "] = " + Scaling.describe(sum, e)
                            + " overflows the range of double");
                }
                mp[i][j] = v;
                mp[j][i] = v;
            }
        }
        return mp;
    }

    /**
     * M as a new array, exactly symmetric.
     *
     * @return D×D
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    @Override
    public double[][] toArray() {
        return DenseChecks.copy(m);
    }

    /**
     * M as a Commons Math matrix (a copy).
     *
     * @return D×D
     */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public RealMatrix toRealMatrix() {
        return new Array2DRowRealMatrix(m, true);
    }

    /**
     * Mx.
     *
     * @param x of dimension D
     * @return a new vector, every entry finite
     * @throws IllegalArgumentException if x is invalid
     * @throws ArithmeticException if an entry of Mx lies outside the range of double
     */
    /*@ public behavior
      @   requires x != null;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    @Override
    public double[] apply(/*@ nullable @*/ double[] x) {
        DenseChecks.requireVector("x", x, m.length);
        return SymmetricPositiveDefinite.multiply(m, x, "Mx");
    }

    /**
     * M⁻¹b by Cholesky on M and b scaled by powers of two: backward stable, (M + ΔM)x̂ = b with
     * ‖ΔM‖ of order D·u·‖M‖ ({@link SymmetricPositiveDefinite#solve}).
     *
     * @param b of dimension D
     * @return a new vector, every entry finite
     * @throws IllegalArgumentException if b is invalid
     * @throws ArithmeticException if M is too ill-conditioned for the factorisation, or naming an
     *     entry of M⁻¹b outside the range of double
     */
    /*@ public behavior
      @   requires b != null;
      @   ensures \result != null;
      @   signals_only IllegalArgumentException, ArithmeticException;
      @   assignable \nothing;
      @*/
    @Override
    public double[] solve(/*@ nullable @*/ double[] b) {
        DenseChecks.requireVector("b", b, m.length);
        return SymmetricPositiveDefinite.solve(m, b, "M⁻¹b");
    }

    /**
     * The dimension D.
     *
     * @return D
     */
    /*@ public normal_behavior
      @   ensures \result >= 2;
      @   assignable \nothing;
      @*/
    @Override
    public int dimension() {
        return m.length;
    }
}
