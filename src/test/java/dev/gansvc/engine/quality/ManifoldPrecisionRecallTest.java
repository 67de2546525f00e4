package dev.gansvc.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.nn.Tensors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ManifoldPrecisionRecallTest {

    private static final int K = ManifoldPrecisionRecall.K;

    @Test
    void samplesOfTheSameDistributionAreMostlyInsideEachOthersManifold() {
        SplittableRandom random = new SplittableRandom(5);
        INDArray real = Tensors.gaussian(random, 0, 1, 1000, 8);
        INDArray generated = Tensors.gaussian(random, 0, 1, 1000, 8);
        ManifoldPrecisionRecall pr = ManifoldPrecisionRecall.of(real, generated, K);
        assertThat(pr.precision()).isBetween(0.8, 1.0);
        assertThat(pr.recall()).isBetween(0.8, 1.0);
    }

    @Test
    void samplesCollapsedOntoOneRealPointArePreciseWithoutRecall() {
        INDArray real = Tensors.gaussian(new SplittableRandom(6), 0, 1, 500, 4);
        INDArray collapsed = Nd4j.repeat(real.get(NDArrayIndex.interval(7, 8), NDArrayIndex.all()), 500)
                .reshape(500, 4);
        ManifoldPrecisionRecall pr = ManifoldPrecisionRecall.of(real, collapsed, K);
        assertThat(pr.precision()).isEqualTo(1.0);
        // The samples' balls have radius 0: they cover the one real point they sit on.
        assertThat(pr.recall()).isEqualTo(1.0 / 500);
    }

    @Test
    void samplesFarFromTheDataAreNeitherPreciseNorCovering() {
        SplittableRandom random = new SplittableRandom(7);
        INDArray real = Tensors.gaussian(random, 0, 1, 500, 4);
        INDArray far = Tensors.gaussian(random, 20, 1, 500, 4);
        assertThat(ManifoldPrecisionRecall.of(real, far, K)).isEqualTo(new ManifoldPrecisionRecall(0, 0));
    }

    @Test
    void ballsReachTheKthNearestOtherPoint() {
        // Real points 0, 1, 2, 3, 10 on a line: with k = 3 the radii are 3, 2, 2, 3 and 9 (10 to 1).
        INDArray real = Nd4j.create(new double[][] {{0}, {1}, {2}, {3}, {10}});
        INDArray generated = Nd4j.create(new double[][] {{-2.5}, {-3.5}, {6}, {13}, {40}});
        ManifoldPrecisionRecall pr = ManifoldPrecisionRecall.of(real, generated, K);
        // -2.5 within 3 of 0, 6 and 13 within 9 of 10; -3.5 and 40 outside every ball.
        assertThat(pr.precision()).isEqualTo(3.0 / 5);
        // The generated radius of -2.5 is 15.5 (to 13), which takes in every real point.
        assertThat(pr.recall()).isEqualTo(1.0);
    }
}
