package dev.gansvc.engine.family.autoencoder;

import dev.gansvc.engine.model.Capability;
import dev.gansvc.engine.model.CodeDensity;
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
import dev.gansvc.engine.nn.Network;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Autoencoders: plain (mlp), deep, convolutional and denoising. */
public final class AutoencoderFamily implements ModelFamily {

    public static final Option.Real NOISE_LEVEL = new Option.Real(
            "noiseLevel",
            "Std of the Gaussian noise added to inputs (the denoising variant's corruption)",
            0,
            true,
            10,
            true,
            0.0);

    /**
     * A code of 32 decoded from a density of 30 Gaussians fitted to the codes: decoding N(0, I)
     * gave blurs and blends (digit classifier's confidence 0.69 on the bundled digits), smaller
     * codes more digit-like samples but three times the reconstruction error; 20 Gaussians left
     * the denoising variant at 0.89 (docs/quality.md).
     */
    private static final Recipe IMAGES = Recipe.adam(
            10,
            128,
            32,
            1e-3,
            0.9,
            0.999,
            0,
            OptionValues.NONE.with(NOISE_LEVEL, 0.0).with(CodeDensity.COMPONENTS, 30));
    /** The denoising variant's input noise: std 0.5 on data in [-1, 1]. */
    private static final double DENOISING_NOISE = 0.5;

    @Override
    public String id() {
        return "autoencoder";
    }

    @Override
    public String description() {
        return "Autoencoders (variants mlp, deep, conv, denoising) whose samples decode a mixture of Gaussians "
                + "fitted to the training codes";
    }

    @Override
    public List<String> variants() {
        return AutoencoderVariant.ids();
    }

    @Override
    public List<Option> options() {
        return List.of(NOISE_LEVEL, CodeDensity.COMPONENTS);
    }

    /** Rows get a code of half their features. */
    @Override
    public Recipe recipe(long[] exampleShape, String variant) {
        Recipe base = exampleShape.length == 3 ? IMAGES : IMAGES.withLatentDim((int) Math.max(1, exampleShape[0] / 2));
        return AutoencoderVariant.DENOISING.id().equals(variant) ? base.with(NOISE_LEVEL, DENOISING_NOISE) : base;
    }

    @Override
    public Optional<String> unsupported(long[] exampleShape, int classCount, String variant) {
        return AutoencoderVariant.byId(variant).flatMap(v -> v.unsupported(exampleShape));
    }

    @Override
    public Map<String, Network> networks(ModelShape shape) {
        AutoencoderVariant variant = AutoencoderVariant.byId(shape.variant())
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown autoencoder variant '" + shape.variant() + "'"));
        Map<String, Network> networks = new LinkedHashMap<>();
        networks.put(GenerativeModel.ENCODER, variant.encoder(shape));
        networks.put(GenerativeModel.GENERATOR, variant.decoder(shape));
        return networks;
    }

    @Override
    public Objective objective(TrainingSettings settings) {
        return new AutoencoderObjective(settings.options().get(NOISE_LEVEL));
    }

    @Override
    public List<LossSeries> lossSeries() {
        return AutoencoderObjective.SERIES;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SAMPLES, Capability.INTERPOLATION, Capability.RECONSTRUCTIONS);
    }
}
