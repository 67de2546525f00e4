package dev.gansvc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Max;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Element-wise non-linearities. */
public final class Activation implements Layer {

    public enum Kind {
        RELU,
        LEAKY_RELU,
        TANH
    }

    private static final double LEAKY_SLOPE = 0.2;

    private final Kind kind;
    private INDArray output;

    private Activation(Kind kind) {
        this.kind = kind;
    }

    public static Activation relu() {
        return new Activation(Kind.RELU);
    }

    public static Activation leakyRelu() {
        return new Activation(Kind.LEAKY_RELU);
    }

    public static Activation tanh() {
        return new Activation(Kind.TANH);
    }

    @Override
    public LayerSpec spec() {
        return new LayerSpec.Nonlinearity(kind, LEAKY_SLOPE);
    }

    @Override
    public Layer unboundCopy() {
        return new Activation(kind);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray y = switch (kind) {
            case RELU -> Transforms.relu(x, true);
            // max(x, slope x): libnd4j's leaky-ReLU kernels take about 4x as long on this data.
            case LEAKY_RELU -> {
                INDArray scaled = x.mul(LEAKY_SLOPE);
                Nd4j.exec(new Max(scaled, x, scaled));
                yield scaled;
            }
            case TANH -> Transforms.tanh(x, true);
        };
        // Each derivative is a function of the output (ReLU and leaky ReLU keep the sign).
        if (training) {
            output = y;
        }
        return y;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        // Derivative masks times the gradient: comparison ops and the *_bp kernels were 2-6x slower.
        return switch (kind) {
            case RELU -> gradOutput.mul(step(output));
            case LEAKY_RELU -> {
                // 1 for y > 0, the slope elsewhere (y and x have the same sign), into a new array:
                // given no output the op overwrites its input, which a gradient penalty's second
                // pass through this layer still reads.
                INDArray slopes = Nd4j.createUninitialized(output.dataType(), output.shape());
                Nd4j.exec(new LeakyReLUDerivative(output, slopes, LEAKY_SLOPE));
                yield slopes.muli(gradOutput);
            }
            case TANH -> gradOutput.mul(output.mul(output).rsubi(1));
        };
    }

    @Override
    public INDArray recordInputGradient(INDArray gradOutput) {
        if (kind == Kind.TANH) {
            Layer.super.recordInputGradient(gradOutput);
        }
        return backward(gradOutput);
    }

    /** The derivative masks of (leaky) ReLU are constant almost everywhere: multiply by them again. */
    @Override
    public INDArray backwardThroughInputGradient(INDArray adjoint) {
        return backward(adjoint);
    }

    @Override
    public String toString() {
        return "Activation[" + kind + "]";
    }

    /** 1 where y > 0, else 0. */
    private static INDArray step(INDArray y) {
        INDArray mask = Nd4j.createUninitialized(y.dataType(), y.shape());
        Nd4j.exec(new Step(y, mask, 0.0));
        return mask;
    }
}
