package dev.gansvc.engine.nets;

import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.nn.Activation;
import dev.gansvc.engine.nn.BatchNorm;
import dev.gansvc.engine.nn.Conv2d;
import dev.gansvc.engine.nn.ConvTranspose2d;
import dev.gansvc.engine.nn.Dense;
import dev.gansvc.engine.nn.Layer;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Reshape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The autoencoders of the founding documents. Every encoder ends in a standardising batch
 * norm, so each code dimension has mean 0 and variance 1 over the data: decoding draws from
 * N(0, I) then gives samples whose codes match the data's in each dimension (a density fitted to
 * the codes, {@code CodeDensity}, matches them far better).
 */
public enum AutoencoderVariant {
    /** One hidden layer each side. */
    MLP("mlp"),
    /** Three hidden layers each side. */
    DEEP("deep"),
    /** Two strided convolutions down, two transposed convolutions up; images with sides divisible by 4. */
    CONV("conv"),
    /** The deep autoencoder trained to undo Gaussian noise added to its inputs (Vincent et al. 2008). */
    DENOISING("denoising");

    private static final int[] SHALLOW = {256};
    private static final int[] DEEP_ENCODER = {512, 256, 128};
    private static final int[] DEEP_DECODER = {128, 256, 512};

    private final String id;

    AutoencoderVariant(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<AutoencoderVariant> byId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(AutoencoderVariant::id).toList();
    }

    public Optional<String> unsupported(long[] exampleShape) {
        if (this != CONV) {
            return Optional.empty();
        }
        return exampleShape.length == 3 && exampleShape[1] % 4 == 0 && exampleShape[2] % 4 == 0
                ? Optional.empty()
                : Optional.of("variant conv needs images whose height and width are multiples of 4");
    }

    /** The encoder, its codes standardised (see the class comment). */
    public Network encoder(ModelShape shape) {
        List<Layer> layers = new ArrayList<>(encoderLayers(shape));
        layers.add(BatchNorm.standardizing(shape.latentDim()));
        return new Network(layers);
    }

    /**
     * The encoder with codes as they come: the energy-based GAN's discriminator must not
     * standardise over a batch, which would hide a shift of all its fakes at once.
     */
    public Network unstandardizedEncoder(ModelShape shape) {
        return new Network(encoderLayers(shape));
    }

    private List<Layer> encoderLayers(ModelShape shape) {
        if (this == CONV) {
            long[] s = shape.exampleShape();
            int flat = 64 * (int) (s[1] / 4) * (int) (s[2] / 4);
            return List.of(
                    new Conv2d((int) s[0], 32, 4, 2, 1),
                    Activation.leakyRelu(),
                    new Conv2d(32, 64, 4, 2, 1),
                    Activation.leakyRelu(),
                    Reshape.flatten(flat),
                    Dense.he(flat, shape.latentDim()));
        }
        return Mlp.encoderLayers(shape, this == MLP ? SHALLOW : DEEP_ENCODER, shape.latentDim(), Mlp.Init.HE);
    }

    public Network decoder(ModelShape shape) {
        if (this == CONV) {
            long[] s = shape.exampleShape();
            int h = (int) s[1] / 4;
            int w = (int) s[2] / 4;
            return new Network(List.of(
                    Dense.he(shape.latentDim(), 64 * h * w),
                    Activation.relu(),
                    new Reshape(64, h, w),
                    new ConvTranspose2d(64, 32, 4, 2, 1),
                    Activation.relu(),
                    new ConvTranspose2d(32, (int) s[0], 4, 2, 1),
                    Activation.tanh()));
        }
        return Mlp.generator(shape, this == MLP ? SHALLOW : DEEP_DECODER, Mlp.Init.HE);
    }
}
