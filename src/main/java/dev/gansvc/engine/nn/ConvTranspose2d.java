package dev.gansvc.engine.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Transposed convolution ("deconvolution") with bias, PyTorch semantics and weight layout
 * [in, out, kH, kW], on libnd4j's deconv2d / deconv2d_bp, which oneDNN runs as convolution
 * backward-data kernels.
 */
public final class ConvTranspose2d implements Layer, ScalesOutputChannels {

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int pad;
    private final WeightsAndBias p;
    private INDArray input;

    public ConvTranspose2d(int inChannels, int outChannels, int kernel, int stride, int pad) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.pad = pad;
        this.p = new WeightsAndBias(new long[] {inChannels, outChannels, kernel, kernel}, outChannels);
    }

    public static long outputSize(long in, int kernel, int stride, int pad) {
        return (in - 1) * stride - 2L * pad + kernel;
    }

    @Override
    public LayerSpec spec() {
        return new LayerSpec.ConvTranspose(p.weights.dup(), p.bias.dup(), stride, pad);
    }

    @Override
    public Layer unboundCopy() {
        return new ConvTranspose2d(inChannels, outChannels, kernel, stride, pad);
    }

    @Override
    public void scaleOutputChannels(INDArray scale, INDArray shift) {
        Nd4j.exec(new BroadcastMulOp(p.weights, scale, p.weights, 1));
        p.bias.muli(scale).addi(shift);
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
        long h = outputSize(x.size(2), kernel, stride, pad);
        long w = outputSize(x.size(3), kernel, stride, pad);
        INDArray out = Tensors.zeros(x.size(0), outChannels, h, w);
        // A separate bias pass measured faster than deconv2d's fused bias.
        ConvOps.deconv2d(x, p.weights, out, kernel, stride, pad);
        Nd4j.exec(DynamicCustomOp.builder("biasadd")
                .addInputs(out, p.bias)
                .addOutputs(out)
                .addBooleanArguments(true)
                .build());
        if (training) {
            input = x;
        }
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradInput = Tensors.zeros(input.shape());
        INDArray gw = Tensors.zeros(p.weights.shape());
        INDArray gb = Tensors.zeros(p.bias.shape());
        ConvOps.deconv2dBackprop(input, p.weights, p.bias, gradOutput, gradInput, gw, gb, kernel, stride, pad);
        p.gradWeights.addi(gw);
        p.gradBias.addi(gb);
        return gradInput;
    }
}
