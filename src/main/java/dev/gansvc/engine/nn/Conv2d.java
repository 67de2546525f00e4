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
    private final WeightsAndBias p;
    private INDArray input;
    private INDArray recordedGradOutput;

    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int pad) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.pad = pad;
        this.p = new WeightsAndBias(new long[] {outChannels, inChannels, kernel, kernel}, outChannels);
    }

    /** Output rows (or columns) of a convolution over {@code in} of them. */
    public static long outputSize(long in, int kernel, int stride, int pad) {
        return ConvOps.outputSize(in, kernel, stride, pad);
    }

    @Override
    public LayerSpec spec() {
        return new LayerSpec.Conv(p.weights.dup(), p.bias.dup(), stride, pad);
    }

    @Override
    public Layer unboundCopy() {
        return new Conv2d(inChannels, outChannels, kernel, stride, pad);
    }

    @Override
    public long parameterCount() {
        return p.count();
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients) {
        p.bind(parameters, gradients);
    }

    @Override
    public void initialize(SplittableRandom random) {
        p.initialize(random);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        long h = ConvOps.outputSize(x.size(2), kernel, stride, pad);
        long w = ConvOps.outputSize(x.size(3), kernel, stride, pad);
        INDArray out = Tensors.zeros(x.size(0), outChannels, h, w);
        ConvOps.conv2d(x, p.weights, p.bias, out, kernel, stride, pad);
        if (training) {
            input = x;
        }
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradInput = Tensors.zeros(input.shape());
        INDArray gw = Tensors.zeros(p.gradWeights.shape());
        ConvOps.conv2dBackprop(input, p.weights, gradOutput, gradInput, gw, kernel, stride, pad);
        p.gradWeights.addi(gw);
        p.gradBias.addi(gradOutput.sum(0, 2, 3));
        return gradInput;
    }

    @Override
    public INDArray recordInputGradient(INDArray gradOutput) {
        recordedGradOutput = gradOutput;
        return inputGradient(gradOutput);
    }

    /**
     * The input gradient is the transposed convolution of g by W, bilinear: its derivative for W
     * is the weight gradient of convolving u with output gradient g, and for g the convolution of u.
     */
    @Override
    public INDArray backwardThroughInputGradient(INDArray adjoint) {
        INDArray gw = Tensors.zeros(p.gradWeights.shape());
        ConvOps.conv2dBackprop(
                adjoint, p.weights, recordedGradOutput, Tensors.zeros(adjoint.shape()), gw, kernel, stride, pad);
        p.gradWeights.addi(gw);
        INDArray gradOfGradOutput = Tensors.zeros(recordedGradOutput.shape());
        ConvOps.conv2d(adjoint, p.weights, Tensors.zeros(outChannels), gradOfGradOutput, kernel, stride, pad);
        return gradOfGradOutput;
    }

    @Override
    public INDArray inputGradient(INDArray gradOutput) {
        // The transposed convolution maps back to the input size only when no input rows were
        // left over by the stride.
        long h = ConvTranspose2d.outputSize(gradOutput.size(2), kernel, stride, pad);
        long w = ConvTranspose2d.outputSize(gradOutput.size(3), kernel, stride, pad);
        if (h != input.size(2) || w != input.size(3)) {
            return backward(gradOutput);
        }
        INDArray gradInput = Tensors.zeros(input.shape());
        ConvOps.deconv2d(gradOutput, p.weights, gradInput, kernel, stride, pad);
        return gradInput;
    }
}
