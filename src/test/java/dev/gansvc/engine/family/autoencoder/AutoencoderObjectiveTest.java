package dev.gansvc.engine.family.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.Runs;
import dev.gansvc.engine.nn.Workspaces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

class AutoencoderObjectiveTest {

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "deep", "conv", "denoising"})
    void reconstructsHeldOutDigitsWithStandardisedCodes(String variant) {
        ImageDataset digits = Runs.mnist().head(4000);
        Runs.Run run = Runs.train(ModelFamilies.all().require("autoencoder"), variant, digits, 5, 64, 32, 3);

        double validation = run.points().get(run.points().size() - 1).value(1);
        INDArray heldOut = digits.batch(run.trainer().heldOutIndices());
        double meanImage = Runs.meanImageError(digits, run.trainer().heldOutIndices());
        assertThat(validation)
                .as("held-out MSE vs the mean image's %s", meanImage)
                .isLessThan(0.5 * meanImage);
        assertThat(run.trainer().evaluateHeldOut().orElseThrow().reconstructionError())
                .isEqualTo(validation);

        INDArray codes = Workspaces.run(
                "test",
                () -> run.model()
                        .network(GenerativeModel.ENCODER)
                        .forward(heldOut, false)
                        .detach());
        assertThat(codes.shape()).containsExactly(400, 32);
        assertThat(Transforms.abs(codes.mean(0)).meanNumber().doubleValue())
                .as("code means")
                .isLessThan(0.3);
        assertThat(codes.var(0).meanNumber().doubleValue()).as("code variances").isBetween(0.5, 1.5);
    }
}
