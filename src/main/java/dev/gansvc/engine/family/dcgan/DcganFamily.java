package dev.gansvc.engine.family.dcgan;

import dev.gansvc.engine.adversarial.AdversarialNetworks;
import dev.gansvc.engine.adversarial.AdversarialOptions;
import dev.gansvc.engine.adversarial.AdversarialRecipes;
import dev.gansvc.engine.adversarial.ClassifyingGanFamily;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.OptimizerSettings;
import dev.gansvc.engine.model.Option;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.nets.Dcgan;
import dev.gansvc.engine.nn.Network;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DCGAN (Radford et al. 2015) for 28x28 single-channel images: strided convolutions, batch
 * norm in both networks, so no R1.
 */
public final class DcganFamily implements ClassifyingGanFamily {

    /**
     * Radford et al.'s settings ({@link AdversarialRecipes#IMAGES}, which {@code cgan} keeps) for
     * 15 epochs instead of 5 (2,100 steps, about four minutes on two cores: 20 epochs took 303 s,
     * over the five-minute budget), sampling a moving average (0.999) of the generator's weights.
     * Chosen with {@code bench/gallery --models dcgan --set ... --measure-every 5} on the bundled
     * digits (docs/quality.md): mean digit-classifier confidence 0.75-0.76 for the 5-epoch default
     * (seeds 1-3); with the average 0.80, 0.81, 0.81 after 15 epochs and 0.81, 0.82, 0.81 after 20.
     * A linear learning-rate decay and a discriminator learning twice as fast did no better.
     */
    private static final Recipe IMAGES = Recipe.adam(
            15, 64, 100, 2e-4, 0.5, OptimizerSettings.DEFAULT_BETA2, 0.999, AdversarialOptions.defaultsWithoutR1());

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
        return AdversarialOptions.PACKED;
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
