package ngdref.cli;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Test-side expected values, written out from the paper's formulas (MATH.md) in 120-digit
 * BigDecimal arithmetic on the exact inputs, sharing no code with the library, the CLI or the
 * oracle: yᵀg, yᵀy, gᵀg exactly; σ = yᵀy/yᵀg, cos²ψ = (yᵀg)²/(yᵀy·gᵀg), sin²ψ = 1 − cos²ψ;
 * Lemma 1 for M(γ): λ_max + λ_min = σ(1+γ), λ_max·λ_min = γσ²cos²ψ, the discriminant
 * σ²((1−γ)² + 4γ sin²ψ) (equal to σ²((1+γ)² − 4γcos²ψ)), λ_d = γσ, κ = λ_max/λ_min.
 */
final class ExactFamily {

    private static final MathContext MC = new MathContext(120);

    final BigDecimal cos;
    final BigDecimal sin;
    final BigDecimal lambdaMax;
    final BigDecimal lambdaMin;
    final BigDecimal lambdaD;
    final BigDecimal kappa;

    ExactFamily(double[] g, double[] y, double gamma) {
        BigDecimal yy = BigDecimal.ZERO;
        BigDecimal gg = BigDecimal.ZERO;
        BigDecimal yg = BigDecimal.ZERO;
        for (int i = 0; i < g.length; i++) {
            final BigDecimal gi = new BigDecimal(g[i]);
            final BigDecimal yi = new BigDecimal(y[i]);
            yy = yy.add(yi.multiply(yi));
            gg = gg.add(gi.multiply(gi));
            yg = yg.add(yi.multiply(gi));
        }
        final BigDecimal c = new BigDecimal(gamma);
        final BigDecimal product = yy.multiply(gg);
        final BigDecimal cos2 = yg.multiply(yg).divide(product, MC);
        final BigDecimal sin2 = product.subtract(yg.multiply(yg)).divide(product, MC);
        cos = cos2.sqrt(MC);
        sin = sin2.signum() == 0 ? BigDecimal.ZERO : sin2.sqrt(MC);
        final BigDecimal sigma = yy.divide(yg, MC);
        final BigDecimal oneMinusGamma = BigDecimal.ONE.subtract(c);
        final BigDecimal disc = oneMinusGamma.multiply(oneMinusGamma)
                .add(BigDecimal.valueOf(4).multiply(c).multiply(sin2)).multiply(sigma.multiply(sigma), MC);
        final BigDecimal sum = sigma.multiply(BigDecimal.ONE.add(c), MC);
        lambdaMax = sum.add(disc.sqrt(MC)).divide(BigDecimal.valueOf(2), MC);
        final BigDecimal det = c.multiply(sigma).multiply(sigma).multiply(cos2, MC);
        lambdaMin = det.divide(lambdaMax, MC);
        lambdaD = c.multiply(sigma, MC);
        kappa = lambdaMax.divide(lambdaMin, MC);
    }

    /** The quantity named as in the vector file. */
    BigDecimal get(String quantity) {
        switch (quantity) {
            case "lambda_max":
                return lambdaMax;
            case "lambda_min":
                return lambdaMin;
            case "lambda_d":
                return lambdaD;
            case "kappa":
                return kappa;
            case "cos_psi":
                return cos;
            case "sin_psi":
                return sin;
            default:
                throw new IllegalArgumentException(quantity);
        }
    }

    /** Nearest double (BigDecimal.doubleValue rounds to nearest). */
    static double round(BigDecimal x) {
        return x.doubleValue();
    }

    /** Steps between adjacent doubles from a to b. */
    static long ulps(double a, double b) {
        return Math.abs(key(a) - key(b));
    }

    private static long key(double d) {
        final long bits = Double.doubleToRawLongBits(d);
        return bits >= 0 ? bits : -(bits & Long.MAX_VALUE);
    }
}
