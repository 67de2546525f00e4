package dev.gansvc.engine.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Strided 2D convolution with bias, NCHW, square kernel, symmetric zero padding. */
public final class Conv2d implements Layer {

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int pad;
    private INDArray weights;
    private INDArray bias;
    private INDArray gradWeights;
    private INDArray gradBias;
    private INDArray input;

    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int pad) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.pad = pad;
    }

    @Override
    public long parameterCount() {
        return (long) outChannels * inChannels * kernel * kernel + outChannels;
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients) {
        long w = (long) outChannels * inChannels * kernel * kernel;
        weights = Tensors.slice(parameters, 0, outChannels, inChannels, kernel, kernel);
        bias = Tensors.slice(parameters, w, outChannels);
        gradWeights = Tensors.slice(gradients, 0, outChannels, inChannels, kernel, kernel);
        gradBias = Tensors.slice(gradients, w, outChannels);
    }

    @Override
    public void initialize(SplittableRandom random) {
        Tensors.fillGaussian(weights, random, 0, 0.02);
        bias.assign(0);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        long h = ConvOps.outputSize(x.size(2), kernel, stride, pad);
        long w = ConvOps.outputSize(x.size(3), kernel, stride, pad);
        INDArray out = Tensors.zeros(x.size(0), outChannels, h, w);
        ConvOps.conv2d(x, weights, bias, out, kernel, stride, pad);
        input = training ? x : null;
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradInput = Tensors.zeros(input.shape());
        INDArray gw = Tensors.zeros(gradWeights.shape());
        ConvOps.conv2dBackprop(input, weights, gradOutput, gradInput, gw, kernel, stride, pad);
        gradWeights.addi(gw);
        gradBias.addi(gradOutput.sum(0, 2, 3));
        return gradInput;
    }
}
