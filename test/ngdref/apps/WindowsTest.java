package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Eq. (3) and the window average on a hand-made sequence. */
class WindowsTest {

    private static final double[] L = {5, 6, 4, 5, 3, 4, 2};

    @Test
    void effectiveOverTwoButNotOne() {
        assertEquals(3, Windows.violations(L, 1));   // 5→6, 4→5, 3→4
        assertEquals(0, Windows.violations(L, 2));
        assertEquals(2, Windows.smallestEffectiveWindow(L, 6));
        assertEquals(-1, Windows.smallestEffectiveWindow(new double[] {1, 2, 3}, 2));
    }

    @Test
    void windowAverageDecreasesWhenEffective() {
        final double[] avg = Windows.average(L, 2);
        assertArrayEquals(new double[] {5.5, 5, 4.5, 4, 3.5, 3}, avg, 0.0);
        assertEquals(0, Windows.increases(avg));
    }
}
