package dev.gansvc.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gansvc.engine.nn.Tensors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FrechetDistanceTest {

    @Test
    void diagonalGaussiansGiveTheSquaredDifferencesOfMeansAndDeviations() {
        double[] mean1 = {0, 1, 2, -1};
        double[] mean2 = {1, 1, 0, -1};
        double[] std1 = {1, 2, 0.5, 3};
        double[] std2 = {2, 2, 1.5, 0.1};
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            expected += Math.pow(mean1[i] - mean2[i], 2) + Math.pow(std1[i] - std2[i], 2);
        }
        double distance = FrechetDistance.between(
                vector(mean1), diagonalCovariance(std1), vector(mean2), diagonalCovariance(std2));
        assertThat(distance).isCloseTo(expected, within(1e-9));
    }

    @Test
    void covariancesThatDoNotCommuteMatchTheTwoByTwoClosedForm() {
        // For a 2x2 matrix M with positive eigenvalues, Tr M^½ = sqrt(Tr M + 2 sqrt(det M)); here
        // Tr(Σ1 Σ2) = 8 and det(Σ1 Σ2) = 9, so Tr (Σ1 Σ2)^½ = sqrt(14).
        INDArray covariance1 = Nd4j.create(new double[][] {{2, 1}, {1, 2}});
        INDArray covariance2 = Nd4j.create(new double[][] {{1, 0}, {0, 3}});
        double distance = FrechetDistance.between(vector(0, 0), covariance1, vector(3, 4), covariance2);
        assertThat(distance).isCloseTo(25 + 4 + 4 - 2 * Math.sqrt(14), within(1e-9));
    }

    @Test
    void samplesAreFittedWithTheirMeansAndCovariances() {
        SplittableRandom random = new SplittableRandom(1);
        INDArray x = Tensors.gaussian(random, 0, 1, 20_000, 3).castTo(DataType.DOUBLE);
        INDArray y = Tensors.gaussian(random, 0, 2, 20_000, 3)
                .castTo(DataType.DOUBLE)
                .addi(1);
        assertThat(FrechetDistance.between(x, x)).isCloseTo(0, within(1e-9));
        // |1, 1, 1|^2 + 3 (2 - 1)^2
        assertThat(FrechetDistance.between(x, y)).isCloseTo(6, within(0.15));
    }

    private static INDArray vector(double... values) {
        return Nd4j.create(values);
    }

    private static INDArray diagonalCovariance(double[] std) {
        double[] variances = new double[std.length];
        for (int i = 0; i < std.length; i++) {
            variances[i] = std[i] * std[i];
        }
        return Nd4j.diag(Nd4j.create(variances));
    }
}
