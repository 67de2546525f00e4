package dev.gansvc.jobs;

import dev.gansvc.engine.gan.GanLoss;
import dev.gansvc.engine.gan.LearningRateSchedule;
import dev.gansvc.engine.gan.OptimizerSettings;
import dev.gansvc.engine.gan.TrainingSettings;

/** A job's training configuration with every default filled in; stored with the job as JSON. */
public record JobSpec(String model, String dataset, int epochs, int batchSize, int latentDim, long seed,
        int discriminatorSteps, double learningRate, double beta1, String loss, String learningRateSchedule,
        double generatorAverage) {

    public TrainingSettings trainingSettings() {
        return new TrainingSettings(epochs, batchSize, discriminatorSteps, GanLoss.fromId(loss), seed,
                LearningRateSchedule.fromId(learningRateSchedule));
    }

    public OptimizerSettings optimizerSettings() {
        return new OptimizerSettings(learningRate, beta1, OptimizerSettings.DEFAULT_BETA2, generatorAverage);
    }
}
