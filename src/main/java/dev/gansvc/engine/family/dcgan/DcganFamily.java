package dev.gansvc.engine.family.dcgan;

import dev.gansvc.engine.adversarial.AdversarialNetworks;
import dev.gansvc.engine.adversarial.AdversarialOptions;
import dev.gansvc.engine.adversarial.AdversarialRecipes;
import dev.gansvc.engine.adversarial.ClassifyingGanFamily;
import dev.gansvc.engine.model.ExampleClusters;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.Option;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.nets.Dcgan;
import dev.gansvc.engine.nn.Network;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * DCGAN (Radford et al. 2015) for 28x28 single-channel images: strided convolutions, batch
 * norm in both networks, so no R1.
 */
public final class DcganFamily implements ClassifyingGanFamily {

    /**
     * {@link AdversarialRecipes#IMAGES} (15 epochs, 2,100 steps, about four minutes on two cores,
     * sampling a 0.999 moving average of the generator's weights) without R1, which needs a
     * discriminator without batch norm. How it was chosen, and what else was tried: docs/quality.md.
     */
    private static final Recipe IMAGES = AdversarialRecipes.IMAGES.withOptions(
            AdversarialOptions.defaultsWithoutR1().with(ExampleClusters.CLUSTERS, 50));

    private static final List<Option> OPTIONS = Stream.concat(
                    AdversarialOptions.PACKED.stream(), Stream.of(ExampleClusters.CLUSTERS))
            .toList();

    @Override
    public String id() {
        return "dcgan";
    }

    @Override
    public String description() {
        return "DCGAN: strided convolutions and batch norm, for 28x28 grey images";
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
        return Dcgan.unsupported(exampleShape);
    }

    @Override
    public Map<String, Network> networks(ModelShape shape) {
        return AdversarialNetworks.dcgan(shape);
    }
}
