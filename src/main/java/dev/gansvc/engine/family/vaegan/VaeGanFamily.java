package dev.gansvc.engine.family.vaegan;

import dev.gansvc.engine.adversarial.AdversarialObjective;
import dev.gansvc.engine.adversarial.AdversarialRecipes;
import dev.gansvc.engine.model.CodeDensity;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.OptionValues;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.model.TrainingSettings;
import dev.gansvc.engine.nets.AutoencoderVariant;
import dev.gansvc.engine.nets.Dcgan;
import dev.gansvc.engine.nets.Mlp;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.variational.VariationalFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VAE-GAN: a VAE whose decoder is a GAN generator judged by a discriminator. For 28x28 grey
 * images the DCGAN's generator and discriminator with a convolutional encoder; fully connected
 * otherwise.
 */
public final class VaeGanFamily implements VariationalFamily {

    /**
     * The GAN's optimiser settings (its discriminator sets the pace) and a code of 16 decoded from
     * a density of 20 Gaussians fitted to the code means: the prior's samples decoded to blends of
     * digits (digit classifier's confidence 0.77 on the bundled digits, 0.83 with a code of 8),
     * the density's to digits (docs/quality.md).
     */
    private static final Recipe IMAGES =
            Recipe.adam(10, 64, 16, 2e-4, 0.5, 0.999, 0, OptionValues.NONE.with(CodeDensity.COMPONENTS, 20));
    /** The GAN's settings for rows; its objective has no R1. */
    private static final Recipe ROWS = AdversarialRecipes.ROWS.withOptions(IMAGES.options());

    @Override
    public String id() {
        return "vaegan";
    }

    @Override
    public String description() {
        return "VAE-GAN: a VAE whose decoder is also a GAN generator judged by a discriminator";
    }

    @Override
    public Recipe recipe(long[] exampleShape, String variant) {
        return exampleShape.length == 3 ? IMAGES : ROWS;
    }

    @Override
    public Map<String, Network> networks(ModelShape shape) {
        Map<String, Network> networks = new LinkedHashMap<>();
        boolean dcgan = Dcgan.takes(shape.exampleShape());
        ModelShape twoHeads = new ModelShape(2 * shape.latentDim(), shape.exampleShape(), 0);
        networks.put(
                GenerativeModel.ENCODER,
                dcgan
                        ? AutoencoderVariant.CONV.unstandardizedEncoder(twoHeads)
                        : Mlp.encoder(shape, 2 * shape.latentDim(), Mlp.Init.HE));
        networks.put(GenerativeModel.GENERATOR, dcgan ? Dcgan.generator(shape.latentDim()) : Mlp.generator(shape));
        networks.put(
                AdversarialObjective.DISCRIMINATOR,
                dcgan ? Dcgan.discriminator(Dcgan.CHANNELS, 1) : Mlp.discriminator(shape));
        return networks;
    }

    @Override
    public Objective objective(TrainingSettings settings) {
        return new VaeGanObjective();
    }

    @Override
    public List<LossSeries> lossSeries() {
        return VaeGanObjective.SERIES;
    }
}
