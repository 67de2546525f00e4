package dev.gansvc.engine.family.gan;

import dev.gansvc.engine.adversarial.AdversarialNetworks;
import dev.gansvc.engine.adversarial.AdversarialObjective;
import dev.gansvc.engine.adversarial.AdversarialOptions;
import dev.gansvc.engine.adversarial.AdversarialRecipes;
import dev.gansvc.engine.adversarial.ClassifyingGanFamily;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.Option;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.nn.Network;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The original fully connected GAN (Goodfellow et al. 2014), for any example shape. */
public final class GanFamily implements ClassifyingGanFamily {

    /**
     * On images the fully connected GAN learns far slower per step than the DCGAN (no
     * convolutions to share what it learns across the picture), but each step is several
     * times cheaper, so it runs more epochs and samples a weight average. 100 epochs: on the
     * bundled digits the digit classifier's confidence was 0.87 after 60 and 0.91 after 100,
     * every digit between 5% and 15% of the samples (docs/quality.md).
     */
    private static final Recipe IMAGES =
            Recipe.adam(100, 64, 100, 2e-4, 0.5, 0.999, 0.999, AdversarialOptions.defaults(0, 1));

    @Override
    public String id() {
        return "gan";
    }

    @Override
    public String description() {
        return "The original GAN: fully connected generator and discriminator, minimax or non-saturating loss, "
                + "k discriminator steps per generator step; any data";
    }

    @Override
    public List<Option> options() {
        return AdversarialOptions.PACKED_WITH_R1;
    }

    @Override
    public Recipe recipe(long[] exampleShape, String variant) {
        return exampleShape.length == 3 ? IMAGES : AdversarialRecipes.ROWS;
    }

    @Override
    public Map<String, Network> networks(ModelShape shape) {
        return AdversarialNetworks.mlp(shape);
    }

    /**
     * On rows its discriminator, which judges each row on its own, filters the samples: rows
     * cost little to generate, and on the 2D mixtures the filter raised both the modes covered
     * and the share of high-quality samples.
     */
    @Override
    public Optional<String> sampleFilter(ModelShape shape) {
        return !shape.image() && shape.packing() == 1
                ? Optional.of(AdversarialObjective.DISCRIMINATOR)
                : Optional.empty();
    }
}
