package ngdref.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 6 (discrete and stochastic part): a null Hessian gave a NullPointerException,
 * {@code discrete --A "1,0;0,1" --theta 1e200,1 --eta 0.5 --gradient avf} gave decrease = NaN,
 * overflow was reported as an IllegalArgumentException naming xNext, and hg samples near 1e308
 * gave ∞ and NaN. Expected values are derived by hand or in exact arithmetic (BigDecimal).
 */
class OverflowAndNullTest {

    /** L(θ) = ½θᵀθ, what the CLI's discrete op builds for --A "1,0;0,1" (Σ fma(θᵢ, ½θᵢ, s)). */
    static class HalfSquaredNorm implements TwiceDifferentiableLoss {
        @Override
        public double value(double[] t) {
            double s = 0.0;
            for (double v : t) {
                s = Math.fma(v, 0.5 * v, s);
            }
            return s;
        }

        @Override
        public double[] gradient(double[] t) {
            return t.clone();
        }

        @Override
        public double[][] hessian(double[] t) {
            final double[][] h = new double[t.length][t.length];
            for (int i = 0; i < t.length; i++) {
                h[i][i] = 1.0;
            }
            return h;
        }
    }

    /**
     * The library call behind the CLI reproducer: DiscreteStep.of with the AVF rule (3 nodes),
     * θ = (1e200, 1), η = ½, g = −∇L(θ) = (−1e200, −1). By hand L(θ_t) = ½(1e400 + 1) exceeds the
     * largest double, so the decrease L(θ_t) − L(θ_{t+1}) = ∞ − ∞ was NaN; now refused by name.
     */
    @Test
    void avfReproducerIsRefusedAsOutOfRangeNotNaN() {
        final ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> DiscreteStep.of(new HalfSquaredNorm(), new AverageVectorFieldDiscreteGradient(3),
                        new double[] {1e200, 1}, 0.5, new double[] {-1e200, -1}, 1.0));
        assertTrue(e.getMessage().startsWith("L(θ_t) is +Infinity"), e.getMessage());
    }

    /** θ_{t+1} = θ_t + ηg overflows (by hand: 1e308 + 10·1e308): named in the paper's terms. */
    @Test
    void overflowingStepIsNamedInThePapersTerms() {
        final ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> DiscreteStep.of(new HalfSquaredNorm(), new MidpointDiscreteGradient(),
                        new double[] {1e308, 1}, 10.0, new double[] {1e308, 1}, 1.0));
        assertTrue(e.getMessage().startsWith("θ_{t+1} = θ_t + ηg is not finite") && !e.getMessage().contains("xNext"),
                e.getMessage());
        // θ_{t+1} = (1e200, 1): L(θ_{t+1}) = ½·1e400 is out of range, L(θ_t) = 1 is not.
        final ArithmeticException next = assertThrows(ArithmeticException.class,
                () -> DiscreteStep.of(new HalfSquaredNorm(), new MidpointDiscreteGradient(),
                        new double[] {1, 1}, 1.0, new double[] {1e200 - 1, 0}, 1.0));
        assertTrue(next.getMessage().startsWith("L(θ_{t+1}) is +Infinity"), next.getMessage());
    }

    /**
     * A step near the top of the range that is representable succeeds, for every rule. By hand for
     * θ = (2^510, 2^510), g = −θ, η = ½: θ_{t+1} = (2^509, 2^509), L(θ_t) = 2^1020,
     * L(θ_{t+1}) = 2^1018, decrease 3·2^1018; every discrete gradient of a quadratic is ∇L at the
     * midpoint, (3·2^508)(1, 1), so ȳ = −3·2^508·(1, 1).
     */
    @Test
    void aLargeButRepresentableStepSucceedsExactly() {
        final double t = 0x1.0p510;
        for (DiscreteGradient dg : new DiscreteGradient[] {new MidpointDiscreteGradient(),
                new ItohAbeDiscreteGradient(), new AverageVectorFieldDiscreteGradient(3), new TaylorDiscreteGradient()}) {
            final DiscreteStep step = DiscreteStep.of(new HalfSquaredNorm(), dg, new double[] {t, t}, 0.5,
                    new double[] {-t, -t}, 1.0);
            final String name = dg.getClass().getSimpleName();
            assertEquals("[" + 0x1.0p509 + ", " + 0x1.0p509 + "]", Arrays.toString(step.next()), name);
            assertEquals(3 * 0x1.0p1018, step.decrease(), 0.0, name);
            for (double v : step.yBar()) {
                assertEquals(-3 * 0x1.0p508, v, 0x1.0p508 * 0x1.0p-48, name);
            }
        }
    }

    @Test
    void nullHessianIsAnIllegalArgumentNamingTheMethod() {
        final TwiceDifferentiableLoss nullHessian = new TwiceDifferentiableLoss() {
            @Override
            public double value(double[] t) {
                return t[0] * t[0] + t[1] * t[1];
            }

            @Override
            public double[] gradient(double[] t) {
                return new double[] {2 * t[0], 2 * t[1]};
            }

            @Override
            public double[][] hessian(double[] t) {
                return null;
            }
        };
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TaylorDiscreteGradient().of(nullHessian, new double[] {1, 0}, new double[] {0, 0}));
        assertEquals("loss.hessian(θ) returned null", e.getMessage());
        final TwiceDifferentiableLoss badShape = new HalfSquaredNorm() {
            @Override
            public double[][] hessian(double[] t) {
                return new double[][] {{1, 0}, {0}};
            }
        };
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TaylorDiscreteGradient().of(badShape, new double[] {1, 0}, new double[] {0, 0}))
                .getMessage().contains("loss.hessian(θ)[1] has length 1; expected 2"));
        final TwiceDifferentiableLoss oneRow = new HalfSquaredNorm() {
            @Override
            public double[][] hessian(double[] t) {
                return new double[][] {{1, 0}};
            }
        };
        assertEquals("loss.hessian(θ) has 1 rows; expected 2", assertThrows(IllegalArgumentException.class,
                () -> new TaylorDiscreteGradient().of(oneRow, new double[] {1, 0}, new double[] {0, 0})).getMessage());
        final TwiceDifferentiableLoss nullRow = new HalfSquaredNorm() {
            @Override
            public double[][] hessian(double[] t) {
                return new double[][] {{1, 0}, null};
            }
        };
        assertEquals("loss.hessian(θ) returned a null row 1", assertThrows(IllegalArgumentException.class,
                () -> new TaylorDiscreteGradient().of(nullRow, new double[] {1, 0}, new double[] {0, 0})).getMessage());
    }

    @Test
    void nullGradientIsAnIllegalArgumentNamingTheMethod() {
        final Loss nullGradient = new Loss() {
            @Override
            public double value(double[] t) {
                return t[0];
            }

            @Override
            public double[] gradient(double[] t) {
                return null;
            }
        };
        assertEquals("loss.gradient(midpoint) returned null", assertThrows(IllegalArgumentException.class,
                () -> new MidpointDiscreteGradient().of(nullGradient, new double[] {1, 0}, new double[] {0, 0}))
                .getMessage());
        assertEquals("loss.gradient returned null", assertThrows(IllegalArgumentException.class,
                () -> new AverageVectorFieldDiscreteGradient(2).of(nullGradient, new double[] {1, 0}, new double[] {0, 0}))
                .getMessage());
        final DiscreteGradient nullRule = (loss, x, xNext) -> null;
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DiscreteStep.of(new HalfSquaredNorm(), nullRule, new double[] {1, 1}, 0.1, new double[] {-1, -1}, 1.0))
                .getMessage().contains("discreteGradient.of(loss, θ_t, θ_{t+1}) returned null"));
    }

    private static BigDecimal bd(double x) {
        return new BigDecimal(x);
    }

    /**
     * hg samples near 1e308: the sum of the two samples overflowed, so ⟨Hg⟩ = ∞ and the metric NaN.
     * By hand: ⟨g⟩ = (1, 0), ⟨ȳ⟩ = (1, ½), ⟨Hg⟩ = (1e308, 0); ⟨Hg⟩ᵀ⟨g⟩ = 1e308 &gt; 0 so there is
     * no η bound; −∇L = ⟨ȳ⟩ + η⟨Hg⟩ = (1 + η·1e308, ½). M̄ (γ = 1) = ȳȳᵀ/(ȳᵀg) + α(I − e₁e₁ᵀ) with
     * α = ȳᵀȳ/ȳᵀg = 5/4, so M̄ = [[1, ½], [½, 3/2]] and M = M̄ + η·1e308·e₁e₁ᵀ;
     * M⁻¹e₁ = (3/2, −½)/det, det = (3/2)(1 + η·1e308) − ¼.
     */
    @Test
    void stochasticSamplesNear1e308() {
        final double eta = 0.1;
        final StochasticMetric m = StochasticMetric.of(new double[][] {{1, 0}, {1, 0}},
                new double[][] {{1, 0.5}, {1, 0.5}}, new double[][] {{1e308, 0}, {1e308, 0}}, eta, 1.0);
        assertEquals("[1.0E308, 0.0]", Arrays.toString(m.meanHg()));
        assertEquals(Double.POSITIVE_INFINITY, m.learningRateBound());
        final MathContext mc = MathContext.DECIMAL128;
        final BigDecimal etaH = bd(eta).multiply(bd(1e308));
        final double[] target = m.negativeGradient();
        assertEquals(etaH.add(BigDecimal.ONE).doubleValue(), target[0], 0.0);
        assertEquals(0.5, target[1], 0.0);
        final double[] mg = m.apply(m.meanUpdate());
        assertEquals(target[0], mg[0], Math.ulp(target[0]) * 2);
        assertEquals(target[1], mg[1], 0x1.0p-49);
        final BigDecimal det = new BigDecimal("1.5").multiply(BigDecimal.ONE.add(etaH)).subtract(new BigDecimal("0.25"));
        final double x0 = new BigDecimal("1.5").divide(det, mc).doubleValue();
        final double x1 = new BigDecimal("-0.5").divide(det, mc).doubleValue();
        final double[] x = m.solve(new double[] {1, 0});
        assertEquals(x0, x[0], Math.abs(x0) * 0x1.0p-45);
        assertEquals(x1, x[1], Math.abs(x1) * 0x1.0p-45);
    }
}
