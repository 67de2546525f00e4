package dev.gansvc.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training runs in float, where libnd4j hands convolutions to oneDNN; {@link GradientCheckTest}
 * runs in double, where libnd4j uses its own kernels. This checks that both paths agree, on
 * the DCGAN's layer shapes, for the forward pass and every gradient.
 */
class SinglePrecisionKernelsTest {

    @Test
    void convTranspose2dAsInTheGenerator() {
        compare(() -> new Network(List.of(new ConvTranspose2d(32, 16, 4, 2, 1))), 8, 32, 7, 7);
    }

    @Test
    void conv2dAsInTheDiscriminator() {
        compare(() -> new Network(List.of(new Conv2d(16, 32, 4, 2, 1))), 8, 16, 14, 14);
    }

    private static void compare(Supplier<Network> factory, long... inputShape) {
        Result single = run(factory, DataType.FLOAT, inputShape);
        Result reference = run(factory, DataType.DOUBLE, inputShape);
        assertClose(single.output, reference.output);
        assertClose(single.gradInput, reference.gradInput);
        assertClose(single.gradParams, reference.gradParams);
        assertClose(single.inputOnly, reference.gradInput);
    }

    private record Result(INDArray output, INDArray gradInput, INDArray gradParams, INDArray inputOnly) {}

    private static Result run(Supplier<Network> factory, DataType type, long... inputShape) {
        DataType previous = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(type, type);
        try {
            Network net = factory.get();
            SplittableRandom random = new SplittableRandom(11);
            net.parameters().assign(Tensors.gaussian(random, 0, 0.1, net.parameterCount()));
            INDArray x = Tensors.gaussian(random, 0, 1, inputShape);
            INDArray out = net.forward(x, true).dup();
            INDArray r = Tensors.gaussian(random, 0, 1, out.shape());
            net.zeroGradients();
            INDArray gradInput = net.backward(r).dup();
            INDArray gradParams = net.gradients().dup();
            net.forward(x, true);
            INDArray inputOnly = net.inputGradient(r).dup();
            return new Result(
                    out.castTo(DataType.DOUBLE),
                    gradInput.castTo(DataType.DOUBLE),
                    gradParams.castTo(DataType.DOUBLE),
                    inputOnly.castTo(DataType.DOUBLE));
        } finally {
            Nd4j.setDefaultDataTypes(previous, previous);
        }
    }

    /** Relative to the array's largest entry: float accumulation over ~500-term sums. */
    private static void assertClose(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).containsExactly(expected.shape());
        double scale = expected.amaxNumber().doubleValue();
        double error = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(scale).isPositive();
        assertThat(error / scale).isLessThan(1e-4);
    }
}
