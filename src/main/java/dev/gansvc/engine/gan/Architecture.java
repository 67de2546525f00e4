package dev.gansvc.engine.gan;

import dev.gansvc.engine.nn.Network;
import java.util.Arrays;
import java.util.Optional;

/** The generator/discriminator pairs the engine can build, by the id jobs and artifacts use. */
public enum Architecture {
    DCGAN("dcgan", Dcgan.CHANNELS, Dcgan.IMAGE_SIZE, Dcgan.IMAGE_SIZE) {
        @Override
        public Network generator(int latentDim) {
            return Dcgan.generator(latentDim);
        }

        @Override
        public Network discriminator() {
            return Dcgan.discriminator();
        }
    };

    private final String id;
    private final int channels;
    private final int height;
    private final int width;

    Architecture(String id, int channels, int height, int width) {
        this.id = id;
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    public abstract Network generator(int latentDim);

    public abstract Network discriminator();

    public String id() {
        return id;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public static Optional<Architecture> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }
}
