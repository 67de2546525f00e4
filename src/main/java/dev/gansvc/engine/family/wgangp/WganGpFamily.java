package dev.gansvc.engine.family.wgangp;

import dev.gansvc.engine.adversarial.AdversarialOptions;
import dev.gansvc.engine.model.ExampleClusters;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.Option;
import dev.gansvc.engine.model.OptionValues;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.model.TrainingSettings;
import dev.gansvc.engine.nets.Dcgan;
import dev.gansvc.engine.nets.Mlp;
import dev.gansvc.engine.nn.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wasserstein GAN with gradient penalty: a DCGAN-shaped critic without batch norm for 28x28
 * images, fully connected networks otherwise.
 */
public final class WganGpFamily implements ModelFamily {

    public static final Option.Real GRADIENT_PENALTY =
            new Option.Real("gradientPenalty", "Lambda of the gradient penalty", 0, true, 1000, true, 10.0);

    /** Gulrajani et al. 2017: Adam(1e-4, 0.5, 0.9), 5 critic steps, lambda 10; epochs count critic batches. */
    private static final OptionValues PAPER =
            OptionValues.NONE.with(AdversarialOptions.DISCRIMINATOR_STEPS, 5).with(GRADIENT_PENALTY, 10.0);

    /**
     * 50 epochs (1,400 generator steps) conditioned on 50 clusters of the images: on the bundled
     * digits the digit classifier's confidence was 0.78 after 50 epochs unconditioned (0.75 after
     * 25; the weight average made it worse), 0.91 with the clusters (docs/quality.md).
     */
    private static final Recipe IMAGES =
            Recipe.adam(50, 64, 100, 1e-4, 0.5, 0.9, 0, PAPER.with(ExampleClusters.CLUSTERS, 50));

    private static final Recipe ROWS =
            Recipe.adam(40, 64, 16, 1e-4, 0.5, 0.9, 0.999, PAPER.with(ExampleClusters.CLUSTERS, 0));

    @Override
    public String id() {
        return "wgan-gp";
    }

    @Override
    public String description() {
        return "Wasserstein GAN with gradient penalty: a critic without batch norm, k critic steps per generator step";
    }

    @Override
    public List<Option> options() {
        return List.of(AdversarialOptions.DISCRIMINATOR_STEPS, GRADIENT_PENALTY, ExampleClusters.CLUSTERS);
    }

    @Override
    public Recipe recipe(long[] exampleShape, String variant) {
        return exampleShape.length == 3 ? IMAGES : ROWS;
    }

    @Override
    public Map<String, Network> networks(ModelShape shape) {
        boolean dcgan = Dcgan.takes(shape.exampleShape());
        Map<String, Network> networks = new LinkedHashMap<>();
        networks.put(
                GenerativeModel.GENERATOR, dcgan ? Dcgan.generator(shape.generatorInputs()) : Mlp.generator(shape));
        networks.put(
                WassersteinObjective.CRITIC,
                dcgan ? Dcgan.critic(shape.discriminatorOutputs()) : Mlp.discriminator(shape));
        return networks;
    }

    @Override
    public Objective objective(TrainingSettings settings) {
        return new WassersteinObjective(
                settings.options().get(AdversarialOptions.DISCRIMINATOR_STEPS),
                settings.options().get(GRADIENT_PENALTY));
    }

    @Override
    public List<LossSeries> lossSeries() {
        return WassersteinObjective.SERIES;
    }
}
