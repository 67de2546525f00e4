package dev.gansvc.engine.gan;

import dev.gansvc.engine.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A generator frozen for inference: a copy of the trained network with its batch norms folded
 * into the preceding layers. Later training steps do not change it; safe to share between threads.
 */
public final class GeneratorModel {

    private final Architecture architecture;
    private final int latentDim;
    private final Network network;

    private GeneratorModel(Architecture architecture, int latentDim, Network network) {
        this.architecture = architecture;
        this.latentDim = latentDim;
        this.network = network;
    }

    static GeneratorModel of(Architecture architecture, int latentDim, Network trainedGenerator) {
        return new GeneratorModel(architecture, latentDim, trainedGenerator.foldedForInference());
    }

    /** The model's generator as sampling should see it: with its averaged weights when it averages. */
    public static GeneratorModel of(GanModel model) {
        Network generator = model.architecture().generator(model.latentDim(), model.exampleShape());
        generator.parameters().assign(model.samplingParameters());
        generator.state().assign(model.generator().state());
        return of(model.architecture(), model.latentDim(), generator);
    }

    public Architecture architecture() {
        return architecture;
    }

    public int latentDim() {
        return latentDim;
    }

    /** [count, channels, height, width] images in [-1, 1] from the latent points of {@code seed}. */
    public INDArray generate(int count, long seed) {
        return generate(LatentNoise.sample(seed, count, latentDim));
    }

    public INDArray generate(INDArray latent) {
        return network.forward(latent, false);
    }
}
