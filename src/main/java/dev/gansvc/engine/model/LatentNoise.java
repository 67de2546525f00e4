package dev.gansvc.engine.model;

import dev.gansvc.engine.nn.Tensors;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Standard-normal latent vectors from a seed, identical on every backend and machine. */
public final class LatentNoise {

    private LatentNoise() {}

    public static INDArray sample(long seed, int count, int latentDim) {
        return Tensors.gaussian(new SplittableRandom(seed), 0, 1, count, latentDim);
    }

    /** A seed for the noise of step {@code step} of a run seeded with {@code seed}. */
    static long stepSeed(long seed, long step) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (step + 1))).nextLong();
    }
}
