package dev.gansvc.engine.family.gmmn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.data.TabularDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.Runs;
import dev.gansvc.engine.quality.QualityReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

class MomentMatchingObjectiveTest {

    /** Unconditioned, and matching each of 4 clusters of the points separately. */
    @ParameterizedTest
    @ValueSource(ints = {0, 4})
    void generatorAloneLearnsTheRingByMmd(int clusters) {
        TabularDataset ring = GaussianMixture.ring8().sample(11_000, 5);
        Runs.Run run = Runs.train(ModelFamilies.all().require("gmmn"), "", ring, 15, 256, 8, 5, clusters);

        assertThat(run.model().networkNames()).containsExactly("generator");
        int n = run.points().size();
        assertThat(n).isEqualTo(15 * (10_000 / 256));
        assertThat(run.mean(0, n - 20, n)).as("MMD^2 at the end").isLessThan(0.2 * run.mean(0, 0, 20));
        INDArray samples = GeneratorModel.of(run.model()).generate(1000, 1);
        INDArray radius = Transforms.sqrt(samples.mul(samples).sum(1), false);
        assertThat(radius.medianNumber().doubleValue()).isBetween(0.8, 1.2);
        assertThat(QualityReport.measure(run.trainer(), "ring8", 1)
                        .orElseThrow()
                        .mmd()
                        .mmd2())
                .isLessThan(0.05);
    }
}
