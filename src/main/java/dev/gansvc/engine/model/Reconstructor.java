package dev.gansvc.engine.model;

import dev.gansvc.engine.data.FeatureScaling;
import dev.gansvc.engine.nn.Network;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * An autoencoder's or VAE's encoder and decoder frozen for inference: examples in, their
 * reconstructions out (a VAE decodes the mean of its code). Safe to share between threads.
 */
public final class Reconstructor {

    private final ModelShape shape;
    private final Network encoder;
    private final Network decoder;
    private final boolean variational;
    private final Optional<FeatureScaling> scaling;

    /** @param variational whether the encoder gives a Gaussian code (mean, then log-variance), whose mean is decoded */
    public Reconstructor(
            ModelShape shape, Network encoder, Network decoder, boolean variational, Optional<FeatureScaling> scaling) {
        this.shape = shape;
        this.encoder = encoder.foldedForInference();
        this.decoder = decoder.foldedForInference();
        this.variational = variational;
        this.scaling = scaling;
    }

    public ModelShape shape() {
        return shape;
    }

    /** @param examples [n, exampleShape...] in the data's units */
    public INDArray reconstruct(INDArray examples) {
        INDArray out = decoder.forward(encode(examples), false);
        return scaling.map(s -> s.restore(out)).orElse(out);
    }

    /** The codes of examples [n, exampleShape...] in the data's units: [n, latent], a VAE's the means. */
    public INDArray encode(INDArray examples) {
        INDArray in = scaling.map(s -> s.standardize(examples)).orElse(examples);
        INDArray code = encoder.forward(in, false);
        return variational
                ? code.get(NDArrayIndex.all(), NDArrayIndex.interval(0, shape.latentDim()))
                        .dup('c')
                : code;
    }
}
