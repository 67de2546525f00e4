package dev.gansvc.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InterpolationTest {

    @Test
    void sphericalInterpolationRunsFromEndToEndAlongTheArc() {
        float[] a = {1, 0, 0};
        float[] b = {0, 2, 0};
        assertThat(Interpolation.slerp(a, b, 0)).containsExactly(1, 0, 0);
        float[] end = Interpolation.slerp(a, b, 1);
        assertThat(end[0]).isCloseTo(0, within(1e-6f));
        assertThat(end[1]).isCloseTo(2, within(1e-6f));
        float[] mid = Interpolation.slerp(a, b, 0.5);
        // Halfway along the quarter circle, at 45 degrees; a straight line would be at (0.5, 1).
        assertThat(mid[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(mid[1]).isCloseTo((float) (2 * Math.sqrt(0.5)), within(1e-6f));
        assertThat(Interpolation.slerp(a, a, 0.3)).containsExactly(1, 0, 0);
    }
}
