package dev.gansvc.engine.nets;

import dev.gansvc.engine.nn.Activation;
import dev.gansvc.engine.nn.BatchNorm;
import dev.gansvc.engine.nn.Conv2d;
import dev.gansvc.engine.nn.ConvTranspose2d;
import dev.gansvc.engine.nn.Dense;
import dev.gansvc.engine.nn.Layer;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Reshape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DCGAN for 64x64 colour images, as Radford et al. 2015 trained on faces (CelebA-style data).
 *
 * <pre>
 * G: z -> Dense(512*4*4) -> BN -> ReLU -> [512,4,4]
 *      -> 3 x (ConvT(k4,s2,p1) -> BN -> ReLU): 256x8x8, 128x16x16, 64x32x32 -> ConvT(3,k4,s2,p1) -> tanh
 * D: eight convolutions, each 4x4 stride-2 one (64, 128, 256, 512 channels: 32, 16, 8, 4 pixels)
 *    followed by a 3x3 stride-1 one of the same width, leaky ReLU(0.2) throughout -> Dense(1) logit
 * </pre>
 *
 * The discriminator has no batch norm: with it, this deep discriminator separated real from fake
 * after one step and the generator never caught up (see the dcgan64 family). Without it each example is
 * judged on its own, which R1's per-example input gradient needs.
 */
public final class Dcgan64 {

    public static final int IMAGE_SIZE = 64;
    public static final int CHANNELS = 3;
    private static final int[] WIDTHS = {64, 128, 256, 512};

    private Dcgan64() {}

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
                new Dense(inputs, 512 * 4 * 4),
                new BatchNorm(512 * 4 * 4),
                Activation.relu(),
                new Reshape(512, 4, 4),
                new ConvTranspose2d(512, 256, 4, 2, 1),
                new BatchNorm(256),
                Activation.relu(),
                new ConvTranspose2d(256, 128, 4, 2, 1),
                new BatchNorm(128),
                Activation.relu(),
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
        List<Layer> layers = new ArrayList<>();
        int in = inputChannels;
        for (int width : WIDTHS) {
            layers.add(new Conv2d(in, width, 4, 2, 1));
            layers.add(Activation.leakyRelu());
            layers.add(new Conv2d(width, width, 3, 1, 1));
            layers.add(Activation.leakyRelu());
            in = width;
        }
        layers.add(Reshape.flatten(512 * 4 * 4));
        layers.add(new Dense(512 * 4 * 4, outputs));
        return new Network(layers);
    }
}
