package dev.gansvc.engine.family.cgan;

import dev.gansvc.engine.adversarial.AdversarialNetworks;
import dev.gansvc.engine.adversarial.AdversarialOptions;
import dev.gansvc.engine.adversarial.AdversarialRecipes;
import dev.gansvc.engine.adversarial.ClassifyingGanFamily;
import dev.gansvc.engine.model.Capability;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.Option;
import dev.gansvc.engine.model.OptionProblem;
import dev.gansvc.engine.model.OptionValues;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.nets.Dcgan;
import dev.gansvc.engine.nets.Dcgan64;
import dev.gansvc.engine.nn.Network;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Class-conditional GAN: the generator takes the label with its latent point, the
 * discriminator gives one verdict per class and is read at the label (a projection
 * discriminator, Miyato and Koyama 2018). The DCGAN's networks for 28x28 grey images, the
 * 64-pixel DCGAN's for 64x64 colour ones, fully connected otherwise.
 */
public final class CganFamily implements ClassifyingGanFamily {

    @Override
    public String id() {
        return "cgan";
    }

    @Override
    public String description() {
        return "Class-conditional GAN with a projection discriminator: samples of a chosen class; "
                + "needs labelled data";
    }

    @Override
    public List<Option> options() {
        return AdversarialOptions.PACKED_WITH_R1;
    }

    @Override
    public Recipe recipe(long[] exampleShape, String variant) {
        if (exampleShape.length != 3) {
            return AdversarialRecipes.ROWS;
        }
        return Dcgan64.takes(exampleShape) ? AdversarialRecipes.IMAGES_64 : AdversarialRecipes.IMAGES;
    }

    @Override
    public Optional<String> unsupported(long[] exampleShape, int classCount, String variant) {
        return classCount < 2 ? Optional.of("needs labelled data with at least 2 classes") : Optional.empty();
    }

    /** The 28x28 networks have a batch-normalised discriminator, which R1 cannot regularise. */
    @Override
    public Optional<OptionProblem> check(OptionValues options, long[] exampleShape) {
        return Dcgan.takes(exampleShape)
                ? AdversarialOptions.r1WithBatchNorm(id(), options, exampleShape)
                : Optional.empty();
    }

    @Override
    public Map<String, Network> networks(ModelShape shape) {
        long[] exampleShape = shape.exampleShape();
        if (Dcgan.takes(exampleShape)) {
            return AdversarialNetworks.dcgan(shape);
        }
        return Dcgan64.takes(exampleShape) ? AdversarialNetworks.dcgan64(shape) : AdversarialNetworks.mlp(shape);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SAMPLES, Capability.CLASS_CONDITIONAL, Capability.INTERPOLATION);
    }
}
