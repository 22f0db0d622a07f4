package ngdref.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Human-readable output: one quantity per line with its symbol, the shortest round-trip decimal
 * and the exact hex form; with a certificate, a second line with the oracle's decimal, its error
 * bound and the distance in ulps to the correctly rounded double.
 */
final class TextOutput {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("dimension", "D"),
            Map.entry("cos_psi", "cos ψ"),
            Map.entry("sin_psi", "|sin ψ|"),
            Map.entry("psi", "ψ (rad)"),
            Map.entry("norm_ratio", "‖y‖/‖g‖"),
            Map.entry("y_dot_g", "yᵀg"),
            Map.entry("y_dot_y", "yᵀy"),
            Map.entry("g_dot_g", "gᵀg"),
            Map.entry("gamma", "γ"),
            Map.entry("alpha", "α"),
            Map.entry("lambda_max", "λ_max"),
            Map.entry("lambda_min", "λ_min"),
            Map.entry("lambda_d", "λ_d"),
            Map.entry("lambda_d_multiplicity", "multiplicity of λ_d"),
            Map.entry("kappa", "κ = λ_max/λ_min"),
            Map.entry("kappa_min", "min κ (Prop. 1)"),
            Map.entry("lambda_min_sup", "sup λ_min (Prop. 2)"),
            Map.entry("lambda_max_inf", "inf λ_max (Prop. 3)"),
            Map.entry("matrix", "M"),
            Map.entry("mx", "M·x"),
            Map.entry("solve", "M⁻¹·b"),
            Map.entry("v_max", "v_max"),
            Map.entry("v_min", "v_min"),
            Map.entry("m_prime", "M' = M − yyᵀ/(yᵀg)"),
            Map.entry("basis", "uᵢ (rows)"),
            Map.entry("m_prime_g_residual", "‖M'g‖∞ (Eq. 7)"),
            Map.entry("reconstruction_error", "max|Σuᵢuᵢᵀ − M'|"),
            Map.entry("gradient", "discrete gradient"),
            Map.entry("g", "g"),
            Map.entry("y", "y"),
            Map.entry("theta_next", "θ_next = θ + ηg"),
            Map.entry("y_bar", "ȳ = −∇̄L (Eq. 13)"),
            Map.entry("decrease", "L(θ) − L(θ_next)"),
            Map.entry("eta_bound_sup", "η bound, Eq. (17)"),
            Map.entry("negative_curvature", "h = −λ_min(H)"),
            Map.entry("eta_bound", "η bound for this M̄"),
            Map.entry("corrected_spd", "M̄ + ηH is SPD"),
            Map.entry("corrected", "M̄ + ηH"),
            Map.entry("mean_update", "⟨g⟩"),
            Map.entry("negative_gradient", "−∇L = ⟨ȳ⟩ + η⟨Hg⟩"),
            Map.entry("x", "x"));

    private static final int LABEL = 22;
    private static final int DECIMAL = 25;

    private TextOutput() {
    }

    /** Writes the operation's summary line and its outputs. */
    static void write(PrintWriter out, Operation op, Result result) {
        out.println(op.name + ": " + op.summary());
        for (Result.Entry e : result.entries()) {
            final String label = pad(LABELS.getOrDefault(e.key(), e.key()), LABEL);
            if (e instanceof Result.Scalar) {
                final Result.Scalar s = (Result.Scalar) e;
                out.println("  " + label + pad(Numbers.decimal(s.value()), DECIMAL) + Numbers.hex(s.value()));
                if (s.certificate() != null) {
                    out.println("  " + pad("", LABEL) + "oracle " + describe(s.certificate()));
                }
            } else if (e instanceof Result.Vector) {
                final Result.Vector vector = (Result.Vector) e;
                final double[] v = vector.value();
                out.println("  " + label + decimals(v));
                out.println("  " + pad("", LABEL) + hexes(v));
                if (vector.certificates() != null) {
                    out.println("  " + pad("", LABEL) + "oracle " + describe(vector.certificates()));
                }
            } else if (e instanceof Result.Matrix) {
                final double[][] m = ((Result.Matrix) e).value();
                out.println("  " + label);
                for (double[] row : m) {
                    out.println("    " + decimals(row));
                }
                out.println("  " + pad("", LABEL) + "(hex)");
                for (double[] row : m) {
                    out.println("    " + hexes(row));
                }
            } else if (e instanceof Result.Count) {
                out.println("  " + label + ((Result.Count) e).value());
            } else if (e instanceof Result.Text) {
                out.println("  " + label + ((Result.Text) e).value());
            } else if (e instanceof Result.Flag) {
                out.println("  " + label + (((Result.Flag) e).value() ? "yes" : "no"));
            } else if (e instanceof Result.Refused) {
                final Result.Refused r = (Result.Refused) e;
                out.println("  " + label + "refused (" + r.kind().json() + "): " + r.message());
            }
        }
        if (result.certifyNote() != null) {
            out.println("  note: " + result.certifyNote());
        }
    }

    /** A certified vector in one line: the worst component error and how many are not exact. */
    private static String describe(Certificate[] cs) {
        long max = 0;
        int inexact = 0;
        int undecided = 0;
        for (Certificate c : cs) {
            max = Math.max(max, c.ulpsUpper());
            inexact += c.ulpsUpper() > 0 ? 1 : 0;
            undecided += c.correctlyRounded().isPresent() ? 0 : 1;
        }
        return cs.length + " components certified: max error " + max + " ulp, " + inexact
                + " not correctly rounded" + (undecided > 0 ? ", " + undecided + " with the rounding undecided" : "");
    }

    private static String describe(Certificate c) {
        final StringBuilder sb = new StringBuilder(c.exact().toString()).append(" ± ").append(c.errorBound());
        if (c.correctlyRounded().isPresent()) {
            sb.append(", correctly rounded ").append(Numbers.hex(c.correctlyRounded().getAsDouble()));
        } else {
            sb.append(", rounding undecided");
        }
        if (c.ulpsLower() >= 0) {
            sb.append(", error ").append(c.ulpsLower() == c.ulpsUpper() ? String.valueOf(c.ulpsLower())
                    : c.ulpsLower() + "–" + c.ulpsUpper()).append(" ulp");
        }
        return sb.toString();
    }

    private static String decimals(double[] v) {
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(Numbers.decimal(v[i]));
        }
        return sb.append(']').toString();
    }

    private static String hexes(double[] v) {
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(Numbers.hex(v[i]));
        }
        return sb.append(']').toString();
    }

    private static String pad(String s, int width) {
        final int n = s.codePointCount(0, s.length());
        return n >= width - 1 ? s + "  " : s + " ".repeat(width - n);
    }
}
