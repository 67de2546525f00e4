package dev.gansvc.jobs;

import dev.gansvc.engine.gan.GanLoss;
import dev.gansvc.engine.model.LearningRateSchedule;
import dev.gansvc.engine.model.ObjectiveOptions;
import dev.gansvc.engine.model.OptimizerSettings;
import dev.gansvc.engine.model.TrainingSettings;
import java.util.Objects;

/**
 * A job's training configuration with every default filled in; stored with the job as JSON.
 * Fields added after the first release are boxed: specs stored before them read as null and
 * mean what jobs did then.
 */
public record JobSpec(String model, String dataset, int epochs, int batchSize, int latentDim, long seed,
        int discriminatorSteps, double learningRate, double beta1, String loss, String learningRateSchedule,
        double generatorAverage, Double beta2, String variant, Double noiseLevel, Double margin,
        Double pullAwayWeight, Double gradientPenalty, Integer packing, Double r1Gamma, Double r1Until) {

    public TrainingSettings trainingSettings() {
        ObjectiveOptions d = ObjectiveOptions.DEFAULTS;
        return new TrainingSettings(epochs, batchSize, discriminatorSteps, GanLoss.fromId(loss), seed,
                LearningRateSchedule.fromId(learningRateSchedule), new ObjectiveOptions(
                        Objects.requireNonNullElse(noiseLevel, d.noiseLevel()),
                        Objects.requireNonNullElse(margin, d.margin()),
                        Objects.requireNonNullElse(pullAwayWeight, d.pullAwayWeight()),
                        Objects.requireNonNullElse(gradientPenalty, d.gradientPenalty()),
                        Objects.requireNonNullElse(r1Gamma, d.r1Gamma()),
                        Objects.requireNonNullElse(r1Until, d.r1Until())));
    }

    /** Examples a discriminator judges together; 1 for specs stored before packing existed. */
    public int examplesPerJudgement() {
        return Objects.requireNonNullElse(packing, 1);
    }

    public OptimizerSettings optimizerSettings() {
        return new OptimizerSettings(learningRate, beta1, Objects.requireNonNullElse(beta2, OptimizerSettings.DEFAULT_BETA2),
                generatorAverage);
    }
}
