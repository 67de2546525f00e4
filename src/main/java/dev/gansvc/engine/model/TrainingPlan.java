package dev.gansvc.engine.model;

import dev.gansvc.engine.data.HeldOut;

/**
 * How a dataset is used by a run: how many examples train and how many are held out, and how
 * many steps make an epoch and the run.
 */
public record TrainingPlan(
        int trainingExamples, int heldOutExamples, int batchesPerStep, long iterationsPerEpoch, long totalIterations) {

    public static TrainingPlan of(Objective objective, TrainingSettings settings, int datasetSize) {
        int heldOut = HeldOut.examples(datasetSize);
        int training = datasetSize - heldOut;
        int batches = objective.batchesPerStep();
        long perEpoch = (long) (training / settings.batchSize()) / batches;
        return new TrainingPlan(training, heldOut, batches, perEpoch, perEpoch * settings.epochs());
    }

    /** Real examples one step consumes. */
    public int examplesPerStep(TrainingSettings settings) {
        return settings.batchSize() * batchesPerStep;
    }
}
