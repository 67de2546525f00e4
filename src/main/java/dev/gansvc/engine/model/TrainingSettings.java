package dev.gansvc.engine.model;

/**
 * What a training run does: how long, in what batches, with which learning-rate schedule,
 * and the family's own options, which its objective reads.
 */
public record TrainingSettings(
        int epochs, int batchSize, long seed, LearningRateSchedule schedule, OptionValues options) {}
