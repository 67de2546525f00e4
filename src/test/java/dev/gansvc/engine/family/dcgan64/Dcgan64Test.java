package dev.gansvc.engine.family.dcgan64;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.adversarial.AdversarialObjective;
import dev.gansvc.engine.adversarial.AdversarialOptions;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.model.Runs;
import dev.gansvc.engine.model.SamplePictures;
import dev.gansvc.engine.nn.Tensors;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class Dcgan64Test {

    @Test
    void colourSixtyFourPixelModelTrainsAndDrawsColourGrids() throws Exception {
        // Smooth random colour fields stand in for faces: what matters here is the shapes and the steps.
        INDArray pixels = Tensors.gaussian(new SplittableRandom(1), 0, 0.5, 40, 3 * 64 * 64);
        ImageDataset colour = new ImageDataset(pixels, new int[40], 3, 64, 64);
        assertThat(ModelFamilies.all().require("dcgan64").unsupported(new long[] {1, 28, 28}, 0, ""))
                .isPresent();
        assertThat(ModelFamilies.all().require("dcgan64").unsupported(colour.exampleShape(), 0, ""))
                .isEmpty();

        assertThat(Recipe.defaults(ModelFamilies.all().require("dcgan64"), colour, "")
                        .options()
                        .get(AdversarialOptions.R1_GAMMA))
                .isEqualTo(10);
        Runs.Run run = Runs.train(ModelFamilies.all().require("dcgan64"), "", colour, 1, 8, 100, 2);

        assertThat(run.points()).as("40 images, too few to hold any out").hasSize(40 / 8);
        for (LossPoint p : run.points()) {
            assertThat(Arrays.stream(p.values()).allMatch(Double::isFinite)).isTrue();
        }
        assertThat(run.model().network(AdversarialObjective.DISCRIMINATOR).parameterCount())
                .as("eight convolutions and a dense logit")
                .isEqualTo((3 * 64 * 16 + 64)
                        + (64 * 64 * 9 + 64)
                        + (64 * 128 * 16 + 128)
                        + (128 * 128 * 9 + 128)
                        + (128 * 256 * 16 + 256)
                        + (256 * 256 * 9 + 256)
                        + (256 * 512 * 16 + 512)
                        + (512 * 512 * 9 + 512)
                        + (8192 + 1));
        assertThat(run.model().network(AdversarialObjective.DISCRIMINATOR).examplesIndependent())
                .as("no batch norm: R1 judges each example on its own")
                .isTrue();
        GeneratorModel generator = GeneratorModel.of(run.model());
        assertThat(generator.generate(2, 1).shape()).containsExactly(2, 3, 64, 64);
        BufferedImage grid =
                ImageIO.read(new ByteArrayInputStream(SamplePictures.png(generator, 4, 1, OptionalInt.empty())));
        assertThat(grid.getWidth()).isEqualTo(2 * 66 + 2);
        assertThat(grid.getColorModel().getNumComponents()).isEqualTo(3);
    }
}
