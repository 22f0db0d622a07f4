package ngdref.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import ngdref.oracle.Enclosure;
import ngdref.oracle.ExactDots;
import ngdref.oracle.ExactSolution;
import ngdref.oracle.ExplicitFamilyMetric;
import ngdref.oracle.GradientAngle;
import ngdref.oracle.Rational;
import ngdref.oracle.RationalMatrix;
import ngdref.oracle.SpanRestriction;
import ngdref.oracle.PlaneSpectrum;

/**
 * {@code --certify}: attaches to the reference library's doubles the enclosures of the exact
 * values computed by the independent oracle ({@code ngdref.oracle}), which shares no formula with
 * the library: the inner products are exact rationals, cos ψ and |sin ψ| come from them by exact
 * rational arithmetic and a certified square root ({@link GradientAngle}); the eigenvalues of M
 * come from the explicit D×D rational matrix of Eq. (8): an exact check that every column of
 * M − αI lies in span{g, y} ({@link PlaneSpectrum}) proves that M is α on the plane's complement,
 * and the two remaining eigenvalues are bisected on the exact characteristic polynomial of its
 * restriction to the plane ({@link SpanRestriction}) — never the closed form of Lemma 1. M·x is
 * the exact product with the explicit matrix, M⁻¹·b an exact solution checked by m·z = b
 * ({@link ExactSolution}).
 *
 * <p>The explicit matrix costs O(D²) memory and O(D²) exact integer work, so the eigenvalues,
 * κ and the vectors are certified only up to {@link #maxDimension()} (default
 * {@value #DEFAULT_MAX_DIMENSION}); above it the result says so in its "certify_note".
 */
final class Certifier {

    /** Largest D whose explicit matrix the oracle is asked to enclose by default. */
    static final int DEFAULT_MAX_DIMENSION = 256;

    /** Relative width (in bits) to which the extreme eigenvalues are bisected. */
    private static final int ROOT_BITS = -160;
    /** Digits of the decimal ends of a root's enclosure (outward rounded). */
    private static final int ROOT_DIGITS = 60;

    /** The second, finer level of {@link Extremes#conditionNumber}: about what 100-digit enclosures hold. */
    private static final int REFINED_BITS = 320;

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

    /** Certifies cos_psi, sin_psi, psi, norm_ratio and the inner products present in {@code out}. */
    void geometry(Result out, double[] g, double[] y) {
        guarded(out, () -> {
            attach(out, geometry(g, y, true));
        });
    }

    /** Certifies λ_max, λ_min, λ_d, κ, α and γ of M(γ) (alpha NaN) or M(α) (gamma NaN). */
    void family(Result out, double[] g, double[] y, double gamma, double alpha) {
        guarded(out, () -> {
            // The eigenvalues only when the answer has them (metric's answer has γ and α only).
            final boolean wanted = !Double.isNaN(out.value("lambda_max")) || !Double.isNaN(out.value("lambda_min"))
                    || !Double.isNaN(out.value("kappa"));
            final Map<String, Enclosure> e = family(g, y, gamma, alpha, wanted && g.length <= maxDimension);
            attach(out, e);
            if (wanted && !e.containsKey("lambda_max")) {
                out.certifyNote(tooLarge(g.length));
            }
        });
    }

    /**
     * Certifies the components of M·x ("mx") and M⁻¹·b ("solve") present in {@code out}, from the
     * explicit rational matrix (exact product; exact solution checked by m·z = b).
     */
    void vectors(Result out, double[] g, double[] y, double gamma, double alpha, double[] x, double[] b) {
        guarded(out, () -> {
            if (g.length > maxDimension) {
                out.certifyNote(appendNote(out.certifyNote(), "D = " + g.length + " > " + maxDimension
                        + ": mx and solve are not certified (raise --certify-max-dimension)"));
                return;
            }
            final ExplicitMetric[] explicit = new ExplicitMetric[1];      // built once, when needed
            for (String key : new String[] {"mx", "solve"}) {
                final double[] value = out.vectorValue(key);
                final double[] input = key.equals("mx") ? x : b;
                if (value == null || input == null) {
                    continue;
                }
                if (explicit[0] == null) {
                    explicit[0] = new ExplicitMetric(g, y, gamma, alpha);
                }
                final Enclosure[] exact = key.equals("mx") ? explicit[0].product(input)
                        : explicit[0].solution(input);
                final Certificate[] cs = new Certificate[exact.length];
                for (int i = 0; i < exact.length; i++) {
                    cs[i] = Certificate.of(value[i], exact[i]);
                }
                out.certifyVector(key, cs);
            }
        });
    }

    /** {@code note; more}, or {@code more} when there is no note yet. */
    static String appendNote(String note, String more) {
        return note == null ? more : note + "; " + more;
    }

    /** Certifies the bounds of Propositions 1–3. */
    void bounds(Result out, double[] g, double[] y) {
        guarded(out, () -> {
            final ExactDots d = ExactDots.of(g, y);
            final Rational optimal = d.yTy().divide(d.yTg());
            attach(out, supremumAndInfimum(d, optimal));        // Props. 2–3 even when κ_min is a Limit
            if (g.length <= maxDimension) {
                attach(out, Map.of("kappa_min", minimumConditionNumber(g, y, optimal)));
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
        all.putAll(geometry(g, y, false));
        final Map<String, Enclosure> out = new LinkedHashMap<>();
        for (String q : VectorFile.QUANTITIES) {
            out.put(q, all.get(q));
        }
        return out;
    }

    /**
     * The enclosures of Propositions 1–3: lambda_min_sup = yᵀg/gᵀg and lambda_max_inf = yᵀy/yᵀg
     * exactly, and kappa_min = κ of the explicit M_opt = M(α = yᵀy/yᵀg), its extreme
     * eigenvalues refined as in {@link #family} so that κ_min is decided.
     */
    static Map<String, Enclosure> bounds(double[] g, double[] y) {
        final ExactDots d = ExactDots.of(g, y);
        final Rational optimal = d.yTy().divide(d.yTg());          // also α of M_opt
        final Map<String, Enclosure> e = supremumAndInfimum(d, optimal);
        e.put("kappa_min", minimumConditionNumber(g, y, optimal));
        return e;
    }

    /** Props. 2–3: lambda_min_sup = yᵀg/gᵀg and lambda_max_inf = yᵀy/yᵀg ({@code optimal}), exactly. */
    private static Map<String, Enclosure> supremumAndInfimum(ExactDots d, Rational optimal) {
        final Map<String, Enclosure> e = new LinkedHashMap<>();
        e.put("lambda_min_sup", ratio(d.yTg(), d.gTg()));
        e.put("lambda_max_inf", Enclosure.of(optimal));
        return e;
    }

    /** Prop. 1's minimum, κ(M_opt), enclosed from the explicit M_opt = M(α = yᵀy/yᵀg = {@code optimal}). */
    private static Enclosure minimumConditionNumber(double[] g, double[] y, Rational optimal) {
        return Extremes.of(ExplicitFamilyMetric.optimal(g, y), g, y, optimal).conditionNumber("kappa_min");
    }

    /**
     * M(α) (alpha NaN: M(γ)) as the explicit rational matrix of Eq. (8): what M·x (exact product)
     * and M⁻¹·b (exact solution checked by M·z = b) are computed from.
     */
    static final class ExplicitMetric {
        private final PlaneSpectrum plane;

        ExplicitMetric(double[] g, double[] y, double gamma, double alpha) {
            final Rational exact = exactAlpha(ExactDots.of(g, y), gamma, alpha);
            final RationalMatrix m = Double.isNaN(alpha) ? ExplicitFamilyMetric.ofGamma(g, y, gamma)
                    : ExplicitFamilyMetric.ofAlpha(g, y, exact);
            // every entry of the explicit matrix checked once; products then use its certified columns
            this.plane = PlaneSpectrum.of(m, exact, g, y);
        }

        /** The exact M·x, from the explicit matrix's certified columns ({@link PlaneSpectrum#times}). */
        Enclosure[] product(double[] x) {
            return enclosures(plane.times(ExactDots.exact(x, "x")));
        }

        /** The exact M⁻¹·b, checked by M·z = b ({@link ExactSolution}). */
        Enclosure[] solution(double[] b) {
            return enclosures(ExactSolution.of(plane, ExactDots.exact(b, "b")));
        }

        /**
         * Enclosures of exact quotients: one integer division each (no reduction); the exact
         * rational only when that enclosure does not decide the rounding (an exact midpoint).
         */
        private static Enclosure[] enclosures(RationalMatrix.Quotients q) {
            final Enclosure[] out = new Enclosure[q.numerators().length];
            for (int i = 0; i < out.length; i++) {
                final Enclosure fast = Enclosure.ofQuotient(q.numerators()[i], q.denominator());
                out[i] = fast.correctlyRounded().isPresent() ? fast
                        : Enclosure.of(Rational.of(q.numerators()[i], q.denominator()));
            }
            return out;
        }
    }

    /** cos_psi, sin_psi, (psi,) norm_ratio and the inner products; ψ costs milliseconds, so it is optional. */
    static Map<String, Enclosure> geometry(double[] g, double[] y, boolean withPsi) {
        final GradientAngle angle = GradientAngle.of(g, y);
        final ExactDots d = angle.dots();
        final Map<String, Enclosure> e = new LinkedHashMap<>();
        e.put("cos_psi", angle.cos());
        e.put("sin_psi", angle.absSin());
        if (withPsi) {
            e.put("psi", angle.psi());
        }
        e.put("norm_ratio", angle.normRatio());
        e.put("y_dot_g", Enclosure.of(d.yTg()));
        e.put("y_dot_y", Enclosure.of(d.yTy()));
        e.put("g_dot_g", Enclosure.of(d.gTg()));
        return e;
    }

    /** The enclosure of a/b that {@code Enclosure.of(a.divide(b))} gives, without reducing a/b. */
    private static Enclosure ratio(Rational a, Rational b) {
        return Enclosure.ofFraction(a.numerator().multiply(b.denominator()), a.denominator().multiply(b.numerator()));
    }

    /** The exact α: the given α, or γ·yᵀy/yᵀg (Eq. 22) when α is NaN. */
    private static Rational exactAlpha(ExactDots d, double gamma, double alpha) {
        return Double.isNaN(alpha) ? Rational.of(gamma).multiply(d.yTy()).divide(d.yTg()) : Rational.of(alpha);
    }

    static Map<String, Enclosure> family(double[] g, double[] y, double gamma, double alpha,
                                                 boolean withSpectrum) {
        final ExactDots d = ExactDots.of(g, y);
        final Rational a = exactAlpha(d, gamma, alpha);
        final Map<String, Enclosure> e = new LinkedHashMap<>();
        e.put("alpha", Enclosure.of(a));
        e.put("gamma", Enclosure.ofFraction(a.numerator().multiply(d.yTg().numerator()).multiply(d.yTy().denominator()),
                a.denominator().multiply(d.yTg().denominator()).multiply(d.yTy().numerator())));
        e.put("lambda_d", Enclosure.of(a));
        if (withSpectrum) {
            final RationalMatrix m = Double.isNaN(alpha) ? ExplicitFamilyMetric.ofGamma(g, y, gamma)
                    : ExplicitFamilyMetric.ofAlpha(g, y, a);
            final Extremes x = Extremes.of(m, g, y, a);
            e.put("lambda_max", x.max());
            e.put("lambda_min", x.min());
            e.put("kappa", x.conditionNumber("kappa"));
        }
        return e;
    }

    /**
     * λ_min and λ_max of the explicit matrix m = M(α), as enclosures of relative width about
     * 2^−bits (bits = {@value #ROOT_BITS} first, so that 40-digit decimals are meaningful), or as
     * exact rationals when they are rational; O(D²) exact work.
     *
     * <p>The certificate, all exact: (1) every column of m − αI lies in span{g, y}
     * ({@link PlaneSpectrum}), so m = αI on the plane's orthogonal complement and every eigenvalue
     * of m is α or an eigenvalue of m on the plane; (2) hence m maps the plane into itself, and
     * its restriction ({@link SpanRestriction}, from the same combinations) has the two roots of
     * its exact characteristic polynomial p(t) = t² − tr·t + det as eigenvalues; (3) p(α) &le; 0,
     * so α lies between the roots and the extremes of the spectrum are the roots themselves. The
     * roots are rational exactly when tr² − 4·det is the square of a rational (then they are
     * computed exactly); otherwise, with v = tr/2, p(v) &lt; 0 &lt; p(0) = det = p(2v), so they
     * are isolated in (0, v) and (v, 2v) and enclosed by a certified candidate or exact
     * bisection. When y is a multiple of g (no plane), (1) holds with span{g} and the extremes
     * are α and the eigenvalue on g, exactly. Any failed check is an oracle inconsistency and
     * throws. (The general explicit-matrix enclosure {@link ngdref.oracle.SpectrumOracle},
     * O(D³), is compared with this in PlaneSpectrumTest; it is not on this path.)
     *
     * @param min λ_min's enclosure
     * @param max λ_max's enclosure
     * @param exactMin λ_min when it is rational (else null)
     * @param exactMax λ_max when it is rational (else null)
     * @param span the restriction to refine the roots further (null when both are exact)
     */
    private record Extremes(Enclosure min, Enclosure max, Rational exactMin, Rational exactMax,
                            SpanRestriction span) {

        static Extremes of(RationalMatrix m, double[] g, double[] y, Rational a) {
            final PlaneSpectrum plane = PlaneSpectrum.of(m, a, g, y);
            if (plane.isLine()) {
                return exact(plane.eigenvalueOnG().min(a), plane.eigenvalueOnG().max(a));
            }
            final SpanRestriction span = plane.restriction();
            if (span.characteristicSign(a) > 0) {
                throw new IllegalStateException("oracle inconsistency: α = " + a.approximate()
                        + " is not between the eigenvalues of M on span{g, y}");
            }
            final Rational root = span.discriminantSquareRoot();
            if (root != null) {
                final Rational two = Rational.of(2);
                return exact(span.trace().subtract(root).divide(two), span.trace().add(root).divide(two));
            }
            return refined(span, -ROOT_BITS);
        }

        private static Extremes exact(Rational min, Rational max) {
            return new Extremes(Enclosure.of(min), Enclosure.of(max), min, max, null);
        }

        private static Extremes refined(SpanRestriction span, int bits) {
            return new Extremes(root(span, false, bits), root(span, true, bits), null, null, span);
        }

        /**
         * κ = λ_max/λ_min, decided: exactly when both are rational, else from the enclosures,
         * refined once to 2^−{@value #REFINED_BITS} when the first ones do not decide the
         * rounding; a {@link Limit} when even that does not (never a guess).
         */
        Enclosure conditionNumber(String name) {
            if (exactMin != null) {
                return Enclosure.of(exactMax.divide(exactMin));
            }
            final Enclosure first = quotient(name, max, min);
            if (first.correctlyRounded().isPresent()) {
                return first;
            }
            final Extremes finer = refined(span, REFINED_BITS);
            final Enclosure second = quotient(name, finer.max(), finer.min());
            if (second.correctlyRounded().isEmpty()) {
                throw new Limit(name + ": the enclosure " + second + " of λ_max/λ_min straddles a rounding"
                        + " boundary of double even with the eigenvalues to 2^-" + REFINED_BITS);
            }
            return second;
        }
    }

    /**
     * The single root of p in (lo, hi) — (0, v) for the smaller root, (v, 2v) for the larger,
     * v = tr/2 — where p(lo) and p(hi) have opposite signs (the discriminant is positive and not
     * a rational square), to a relative width of about 2^−bits: first a candidate r from
     * high-precision decimal arithmetic, certified by the exact signs of p at r(1 ∓ 2^(2−bits))
     * (an interval in (lo, hi) where p changes sign holds exactly this root); if that fails,
     * bisection on exact rationals.
     */
    private static Enclosure root(SpanRestriction p, boolean upper, int bits) {
        // p(0) = det, p(v) = −(tr² − 4·det)/4, both signs exact without forming v
        final int signAtZero = p.characteristicSign(Rational.ZERO);
        final int signAtV = -p.discriminantSign();
        final int signLo = upper ? signAtV : signAtZero;
        final Enclosure quick = certifiedCandidate(p, upper, signAtZero, signAtV, bits);
        if (quick != null) {
            return quick;
        }
        final Rational v = p.trace().divide(Rational.of(2));
        final Rational lo = upper ? v : Rational.ZERO;
        final Rational hi = upper ? v.multiply(Rational.of(2)) : v;
        final Rational relative = Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(bits));
        final Rational half = Rational.of(1).divide(Rational.of(2));
        Rational a = lo;
        Rational b = hi;
        for (int step = 0; step < 25 * bits; step++) {
            final Rational width = b.subtract(a);
            if (a.signum() > 0 && width.compareTo(a.multiply(relative)) <= 0) {
                break;
            }
            final Rational mid = a.add(b).multiply(half);
            final int sm = p.characteristicSign(mid);
            if (sm == 0) {
                return Enclosure.of(mid);
            }
            if (sm == signLo) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return Enclosure.of(a.toBigDecimal(digits(bits), RoundingMode.FLOOR),
                b.toBigDecimal(digits(bits), RoundingMode.CEILING));
    }

    /** Decimal digits of a root's ends at a relative width of 2^−bits (60 at the first level). */
    private static int digits(int bits) {
        return bits * ROOT_DIGITS / -ROOT_BITS;
    }

    /** See {@link #root}; null when the candidate cannot be certified. */
    private static Enclosure certifiedCandidate(SpanRestriction p, boolean upper, int signAtZero, int signAtV,
            int bits) {
        final int signLo = upper ? signAtV : signAtZero;
        final int precision = digits(bits) + 70;                 // 130 digits at the first level
        final MathContext mc = new MathContext(precision);
        final BigDecimal t = p.traceDecimal(precision);
        final BigDecimal det = p.determinantDecimal(precision);
        final BigDecimal v = t.divide(BigDecimal.valueOf(2), mc);
        final BigDecimal disc = v.multiply(v, mc).subtract(det, mc);
        if (disc.signum() < 0 || v.signum() <= 0) {
            return null;
        }
        final BigDecimal big = v.add(disc.sqrt(mc), mc);
        // The larger root without cancellation; the smaller from the product of the roots.
        final BigDecimal r = upper ? big : det.divide(big, mc);
        final BigDecimal eps = new BigDecimal(BigInteger.ONE)
                .divide(new BigDecimal(BigInteger.ONE.shiftLeft(bits - 2)), mc);
        final Rational a = rational(r.multiply(BigDecimal.ONE.subtract(eps), mc));
        final Rational b = rational(r.multiply(BigDecimal.ONE.add(eps), mc));
        // (a, b) is clipped to (lo, hi) = (0, v) or (v, 2v), v = tr/2: an end beyond lo or hi is
        // replaced by it. lo and hi are kept as multiples of tr, compared with a and b in
        // integers (no gcd): 0 and tr (where p = det) and v (where p = −(tr² − 4·det)/4), their
        // decimals rounded outward.
        final int loMultiple = upper ? 2 : 0;        // lo = tr/2 or 0
        final int hiMultiple = upper ? 1 : 2;        // hi = tr or tr/2
        final boolean aClipped = loMultiple == 0 ? a.signum() <= 0 : p.compareWithTrace(a, loMultiple) <= 0;
        final boolean bClipped = p.compareWithTrace(b, hiMultiple) >= 0;
        // a >= b: both rational, or one clipped end against the other (lo < hi always)
        final boolean empty = aClipped && bClipped ? false
                : aClipped ? (loMultiple == 0 ? b.signum() <= 0 : p.compareWithTrace(b, loMultiple) <= 0)
                : bClipped ? p.compareWithTrace(a, hiMultiple) >= 0
                : a.compareTo(b) >= 0;
        if (empty) {
            return null;
        }
        // p at tr (the upper root's hi) equals p(0) = det
        final int sa = aClipped ? (upper ? signAtV : signAtZero) : p.characteristicSign(a);
        final int sb = bClipped ? (upper ? signAtZero : signAtV) : p.characteristicSign(b);
        if (sa == 0) {
            return aClipped ? null : Enclosure.of(a);
        }
        if (sb == 0) {
            return bClipped ? null : Enclosure.of(b);
        }
        // (a, b) ⊂ (lo, hi) holds exactly one root of p iff p changes sign on it (p has one root in (lo, hi)).
        if (sa != signLo || sb == signLo) {
            return null;
        }
        final int digits = digits(bits);
        return Enclosure.of(
                !aClipped ? a.toBigDecimal(digits, RoundingMode.FLOOR)
                        : loMultiple == 0 ? BigDecimal.ZERO : p.traceDecimal(loMultiple, digits, RoundingMode.FLOOR),
                bClipped ? p.traceDecimal(hiMultiple, digits, RoundingMode.CEILING)
                        : b.toBigDecimal(digits, RoundingMode.CEILING));
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
