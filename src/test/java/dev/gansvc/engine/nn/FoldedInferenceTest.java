package dev.gansvc.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.nets.Dcgan;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Batch norms folded into the preceding layers compute what the unfolded network computes. */
class FoldedInferenceTest {

    @Test
    void foldedGeneratorMatchesTheInferenceForwardPass() {
        Network generator = trainedLooking(Dcgan.generator(16), 16);
        INDArray z = Tensors.gaussian(new SplittableRandom(5), 0, 1, 8, 16);

        Network folded = generator.foldedForInference();

        // Both batch norms (after the dense layer and the first transposed convolution) are gone.
        assertThat(folded.parameterCount()).isEqualTo(generator.parameterCount() - 2 * (128 * 7 * 7) - 2 * 64);
        assertClose(folded.forward(z, false), generator.forward(z, false));
    }

    @Test
    void batchNormAfterAConvolutionIsCopiedWithItsRunningStatistics() {
        Network discriminator = trainedLooking(Dcgan.discriminator(1, 1), 1, 28, 28);
        INDArray x = Tensors.gaussian(new SplittableRandom(6), 0, 1, 4, 1, 28, 28);

        Network folded = discriminator.foldedForInference();

        assertThat(folded.parameterCount()).isEqualTo(discriminator.parameterCount());
        assertClose(folded.forward(x, false), discriminator.forward(x, false));
    }

    @Test
    void theCopyDoesNotFollowLaterTraining() {
        Network generator = trainedLooking(Dcgan.generator(16), 16);
        INDArray z = Tensors.gaussian(new SplittableRandom(5), 0, 1, 8, 16);
        Network folded = generator.foldedForInference();
        INDArray before = folded.forward(z, false).dup();

        generator.parameters().addi(0.1);

        assertThat(folded.forward(z, false)).isEqualTo(before);
    }

    /** Random weights and running statistics far from the initial mean 0 / variance 1. */
    private static Network trainedLooking(Network net, long... exampleShape) {
        SplittableRandom random = new SplittableRandom(9);
        net.initialize(random);
        net.parameters().assign(Tensors.gaussian(random, 0, 0.3, net.parameterCount()));
        long[] batchShape = new long[exampleShape.length + 1];
        batchShape[0] = 32;
        System.arraycopy(exampleShape, 0, batchShape, 1, exampleShape.length);
        for (int i = 0; i < 20; i++) {
            net.forward(Tensors.gaussian(random, 1, 2, batchShape), true); // moves the running statistics
        }
        return net;
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        double scale = expected.amaxNumber().doubleValue();
        assertThat(scale).isPositive();
        assertThat(actual.sub(expected).amaxNumber().doubleValue() / scale).isLessThan(1e-4);
    }
}
