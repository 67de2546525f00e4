package dev.gansvc.engine.nets;

import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.nn.Activation;
import dev.gansvc.engine.nn.BatchNorm;
import dev.gansvc.engine.nn.Dense;
import dev.gansvc.engine.nn.Layer;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Reshape;
import java.util.ArrayList;
import java.util.List;

/**
 * Fully connected networks for any example shape, as in the original GAN (Goodfellow et al.
 * 2014): a generator (or decoder) with ReLU hidden layers, and a discriminator (or encoder)
 * with leaky-ReLU hidden layers. Images (rank-3 examples, scaled to [-1, 1]) get a tanh output;
 * rows of features a linear one, so samples can take any value the data takes.
 */
public final class Mlp {

    private static final int[] IMAGE_GENERATOR = {256, 512, 1024};
    private static final int[] IMAGE_DISCRIMINATOR = {512, 256};
    private static final int[] TABLE_HIDDEN = {256, 256, 256};

    private Mlp() {}

    /** How the dense layers start. */
    public enum Init {
        /** N(0, 0.02), as adversarial training is tuned to. */
        DCGAN,
        /** N(0, 2 / fan-in), for likelihood models whose deep stacks must pass signal from the start. */
        HE;

        Dense dense(int in, int out) {
            return this == HE ? Dense.he(in, out) : new Dense(in, out);
        }
    }

    /** From the generator's input (latent point, one-hot label if conditional) to one example. */
    public static Network generator(ModelShape shape) {
        return generator(shape, Init.DCGAN);
    }

    public static Network generator(ModelShape shape, Init init) {
        return generator(shape, shape.image() ? IMAGE_GENERATOR : TABLE_HIDDEN, init);
    }

    /**
     * The GAN's generator: for images with batch norm after each hidden layer, without which the
     * fully connected generator collapsed onto one digit on MNIST (as Radford et al. 2015 report
     * for generators without it).
     */
    public static Network adversarialGenerator(ModelShape shape) {
        return generator(shape, shape.image() ? IMAGE_GENERATOR : TABLE_HIDDEN, Init.DCGAN, shape.image());
    }

    public static Network generator(ModelShape shape, int[] hidden, Init init) {
        return generator(shape, hidden, init, false);
    }

    private static Network generator(ModelShape shape, int[] hidden, Init init, boolean batchNorm) {
        List<Layer> layers = new ArrayList<>();
        int in = shape.generatorInputs();
        for (int width : hidden) {
            layers.add(init.dense(in, width));
            if (batchNorm) {
                layers.add(new BatchNorm(width));
            }
            layers.add(Activation.relu());
            in = width;
        }
        layers.add(init.dense(in, shape.features()));
        if (shape.image()) {
            layers.add(Activation.tanh());
            layers.add(new Reshape(shape.exampleShape()));
        }
        return new Network(layers);
    }

    /** Reads packs of {@code shape.packing()} examples side by side; {@link ModelShape#discriminatorOutputs} outputs. */
    public static Network discriminator(ModelShape shape) {
        return new Network(encoderLayers(
                shape.packing() * shape.features(),
                shape.image(),
                shape.image() ? IMAGE_DISCRIMINATOR : TABLE_HIDDEN,
                shape.discriminatorOutputs(),
                Init.DCGAN));
    }

    /** From one example to {@code outputs} linear values. */
    public static Network encoder(ModelShape shape, int outputs, Init init) {
        return new Network(encoderLayers(shape, shape.image() ? IMAGE_DISCRIMINATOR : TABLE_HIDDEN, outputs, init));
    }

    /** The layers of an encoder with the given hidden widths, for networks that add more. */
    public static List<Layer> encoderLayers(ModelShape shape, int[] hidden, int outputs, Init init) {
        return encoderLayers(shape.features(), shape.image(), hidden, outputs, init);
    }

    private static List<Layer> encoderLayers(int inputs, boolean flatten, int[] hidden, int outputs, Init init) {
        List<Layer> layers = new ArrayList<>();
        int in = inputs;
        if (flatten) {
            layers.add(Reshape.flatten(in));
        }
        for (int width : hidden) {
            layers.add(init.dense(in, width));
            layers.add(Activation.leakyRelu());
            in = width;
        }
        layers.add(init.dense(in, outputs));
        return layers;
    }
}
