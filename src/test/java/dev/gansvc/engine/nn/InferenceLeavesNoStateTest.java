package dev.gansvc.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An inference pass writes nothing into the layers: a sampling request served from a network
 * (on any thread) cannot change what another call on it computes. Here an inference pass of
 * other examples between a training forward pass and its backward pass must leave the
 * gradients as they are without it.
 */
class InferenceLeavesNoStateTest {

    @Test
    void inferenceBetweenForwardAndBackwardChangesNoGradient() {
        SplittableRandom random = new SplittableRandom(3);
        INDArray x = Tensors.gaussian(random, 0, 1, 4, 2, 8, 8);
        INDArray other = Tensors.gaussian(random, 0, 1, 6, 2, 8, 8);

        Network alone = network(11);
        INDArray gradOut = Tensors.gaussian(random, 0, 1, 4, 3);
        alone.zeroGradients();
        alone.forward(x, true);
        INDArray expectedInputGradient = alone.backward(gradOut);

        Network interleaved = network(11);
        interleaved.zeroGradients();
        interleaved.forward(x, true);
        interleaved.forward(other, false);
        INDArray inputGradient = interleaved.backward(gradOut);

        assertThat(inputGradient).isEqualTo(expectedInputGradient);
        assertThat(interleaved.gradients()).isEqualTo(alone.gradients());
    }

    /** A convolution, a transposed convolution and a dense layer: every layer that keeps its input for backprop. */
    private static Network network(long seed) {
        Network network = new Network(List.of(
                new Conv2d(2, 4, 4, 2, 1),
                Activation.leakyRelu(),
                new ConvTranspose2d(4, 2, 4, 2, 1),
                Activation.relu(),
                Reshape.flatten(2 * 8 * 8),
                new Dense(2 * 8 * 8, 3)));
        network.initialize(new SplittableRandom(seed));
        return network;
    }
}
