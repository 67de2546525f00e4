package dev.gansvc.engine.model;

import dev.gansvc.engine.adversarial.AdversarialOptions;
import dev.gansvc.engine.adversarial.GanLoss;

/** Training settings of a GAN with a classifying discriminator, for the engine's tests. */
public final class GanSettings {

    private GanSettings() {}

    /** k discriminator steps with this loss, no packing, R1 of gamma over the first share {@code r1Until}. */
    public static TrainingSettings of(
            int epochs,
            int batchSize,
            int k,
            GanLoss loss,
            long seed,
            LearningRateSchedule schedule,
            double r1Gamma,
            double r1Until) {
        OptionValues options = AdversarialOptions.defaults(r1Gamma, r1Until)
                .with(AdversarialOptions.DISCRIMINATOR_STEPS, k)
                .with(AdversarialOptions.LOSS, loss.id());
        return new TrainingSettings(epochs, batchSize, seed, schedule, options);
    }

    /** The same without R1. */
    public static TrainingSettings of(
            int epochs, int batchSize, int k, GanLoss loss, long seed, LearningRateSchedule schedule) {
        return of(epochs, batchSize, k, loss, seed, schedule, 0, 1);
    }
}
