package dev.gansvc.engine.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fully connected layer y = xW + b on [batch, features] inputs.
 *
 * <p>The bias row is stored right after W, so [W; b] is one (in + 1) x out matrix. The bias
 * enters as the rank-one GEMM ones b (beta 1) and its gradient as ones^T g: appending a column of
 * ones to x (one GEMM for both) cost a concatenation per pass, a tenth of a small model's step;
 * ND4J's broadcast bias add and column sum are slower at these sizes, and its fused xw_plus_b
 * took 19 ms for the [64, 100] x [100, 8192] layer that starts the 64-pixel generator (0.7 ms
 * this way).
 */
public final class Dense implements Layer, ScalesOutputChannels {

    private final int in;
    private final int out;
    private final boolean he;
    private final WeightsAndBias p;
    private INDArray augmented;
    private INDArray input;
    private INDArray recordedGradOutput;

    /** With the DCGAN initialisation, N(0, 0.02), which adversarial training is tuned to. */
    public Dense(int in, int out) {
        this(in, out, false);
    }

    private Dense(int in, int out, boolean he) {
        this.in = in;
        this.out = out;
        this.he = he;
        this.p = new WeightsAndBias(new long[] {in, out}, 1, out);
    }

    /**
     * With He initialisation, N(0, 2 / in) (He et al. 2015), which keeps the signal's scale
     * through deep ReLU stacks; the DCGAN one shrinks it layer by layer, so that deep
     * autoencoders start with vanishing gradients.
     */
    public static Dense he(int in, int out) {
        return new Dense(in, out, true);
    }

    @Override
    public LayerSpec spec() {
        return new LayerSpec.Dense(p.weights.dup(), p.bias.dup().reshape(out));
    }

    @Override
    public Layer unboundCopy() {
        return new Dense(in, out, he);
    }

    @Override
    public void scaleOutputChannels(INDArray scale, INDArray shift) {
        augmented.muliRowVector(scale);
        p.bias.addi(shift.reshape(p.bias.shape()));
    }

    @Override
    public long parameterCount() {
        return p.count();
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients) {
        p.bind(parameters, gradients);
        augmented = Tensors.slice(parameters, 0, in + 1, out);
    }

    @Override
    public void initialize(SplittableRandom random) {
        p.initialize(random, he ? Math.sqrt(2.0 / in) : 0.02);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (training) {
            input = x;
        }
        INDArray y = Nd4j.createUninitialized(x.dataType(), x.size(0), out);
        Nd4j.gemm(x, p.weights, y, false, false, 1.0, 0.0);
        Nd4j.gemm(Tensors.onesColumn(x.size(0), x.dataType()), p.bias, y, false, false, 1.0, 1.0);
        return y;
    }

    @Override
    public INDArray recordInputGradient(INDArray gradOutput) {
        recordedGradOutput = gradOutput;
        INDArray gradInput = Nd4j.createUninitialized(gradOutput.dataType(), gradOutput.size(0), in);
        Nd4j.gemm(gradOutput, p.weights, gradInput, false, true, 1.0, 0.0);
        return gradInput;
    }

    /** The input gradient g W^T is bilinear: d/dW = u^T g, and d/dg = u W. */
    @Override
    public INDArray backwardThroughInputGradient(INDArray adjoint) {
        Nd4j.gemm(adjoint, recordedGradOutput, p.gradWeights, true, false, 1.0, 1.0);
        INDArray gradOfGradOutput = Nd4j.createUninitialized(adjoint.dataType(), adjoint.size(0), out);
        Nd4j.gemm(adjoint, p.weights, gradOfGradOutput, false, false, 1.0, 0.0);
        return gradOfGradOutput;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        Nd4j.gemm(input, gradOutput, p.gradWeights, true, false, 1.0, 1.0);
        Nd4j.gemm(
                Tensors.onesColumn(gradOutput.size(0), gradOutput.dataType()),
                gradOutput,
                p.gradBias,
                true,
                false,
                1.0,
                1.0);
        INDArray gradInput = Nd4j.createUninitialized(gradOutput.dataType(), gradOutput.size(0), in);
        Nd4j.gemm(gradOutput, p.weights, gradInput, false, true, 1.0, 0.0);
        return gradInput;
    }
}
