package dev.gansvc.engine.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalisation over the channel axis of [N, C] or [N, C, H, W] inputs, PyTorch
 * semantics: biased batch variance for normalising, unbiased for the running estimate
 * (momentum 0.1), which inference uses. Without the learned scale and shift
 * ({@link #standardizing}) its outputs have mean 0 and variance 1 per channel.
 */
public final class BatchNorm implements Layer {

    private static final double EPSILON = 1e-5;
    private static final double MOMENTUM = 0.1;

    private final int channels;
    private final boolean affine;
    private INDArray gamma;
    private INDArray beta;
    private INDArray gradGamma;
    private INDArray gradBeta;
    private INDArray runningMean;
    private INDArray runningVar;
    private INDArray normalized;
    private INDArray invStd;

    public BatchNorm(int channels) {
        this(channels, true);
    }

    private BatchNorm(int channels, boolean affine) {
        this.channels = channels;
        this.affine = affine;
        if (!affine) {
            gamma = Tensors.zeros(channels).addi(1);
            beta = Tensors.zeros(channels);
        }
    }

    /** Batch normalisation without learned scale and shift: standardises each channel. */
    public static BatchNorm standardizing(int channels) {
        return new BatchNorm(channels, false);
    }

    @Override
    public LayerSpec spec() {
        return new LayerSpec.ChannelAffine(inferenceScale(), inferenceShift());
    }

    @Override
    public Layer unboundCopy() {
        return new BatchNorm(channels, affine);
    }

    /** Per-channel scale of the inference-mode map y = scale * x + shift. */
    INDArray inferenceScale() {
        return Transforms.pow(runningVar.add(EPSILON), -0.5, false).muli(gamma);
    }

    /** Per-channel shift of the inference-mode map y = scale * x + shift. */
    INDArray inferenceShift() {
        return beta.sub(runningMean.mul(inferenceScale()));
    }

    @Override
    public long parameterCount() {
        return affine ? 2L * channels : 0;
    }

    @Override
    public long stateCount() {
        return 2L * channels;
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients) {
        gamma = Tensors.slice(parameters, 0, channels);
        beta = Tensors.slice(parameters, channels, channels);
        gradGamma = Tensors.slice(gradients, 0, channels);
        gradBeta = Tensors.slice(gradients, channels, channels);
    }

    @Override
    public void bindState(INDArray state) {
        runningMean = Tensors.slice(state, 0, channels);
        runningVar = Tensors.slice(state, channels, channels);
    }

    @Override
    public void initialize(SplittableRandom random) {
        if (affine) {
            Tensors.fillGaussian(gamma, random, 1, 0.02);
            beta.assign(0);
        }
        runningMean.assign(0);
        runningVar.assign(1);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (!training) {
            return normalize(x, runningMean, runningVar, gamma, beta);
        }
        INDArray mean = Tensors.zeros(channels);
        INDArray var = Tensors.zeros(channels);
        Nd4j.exec(DynamicCustomOp.builder("moments")
                .addInputs(x)
                .addOutputs(mean, var)
                .addIntegerArguments(reductionAxes(x))
                .build());
        long count = x.length() / channels;
        runningMean.muli(1 - MOMENTUM).addi(mean.mul(MOMENTUM));
        runningVar.muli(1 - MOMENTUM).addi(var.mul(MOMENTUM * count / Math.max(1, count - 1)));
        normalized = normalize(x, mean, var, null, null);
        invStd = Transforms.pow(var.addi(EPSILON), -0.5, false);
        return affine(normalized, gamma, beta);
    }

    /** libnd4j's fused batchnorm op (oneDNN on the CPU): (x - mean) / sqrt(var + eps) [* gamma + beta]. */
    private INDArray normalize(INDArray x, INDArray mean, INDArray var, INDArray scale, INDArray offset) {
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("batchnorm");
        if (scale == null) {
            op.addInputs(x, mean, var).addIntegerArguments(0, 0, 1);
        } else {
            op.addInputs(x, mean, var, scale, offset).addIntegerArguments(1, 1, 1);
        }
        Nd4j.exec(op.addOutputs(out).addFloatingPointArguments(EPSILON).build());
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        int[] axes = reductionAxes(gradOutput);
        long count = gradOutput.length() / channels;
        INDArray sumG = gradOutput.sum(axes);
        INDArray sumGX = gradOutput.mul(normalized).sum(axes);
        if (affine) {
            gradBeta.addi(sumG);
            gradGamma.addi(sumGX);
        }
        // dx = gamma * invStd / M * (M * g - sum(g) - xhat * sum(g * xhat)) = a g + b xhat + c per channel,
        // as two fused per-channel affine passes (ND4J's broadcast arithmetic is several times slower).
        INDArray a = gamma.mul(invStd);
        INDArray b = a.mul(sumGX).divi(-count);
        INDArray c = a.mul(sumG).divi(-count);
        return affine(gradOutput, a, c).addi(affine(normalized, b, Tensors.zeros(channels)));
    }

    /** scale * x + offset per channel, in one fused pass. */
    private INDArray affine(INDArray x, INDArray scale, INDArray offset) {
        // Normalising with mean 0 and variance 1 - eps is the identity.
        return normalize(x, Tensors.zeros(channels), Tensors.zeros(channels).addi(1 - EPSILON), scale, offset);
    }

    private static int[] reductionAxes(INDArray x) {
        return x.rank() == 4 ? new int[] {0, 2, 3} : new int[] {0};
    }
}
