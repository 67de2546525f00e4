package dev.gansvc.engine.model;

import java.util.List;

/**
 * The options every family reads: how long and in what batches it trains, its optimiser, and how
 * often its samples are judged while it trains.
 */
public final class CommonOptions {

    public static final Option.Whole EPOCHS = new Option.Whole("epochs", "Passes over the dataset", 1, 1000, null);
    public static final Option.Whole BATCH_SIZE = new Option.Whole("batchSize", "Examples per batch", 2, 1024, null);
    public static final Option.Whole LATENT_DIM = new Option.Whole(
            "latentDim", "Size of the generator's input noise vector (a VAE's or autoencoder's code)", 1, 1024, null);
    public static final Option.Real LEARNING_RATE =
            new Option.Real("learningRate", "Adam learning rate", 0, false, 1, true, null);
    public static final Option.Real BETA1 = new Option.Real("beta1", "Adam beta1", 0, true, 1, false, null);
    public static final Option.Real BETA2 =
            new Option.Real("beta2", "Adam beta2", 0, true, 1, false, OptimizerSettings.DEFAULT_BETA2);
    public static final Option.Choice LEARNING_RATE_SCHEDULE = new Option.Choice(
            "learningRateSchedule",
            "Learning rate over the run: constant, or decaying linearly to zero",
            LearningRateSchedule.ids(),
            LearningRateSchedule.CONSTANT.id());
    public static final Option.Real GENERATOR_AVERAGE = new Option.Real(
            "generatorAverage",
            "Decay of the moving average of the generator's weights that sampling uses; 0 samples the latest weights",
            0,
            true,
            1,
            false,
            0.0);

    public static final Option.Whole QUALITY_EVERY = new Option.Whole(
            "qualityEvery",
            "Also measure the samples' quality every this many epochs, for a quality curve beside the loss curve "
                    + "(GET /jobs/{id}/quality); 0: only when the job ends",
            0,
            1000,
            0);

    public static final List<Option> ALL = List.of(
            EPOCHS,
            BATCH_SIZE,
            LATENT_DIM,
            LEARNING_RATE,
            BETA1,
            BETA2,
            LEARNING_RATE_SCHEDULE,
            GENERATOR_AVERAGE,
            QUALITY_EVERY);

    private CommonOptions() {}
}
