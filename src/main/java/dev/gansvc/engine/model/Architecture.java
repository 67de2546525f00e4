package dev.gansvc.engine.model;

import dev.gansvc.engine.autoencoder.AutoencoderObjective;
import dev.gansvc.engine.autoencoder.AutoencoderVariant;
import dev.gansvc.engine.gan.AdversarialObjective;
import dev.gansvc.engine.gan.Dcgan;
import dev.gansvc.engine.gan.Dcgan64;
import dev.gansvc.engine.gan.EnergyObjective;
import dev.gansvc.engine.gan.WassersteinObjective;
import dev.gansvc.engine.mmd.MomentMatchingObjective;
import dev.gansvc.engine.nets.Mlp;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.vae.VaeGanObjective;
import dev.gansvc.engine.vae.VaeObjective;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models the engine can build and train, by the id jobs and artifacts use: for each, its
 * networks for a given {@link ModelShape} and the {@link Objective} that trains them.
 */
public enum Architecture {
    /** The original fully connected GAN, for any example shape. */
    GAN("gan") {
        @Override
        Map<String, Network> networks(ModelShape shape) {
            return generatorAndDiscriminator(Mlp.adversarialGenerator(shape), Mlp.discriminator(shape));
        }
    },
    /** Strided convolutions, for 28x28 single-channel images. */
    DCGAN("dcgan") {
        @Override
        Map<String, Network> networks(ModelShape shape) {
            return generatorAndDiscriminator(Dcgan.generator(shape.generatorInputs()),
                    Dcgan.discriminator(Dcgan.CHANNELS * shape.packing(), shape.discriminatorOutputs()));
        }

        @Override
        public Optional<String> unsupported(long[] exampleShape, int classCount) {
            return dcganShape(exampleShape);
        }
    },
    /** DCGAN for 64x64 colour images (CelebA-style faces): four transposed convolutions up, eight convolutions down. */
    DCGAN64("dcgan64") {
        @Override
        Map<String, Network> networks(ModelShape shape) {
            return generatorAndDiscriminator(Dcgan64.generator(shape.generatorInputs()),
                    Dcgan64.discriminator(Dcgan64.CHANNELS * shape.packing(), shape.discriminatorOutputs()));
        }

        @Override
        public Optional<String> unsupported(long[] exampleShape, int classCount) {
            return requireShape(exampleShape, Dcgan64.CHANNELS, Dcgan64.IMAGE_SIZE);
        }
    },
    /**
     * Class-conditional: the generator takes the label with its latent point, the discriminator
     * gives one verdict per class and is read at the label (a projection discriminator). A
     * DCGAN for 28x28 grey and 64x64 colour images, fully connected otherwise.
     */
    CGAN("cgan") {
        @Override
        Map<String, Network> networks(ModelShape shape) {
            if (dcganShape(shape.exampleShape()).isEmpty()) {
                return DCGAN.networks(shape);
            }
            return DCGAN64.unsupported(shape.exampleShape(), 0).isEmpty() ? DCGAN64.networks(shape) : GAN.networks(shape);
        }

        @Override
        public boolean conditional() {
            return true;
        }

        @Override
        public Optional<String> unsupported(long[] exampleShape, int classCount) {
            return classCount < 2 ? Optional.of("needs labelled data with at least 2 classes") : Optional.empty();
        }
    },
    /** Wasserstein GAN with gradient penalty; a DCGAN-shaped critic without batch norm for 28x28 images. */
    WGAN_GP("wgan-gp") {
        @Override
        Map<String, Network> networks(ModelShape shape) {
            boolean dcgan = dcganShape(shape.exampleShape()).isEmpty();
            return named(GenerativeModel.GENERATOR, dcgan ? Dcgan.generator(shape.latentDim()) : Mlp.generator(shape),
                    WassersteinObjective.CRITIC, dcgan ? Dcgan.critic() : Mlp.discriminator(shape));
        }

        @Override
        public Objective objective(TrainingSettings settings) {
            return new WassersteinObjective(settings.discriminatorSteps(), settings.options().gradientPenalty());
        }

        @Override
        public List<LossSeries> lossSeries() {
            return WassersteinObjective.SERIES;
        }
    },
    /**
     * Energy-based GAN: an autoencoder discriminator, convolutional for images whose sides are
     * multiples of 4, fully connected otherwise.
     */
    EBGAN("ebgan") {
        private static final int CODE = 64;

        @Override
        Map<String, Network> networks(ModelShape shape) {
            boolean conv = AutoencoderVariant.CONV.unsupported(shape.exampleShape()).isEmpty();
            AutoencoderVariant variant = conv ? AutoencoderVariant.CONV : AutoencoderVariant.DEEP;
            ModelShape code = new ModelShape(CODE, shape.exampleShape(), 0);
            Map<String, Network> networks = new LinkedHashMap<>();
            networks.put(GenerativeModel.GENERATOR, dcganShape(shape.exampleShape()).isEmpty()
                    ? Dcgan.generator(shape.latentDim()) : Mlp.generator(shape));
            networks.put(EnergyObjective.ENCODER, variant.unstandardizedEncoder(code));
            networks.put(EnergyObjective.DECODER, variant.decoder(code));
            return networks;
        }

        @Override
        public Objective objective(TrainingSettings settings) {
            return new EnergyObjective(settings.discriminatorSteps(), settings.options().margin(),
                    settings.options().pullAwayWeight());
        }

        @Override
        public List<LossSeries> lossSeries() {
            return EnergyObjective.SERIES;
        }
    },
    /** Variational autoencoder: fully connected encoder (mean and log-variance heads) and decoder. */
    VAE("vae") {
        @Override
        Map<String, Network> networks(ModelShape shape) {
            return named(GenerativeModel.ENCODER, Mlp.encoder(shape, 2 * shape.latentDim(), Mlp.Init.HE),
                    GenerativeModel.GENERATOR, Mlp.generator(shape, Mlp.Init.HE));
        }

        @Override
        public Objective objective(TrainingSettings settings) {
            return new VaeObjective();
        }

        @Override
        public List<LossSeries> lossSeries() {
            return VaeObjective.SERIES;
        }

    },
    /**
     * VAE-GAN: a VAE whose decoder is a GAN generator judged by a discriminator. For 28x28 grey
     * images the DCGAN's generator and discriminator with a convolutional encoder; fully
     * connected otherwise.
     */
    VAEGAN("vaegan") {
        @Override
        Map<String, Network> networks(ModelShape shape) {
            Map<String, Network> networks = new LinkedHashMap<>();
            boolean dcgan = dcganShape(shape.exampleShape()).isEmpty();
            ModelShape twoHeads = new ModelShape(2 * shape.latentDim(), shape.exampleShape(), 0);
            networks.put(GenerativeModel.ENCODER, dcgan ? AutoencoderVariant.CONV.unstandardizedEncoder(twoHeads)
                    : Mlp.encoder(shape, 2 * shape.latentDim(), Mlp.Init.HE));
            networks.put(GenerativeModel.GENERATOR, dcgan ? Dcgan.generator(shape.latentDim()) : Mlp.generator(shape));
            networks.put(AdversarialObjective.DISCRIMINATOR, dcgan ? Dcgan.discriminator(Dcgan.CHANNELS, 1)
                    : Mlp.discriminator(shape));
            return networks;
        }

        @Override
        public Objective objective(TrainingSettings settings) {
            return new VaeGanObjective();
        }

        @Override
        public List<LossSeries> lossSeries() {
            return VaeGanObjective.SERIES;
        }
    },
    /** Generative moment matching: a fully connected generator trained on MMD alone. */
    GMMN("gmmn") {
        @Override
        Map<String, Network> networks(ModelShape shape) {
            Map<String, Network> networks = new LinkedHashMap<>();
            networks.put(GenerativeModel.GENERATOR, Mlp.generator(shape));
            return networks;
        }

        @Override
        public Objective objective(TrainingSettings settings) {
            return new MomentMatchingObjective();
        }

        @Override
        public List<LossSeries> lossSeries() {
            return MomentMatchingObjective.SERIES;
        }

    },
    /** Autoencoders: variants mlp, deep, conv and denoising. */
    AUTOENCODER("autoencoder") {
        @Override
        Map<String, Network> networks(ModelShape shape) {
            return AutoencoderObjective.networks(shape);
        }

        @Override
        public Objective objective(TrainingSettings settings) {
            return new AutoencoderObjective(settings.options().noiseLevel());
        }

        @Override
        public List<LossSeries> lossSeries() {
            return AutoencoderObjective.SERIES;
        }


        @Override
        public List<String> variants() {
            return AutoencoderVariant.ids();
        }

        @Override
        public Optional<String> unsupported(long[] exampleShape, int classCount, String variant) {
            return AutoencoderVariant.byId(variant).flatMap(v -> v.unsupported(exampleShape));
        }
    };

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    /** The model's networks by name, one of them {@link GenerativeModel#GENERATOR}. */
    abstract Map<String, Network> networks(ModelShape shape);

    /** How the model trains with these settings. */
    public Objective objective(TrainingSettings settings) {
        return new AdversarialObjective(settings.discriminatorSteps(), settings.loss(), settings.options().r1Gamma(),
                settings.options().r1Until());
    }

    /**
     * Whether its discriminator has batch norm for examples of this shape (so that it judges a
     * batch, not each example on its own): the 28x28 DCGAN's.
     */
    public boolean discriminatorNormalisesBatches(long[] exampleShape) {
        return (this == DCGAN || this == CGAN) && dcganShape(exampleShape).isEmpty();
    }

    /** What its loss API and chart show per step. */
    public List<LossSeries> lossSeries() {
        return AdversarialObjective.SERIES;
    }

    /** The variants it comes in (the first is the default); empty for most. */
    public List<String> variants() {
        return List.of();
    }

    /** Why this model cannot learn data of this shape and class count in this variant, if it cannot. */
    public Optional<String> unsupported(long[] exampleShape, int classCount, String variant) {
        return unsupported(exampleShape, classCount);
    }

    /** Whether it has an encoder and reconstructs examples (autoencoders and VAEs). */
    public boolean reconstructs() {
        return this == VAE || this == VAEGAN || this == AUTOENCODER;
    }

    /**
     * Whether sampling keeps only the samples its discriminator accepts ({@link RejectionSampler}):
     * the fully connected GAN's on rows, whose discriminator judges each row on its own. Rows cost
     * little to generate, and on the 2D mixtures the filter raised both the modes covered and the
     * share of high-quality samples.
     */
    public boolean filtersSamples(ModelShape shape) {
        return this == GAN && !shape.image() && shape.packing() == 1;
    }

    /** Whether its discriminator can judge several examples at once (PacGAN packing). */
    public boolean packs() {
        return this == GAN || this == DCGAN || this == DCGAN64 || this == CGAN;
    }

    /** Whether its networks take class labels. */
    public boolean conditional() {
        return false;
    }

    /** Why this model cannot learn data of this shape and class count, if it cannot. */
    public Optional<String> unsupported(long[] exampleShape, int classCount) {
        return Optional.empty();
    }

    /** The shape its networks take for data of this shape and class count. */
    public ModelShape shape(int latentDim, long[] exampleShape, int classCount) {
        return shape(latentDim, exampleShape, classCount, variants().isEmpty() ? "" : variants().get(0));
    }

    public ModelShape shape(int latentDim, long[] exampleShape, int classCount, String variant) {
        return new ModelShape(latentDim, exampleShape, conditional() ? classCount : 0, variant);
    }

    public String id() {
        return id;
    }

    public static Optional<Architecture> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }

    private static Map<String, Network> generatorAndDiscriminator(Network generator, Network discriminator) {
        return named(GenerativeModel.GENERATOR, generator, AdversarialObjective.DISCRIMINATOR, discriminator);
    }

    private static Map<String, Network> named(String first, Network a, String second, Network b) {
        Map<String, Network> networks = new LinkedHashMap<>();
        networks.put(first, a);
        networks.put(second, b);
        return networks;
    }

    private static Optional<String> dcganShape(long[] exampleShape) {
        return requireShape(exampleShape, Dcgan.CHANNELS, Dcgan.IMAGE_SIZE);
    }

    private static Optional<String> requireShape(long[] exampleShape, int channels, int size) {
        long[] needed = {channels, size, size};
        return Arrays.equals(exampleShape, needed) ? Optional.empty()
                : Optional.of("needs examples of shape " + Arrays.toString(needed) + " (channels, height, width)");
    }
}
