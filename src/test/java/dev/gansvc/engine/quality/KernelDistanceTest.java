package dev.gansvc.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gansvc.engine.nn.Tensors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class KernelDistanceTest {

    @Test
    void nearZeroForOneDistributionAndClearlyPositiveForShiftedOnes() {
        SplittableRandom random = new SplittableRandom(2);
        INDArray x = Tensors.gaussian(random, 0, 1, 1000, 16);
        INDArray same = Tensors.gaussian(random, 0, 1, 1000, 16);
        INDArray shifted = Tensors.gaussian(random, 0.5, 1, 1000, 16);

        KernelDistance equal = KernelDistance.between(x, same);
        KernelDistance different = KernelDistance.between(x, shifted);
        assertThat(Math.abs(equal.mean())).isLessThan(2 * equal.std() + 1e-3);
        assertThat(different.mean()).isGreaterThan(10 * different.std()).isGreaterThan(0.05);
    }

    @Test
    void oneSubsetOfEveryRowIsTheUnbiasedEstimateUnderTheCubicKernel() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] x =
                Tensors.gaussian(random, 0, 1, 6, 3).castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] y =
                Tensors.gaussian(random, 1, 1, 6, 3).castTo(DataType.DOUBLE).toDoubleMatrix();
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                if (i != j) {
                    xx += kernel(x[i], x[j]);
                    yy += kernel(y[i], y[j]);
                }
                xy += kernel(x[i], y[j]);
            }
        }
        double expected = xx / 30 + yy / 30 - 2 * xy / 36;

        KernelDistance distance = KernelDistance.between(Nd4j.create(x), Nd4j.create(y), 3, 6);
        assertThat(distance.mean()).isCloseTo(expected, within(1e-9));
        assertThat(distance.std()).as("every subset is the whole set").isCloseTo(0, within(1e-9));
    }

    private static double kernel(double[] a, double[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return Math.pow(dot / a.length + 1, 3);
    }
}
