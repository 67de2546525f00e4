package dev.gansvc.engine.family.vaegan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.adversarial.AdversarialObjective;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.HeldOutScore;
import dev.gansvc.engine.model.ModelArtifact;
import dev.gansvc.engine.model.Runs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class VaeGanObjectiveTest {

    @Test
    void encoderDecoderAndDiscriminatorLearnTogether() {
        ImageDataset digits = Runs.mnist().head(3000);
        Runs.Run run = Runs.train(ModelFamilies.all().require("vaegan"), "", digits, 3, 64, 16, 4);

        assertThat(run.model().networkNames())
                .containsExactly(
                        GenerativeModel.ENCODER, GenerativeModel.GENERATOR, AdversarialObjective.DISCRIMINATOR);
        int n = run.points().size();
        assertThat(run.points())
                .allSatisfy(p -> assertThat(Arrays.stream(p.values()).limit(5).allMatch(Double::isFinite))
                        .isTrue());
        assertThat(run.mean(2, n - 10, n)).as("reconstruction MSE").isLessThan(0.7 * run.mean(2, 0, 10));
        assertThat(run.mean(4, 0, n)).as("D on fakes stays a contest").isBetween(0.02, 0.98);

        HeldOutScore heldOut = run.trainer().evaluateHeldOut().orElseThrow();
        double meanImage = Runs.meanImageError(digits, run.trainer().heldOutIndices());
        assertThat(heldOut.reconstructionError())
                .as("vs the mean image's %s", meanImage)
                .isLessThan(0.8 * meanImage);
        INDArray samples = GeneratorModel.of(run.model()).generate(64, 1);
        double background =
                samples.lt(-0.5).castTo(samples.dataType()).meanNumber().doubleValue();
        assertThat(background).as("prior samples mostly dark background").isGreaterThan(0.5);
        assertThat(ModelArtifact.readReconstructor(ModelArtifact.write(run.model()), ModelFamilies.all())
                        .reconstruct(digits.batch(new int[] {0, 1}))
                        .shape())
                .containsExactly(2, 1, 28, 28);
    }
}
