package ngdref.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import ngdref.oracle.Enclosure;
import ngdref.oracle.ExactDots;
import ngdref.oracle.ExactSolve;
import ngdref.oracle.ExplicitFamilyMetric;
import ngdref.oracle.GradientAngle;
import ngdref.oracle.Rational;
import ngdref.oracle.RationalMatrix;
import ngdref.oracle.SpanRestriction;
import ngdref.oracle.Spectrum;
import ngdref.oracle.SpectrumOracle;

/**
 * {@code --certify}: attaches to the reference library's doubles the enclosures of the exact
 * values computed by the independent oracle ({@code ngdref.oracle}), which shares no formula with
 * the library: the inner products are exact rationals, cos ψ and |sin ψ| come from them by exact
 * rational arithmetic and a certified square root ({@link GradientAngle}), and the eigenvalues of M are certified
 * enclosures of the explicit D×D rational matrix of Eq. (8) ({@link SpectrumOracle}), refined by
 * bisection on the exact characteristic polynomial of its restriction to span{g, y}
 * ({@link SpanRestriction}), never the closed form of Lemma 1. λ_d is the exact α (M − αI
 * vanishes on (span{g, y})⊥ by Eq. (8)).
 *
 * <p>The explicit matrix costs O(D²) memory and O(D³) time in multi-precision arithmetic, so the
 * eigenvalue enclosures are computed only up to {@link #maxDimension()} (default
 * {@value #DEFAULT_MAX_DIMENSION}); above it the result says so in its "certify_note".
 */
final class Certifier {

    /** Largest D whose explicit matrix the oracle is asked to enclose by default. */
    static final int DEFAULT_MAX_DIMENSION = 256;

    /** Relative width (in bits) to which the extreme eigenvalues are bisected. */
    private static final int ROOT_BITS = -160;
    /** Digits of the decimal ends of a root's enclosure (outward rounded). */
    private static final int ROOT_DIGITS = 60;

    private static final Rational RELATIVE = Rational.of(BigInteger.ONE,
            BigInteger.ONE.shiftLeft(-ROOT_BITS));

    private final int maxDimension;
    private final boolean strict;

    /**
     * @param maxDimension the largest D whose explicit matrix is enclosed
     * @param strict whether a member the oracle cannot certify makes the answer an error
     *        ({@code not_certified}) rather than a note
     */
    Certifier(int maxDimension, boolean strict) {
        this.maxDimension = maxDimension;
        this.strict = strict;
    }

    /**
     * A quantity the oracle cannot certify for these inputs (e.g. λ_min's enclosure contains 0,
     * so κ = λ_max/λ_min has no finite enclosure): an expected limit of the method, reported per
     * member. Anything else the oracle throws is a bug and is not caught here.
     */
    static final class Limit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Limit(String message) {
            super(message);
        }
    }

    int maxDimension() {
        return maxDimension;
    }

    /** Certifies cos_psi, sin_psi, norm_ratio and the inner products present in {@code out}. */
    void geometry(Result out, double[] g, double[] y) {
        guarded(out, () -> {
            attach(out, geometry(g, y));
            out.certifyNote("ψ itself is not certified (the oracle has no arctangent); cos ψ and |sin ψ| are");
        });
    }

    /** Certifies λ_max, λ_min, λ_d, κ, α and γ of M(γ) (alpha NaN) or M(α) (gamma NaN). */
    void family(Result out, double[] g, double[] y, double gamma, double alpha) {
        guarded(out, () -> {
            final Map<String, Enclosure> e = family(g, y, gamma, alpha, g.length <= maxDimension);
            attach(out, e);
            if (!e.containsKey("lambda_max")) {
                out.certifyNote(tooLarge(g.length));
            }
        });
    }

    /** Certifies the bounds of Propositions 1–3. */
    void bounds(Result out, double[] g, double[] y) {
        guarded(out, () -> {
            attach(out, bounds(g, y, false));        // Props. 2–3 even when κ_min is a Limit
            if (g.length <= maxDimension) {
                attach(out, bounds(g, y, true));
            } else {
                out.certifyNote(tooLarge(g.length));
            }
        });
    }

    private String tooLarge(int d) {
        return "D = " + d + " > " + maxDimension + ": λ_max, λ_min and κ need the explicit D×D"
                + " matrix and are not certified (raise --certify-max-dimension)";
    }

    /**
     * The oracle's enclosures of the six quantities of a test vector: cos_psi, sin_psi,
     * lambda_max, lambda_min, lambda_d, kappa of M(γ).
     *
     * @param g the update
     * @param y the negative gradient, yᵀg &gt; 0
     * @param gamma γ &gt; 0
     * @return the enclosures by quantity name
     */
    static Map<String, Enclosure> expected(double[] g, double[] y, double gamma) {
        final Map<String, Enclosure> all = family(g, y, gamma, Double.NaN, true);
        all.putAll(geometry(g, y));
        final Map<String, Enclosure> out = new LinkedHashMap<>();
        for (String q : VectorFile.QUANTITIES) {
            out.put(q, all.get(q));
        }
        return out;
    }

    /**
     * The enclosures of Propositions 1–3: lambda_min_sup = yᵀg/gᵀg and lambda_max_inf = yᵀy/yᵀg
     * exactly, and (with the spectrum) kappa_min = κ of the explicit M_opt = M(α = yᵀy/yᵀg),
     * its extreme eigenvalues refined as in {@link #family} so that κ_min is decided.
     */
    static Map<String, Enclosure> bounds(double[] g, double[] y, boolean withSpectrum) {
        final ExactDots d = ExactDots.of(g, y);
        final Map<String, Enclosure> e = new LinkedHashMap<>();
        e.put("lambda_min_sup", Enclosure.of(d.yTg().divide(d.gTg())));
        e.put("lambda_max_inf", Enclosure.of(d.yTy().divide(d.yTg())));
        if (withSpectrum) {
            // Proposition 1's minimum is κ(M_opt): enclose it from the explicit M_opt.
            final Rational optimal = d.yTy().divide(d.yTg());
            final Enclosure[] extremes = extremeEigenvalues(ExplicitFamilyMetric.optimal(g, y), g, y, d, optimal);
            e.put("kappa_min", quotient("kappa_min", extremes[1], extremes[0]));
        }
        return e;
    }

    /**
     * The exact M(α)·x (alpha NaN: M(γ)), each component from the explicit rational matrix of
     * Eq. (8), never the closed form of apply.
     */
    static Enclosure[] product(double[] g, double[] y, double gamma, double alpha, double[] x) {
        final Rational[] r = explicit(g, y, gamma, alpha).multiply(ExactDots.exact(x, "x"));
        final Enclosure[] out = new Enclosure[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = Enclosure.of(r[i]);
        }
        return out;
    }

    /** The exact M(α)⁻¹·b (alpha NaN: M(γ)) by exact elimination on the explicit rational matrix. */
    static Enclosure[] solution(double[] g, double[] y, double gamma, double alpha, double[] b) {
        final Rational[] r = ExactSolve.of(explicit(g, y, gamma, alpha), ExactDots.exact(b, "b"));
        final Enclosure[] out = new Enclosure[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = Enclosure.of(r[i]);
        }
        return out;
    }

    private static RationalMatrix explicit(double[] g, double[] y, double gamma, double alpha) {
        final ExactDots d = ExactDots.of(g, y);
        final Rational a = Double.isNaN(alpha)
                ? Rational.of(gamma).multiply(d.yTy()).divide(d.yTg()) : Rational.of(alpha);
        return ExplicitFamilyMetric.ofAlpha(g, y, a);
    }

    static Map<String, Enclosure> geometry(double[] g, double[] y) {
        final GradientAngle angle = GradientAngle.of(g, y);
        final ExactDots d = angle.dots();
        final Map<String, Enclosure> e = new LinkedHashMap<>();
        e.put("cos_psi", angle.cos());
        e.put("sin_psi", angle.absSin());
        e.put("norm_ratio", angle.normRatio());
        e.put("y_dot_g", Enclosure.of(d.yTg()));
        e.put("y_dot_y", Enclosure.of(d.yTy()));
        e.put("g_dot_g", Enclosure.of(d.gTg()));
        return e;
    }

    static Map<String, Enclosure> family(double[] g, double[] y, double gamma, double alpha,
                                                 boolean withSpectrum) {
        final ExactDots d = ExactDots.of(g, y);
        final Rational a = Double.isNaN(alpha)
                ? Rational.of(gamma).multiply(d.yTy()).divide(d.yTg()) : Rational.of(alpha);
        final Map<String, Enclosure> e = new LinkedHashMap<>();
        e.put("alpha", Enclosure.of(a));
        e.put("gamma", Enclosure.of(a.multiply(d.yTg()).divide(d.yTy())));
        e.put("lambda_d", Enclosure.of(a));
        if (withSpectrum) {
            final RationalMatrix m = ExplicitFamilyMetric.ofAlpha(g, y, a);
            final Enclosure[] extremes = extremeEigenvalues(m, g, y, d, a);
            e.put("lambda_max", extremes[1]);
            e.put("lambda_min", extremes[0]);
            e.put("kappa", quotient("kappa", extremes[1], extremes[0]));
        }
        return e;
    }

    /**
     * Enclosures of λ_min and λ_max of the explicit matrix m = M(α), each to a relative width of
     * about 2^{@value #ROOT_BITS}, so that 40-digit decimals are meaningful.
     *
     * <p>Two certificates that must agree. (1) {@link SpectrumOracle} encloses every eigenvalue
     * of the explicit matrix (it stops refining as soon as the correctly rounded double is
     * decided, which may leave fewer than 30 digits). (2) M maps the plane span{g, y} into itself
     * (checked exactly by {@link SpanRestriction}), and λ_min &le; α &le; λ_max because
     * M − αI = yyᵀ/(yᵀg) − α·ggᵀ/(gᵀg) has one positive and one negative eigenvalue and D − 2
     * zeros; so λ_min and λ_max are the two roots of the restriction's exact characteristic
     * polynomial p(t) = t² − tr·t + det (the eigenvalues of M on the plane, a subset of its
     * spectrum containing the extremes). With v = tr/2, p(v) &le; 0 &lt; p(0) = det = p(2v), so
     * the roots are isolated in (0, v] and [v, 2v) and bisected on exact rationals. The result
     * must intersect (1)'s enclosure, else the oracle is inconsistent and an exception is thrown.
     * When y is a multiple c·g of g (no plane), M = c·ĝĝᵀ + α(I − ĝĝᵀ) exactly and the
     * extremes are the rationals c = yᵀg/gᵀg and α.
     */
    private static Enclosure[] extremeEigenvalues(RationalMatrix m, double[] g, double[] y,
                                                  ExactDots d, Rational a) {
        final Spectrum s = SpectrumOracle.of(m);
        final Enclosure[] out;
        final Rational gram = d.gTg().multiply(d.yTy()).subtract(d.yTg().multiply(d.yTg()));
        if (gram.signum() == 0) {
            final Rational c = d.yTg().divide(d.gTg());
            out = new Enclosure[] {Enclosure.of(c.min(a)), Enclosure.of(c.max(a))};
        } else {
            final SpanRestriction span = SpanRestriction.of(m, g, y);
            final Rational two = Rational.of(2);
            final Rational v = span.trace().divide(two);
            if (span.characteristicValue(v).signum() == 0) {
                out = new Enclosure[] {Enclosure.of(v), Enclosure.of(v)};   // a double root
            } else {
                out = new Enclosure[] {root(span, Rational.ZERO, v), root(span, v, v.multiply(two))};
            }
        }
        if (!out[0].intersects(s.min()) || !out[1].intersects(s.max())) {
            throw new IllegalStateException("oracle inconsistency: the span polynomial's roots "
                    + out[0] + ", " + out[1] + " are outside the explicit-matrix enclosures "
                    + s.min() + ", " + s.max());
        }
        return out;
    }

    /**
     * The single root of p in (lo, hi), where p(lo) and p(hi) have opposite signs: first a
     * candidate r from 130-digit arithmetic, certified by the exact signs of p at r(1 ∓ 2^-158)
     * (an interval in (lo, hi) where p changes sign holds exactly this root); if that fails,
     * bisection on exact rationals.
     */
    private static Enclosure root(SpanRestriction p, Rational lo, Rational hi) {
        final int signLo = p.characteristicValue(lo).signum();
        final Enclosure quick = certifiedCandidate(p, lo, hi, signLo);
        if (quick != null) {
            return quick;
        }
        final Rational half = Rational.of(1).divide(Rational.of(2));
        Rational a = lo;
        Rational b = hi;
        for (int step = 0; step < 4000; step++) {
            final Rational width = b.subtract(a);
            if (a.signum() > 0 && width.compareTo(a.multiply(RELATIVE)) <= 0) {
                break;
            }
            final Rational mid = a.add(b).multiply(half);
            final int sm = p.characteristicValue(mid).signum();
            if (sm == 0) {
                return Enclosure.of(mid);
            }
            if (sm == signLo) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return Enclosure.of(a.toBigDecimal(ROOT_DIGITS, RoundingMode.FLOOR),
                b.toBigDecimal(ROOT_DIGITS, RoundingMode.CEILING));
    }

    /** See {@link #root}; null when the candidate cannot be certified. */
    private static Enclosure certifiedCandidate(SpanRestriction p, Rational lo, Rational hi, int signLo) {
        final MathContext mc = new MathContext(130);
        final BigDecimal t = p.trace().toBigDecimal(130, RoundingMode.HALF_EVEN);
        final BigDecimal det = p.determinant().toBigDecimal(130, RoundingMode.HALF_EVEN);
        final BigDecimal v = t.divide(BigDecimal.valueOf(2), mc);
        final BigDecimal disc = v.multiply(v, mc).subtract(det, mc);
        if (disc.signum() < 0 || v.signum() <= 0) {
            return null;
        }
        final BigDecimal big = v.add(disc.sqrt(mc), mc);
        // The larger root without cancellation; the smaller from the product of the roots.
        final boolean upper = lo.signum() > 0;
        final BigDecimal r = upper ? big : det.divide(big, mc);
        final BigDecimal eps = new BigDecimal(BigInteger.ONE)
                .divide(new BigDecimal(BigInteger.ONE.shiftLeft(158)), mc);
        final Rational a = rational(r.multiply(BigDecimal.ONE.subtract(eps), mc)).max(lo);
        final Rational b = rational(r.multiply(BigDecimal.ONE.add(eps), mc)).min(hi);
        if (a.compareTo(b) >= 0) {
            return null;
        }
        final int sa = p.characteristicValue(a).signum();
        final int sb = p.characteristicValue(b).signum();
        if (sa == 0) {
            return Enclosure.of(a);
        }
        if (sb == 0) {
            return Enclosure.of(b);
        }
        // (a, b) ⊂ (lo, hi) holds exactly one root of p iff p changes sign on it (p has one root in (lo, hi)).
        if (sa != signLo || sb == signLo) {
            return null;
        }
        return Enclosure.of(a.toBigDecimal(ROOT_DIGITS, RoundingMode.FLOOR),
                b.toBigDecimal(ROOT_DIGITS, RoundingMode.CEILING));
    }

    /** The exact rational value of a decimal. */
    private static Rational rational(BigDecimal x) {
        final int scale = x.scale();
        return scale >= 0
                ? Rational.of(x.unscaledValue(), BigInteger.TEN.pow(scale))
                : Rational.of(x.unscaledValue().multiply(BigInteger.TEN.pow(-scale)));
    }


    private static void attach(Result out, Map<String, Enclosure> enclosures) {
        for (Result.Entry entry : new java.util.ArrayList<>(out.entries())) {
            if (entry instanceof Result.Scalar) {
                final Enclosure e = enclosures.get(entry.key());
                if (e != null) {
                    out.certify(entry.key(), Certificate.of(((Result.Scalar) entry).value(), e));
                }
            }
        }
    }

    /** λ_max/λ_min, or a {@link Limit} when λ_min is not certified positive. */
    private static Enclosure quotient(String name, Enclosure max, Enclosure min) {
        if (!min.isPositive()) {
            throw new Limit(name + ": λ_min is not certified positive (its enclosure " + min
                    + " contains 0 or less), so λ_max/λ_min has no finite enclosure");
        }
        return max.divide(min);
    }

    /**
     * Runs one certification. A {@link Limit} becomes a note naming the cause and the members
     * left without a certificate or, with {@code strict}, an error of kind
     * {@code not_certified}; any other exception is a bug and propagates (exit 4, or an
     * {@code internal_error} line in a batch).
     */
    void guarded(Result out, Runnable certification) {
        try {
            certification.run();
        } catch (Limit e) {
            final java.util.List<String> uncertified = new java.util.ArrayList<>();
            for (Result.Entry entry : out.entries()) {
                if (entry instanceof Result.Scalar && ((Result.Scalar) entry).certificate() == null) {
                    uncertified.add(entry.key());
                }
            }
            final String note = "not certified: " + String.join(", ", uncertified) + " (" + e.getMessage() + ")";
            if (strict) {
                throw new RequestException(RequestException.Kind.NOT_CERTIFIED, null, note);
            }
            out.certifyNote(note);
        }
    }
}
