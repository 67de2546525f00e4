package dev.gansvc.engine.family.dcgan64;

import dev.gansvc.engine.adversarial.AdversarialNetworks;
import dev.gansvc.engine.adversarial.AdversarialOptions;
import dev.gansvc.engine.adversarial.AdversarialRecipes;
import dev.gansvc.engine.adversarial.ClassifyingGanFamily;
import dev.gansvc.engine.model.ExampleClusters;
import dev.gansvc.engine.model.LearningRateSchedule;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.Option;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.nets.Dcgan64;
import dev.gansvc.engine.nn.Network;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * DCGAN for 64x64 colour images (CelebA-style): four transposed convolutions up, eight
 * convolutions down, a discriminator without batch norm regularised by R1.
 */
public final class Dcgan64Family implements ClassifyingGanFamily {

    /**
     * The 64-pixel recipe conditioned on 50 clusters, for 25 epochs with a linear decay of the
     * learning rate: on shapes64 (seed 1) FD 132 against 203 for 15 constant epochs (docs/quality.md).
     */
    private static final Recipe IMAGES = new Recipe(
            25,
            AdversarialRecipes.IMAGES_64.batchSize(),
            AdversarialRecipes.IMAGES_64.latentDim(),
            AdversarialRecipes.IMAGES_64.optimizer(),
            LearningRateSchedule.LINEAR_DECAY,
            AdversarialOptions.defaults(10, 1).with(ExampleClusters.CLUSTERS, 50));

    private static final List<Option> OPTIONS = Stream.concat(
                    AdversarialOptions.PACKED_WITH_R1.stream(), Stream.of(ExampleClusters.CLUSTERS))
            .toList();

    @Override
    public String id() {
        return "dcgan64";
    }

    @Override
    public String description() {
        return "DCGAN for 64x64 colour images: four transposed convolutions up, eight convolutions down, R1";
    }

    @Override
    public List<Option> options() {
        return OPTIONS;
    }

    @Override
    public Recipe recipe(long[] exampleShape, String variant) {
        return IMAGES;
    }

    @Override
    public Optional<String> unsupported(long[] exampleShape, int classCount, String variant) {
        return Dcgan64.unsupported(exampleShape);
    }

    @Override
    public Map<String, Network> networks(ModelShape shape) {
        return AdversarialNetworks.dcgan64(shape);
    }
}
