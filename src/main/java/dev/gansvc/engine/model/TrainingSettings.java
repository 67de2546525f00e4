package dev.gansvc.engine.model;

import dev.gansvc.engine.gan.GanLoss;

/**
 * What a training run does: how long, in what batches, with which objective and learning-rate
 * schedule.
 *
 * @param discriminatorSteps discriminator (critic) updates per generator update, for adversarial models
 * @param loss               the generator's loss, for models trained against a classifying discriminator
 * @param options            what only some objectives read
 */
public record TrainingSettings(int epochs, int batchSize, int discriminatorSteps, GanLoss loss, long seed,
        LearningRateSchedule schedule, ObjectiveOptions options) {

    public TrainingSettings(int epochs, int batchSize, int discriminatorSteps, GanLoss loss, long seed,
            LearningRateSchedule schedule) {
        this(epochs, batchSize, discriminatorSteps, loss, seed, schedule, ObjectiveOptions.DEFAULTS);
    }
}
