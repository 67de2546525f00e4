package dev.gansvc.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Running statistics and inference as PyTorch's BatchNorm2d (momentum 0.1, unbiased running variance). */
class BatchNormTest {

    @Test
    void trainingUpdatesRunningStatisticsWhichInferenceUses() {
        Network net = new Network(List.of(new BatchNorm(2)));
        net.initialize(new SplittableRandom(1));
        net.parameters().assign(Tensors.gaussian(new SplittableRandom(2), 1, 0.5, 4));
        INDArray x = Tensors.gaussian(new SplittableRandom(3), 3, 2, 5, 2, 3, 3);

        net.forward(x, true);

        INDArray channel0 = x.get(
                        org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0))
                .dup();
        double mean = channel0.meanNumber().doubleValue();
        double unbiasedVar = channel0.var(true, 0, 1, 2).getDouble(0);
        assertThat(net.state().getDouble(0)).isCloseTo(0.1 * mean, within(1e-5));
        assertThat(net.state().getDouble(2)).isCloseTo(0.9 + 0.1 * unbiasedVar, within(1e-4));

        INDArray y = net.forward(x, false);
        double gamma = net.parameters().getDouble(0);
        double beta = net.parameters().getDouble(2);
        double expected = (x.getDouble(1, 0, 2, 1) - net.state().getDouble(0))
                        / Math.sqrt(net.state().getDouble(2) + 1e-5)
                        * gamma
                + beta;
        assertThat(y.getDouble(1, 0, 2, 1)).isCloseTo(expected, within(1e-4));
    }
}
