package dev.gansvc.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.OptimizerSettings;
import org.junit.jupiter.api.Test;

/** Threads per workload: small models on one, convolutional ones on their share of the cores. */
class TrainingThreadsTest {

    private static GenerativeModel model(String family, long... example) {
        ModelFamily f = ModelFamilies.all().require(family);
        return GenerativeModel.create(f, f.shape(16, example, 0), OptimizerSettings.adam(2e-4, 0.5, 0.999), 1);
    }

    @Test
    void fullyConnectedModelsTrainOnOneThreadAndConvolutionalOnesOnTheirShareOfTheCores() {
        GenerativeModel rows = model("gan", 2);
        GenerativeModel images = model("dcgan", 1, 28, 28);
        assertThat(rows.convolutional()).isFalse();
        assertThat(images.convolutional()).isTrue();

        TrainingThreads alone = new TrainingThreads(4, 1);
        assertThat(alone.forJob(rows)).isEqualTo(1);
        assertThat(alone.forJob(images)).isEqualTo(4);

        // Two workers: any two jobs together use at most the four cores.
        TrainingThreads shared = new TrainingThreads(4, 2);
        assertThat(shared.forJob(rows)).isEqualTo(1);
        assertThat(shared.forJob(images)).isEqualTo(2);
        assertThat(new TrainingThreads(2, 3).forJob(images)).isEqualTo(1);
    }
}
