package dev.gansvc.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Element-wise non-linearities. */
public final class Activation implements Layer {

    public enum Kind { RELU, LEAKY_RELU, TANH }

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
    public INDArray forward(INDArray x, boolean training) {
        INDArray y = switch (kind) {
            case RELU -> Transforms.relu(x, true);
            case LEAKY_RELU -> Transforms.leakyRelu(x, LEAKY_SLOPE, true);
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
        return switch (kind) {
            case RELU -> gradOutput.mul(output.gt(0).castTo(output.dataType()));
            case LEAKY_RELU -> gradOutput.mul(
                    output.gt(0).castTo(output.dataType()).muli(1 - LEAKY_SLOPE).addi(LEAKY_SLOPE));
            case TANH -> gradOutput.mul(output.mul(output).rsubi(1));
        };
    }
}
