package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class GradientAngleTest {

    @Test
    void fortyFiveDegrees() {
        // g = (1, 0), y = (1, 1): cos ψ = |sin ψ| = 1/√2, ‖y‖/‖g‖ = √2.
        final GradientAngle a = GradientAngle.of(new double[] {1, 0}, new double[] {1, 1});
        assertEquals(Rational.of(BigInteger.ONE, BigInteger.valueOf(2)), a.cosSquared());
        assertEquals(OptionalDouble.of(0.7071067811865476), a.cos().correctlyRounded());
        assertEquals(OptionalDouble.of(0.7071067811865476), a.absSin().correctlyRounded());
        assertEquals(OptionalDouble.of(1.4142135623730951), a.normRatio().correctlyRounded());
        assertTrue(a.cos().lo().multiply(a.cos().lo()).compareTo(new BigDecimal("0.5")) < 0);
        assertTrue(a.cos().hi().multiply(a.cos().hi()).compareTo(new BigDecimal("0.5")) > 0);
    }

    @Test
    void pythagoreanTripleIsExact() {
        // g = (3, 4), y = (4, 3): yᵀg = 24, ‖y‖ = ‖g‖ = 5: cos ψ = 24/25, |sin ψ| = 7/25.
        final GradientAngle a = GradientAngle.of(new double[] {3, 4}, new double[] {4, 3});
        assertTrue(a.cos().isPoint() && a.absSin().isPoint());
        assertEquals(0, a.cos().lo().compareTo(new BigDecimal("0.96")));
        assertEquals(0, a.absSin().lo().compareTo(new BigDecimal("0.28")));
        assertEquals(OptionalDouble.of(1.0), a.normRatio().correctlyRounded());
        // Opposite direction: cos ψ = −24/25.
        assertEquals(OptionalDouble.of(-0.96), GradientAngle.of(new double[] {3, 4}, new double[] {-4, -3}).cos().correctlyRounded());
    }

    @Test
    void parallelAndNearlyOrthogonal() {
        final GradientAngle parallel = GradientAngle.of(new double[] {1, 2, 2}, new double[] {2, 4, 4});
        assertEquals(OptionalDouble.of(1.0), parallel.cos().correctlyRounded());
        assertEquals(OptionalDouble.of(0.0), parallel.absSin().correctlyRounded());
        assertEquals(Rational.ZERO, parallel.sinSquared());
        // g = (1, 0), y = (2^-40, 1): cos²ψ = 2^-80/(1 + 2^-80), exact; no cancellation in sin².
        final GradientAngle near = GradientAngle.of(new double[] {1, 0}, new double[] {0x1p-40, 1});
        final Rational c2 = Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(80).add(BigInteger.ONE));
        assertEquals(c2, near.cosSquared());
        assertEquals(Rational.ONE.subtract(c2), near.sinSquared());
        // cos ψ = 2^-40/sqrt(1 + 2^-80) rounds to 2^-40 (relative change 2^-81).
        assertEquals(OptionalDouble.of(0x1p-40), near.cos().correctlyRounded());
    }

    @Test
    void badInputsNameTheArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradientAngle.of(new double[] {0, 0}, new double[] {1, 1}))
                .getMessage().contains("g must be nonzero"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradientAngle.of(new double[] {1, 0}, new double[] {0, 0}))
                .getMessage().contains("y must be nonzero"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradientAngle.of(new double[] {1, 0}, null))
                .getMessage().contains("y is null"));
    }

    @Test
    void aRootExactlyOnASubnormalMidpointIsDecidedTiesToEven() {
        // ‖y‖/‖g‖ = 3·2^-1074 / 2 = 1.5·2^-1074: the midpoint between 2^-1074 and 2^-1073, whose
        // ~750-digit decimal no 100-digit enclosure holds; the exact root decides it (ties to even).
        final GradientAngle a = GradientAngle.of(new double[] {2, 0}, new double[] {3 * Double.MIN_VALUE, 0});
        org.junit.jupiter.api.Assertions.assertTrue(a.normRatio().isPoint());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.OptionalDouble.of(2 * Double.MIN_VALUE),
                a.normRatio().correctlyRounded());
        // Irrational roots still come as enclosures: √2/2 for ψ = π/4.
        final GradientAngle b = GradientAngle.of(new double[] {1, 0}, new double[] {1, 1});
        org.junit.jupiter.api.Assertions.assertFalse(b.cos().isPoint());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.OptionalDouble.of(Math.sqrt(0.5)), b.cos().correctlyRounded());
    }

    @Test
    void psiIsEnclosedAndDecidedOverTheWholeRange() {
        // ψ = π/4, π/3 (cos ψ = 1/2), π/2 − 2^-1000 (to double precision π/2), 1e-300 and 2^-1074:
        // expected doubles from the known values (π/4, π/3, π/2 by their correctly rounded doubles
        // 0x1.921fb54442d18p-1, 0x1.0c152382d7366p0, 0x1.921fb54442d18p0; tiny ψ = sin ψ to double).
        final double[][][] cases = {
            {{1, 0}, {1, 1}}, {{1, 2, 3}, {3, -1, 2}}, {{1, 0}, {0x1p-1000, 1}},
            {{1, 0}, {1, 1e-300}}, {{1, 0}, {1, Double.MIN_VALUE}}};
        final double[] expected = {0x1.921fb54442d18p-1, 0x1.0c152382d7366p0, 0x1.921fb54442d18p0, 1e-300,
            Double.MIN_VALUE};
        for (int i = 0; i < cases.length; i++) {
            final Enclosure psi = GradientAngle.of(cases[i][0], cases[i][1]).psi();
            org.junit.jupiter.api.Assertions.assertEquals(java.util.OptionalDouble.of(expected[i]),
                    psi.correctlyRounded(), psi.toString());
            // at least 40 digits: width below 1e-44 relative
            org.junit.jupiter.api.Assertions.assertTrue(psi.width().compareTo(
                    psi.hi().abs().multiply(new java.math.BigDecimal("1e-44"))) < 0, psi.toString());
        }
        org.junit.jupiter.api.Assertions.assertTrue(GradientAngle.of(new double[] {1, 0}, new double[] {2, 0}).psi().isPoint());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GradientAngle.of(new double[] {1, 0}, new double[] {-1, 1}).psi());
    }
}
