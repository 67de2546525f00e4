package dev.gansvc.engine.nets;

import dev.gansvc.engine.nn.Activation;
import dev.gansvc.engine.nn.BatchNorm;
import dev.gansvc.engine.nn.Conv2d;
import dev.gansvc.engine.nn.ConvTranspose2d;
import dev.gansvc.engine.nn.Dense;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Reshape;
import java.util.List;
import java.util.Optional;

/**
 * DCGAN for 28x28 single-channel images: the shared dcgan28 benchmark architecture
 * (G 778,305 parameters, D 138,817 with a 100-dimensional latent).
 *
 * <pre>
 * G: z -> Dense(6272) -> BN -> ReLU -> [128,7,7] -> ConvT(64,k4,s2,p1) -> BN -> ReLU
 *      -> ConvT(1,k4,s2,p1) -> tanh
 * D: Conv(64,k4,s2,p1) -> LReLU(0.2) -> Conv(128,k4,s2,p1) -> BN -> LReLU(0.2) -> Dense(1) logit
 * </pre>
 */
public final class Dcgan {

    public static final int IMAGE_SIZE = 28;
    public static final int CHANNELS = 1;

    private Dcgan() {}

    /** Why these networks cannot take examples of this shape, if they cannot. */
    public static Optional<String> unsupported(long[] exampleShape) {
        return ExampleShapes.requireImages(exampleShape, CHANNELS, IMAGE_SIZE);
    }

    public static boolean takes(long[] exampleShape) {
        return unsupported(exampleShape).isEmpty();
    }

    /** @param inputs the latent size, plus the classes of a conditional generator */
    public static Network generator(int inputs) {
        return new Network(List.of(
                new Dense(inputs, 128 * 7 * 7),
                new BatchNorm(128 * 7 * 7),
                Activation.relu(),
                new Reshape(128, 7, 7),
                new ConvTranspose2d(128, 64, 4, 2, 1),
                new BatchNorm(64),
                Activation.relu(),
                new ConvTranspose2d(64, CHANNELS, 4, 2, 1),
                Activation.tanh()));
    }

    /**
     * @param inputChannels the image's channels times the packing
     * @param outputs 1, or for a conditional discriminator {@link dev.gansvc.engine.model.ModelShape#discriminatorOutputs}
     */
    public static Network discriminator(int inputChannels, int outputs) {
        return new Network(List.of(
                new Conv2d(inputChannels, 64, 4, 2, 1),
                Activation.leakyRelu(),
                new Conv2d(64, 128, 4, 2, 1),
                new BatchNorm(128),
                Activation.leakyRelu(),
                Reshape.flatten(128 * 7 * 7),
                new Dense(128 * 7 * 7, outputs)));
    }

    /**
     * The discriminator without batch norm, as WGAN-GP's per-example gradient penalty needs.
     *
     * @param outputs 1, or one per cluster for a critic read at a sample's cluster
     */
    public static Network critic(int outputs) {
        return new Network(List.of(
                new Conv2d(CHANNELS, 64, 4, 2, 1),
                Activation.leakyRelu(),
                new Conv2d(64, 128, 4, 2, 1),
                Activation.leakyRelu(),
                Reshape.flatten(128 * 7 * 7),
                new Dense(128 * 7 * 7, outputs)));
    }
}
