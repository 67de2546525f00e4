package dev.gansvc.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.nn.Tensors;
import dev.gansvc.support.DoublePrecision;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;

@ExtendWith(DoublePrecision.class)
class KernelMmdTest {

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(3);
        INDArray x = Tensors.gaussian(random, 0, 1, 7, 3);
        INDArray y = Tensors.gaussian(random, 0.5, 1.5, 5, 3);
        KernelMmd mmd = new KernelMmd(0.5, 1, 2);
        INDArray analytic = mmd.biasedWithGradient(x, y).gradient();
        double eps = 1e-6;
        for (long i = 0; i < y.length(); i++) {
            double original = y.getDouble(i);
            y.putScalar(i, original + eps);
            double plus = mmd.biasedWithGradient(x, y).value();
            y.putScalar(i, original - eps);
            double minus = mmd.biasedWithGradient(x, y).value();
            y.putScalar(i, original);
            assertThat(analytic.getDouble(i))
                    .isCloseTo((plus - minus) / (2 * eps), org.assertj.core.data.Offset.offset(1e-7));
        }
    }

    @Test
    void unbiasedEstimateSeparatesEqualFromDifferentDistributions() {
        SplittableRandom random = new SplittableRandom(4);
        INDArray x = Tensors.gaussian(random, 0, 1, 400, 2);
        INDArray same = Tensors.gaussian(random, 0, 1, 400, 2);
        INDArray shifted = Tensors.gaussian(random, 0.5, 1, 400, 2);
        KernelMmd mmd = KernelMmd.atMedianScale(x, 0.5, 1, 2);
        assertThat(Math.abs(mmd.unbiased(x, same))).isLessThan(0.01);
        assertThat(mmd.unbiased(x, shifted)).isGreaterThan(0.05);
        assertThat(mmd.biasedWithGradient(x, x).value()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
