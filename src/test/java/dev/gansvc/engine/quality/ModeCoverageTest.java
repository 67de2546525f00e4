package dev.gansvc.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.data.TabularDataset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModeCoverageTest {

    @Test
    void samplesOfTheMixtureItselfCoverEveryModeAlmostAlwaysWithinThreeSigma() {
        for (GaussianMixture mixture : new GaussianMixture[] {GaussianMixture.ring8(), GaussianMixture.grid25()}) {
            TabularDataset real = mixture.sample(ModeCoverage.STANDARD_SAMPLES, 1);
            float[] xy =
                    real.batch(IntStream.range(0, real.size()).toArray()).data().asFloat();

            ModeCoverage coverage = ModeCoverage.of(xy, mixture);

            assertThat(coverage.modesCovered()).isEqualTo(mixture.modes());
            // A 2D Gaussian puts 1 - exp(-9/2) = 98.9% of its mass within 3 sigma of the mean.
            assertThat(coverage.highQualityPercent()).isCloseTo(98.9, within(0.6));
        }
    }

    @Test
    void aCollapsedGeneratorCoversOneModeAndPointsBetweenModesAreLowQuality() {
        GaussianMixture ring = GaussianMixture.ring8();
        float[] collapsed = {1f, 0f, 1.01f, 0f, 0.99f, 0.005f, 0f, 0f};

        ModeCoverage coverage = ModeCoverage.of(collapsed, ring);

        assertThat(coverage.modesCovered()).isEqualTo(1);
        assertThat(coverage.highQualityPercent()).isEqualTo(75.0);
        assertThat(coverage.samples()).isEqualTo(4);
    }

    @Test
    void gridMeansAreTheFiveByFiveLattice() {
        GaussianMixture grid = GaussianMixture.grid25();
        assertThat(grid.means()).hasNumberOfRows(25);
        assertThat(grid.means()[0]).containsExactly(-4, -4);
        assertThat(grid.means()[24]).containsExactly(4, 4);
        assertThat(grid.means()[7]).containsExactly(-2, 0);
    }
}
