package dev.gansvc.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.nets.Dcgan;
import dev.gansvc.support.DoublePrecision;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Compares every hand-written backward pass with central finite differences of the loss
 * L = sum(forward(x) * R) for a fixed random R, in double precision.
 */
@ExtendWith(DoublePrecision.class)
class GradientCheckTest {

    @Test
    void dense() {
        check(() -> new Network(List.of(new Dense(5, 3))), 4, 5);
    }

    @Test
    void conv2dStrided() {
        check(() -> new Network(List.of(new Conv2d(2, 3, 4, 2, 1))), 2, 2, 6, 6);
    }

    @Test
    void conv2dWhoseStrideLeavesInputRowsOver() {
        check(() -> new Network(List.of(new Conv2d(2, 3, 4, 2, 1))), 2, 2, 7, 7);
    }

    @Test
    void convTranspose2dStrided() {
        check(() -> new Network(List.of(new ConvTranspose2d(3, 2, 4, 2, 1))), 2, 3, 3, 3);
    }

    @Test
    void batchNormOverChannelsOfImages() {
        check(() -> new Network(List.of(new BatchNorm(3))), 4, 3, 2, 2);
    }

    @Test
    void batchNormOverFeatures() {
        check(() -> new Network(List.of(new BatchNorm(5))), 6, 5);
    }

    @Test
    void activations() {
        check(
                () -> new Network(List.of(
                        Activation.leakyRelu(),
                        new Dense(6, 6),
                        Activation.relu(),
                        new Dense(6, 6),
                        Activation.tanh())),
                3,
                6);
    }

    @Test
    void dcganGeneratorEndToEnd() {
        check(() -> Dcgan.generator(4), 3, 4);
    }

    @Test
    void dcganDiscriminatorEndToEnd() {
        check(() -> Dcgan.discriminator(1, 1), 2, 1, 28, 28);
    }

    @Test
    void gradientThroughTheInputGradientOfAFullyConnectedCritic() {
        checkThroughInputGradient(
                () -> new Network(List.of(
                        new Dense(5, 7), Activation.leakyRelu(), new Dense(7, 6), Activation.relu(), new Dense(6, 1))),
                4,
                5);
    }

    @Test
    void gradientThroughTheInputGradientOfAConvolutionalCritic() {
        checkThroughInputGradient(
                () -> new Network(List.of(
                        new Conv2d(2, 3, 4, 2, 1),
                        Activation.leakyRelu(),
                        Reshape.flatten(3 * 3 * 3),
                        new Dense(27, 1))),
                3,
                2,
                6,
                6);
    }

    /**
     * The WGAN-GP path: P = sum(R * dD/dx) for a fixed random R, differentiated with respect to
     * the parameters by {@link Network#backwardThroughInputGradient}.
     */
    private static void checkThroughInputGradient(Supplier<Network> factory, long... inputShape) {
        Network net = factory.get();
        SplittableRandom random = new SplittableRandom(11);
        net.initialize(random);
        net.parameters().assign(Tensors.gaussian(random, 0, 0.5, net.parameterCount()));
        INDArray x = Tensors.gaussian(random, 0, 1, inputShape);
        INDArray r = Tensors.gaussian(random, 0, 1, inputShape);
        INDArray ones = Nd4j.ones(DataType.DOUBLE, inputShape[0], 1);
        net.forward(x, true);
        net.recordInputGradient(ones);
        net.zeroGradients();
        net.backwardThroughInputGradient(r);
        INDArray analytic = net.gradients().dup();

        double eps = 1e-5;
        INDArray numeric = Nd4j.zeros(DataType.DOUBLE, net.parameterCount()).assign(Double.NaN);
        for (long i = 0; i < net.parameterCount(); i++) {
            double original = net.parameters().getDouble(i);
            net.parameters().putScalar(i, original + eps);
            double plus = penalty(net, x, r, ones);
            net.parameters().putScalar(i, original - eps);
            double minus = penalty(net, x, r, ones);
            net.parameters().putScalar(i, original);
            numeric.putScalar(i, (plus - minus) / (2 * eps));
        }
        assertClose("penalty parameter", analytic, numeric);
        assertThat(analytic.amaxNumber().doubleValue())
                .as("the penalty depends on the weights")
                .isGreaterThan(0.01);
    }

    private static double penalty(Network net, INDArray x, INDArray r, INDArray ones) {
        net.forward(x, true);
        return net.inputGradient(ones).mul(r).sumNumber().doubleValue();
    }

    private static void check(Supplier<Network> factory, long... inputShape) {
        Network net = factory.get();
        SplittableRandom random = new SplittableRandom(7);
        net.initialize(random);
        // Larger weights than the DCGAN init so that every term matters numerically.
        net.parameters().assign(Tensors.gaussian(random, 0, 0.5, net.parameterCount()));
        INDArray x = Tensors.gaussian(random, 0, 1, inputShape);
        INDArray out = net.forward(x, true);
        INDArray r = Tensors.gaussian(random, 0, 1, out.shape());
        net.zeroGradients();
        INDArray gradInput = net.backward(r);
        INDArray analyticParams = net.gradients().dup();
        INDArray state = net.state().dup();

        net.forward(x, true);
        INDArray inputOnly = net.inputGradient(r);

        double eps = 1e-5;
        assertClose("parameter", analyticParams, numeric(net, net.parameters(), x, r, state, eps, 40, random));
        INDArray flatX = x.reshape(x.length());
        INDArray numericInput = numeric(net, flatX, x, r, state, eps, 40, random);
        assertClose("input", gradInput.reshape(gradInput.length()), numericInput);
        assertClose("input-only", inputOnly.reshape(inputOnly.length()), numericInput);
    }

    /** Finite differences for up to {@code samples} randomly chosen entries of {@code target}. */
    private static INDArray numeric(
            Network net,
            INDArray target,
            INDArray x,
            INDArray r,
            INDArray state,
            double eps,
            int samples,
            SplittableRandom random) {
        INDArray result = Nd4j.zeros(DataType.DOUBLE, target.length()).assign(Double.NaN);
        for (int s = 0; s < Math.min(samples, target.length()); s++) {
            long i = random.nextLong(target.length());
            double original = target.getDouble(i);
            target.putScalar(i, original + eps);
            double plus = loss(net, x, r, state);
            target.putScalar(i, original - eps);
            double minus = loss(net, x, r, state);
            target.putScalar(i, original);
            result.putScalar(i, (plus - minus) / (2 * eps));
        }
        return result;
    }

    private static double loss(Network net, INDArray x, INDArray r, INDArray state) {
        net.state().assign(state); // training-mode forward moves the running statistics
        return net.forward(x, true).mul(r).sumNumber().doubleValue();
    }

    private static void assertClose(String what, INDArray analytic, INDArray numeric) {
        int checked = 0;
        for (long i = 0; i < numeric.length(); i++) {
            double n = numeric.getDouble(i);
            if (Double.isNaN(n)) {
                continue;
            }
            double a = analytic.getDouble(i);
            double scale = Math.max(1e-3, Math.abs(a) + Math.abs(n));
            assertThat(Math.abs(a - n) / scale)
                    .as("%s gradient %d: analytic %s vs numeric %s", what, i, a, n)
                    .isLessThan(1e-4);
            checked++;
        }
        assertThat(checked).isPositive();
    }
}
