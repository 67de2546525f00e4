package dev.gansvc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Direct calls of libnd4j's fused conv2d / conv2d_bp / deconv2d / deconv2d_bp (run by oneDNN on
 * the CPU backend). Weights use PyTorch's layouts: [out, in, kH, kW] for a convolution,
 * [in, out, kH, kW] for a transposed one; data is NCHW.
 *
 * <p>A convolution's input-gradient is the transposed convolution of dL/dy with the same weight
 * array, so {@link #deconv2d} also serves layers that need dL/dx without dL/dw.
 */
final class ConvOps {

    /** conv2d: [out, in, kH, kW]; deconv2d: [in, out, kH, kW]. Both are PyTorch's layouts. */
    private static final int WEIGHTS_PYTORCH = 1;

    private static final int NCHW = 0;

    private ConvOps() {}

    static long outputSize(long in, int kernel, int stride, int pad) {
        return (in + 2L * pad - kernel) / stride + 1;
    }

    /** y = conv(x, w) (+ bias when not null) into {@code out}. */
    static void conv2d(INDArray x, INDArray w, INDArray bias, INDArray out, int kernel, int stride, int pad) {
        forward("conv2d", x, w, bias, out, kernel, stride, pad);
    }

    /**
     * Gradients of y = conv(x, w) given dL/dy: writes dL/dx into {@code gradInput} and dL/dw
     * into {@code gradWeights}.
     */
    static void conv2dBackprop(
            INDArray x,
            INDArray w,
            INDArray gradOutput,
            INDArray gradInput,
            INDArray gradWeights,
            int kernel,
            int stride,
            int pad) {
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(x, w, gradOutput)
                .addOutputs(gradInput, gradWeights)
                .addIntegerArguments(args(kernel, stride, pad))
                .build());
    }

    /** y = conv_transpose(x, w) into {@code out}. */
    static void deconv2d(INDArray x, INDArray w, INDArray out, int kernel, int stride, int pad) {
        forward("deconv2d", x, w, null, out, kernel, stride, pad);
    }

    /** Gradients of y = conv_transpose(x, w) + bias given dL/dy: dL/dx, dL/dw and dL/dbias. */
    static void deconv2dBackprop(
            INDArray x,
            INDArray w,
            INDArray bias,
            INDArray gradOutput,
            INDArray gradInput,
            INDArray gradWeights,
            INDArray gradBias,
            int kernel,
            int stride,
            int pad) {
        Nd4j.exec(DynamicCustomOp.builder("deconv2d_bp")
                .addInputs(x, w, bias, gradOutput)
                .addOutputs(gradInput, gradWeights, gradBias)
                .addIntegerArguments(args(kernel, stride, pad))
                .build());
    }

    private static void forward(
            String name, INDArray x, INDArray w, INDArray bias, INDArray out, int kernel, int stride, int pad) {
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder(name);
        if (bias == null) {
            op.addInputs(x, w);
        } else {
            op.addInputs(x, w, bias);
        }
        Nd4j.exec(op.addOutputs(out)
                .addIntegerArguments(args(kernel, stride, pad))
                .build());
    }

    private static int[] args(int kernel, int stride, int pad) {
        return new int[] {kernel, kernel, stride, stride, pad, pad, 1, 1, 0, NCHW, WEIGHTS_PYTORCH};
    }
}
