package ngdref.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import ngdref.dense.CanonicalForm;
import ngdref.dense.MetricCheck;
import ngdref.dense.PreconditionerMetric;
import ngdref.discrete.AverageVectorFieldDiscreteGradient;
import ngdref.discrete.DiscreteGradient;
import ngdref.discrete.DiscreteStep;
import ngdref.discrete.HessianCorrectedMetric;
import ngdref.discrete.ItohAbeDiscreteGradient;
import ngdref.discrete.MidpointDiscreteGradient;
import ngdref.discrete.StochasticMetric;
import ngdref.discrete.TaylorDiscreteGradient;
import ngdref.discrete.TimeVaryingExtension;
import ngdref.metric.MetricBounds;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;
import org.apache.commons.math3.exception.MaxCountExceededException;

/**
 * The operations of the command line and of batch requests, each a thin call into the reference
 * library: the request's fields are parsed by {@link Request}, the library validates them and
 * computes, and the outputs are collected in a {@link Result}. Nothing here recomputes a formula
 * of the paper.
 */
enum Operation {

    /** Parses and returns the vector x: lets a client check its encoding of doubles. */
    ECHO("echo", "the vector x as parsed (to check an encoding of doubles)") {
        @Override
        Result compute(Request r, Certifier c, Limits limits) {
            return new Result().vector("x", r.vector("x"));
        }
    },

    /** cos ψ, |sin ψ|, ψ and the inner products (UpdateGeometry). */
    GEOMETRY("geometry", "cos ψ, |sin ψ|, ψ, ‖y‖/‖g‖ and the inner products of g and y") {
        @Override
        Result compute(Request r, Certifier c, Limits limits) {
            final double[] g = r.vector("g");
            final double[] y = r.vector("y");
            r.requireAllRead(name);
            final UpdateGeometry geo = library(() -> UpdateGeometry.of(g, y));
            final Result out = new Result()
                    .count("dimension", geo.dimension())
                    .quantity("cos_psi", geo::cosPsi)
                    .quantity("sin_psi", geo::sinPsi)
                    .quantity("psi", geo::psi)
                    .quantity("norm_ratio", geo::normRatio)
                    .quantity("y_dot_g", geo::yDotG)
                    .quantity("y_dot_y", geo::yDotY)
                    .quantity("g_dot_g", geo::gDotG);
            if (c != null) {
                c.geometry(out, g, y);
            }
            return out;
        }
    },

    /** Lemma 1: the spectrum and κ of M(γ) or M(α). */
    SPECTRUM("spectrum", "λ_max, λ_min, λ_d and κ of M(γ), Eq. (22), or M(α), Eq. (8) (Lemma 1)") {
        @Override
        Result compute(Request r, Certifier c, Limits limits) {
            final Family f = Family.of(r);
            r.requireAllRead(name);
            final OneParameterMetric m = library(f::metric);
            final Result out = new Result();
            spectrum(out, m, library(m::spectrum));
            if (c != null) {
                c.family(out, f.g, f.y, f.gamma(), f.alpha());
            }
            return out;
        }
    },

    /** Propositions 1–3. */
    BOUNDS("bounds", "Proposition 1 (min κ over all metrics), 2 (sup λ_min) and 3 (inf λ_max)") {
        @Override
        Result compute(Request r, Certifier c, Limits limits) {
            final double[] g = r.vector("g");
            final double[] y = r.vector("y");
            r.requireAllRead(name);
            final UpdateGeometry geo = library(() -> UpdateGeometry.of(g, y));
            final Result out = new Result()
                    .count("dimension", geo.dimension())
                    .quantity("kappa_min", () -> MetricBounds.minimumConditionNumber(geo))
                    .quantity("lambda_min_sup", () -> MetricBounds.lambdaMinSupremum(geo))
                    .quantity("lambda_max_inf", () -> MetricBounds.lambdaMaxInfimum(geo));
            if (c != null) {
                c.bounds(out, g, y);
            }
            return out;
        }
    },

    /** The metric itself: dense M (small D), Mx, M⁻¹b, eigenvectors. */
    METRIC("metric", "M(γ) or M(α): the dense matrix (small D), M·x, M⁻¹·b, the simple eigenvectors") {
        @Override
        Result compute(Request r, Certifier c, Limits limits) {
            final Family f = Family.of(r);
            final double[] x = r.vectorOrNull("x");
            final double[] b = r.vectorOrNull("b");
            final boolean dense = r.flag("dense", f.g.length <= DENSE_DEFAULT_LIMIT);
            final boolean vectors = r.flag("eigenvectors", false);
            r.requireAllRead(name);
            if (dense) {
                limits.requireDense("metric: the dense M", f.g.length);
            }
            final OneParameterMetric m = library(f::metric);
            final Result out = new Result().count("dimension", m.dimension());
            out.quantity("gamma", m::gamma);
            out.quantity("alpha", m::alpha);
            if (dense) {
                out.matrix("matrix", library(m::toArray));
            }
            if (x != null) {
                out.vector("mx", library(() -> m.apply(x)));
            }
            if (b != null) {
                out.vector("solve", library(() -> m.solve(b)));
            }
            if (vectors) {
                final double[][] v = library(m::simpleEigenvectors);
                out.vector("v_max", v[0]).vector("v_min", v[1]);
            }
            if (c != null) {
                c.family(out, f.g, f.y, f.gamma(), f.alpha());
                c.vectors(out, f.g, f.y, f.gamma(), f.alpha(), x, b);
                if (dense || vectors) {
                    out.certifyNote(Certifier.appendNote(out.certifyNote(),
                            (dense && vectors ? "the matrix and the eigenvectors are" : dense ? "the matrix is"
                                    : "the eigenvectors are") + " not certified: the oracle encloses scalars and"
                                    + " the components of mx and solve, not matrices or eigenvectors"));
                }
            }
            return out;
        }
    },

    /** The canonical-form theorem, Eq. (6)–(7). */
    DECOMPOSE("decompose", "the canonical form (6) of an SPD M with Mg = y: M' = M − yyᵀ/(yᵀg) = Σ uᵢuᵢᵀ") {
        @Override
        Result compute(Request r, Certifier c, Limits limits) {
            final double[][] given = r.matrixOrNull("m");
            final double[] g = r.vector("g");
            final double tolerance = r.scalar("tolerance", DEFAULT_TOLERANCE);
            // M, M' and the basis are D×D, and the decomposition O(D³), whether M is given or built.
            limits.requireDense("decompose: M", Math.max(g.length, given == null ? 0 : given.length));
            final double[][] m;
            final double[] y;
            if (given != null) {
                m = given;
                y = r.has("y") ? r.vector("y") : library(() -> product(given, g));
                r.requireAllRead(name);
            } else {
                final Family f = Family.of(r);
                r.requireAllRead(name);
                m = library(() -> f.metric().toArray());
                y = f.y;
            }
            final CanonicalForm form;
            try {
                form = library(() -> CanonicalForm.decompose(m, g, y, tolerance));
            } catch (MaxCountExceededException e) {
                // Commons Math's QR iteration gives up on some badly scaled matrices (found by
                // BatchFuzzTest, e.g. entries from 1e-73 to 1e227): a limit of the method, not a bug here.
                throw new RequestException(RequestException.Kind.NOT_CONVERGED, null,
                        "decompose: the eigen decomposition of M' did not converge (" + e.getMessage() + ")");
            }
            final Result out = new Result().count("dimension", g.length);
            if (given != null && !r.node().has("y")) {
                out.vector("y", y);
            }
            out.matrix("m_prime", form.mPrime())
                    .matrix("basis", form.basis())
                    .quantity("m_prime_g_residual", form::mPrimeGResidual)
                    .quantity("reconstruction_error", form::reconstructionError);
            if (c != null) {
                out.certifyNote("op decompose: dense Commons Math results, not certified");
            }
            return out;
        }
    },

    /** One checker for any metric (issue 15): is a given M a valid metric for the step (g, y)? */
    VERIFY("verify", "grade a metric M for the step (g, y): SPD, Mg = y, M⁻¹y = g and Props. 1–3") {
        @Override
        Result compute(Request r, Certifier c, Limits limits) {
            final double[][] m = r.matrix("m");
            final double[] g = r.vector("g");
            final double[] y = r.vector("y");
            final double tolerance = r.scalar("tolerance", MetricCheck.DEFAULT_TOLERANCE);
            // M, its eigen decomposition and Cholesky factor are D×D, O(D³).
            limits.requireDense("verify: M", m.length);
            r.requireAllRead(name);
            final MetricCheck check = library(() -> MetricCheck.of(PreconditionerMetric.dense(m), g, y));
            final List<String> failures = library(() -> check.failures(tolerance));
            final Result out = new Result().count("dimension", g.length)
                    .flag("valid", failures.isEmpty())
                    .text("failures", String.join("; ", failures))
                    .scalar("lambda_min", check.lambdaMin())
                    .scalar("lambda_max", check.lambdaMax())
                    .scalar("mg_residual", check.mgResidual())
                    .quantity("solve_residual", check::solveResidual)
                    .scalar("sup_lambda_min", check.lambdaMinSupremum())
                    .scalar("inf_lambda_max", check.lambdaMaxInfimum())
                    .scalar("kappa_min", check.minimumConditionNumber());
            if (c != null) {
                out.certifyNote("op verify: dense Commons Math results, not certified");
            }
            return out;
        }
    },

    /** Section 2.2: one step of a quadratic loss with a discrete gradient, M̄ and Eq. (17). */
    DISCRETE("discrete", "one step θ + ηg on L = ½θᵀAθ − bᵀθ: ȳ (13), the discrete metric M̄ (14)"
            + " and the η bound of Eq. (17)") {
        @Override
        Result compute(Request r, Certifier c, Limits limits) {
            final double[][] a = r.matrix("A");
            // ½A and the Hessian correction's eigen decomposition are D×D, O(D³).
            limits.requireDense("discrete: A", a.length);
            final double[] bias = r.vectorOrNull("b");
            final double[] theta = r.vector("theta");
            final double eta = r.scalar("eta");
            final double gamma = r.scalar("gamma", 1.0);
            final String rule = r.text("gradient", "midpoint");
            final int nodes = r.count("nodes", 3);
            final double[] gGiven = r.vectorOrNull("g");
            r.requireAllRead(name);
            final QuadraticLoss loss = library(() -> new QuadraticLoss(a, bias));
            final DiscreteGradient dg = discreteGradient(rule, nodes);
            // Default update: gradient descent, g = −∇L(θ).
            final double[] g = gGiven != null ? gGiven : negate(library(() -> loss.gradient(theta)));
            final DiscreteStep step = library(() -> DiscreteStep.of(loss, dg, theta, eta, g, gamma));
            final Result out = new Result().text("gradient", rule);
            if (gGiven == null) {
                out.vector("g", g);
            }
            out.vector("theta_next", step.next())
                    .vector("y_bar", step.yBar())
                    .quantity("decrease", step::decrease);
            final OneParameterMetric mBar = step.metric();
            spectrum(out, mBar, library(mBar::spectrum));
            // Eq. (17) with H = ½∇²L = ½A (constant for a quadratic loss).
            final double[][] half = new double[a.length][a.length];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < a.length; j++) {
                    half[i][j] = 0.5 * a[i][j];
                }
            }
            final double[] yBar = step.yBar();
            out.quantity("eta_bound_sup", () -> HessianCorrectedMetric.learningRateBound(g, yBar, half));
            HessianCorrectedMetric corrected = null;
            try {
                corrected = HessianCorrectedMetric.of(g, yBar, half, eta, gamma);
            } catch (IllegalArgumentException | ArithmeticException e) {
                out.flag("corrected_spd", false).refused("corrected",
                        RequestException.fromLibrary(e).kind(), e.getMessage());
            }
            if (corrected != null) {
                out.quantity("negative_curvature", corrected::negativeCurvature)
                        .quantity("eta_bound", corrected::learningRateBound)
                        .flag("corrected_spd", true);
            }
            if (c != null) {
                c.family(out, g, yBar, gamma, Double.NaN);
                out.certifyNote(Certifier.appendNote(out.certifyNote(), "the spectrum of M̄ is certified for the"
                        + " computed ȳ; θ_next, ȳ and the η bounds are not certified"));
            }
            return out;
        }
    },

    /** The time-varying extension v = [θ, t]. */
    TIME_VARYING("time_varying", "the metric on [θ, t] for a time-varying loss: g = [θ̇, 1],"
            + " y = −[∇_θL, ∂_tL], and its spectrum") {
        @Override
        Result compute(Request r, Certifier c, Limits limits) {
            final double[] thetaDot = r.vector("theta_dot");
            final double[] gradTheta = r.vector("grad_theta");
            final double dLdt = r.scalar("dl_dt");
            final double gamma = r.scalar("gamma", 1.0);
            r.requireAllRead(name);
            final OneParameterMetric m = library(() ->
                    TimeVaryingExtension.metric(thetaDot, gradTheta, dLdt, gamma));
            final double[] g = library(() -> TimeVaryingExtension.extendedUpdate(thetaDot));
            final double[] y = library(() -> TimeVaryingExtension.extendedNegativeGradient(gradTheta, dLdt));
            final Result out = new Result().vector("g", g).vector("y", y);
            spectrum(out, m, library(m::spectrum));
            if (c != null) {
                c.family(out, g, y, gamma, Double.NaN);
            }
            return out;
        }
    },

    /** Eqs. (19)–(20). */
    STOCHASTIC("stochastic", "the stochastic metric (19) from samples of g, ȳ and Hg: ⟨g⟩,"
            + " −∇L = ⟨ȳ⟩ + η⟨Hg⟩, the η bound, M·x and M⁻¹·b") {
        @Override
        Result compute(Request r, Certifier c, Limits limits) {
            final double[][] gs = r.matrix("g_samples");
            final double[][] ys = r.matrix("ybar_samples");
            final double[][] hs = r.matrix("hg_samples");
            final double eta = r.scalar("eta");
            final double gamma = r.scalar("gamma", 1.0);
            final double[] x = r.vectorOrNull("x");
            final double[] b = r.vectorOrNull("b");
            r.requireAllRead(name);
            final StochasticMetric m = library(() -> StochasticMetric.of(gs, ys, hs, eta, gamma));
            final Result out = new Result()
                    .vector("mean_update", m.meanUpdate())
                    .vector("negative_gradient", m.negativeGradient())
                    .quantity("eta_bound", m::learningRateBound);
            if (x != null) {
                out.vector("mx", library(() -> m.apply(x)));
            }
            if (b != null) {
                out.vector("solve", library(() -> m.solve(b)));
            }
            if (c != null) {
                out.certifyNote("op stochastic: not certified");
            }
            return out;
        }
    };

    /** Dense output by default up to this dimension. */
    static final int DENSE_DEFAULT_LIMIT = 16;
    /** Default relative tolerance of {@code decompose} (symmetry, Mg = y, M'g = 0). */
    static final double DEFAULT_TOLERANCE = 1e-10;

    final String name;
    private final String summary;

    Operation(String name, String summary) {
        this.name = name;
        this.summary = summary;
    }

    /**
     * Computes the request.
     *
     * @param r the request (its "op" is this operation)
     * @param certifier the oracle, or null for no certificates
     * @param limits the bounds on dense output
     * @return the outputs
     * @throws RequestException for malformed fields or inputs the library rejects
     */
    abstract Result compute(Request r, Certifier certifier, Limits limits);

    String summary() {
        return summary;
    }

    /**
     * The operation named {@code name}.
     *
     * @throws RequestException of kind unknown_op
     */
    static Operation named(String name) {
        for (Operation op : values()) {
            if (op.name.equals(name)) {
                return op;
            }
        }
        throw new RequestException(RequestException.Kind.UNKNOWN_OP, "op", "unknown op \"" + name
                + "\"; expected one of " + String.join(", ", names()));
    }

    static List<String> names() {
        final List<String> out = new ArrayList<>();
        for (Operation op : values()) {
            out.add(op.name);
        }
        return out;
    }

    /** The spectrum entries shared by spectrum, discrete and time_varying. */
    private static void spectrum(Result out, OneParameterMetric m, MetricSpectrum s) {
        spectrumMembers(out, s.dimension(), m::gamma, m::alpha, s::lambdaMax, s::lambdaMin, s::lambdaD,
                s.lambdaDMultiplicity(), s::conditionNumber);
    }

    /**
     * The spectrum members, each double from its own accessor through {@link Result#quantity}:
     * an accessor that throws ArithmeticException costs only its member (issue 12: the library
     * refuses each quantity outside the range of double by itself).
     */
    static void spectrumMembers(Result out, int dimension, DoubleSupplier gamma, DoubleSupplier alpha,
                                DoubleSupplier lambdaMax, DoubleSupplier lambdaMin, DoubleSupplier lambdaD,
                                int multiplicity, DoubleSupplier kappa) {
        out.count("dimension", dimension)
                .quantity("gamma", gamma)
                .quantity("alpha", alpha)
                .quantity("lambda_max", lambdaMax)
                .quantity("lambda_min", lambdaMin)
                .quantity("lambda_d", lambdaD)
                .count("lambda_d_multiplicity", multiplicity)
                .quantity("kappa", kappa);
    }

    /** A γ- or α-parametrised member of the family on (g, y). */
    static final class Family {
        final double[] g;
        final double[] y;
        /** Whether the request gave α (Eq. 8) rather than γ (Eq. 22). */
        final boolean byAlpha;
        /** The γ or α given (NaN is passed on for the library to reject by its own name). */
        final double parameter;

        private Family(double[] g, double[] y, boolean byAlpha, double parameter) {
            this.g = g;
            this.y = y;
            this.byAlpha = byAlpha;
            this.parameter = parameter;
        }

        /** γ, or NaN when α is given (the certifier's convention). */
        double gamma() {
            return byAlpha ? Double.NaN : parameter;
        }

        /** α, or NaN when γ is given. */
        double alpha() {
            return byAlpha ? parameter : Double.NaN;
        }

        static Family of(Request r) {
            final double[] g = r.vector("g");
            final double[] y = r.vector("y");
            if (r.has("gamma") && r.has("alpha")) {
                throw new RequestException(RequestException.Kind.BAD_FIELD, "alpha", "give \"gamma\""
                        + " (Eq. 22) or \"alpha\" (Eq. 8), not both");
            }
            if (r.has("alpha")) {
                return new Family(g, y, true, r.scalar("alpha"));
            }
            return new Family(g, y, false, r.scalar("gamma", 1.0));
        }

        OneParameterMetric metric() {
            return byAlpha ? OneParameterMetric.ofAlpha(g, y, parameter)
                    : OneParameterMetric.ofGamma(g, y, parameter);
        }
    }

    /** Runs a library call, turning its IllegalArgumentException/ArithmeticException into a RequestException. */
    static <T> T library(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw RequestException.fromLibrary(e);
        }
    }

    private static DiscreteGradient discreteGradient(String rule, int nodes) {
        switch (rule.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "midpoint":
                return new MidpointDiscreteGradient();
            case "itoh_abe":
                return new ItohAbeDiscreteGradient();
            case "avf":
                return library(() -> new AverageVectorFieldDiscreteGradient(nodes));
            case "taylor":
                return new TaylorDiscreteGradient();
            default:
                throw new RequestException(RequestException.Kind.BAD_FIELD, "gradient", "unknown"
                        + " discrete gradient \"" + rule + "\"; expected midpoint, itoh_abe, avf or taylor");
        }
    }

    private static double[] negate(double[] v) {
        final double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    /** M·g with validation (for decompose without y): the library checks the rest. */
    private static double[] product(double[][] m, double[] g) {
        ngdref.metric.Inputs.requireEntries("g", g);
        final double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            ngdref.metric.Inputs.requireEntries("m[" + i + "]", m[i]);
            if (m[i].length != g.length) {
                throw new IllegalArgumentException("m row " + i + " has " + m[i].length
                        + " entries but g has length " + g.length);
            }
            double s = 0.0;
            for (int j = 0; j < g.length; j++) {
                s = Math.fma(m[i][j], g[j], s);
            }
            out[i] = s;
        }
        return out;
    }
}
