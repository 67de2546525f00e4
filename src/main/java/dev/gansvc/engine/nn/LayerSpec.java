package dev.gansvc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a layer computes in inference, with copies of its weights in its own layout: what an
 * exporter writes out in another framework's terms, so that the layers need know no format.
 */
public sealed interface LayerSpec {

    /** y = x W + b on [N, in]. @param weights [in, out] @param bias [out] */
    record Dense(INDArray weights, INDArray bias) implements LayerSpec {}

    /** NCHW convolution, symmetric zero padding. @param weights [out, in, k, k] @param bias [out] */
    record Conv(INDArray weights, INDArray bias, int stride, int pad) implements LayerSpec {}

    /** Transposed convolution, PyTorch semantics. @param weights [in, out, k, k] @param bias [out] */
    record ConvTranspose(INDArray weights, INDArray bias, int stride, int pad) implements LayerSpec {}

    /** Inference-mode batch norm as y = scale * x + shift per channel (axis 1). */
    record ChannelAffine(INDArray scale, INDArray shift) implements LayerSpec {}

    /** An element-wise non-linearity; leaky ReLU with {@code slope} for negative inputs. */
    record Nonlinearity(Activation.Kind kind, double slope) implements LayerSpec {}

    /** Each example reshaped (row-major) to {@code exampleShape}. */
    record Reshape(long[] exampleShape) implements LayerSpec {}
}
