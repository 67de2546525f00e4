package dev.gansvc.engine.gan;

import dev.gansvc.engine.nn.Activation;
import dev.gansvc.engine.nn.Dense;
import dev.gansvc.engine.nn.Layer;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Reshape;
import java.util.ArrayList;
import java.util.List;

/**
 * The original fully connected GAN (Goodfellow et al. 2014) for any example shape: ReLU hidden
 * layers in the generator, leaky-ReLU hidden layers in the discriminator. Images (rank-3
 * examples, scaled to [-1, 1]) get a tanh output; rows of features get a linear one, so
 * samples can take any value the data takes.
 */
final class MlpGan {

    private static final int[] IMAGE_GENERATOR = {256, 512, 1024};
    private static final int[] IMAGE_DISCRIMINATOR = {512, 256};
    private static final int[] TABLE_HIDDEN = {256, 256, 256};

    private MlpGan() {
    }

    static Network generator(int latentDim, long[] exampleShape) {
        boolean image = exampleShape.length == 3;
        int features = features(exampleShape);
        List<Layer> layers = new ArrayList<>();
        int in = latentDim;
        for (int width : image ? IMAGE_GENERATOR : TABLE_HIDDEN) {
            layers.add(new Dense(in, width));
            layers.add(Activation.relu());
            in = width;
        }
        layers.add(new Dense(in, features));
        if (image) {
            layers.add(Activation.tanh());
            layers.add(new Reshape(exampleShape));
        }
        return new Network(layers);
    }

    static Network discriminator(long[] exampleShape) {
        boolean image = exampleShape.length == 3;
        List<Layer> layers = new ArrayList<>();
        int in = features(exampleShape);
        if (image) {
            layers.add(Reshape.flatten(in));
        }
        for (int width : image ? IMAGE_DISCRIMINATOR : TABLE_HIDDEN) {
            layers.add(new Dense(in, width));
            layers.add(Activation.leakyRelu());
            in = width;
        }
        layers.add(new Dense(in, 1));
        return new Network(layers);
    }

    private static int features(long[] exampleShape) {
        long n = 1;
        for (long s : exampleShape) {
            n *= s;
        }
        return Math.toIntExact(n);
    }
}
