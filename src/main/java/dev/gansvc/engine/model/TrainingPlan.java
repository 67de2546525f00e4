package dev.gansvc.engine.model;

import dev.gansvc.engine.data.HeldOut;

/**
 * How a dataset is used by a run: how many examples train and how many are held out, and how
 * many steps make an epoch and the run.
 *
 * @param startIteration  the model's steps before the run (a continued model's)
 * @param totalIterations the model's steps when the run ends: the start and the run's own
 */
public record TrainingPlan(
        int trainingExamples,
        int heldOutExamples,
        int batchesPerStep,
        long iterationsPerEpoch,
        long startIteration,
        long totalIterations) {

    public static TrainingPlan of(Objective objective, TrainingSettings settings, int datasetSize) {
        int heldOut = HeldOut.examples(datasetSize);
        int training = datasetSize - heldOut;
        int batches = objective.batchesPerStep();
        long perEpoch = (long) (training / settings.batchSize()) / batches;
        return new TrainingPlan(
                training,
                heldOut,
                batches,
                perEpoch,
                settings.startIteration(),
                settings.startIteration() + perEpoch * settings.epochs());
    }

    /** The run's own steps. */
    public long runIterations() {
        return totalIterations - startIteration;
    }

    /** Real examples one step consumes. */
    public int examplesPerStep(TrainingSettings settings) {
        return settings.batchSize() * batchesPerStep;
    }
}
