package dev.gansvc.engine.variational;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.HeldOutScore;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.Runs;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class VaeObjectiveTest {

    @Test
    void learnsDigitsItCanReconstructAndSampleFromThePrior() {
        ImageDataset digits = Runs.mnist().head(5000);
        Runs.Run run = Runs.train(ModelFamilies.all().require("vae"), "", digits, 5, 64, 16, 2);

        List<Double> validation = run.points().stream()
                .map(p -> p.value(3))
                .filter(v -> !v.isNaN())
                .toList();
        assertThat(validation).as("held-out -ELBO per epoch").hasSize(5);
        assertThat(validation.get(4)).isLessThan(validation.get(0));
        LossPoint last = run.points().get(run.points().size() - 1);
        assertThat(last.value(2)).as("KL").isPositive();
        assertThat(last.value(0)).as("-ELBO = reconstruction NLL + KL").isGreaterThan(last.value(2));

        HeldOutScore heldOut = run.trainer().evaluateHeldOut().orElseThrow();
        assertThat(heldOut.examples()).isEqualTo(500);
        double meanImage = Runs.meanImageError(digits, run.trainer().heldOutIndices());
        assertThat(heldOut.reconstructionError())
                .as("held-out MSE vs the mean image's %s", meanImage)
                .isLessThan(0.6 * meanImage);
        assertThat(heldOut.negativeElbo()).isCloseTo(validation.get(4), Offset.offset(1e-6));

        INDArray samples = GeneratorModel.of(run.model()).generate(256, 1);
        assertThat(samples.shape()).containsExactly(256, 1, 28, 28);
        double background =
                samples.lt(-0.5).castTo(samples.dataType()).meanNumber().doubleValue();
        assertThat(background)
                .as("prior samples are mostly dark background, as digits are")
                .isGreaterThan(0.5);
    }
}
