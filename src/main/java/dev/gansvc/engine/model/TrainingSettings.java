package dev.gansvc.engine.model;

/**
 * What a training run does: how long, in what batches, with which learning-rate schedule,
 * and the family's own options, which its objective reads.
 *
 * @param startIteration the steps its model had taken before this run: 0 for a fresh model, the
 *                       parent's steps for one that continues a trained model (its epochs, its
 *                       schedules and its end count from there)
 */
public record TrainingSettings(
        int epochs,
        int batchSize,
        long seed,
        LearningRateSchedule schedule,
        OptionValues options,
        long startIteration) {

    /** A run of a fresh model. */
    public TrainingSettings(int epochs, int batchSize, long seed, LearningRateSchedule schedule, OptionValues options) {
        this(epochs, batchSize, seed, schedule, options, 0);
    }

    /** The same run continuing a model that had taken {@code steps} steps. */
    public TrainingSettings continuingFrom(long steps) {
        return new TrainingSettings(epochs, batchSize, seed, schedule, options, steps);
    }
}
