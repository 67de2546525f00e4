package dev.gansvc.engine.family.vae;

import dev.gansvc.engine.model.CodeDensity;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.OptionValues;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.model.TrainingSettings;
import dev.gansvc.engine.nets.Mlp;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.variational.VaeObjective;
import dev.gansvc.engine.variational.VariationalFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Variational autoencoder: a fully connected encoder (mean and log-variance heads) and decoder. */
public final class VaeFamily implements VariationalFamily {

    /**
     * Likelihood models converge with plain Adam and larger batches. A code of 16 decoded from a
     * density of 20 Gaussians fitted to the code means: the prior's samples decoded to blends of
     * digits (digit classifier's confidence 0.77 on the bundled digits; a code of 4 reached 0.88
     * at the cost of recall and reconstructions), the density's to digits (0.91: docs/quality.md).
     */
    private static final Recipe IMAGES =
            Recipe.adam(20, 128, 16, 1e-3, 0.9, 0.999, 0, OptionValues.NONE.with(CodeDensity.COMPONENTS, 20));

    private static final Recipe ROWS = IMAGES.withLatentDim(2);

    @Override
    public String id() {
        return "vae";
    }

    @Override
    public String description() {
        return "Variational autoencoder (sigma-VAE): samples decode a mixture of Gaussians fitted to the code means, "
                + "reconstructions decode the code's mean";
    }

    @Override
    public Recipe recipe(long[] exampleShape, String variant) {
        return exampleShape.length == 3 ? IMAGES : ROWS;
    }

    @Override
    public Map<String, Network> networks(ModelShape shape) {
        Map<String, Network> networks = new LinkedHashMap<>();
        networks.put(GenerativeModel.ENCODER, Mlp.encoder(shape, 2 * shape.latentDim(), Mlp.Init.HE));
        networks.put(GenerativeModel.GENERATOR, Mlp.generator(shape, Mlp.Init.HE));
        return networks;
    }

    @Override
    public Objective objective(TrainingSettings settings) {
        return new VaeObjective();
    }

    @Override
    public List<LossSeries> lossSeries() {
        return VaeObjective.SERIES;
    }
}
