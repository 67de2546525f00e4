package dev.gansvc.engine.model;

import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.gan.GanLoss;

/**
 * Training hyper-parameters with which a model trains well on a kind of data out of the box:
 * what a job gets for every field it leaves out, and what the quality benchmarks run.
 */
public record Recipe(int epochs, int batchSize, int latentDim, double learningRate, double beta1, double beta2,
        int discriminatorSteps, GanLoss loss, LearningRateSchedule schedule, double generatorAverage,
        ObjectiveOptions options) {

    private static final double BETA2 = OptimizerSettings.DEFAULT_BETA2;

    /** DCGAN's published settings (Radford et al. 2015). */
    private static final Recipe GAN_IMAGES = new Recipe(5, 64, 100, 2e-4, 0.5, BETA2, 1, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0, ObjectiveOptions.DEFAULTS);

    /**
     * The 64-pixel DCGAN: with a batch-normalised discriminator, its eight convolutions won from
     * the first step (an Adam step moved the fakes' logits from 0 to -9; PyTorch with the same
     * networks and data did the same) and the generator never learned. Without batch norm, and
     * with R1 (Mescheder et al. 2018, gamma 10 as StyleGAN uses) to stop the game oscillating,
     * it learns: on shapes64 (seed 1) coloured blobs by epoch 3, one compact object per picture
     * by epoch 7, sharper outlines and cleaner backgrounds to epoch 15 (MMD² 0.261 after 5, 0.024 after 15).
     */
    private static final Recipe GAN_IMAGES_64 = new Recipe(15, 64, 100, 2e-4, 0.5, BETA2, 1, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0, ObjectiveOptions.DEFAULTS.withR1(10, 1));

    /**
     * The fully connected GAN on images learns far slower per step than the DCGAN (no
     * convolutions to share what it learns across the picture) but each step is ~6 times cheaper.
     */
    private static final Recipe MLP_GAN_IMAGES = new Recipe(60, 64, 100, 2e-4, 0.5, BETA2, 1, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0.999, ObjectiveOptions.DEFAULTS);

    /**
     * Low-dimensional tables and 2D mixtures, chosen with bench/mixtures: weight averaging kept
     * every ring mode where a linear decay of the learning rate lost some in the last steps.
     * Batches of 128 for 80 epochs rather than 64 for 40 (as many steps): 80 epochs of 64
     * dropped ring8 modes while sharpening grid25. A weak R1 (gamma 0.1) over the first quarter
     * of the run: grid25 seed 3 sat on one or two points for 20 epochs without it and ended
     * with a row of modes at a hundredth of its share; with it the generator spreads over the
     * grid by epoch 20, and the three quarters without it sharpen the modes (R1 throughout
     * held grid25 at 93%). Over seeds 1-5: ring8 8/8 modes at 98.3% high quality, grid25 25/25
     * at 96.1%.
     */
    private static final Recipe GAN_TABLES = new Recipe(80, 128, 16, 2e-4, 0.5, BETA2, 1, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0.999, ObjectiveOptions.DEFAULTS.withR1(0.1, 0.25));

    /** The GAN's settings for a VAE-GAN of rows, whose objective has no R1. */
    private static final Recipe VAEGAN_TABLES = GAN_TABLES.withOptions(ObjectiveOptions.DEFAULTS);

    /** Gulrajani et al. 2017: Adam(1e-4, 0.5, 0.9), 5 critic steps, lambda 10; epochs count critic batches. */
    private static final Recipe WGAN_IMAGES = new Recipe(25, 64, 100, 1e-4, 0.5, 0.9, 5, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0, ObjectiveOptions.DEFAULTS);
    private static final Recipe WGAN_TABLES = new Recipe(40, 64, 16, 1e-4, 0.5, 0.9, 5, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0.999, ObjectiveOptions.DEFAULTS);

    /**
     * Zhao et al. 2017 with energy as the mean squared reconstruction error per value: a margin
     * of 0.5 for images in [-1, 1], pulling-away weight 0.1.
     */
    private static final Recipe EBGAN_IMAGES = new Recipe(5, 64, 100, 2e-4, 0.5, BETA2, 1, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0, new ObjectiveOptions(0, 0.5, 0.1, 10, 0, 1));
    private static final Recipe EBGAN_TABLES = new Recipe(40, 64, 16, 2e-4, 0.5, BETA2, 1, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0.999, new ObjectiveOptions(0, 1, 0.1, 10, 0, 1));

    /** Likelihood models converge with plain Adam and larger batches. */
    private static final Recipe VAE_IMAGES = new Recipe(20, 128, 16, 1e-3, 0.9, BETA2, 1, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0, ObjectiveOptions.DEFAULTS);
    private static final Recipe VAE_TABLES = new Recipe(20, 128, 2, 1e-3, 0.9, BETA2, 1, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0, ObjectiveOptions.DEFAULTS);

    /** The GAN's optimiser settings (its discriminator sets the pace), a VAE's latent size. */
    private static final Recipe VAEGAN_IMAGES = new Recipe(10, 64, 16, 2e-4, 0.5, BETA2, 1, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0, ObjectiveOptions.DEFAULTS);

    /** Li et al. 2015 used large batches: MMD on a small batch is a noisy estimate. */
    private static final Recipe GMMN_IMAGES = new Recipe(50, 256, 32, 1e-3, 0.9, BETA2, 1, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0, ObjectiveOptions.DEFAULTS);
    private static final Recipe GMMN_TABLES = new Recipe(10, 256, 16, 1e-3, 0.9, BETA2, 1, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0.99, ObjectiveOptions.DEFAULTS);

    private static final Recipe AUTOENCODER_IMAGES = new Recipe(10, 128, 32, 1e-3, 0.9, BETA2, 1,
            GanLoss.NON_SATURATING, LearningRateSchedule.CONSTANT, 0, ObjectiveOptions.DEFAULTS);

    /** The denoising variant's input noise: std 0.5 on data in [-1, 1]. */
    private static final double DENOISING_NOISE = 0.5;

    /** Small tables take smaller batches and more epochs, up to this many steps in all. */
    private static final int MIN_TABLE_STEPS = 5000;
    private static final int MAX_EPOCHS = 1000;

    public static Recipe defaults(Architecture architecture, Dataset data) {
        return defaults(architecture, data, "");
    }

    public static Recipe defaults(Architecture architecture, Dataset data, String variant) {
        long[] exampleShape = data.exampleShape();
        Recipe recipe = forShape(architecture, exampleShape, variant);
        return exampleShape.length == 3 ? recipe : recipe.sizedFor(data.size() - HeldOut.examples(data.size()));
    }

    private static Recipe forShape(Architecture architecture, long[] exampleShape, String variant) {
        boolean images = exampleShape.length == 3;
        return switch (architecture) {
            case GAN -> images ? MLP_GAN_IMAGES : GAN_TABLES;
            case DCGAN -> images ? GAN_IMAGES : GAN_TABLES;
            case DCGAN64, CGAN -> !images ? GAN_TABLES
                    : Architecture.DCGAN64.unsupported(exampleShape, 0).isEmpty() ? GAN_IMAGES_64 : GAN_IMAGES;
            case WGAN_GP -> images ? WGAN_IMAGES : WGAN_TABLES;
            case EBGAN -> images ? EBGAN_IMAGES : EBGAN_TABLES;
            case VAE -> images ? VAE_IMAGES : VAE_TABLES;
            case VAEGAN -> images ? VAEGAN_IMAGES : VAEGAN_TABLES;
            case GMMN -> images ? GMMN_IMAGES : GMMN_TABLES;
            case AUTOENCODER -> {
                Recipe base = images ? AUTOENCODER_IMAGES : AUTOENCODER_IMAGES.withLatentDim(
                        (int) Math.max(1, exampleShape[0] / 2));
                yield "denoising".equals(variant) ? base.withNoiseLevel(DENOISING_NOISE) : base;
            }
        };
    }

    /**
     * For a table of {@code rows} training rows: batches of at most a quarter of them, and
     * enough epochs for {@value #MIN_TABLE_STEPS} steps (at most {@value #MAX_EPOCHS}); iris's
     * 135 training rows get batches of 33 and 1,000 epochs rather than 2 steps an epoch for 40.
     */
    private Recipe sizedFor(int rows) {
        int batch = Math.max(2, Math.min(batchSize, rows / 4));
        long stepsPerEpoch = Math.max(1, rows / batch / discriminatorSteps);
        int epochsNeeded = (int) Math.min(MAX_EPOCHS, (MIN_TABLE_STEPS + stepsPerEpoch - 1) / stepsPerEpoch);
        return new Recipe(Math.max(epochs, epochsNeeded), batch, latentDim, learningRate, beta1, beta2,
                discriminatorSteps, loss, schedule, generatorAverage, options);
    }

    /** The same recipe with other epochs and batch size, for benchmarks that compare them. */
    public Recipe withEpochsAndBatch(int epochCount, int batch) {
        return new Recipe(epochCount, batch, latentDim, learningRate, beta1, beta2, discriminatorSteps, loss, schedule,
                generatorAverage, options);
    }

    private Recipe withLatentDim(int latent) {
        return new Recipe(epochs, batchSize, latent, learningRate, beta1, beta2, discriminatorSteps, loss, schedule,
                generatorAverage, options);
    }

    private Recipe withNoiseLevel(double noise) {
        return withOptions(new ObjectiveOptions(noise, options.margin(), options.pullAwayWeight(),
                options.gradientPenalty(), options.r1Gamma(), options.r1Until()));
    }

    /** The same recipe with other objective options, for benchmarks that compare them. */
    public Recipe withOptions(ObjectiveOptions objectiveOptions) {
        return new Recipe(epochs, batchSize, latentDim, learningRate, beta1, beta2, discriminatorSteps, loss, schedule,
                generatorAverage, objectiveOptions);
    }

    public OptimizerSettings optimizer() {
        return new OptimizerSettings(learningRate, beta1, beta2, generatorAverage);
    }

    public TrainingSettings training(long seed) {
        return new TrainingSettings(epochs, batchSize, discriminatorSteps, loss, seed, schedule, options);
    }
}
