package dev.gansvc.engine.gan;

import dev.gansvc.engine.nn.Network;
import java.util.Arrays;
import java.util.Optional;

/**
 * The generator/discriminator pairs the engine can build, by the id jobs and artifacts use.
 * Each is built for the shape of one training example.
 */
public enum Architecture {
    /** Fully connected, for any example shape. */
    GAN("gan") {
        @Override
        public Network generator(int latentDim, long[] exampleShape) {
            return MlpGan.generator(latentDim, exampleShape);
        }

        @Override
        public Network discriminator(long[] exampleShape) {
            return MlpGan.discriminator(exampleShape);
        }

        @Override
        public Optional<String> unsupported(long[] exampleShape) {
            return Optional.empty();
        }
    },
    /** Strided convolutions, for 28x28 single-channel images. */
    DCGAN("dcgan") {
        @Override
        public Network generator(int latentDim, long[] exampleShape) {
            return Dcgan.generator(latentDim);
        }

        @Override
        public Network discriminator(long[] exampleShape) {
            return Dcgan.discriminator();
        }

        @Override
        public Optional<String> unsupported(long[] exampleShape) {
            long[] needed = {Dcgan.CHANNELS, Dcgan.IMAGE_SIZE, Dcgan.IMAGE_SIZE};
            return Arrays.equals(exampleShape, needed) ? Optional.empty()
                    : Optional.of("needs examples of shape " + Arrays.toString(needed) + " (channels, height, width)");
        }
    };

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    public abstract Network generator(int latentDim, long[] exampleShape);

    public abstract Network discriminator(long[] exampleShape);

    /** Why this architecture cannot model examples of this shape, if it cannot. */
    public abstract Optional<String> unsupported(long[] exampleShape);

    public String id() {
        return id;
    }

    public static Optional<Architecture> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }
}
