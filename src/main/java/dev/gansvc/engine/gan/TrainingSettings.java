package dev.gansvc.engine.gan;

/** What a training run does: how long, in what batches, with which objective and learning-rate schedule. */
public record TrainingSettings(int epochs, int batchSize, int discriminatorSteps, GanLoss loss, long seed,
        LearningRateSchedule schedule) {

    /** Generator steps per epoch: each consumes {@code discriminatorSteps} real batches. */
    public long iterationsPerEpoch(int datasetSize) {
        return (long) (datasetSize / batchSize) / discriminatorSteps;
    }

    public long totalIterations(int datasetSize) {
        return epochs * iterationsPerEpoch(datasetSize);
    }
}
