package dev.gansvc.engine.adversarial;

import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.nets.Dcgan;
import dev.gansvc.engine.nets.Dcgan64;
import dev.gansvc.engine.nets.Mlp;
import dev.gansvc.engine.nn.Network;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generator and classifying discriminator pairs, sized for the model's shape: the discriminator
 * takes packs of examples and gives one verdict per class for a conditional model.
 */
public final class AdversarialNetworks {

    private AdversarialNetworks() {}

    /** The 28x28 DCGAN. */
    public static Map<String, Network> dcgan(ModelShape shape) {
        return pair(
                Dcgan.generator(shape.generatorInputs()),
                Dcgan.discriminator(Dcgan.CHANNELS * shape.packing(), shape.discriminatorOutputs()));
    }

    /** The 64x64 colour DCGAN. */
    public static Map<String, Network> dcgan64(ModelShape shape) {
        return pair(
                Dcgan64.generator(shape.generatorInputs()),
                Dcgan64.discriminator(Dcgan64.CHANNELS * shape.packing(), shape.discriminatorOutputs()));
    }

    /** Fully connected, for any example shape. */
    public static Map<String, Network> mlp(ModelShape shape) {
        return pair(Mlp.adversarialGenerator(shape), Mlp.discriminator(shape));
    }

    /** A generator and a discriminator under their names. */
    public static Map<String, Network> pair(Network generator, Network discriminator) {
        Map<String, Network> networks = new LinkedHashMap<>();
        networks.put(GenerativeModel.GENERATOR, generator);
        networks.put(AdversarialObjective.DISCRIMINATOR, discriminator);
        return networks;
    }
}
