package dev.gansvc.engine.gan;

import dev.gansvc.engine.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A trained generator ready for inference; safe to share between threads. */
public record GeneratorModel(Architecture architecture, int latentDim, Network network) {

    /** [count, channels, height, width] images in [-1, 1] from the latent points of {@code seed}. */
    public INDArray generate(int count, long seed) {
        return generate(LatentNoise.sample(seed, count, latentDim));
    }

    public INDArray generate(INDArray latent) {
        return network.forward(latent, false);
    }
}
