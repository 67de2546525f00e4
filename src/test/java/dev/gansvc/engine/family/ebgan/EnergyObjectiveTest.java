package dev.gansvc.engine.family.ebgan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.data.TabularDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.Runs;
import dev.gansvc.engine.nn.Tensors;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class EnergyObjectiveTest {

    @Test
    void pullingAwayGradientMatchesFiniteDifferences() {
        DataType previous = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            INDArray codes = Tensors.gaussian(new SplittableRandom(8), 0, 1, 5, 4);
            INDArray analytic = EnergyObjective.PullAway.of(codes).gradient();
            double eps = 1e-6;
            for (long i = 0; i < codes.length(); i++) {
                double original = codes.getDouble(i);
                codes.putScalar(i, original + eps);
                double plus = EnergyObjective.PullAway.of(codes).value();
                codes.putScalar(i, original - eps);
                double minus = EnergyObjective.PullAway.of(codes).value();
                codes.putScalar(i, original);
                assertThat(analytic.getDouble(i)).isCloseTo((plus - minus) / (2 * eps), Offset.offset(1e-7));
            }
            INDArray alike = Nd4j.ones(DataType.DOUBLE, 5, 4);
            assertThat(EnergyObjective.PullAway.of(alike).value())
                    .as("identical codes")
                    .isCloseTo(1, Offset.offset(1e-9));
        } finally {
            Nd4j.setDefaultDataTypes(previous, previous);
        }
    }

    /** Unconditioned, and with the generator and the discriminator's decoder told 4 clusters of the examples. */
    @ParameterizedTest
    @ValueSource(ints = {0, 4})
    void discriminatorLearnsLowEnergyOnDataAndTheGeneratorLeavesTheOrigin(int clusters) {
        TabularDataset ring = GaussianMixture.ring8().sample(11_000, 5);
        Runs.Run run = Runs.train(ModelFamilies.all().require("ebgan"), "", ring, 3, 64, 8, 5, clusters);

        int n = run.points().size();
        assertThat(run.model().networkNames())
                .containsExactly("generator", "discriminatorEncoder", "discriminatorDecoder");
        assertThat(run.mean(2, n - 20, n)).as("energy of real points").isLessThan(0.7 * run.mean(2, 0, 20));
        assertThat(run.mean(3, n - 20, n)).as("energy of fakes vs real").isGreaterThan(run.mean(2, n - 20, n));
        INDArray samples = GeneratorModel.of(run.model()).generate(1000, 1);
        double radius = Transforms.sqrt(samples.mul(samples).sum(1), false)
                .medianNumber()
                .doubleValue();
        assertThat(radius)
                .as("median radius of samples; the untrained generator's is about 0.01")
                .isGreaterThan(0.2);
    }
}
