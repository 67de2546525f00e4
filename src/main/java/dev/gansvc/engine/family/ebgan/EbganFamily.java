package dev.gansvc.engine.family.ebgan;

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
import dev.gansvc.engine.nets.AutoencoderVariant;
import dev.gansvc.engine.nets.Dcgan;
import dev.gansvc.engine.nets.Mlp;
import dev.gansvc.engine.nn.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Energy-based GAN: an autoencoder discriminator whose energy is its reconstruction error,
 * convolutional for images whose sides are multiples of 4, fully connected otherwise.
 */
public final class EbganFamily implements ModelFamily {

    public static final Option.Real MARGIN = new Option.Real(
            "margin", "Margin m on the energy (mean squared reconstruction error) of fakes", 0, false, 1000, true, 1.0);
    public static final Option.Real PULL_AWAY_WEIGHT =
            new Option.Real("pullAwayWeight", "Weight of the pulling-away term (0: off)", 0, true, 100, true, 0.1);

    /** The discriminator's code size. */
    private static final int CODE = 64;

    /**
     * Zhao et al. 2017 with energy as the mean squared reconstruction error per value: a margin
     * of 0.5 for images in [-1, 1], pulling-away weight 0.1; 40 epochs sampling a 0.999 moving
     * average of the generator's weights, where 5 without it gave malformed digits, conditioned
     * on 50 clusters of the images (digit classifier's confidence 0.76 with 5 epochs, 0.87 with
     * 40, 0.95 with the clusters: docs/quality.md).
     */
    private static final Recipe IMAGES =
            Recipe.adam(40, 64, 100, 2e-4, 0.5, 0.999, 0.999, paper(0.5).with(ExampleClusters.CLUSTERS, 50));

    private static final Recipe ROWS =
            Recipe.adam(40, 64, 16, 2e-4, 0.5, 0.999, 0.999, paper(1).with(ExampleClusters.CLUSTERS, 0));

    private static OptionValues paper(double margin) {
        return OptionValues.NONE
                .with(AdversarialOptions.DISCRIMINATOR_STEPS, 1)
                .with(MARGIN, margin)
                .with(PULL_AWAY_WEIGHT, 0.1);
    }

    @Override
    public String id() {
        return "ebgan";
    }

    @Override
    public String description() {
        return "Energy-based GAN: an autoencoder discriminator, margin loss and pulling-away term";
    }

    @Override
    public List<Option> options() {
        return List.of(AdversarialOptions.DISCRIMINATOR_STEPS, MARGIN, PULL_AWAY_WEIGHT, ExampleClusters.CLUSTERS);
    }

    @Override
    public Recipe recipe(long[] exampleShape, String variant) {
        return exampleShape.length == 3 ? IMAGES : ROWS;
    }

    @Override
    public Map<String, Network> networks(ModelShape shape) {
        boolean conv = AutoencoderVariant.CONV.unsupported(shape.exampleShape()).isEmpty();
        AutoencoderVariant variant = conv ? AutoencoderVariant.CONV : AutoencoderVariant.DEEP;
        ModelShape code = new ModelShape(CODE, shape.exampleShape(), 0);
        // A decoder told the cluster takes it after the code.
        ModelShape decoderInput = new ModelShape(CODE + shape.labelCount(), shape.exampleShape(), 0);
        Map<String, Network> networks = new LinkedHashMap<>();
        networks.put(
                GenerativeModel.GENERATOR,
                Dcgan.takes(shape.exampleShape()) ? Dcgan.generator(shape.generatorInputs()) : Mlp.generator(shape));
        networks.put(EnergyObjective.ENCODER, variant.unstandardizedEncoder(code));
        networks.put(EnergyObjective.DECODER, variant.decoder(decoderInput));
        return networks;
    }

    @Override
    public Objective objective(TrainingSettings settings) {
        OptionValues o = settings.options();
        return new EnergyObjective(
                o.get(AdversarialOptions.DISCRIMINATOR_STEPS), o.get(MARGIN), o.get(PULL_AWAY_WEIGHT));
    }

    @Override
    public List<LossSeries> lossSeries() {
        return EnergyObjective.SERIES;
    }
}
