package dev.gansvc.engine.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Transposed convolution ("deconvolution") with bias, PyTorch semantics and weight layout
 * [in, out, kH, kW].
 *
 * <p>A transposed convolution is the input-gradient of the convolution that maps its output
 * space back to its input space, and libnd4j's own deconv2d is several times slower than its
 * oneDNN conv2d kernels. So forward runs conv2d_bp, and backward runs conv2d (for dL/dx) and
 * conv2d_bp with the roles of input and output swapped (for dL/dw).
 */
public final class ConvTranspose2d implements Layer {

    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int pad;
    private final WeightsAndBias p;
    private INDArray input;

    public ConvTranspose2d(int inChannels, int outChannels, int kernel, int stride, int pad) {
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.pad = pad;
        this.p = new WeightsAndBias(new long[] {inChannels, outChannels, kernel, kernel}, outChannels);
    }

    static long outputSize(long in, int kernel, int stride, int pad) {
        return (in - 1) * stride - 2L * pad + kernel;
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
        long n = x.size(0);
        long h = outputSize(x.size(2), kernel, stride, pad);
        long w = outputSize(x.size(3), kernel, stride, pad);
        INDArray out = Tensors.zeros(n, outChannels, h, w);
        // conv2d_bp also produces the weight gradient of the adjoint convolution; unused here.
        INDArray unusedGradWeights = Tensors.zeros(p.weights.shape());
        ConvOps.conv2dBackprop(out, p.weights, x, out, unusedGradWeights, kernel, stride, pad);
        Nd4j.exec(DynamicCustomOp.builder("biasadd").addInputs(out, p.bias).addOutputs(out).addBooleanArguments(true).build());
        input = training ? x : null;
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradInput = Tensors.zeros(input.shape());
        ConvOps.conv2d(gradOutput, p.weights, null, gradInput, kernel, stride, pad);
        INDArray gw = Tensors.zeros(p.weights.shape());
        INDArray unusedGradInput = Tensors.zeros(gradOutput.shape());
        ConvOps.conv2dBackprop(gradOutput, p.weights, input, unusedGradInput, gw, kernel, stride, pad);
        p.gradWeights.addi(gw);
        p.gradBias.addi(gradOutput.sum(0, 2, 3));
        return gradInput;
    }
}
