package dev.gansvc.engine.model;

/** What a trained model of a family can serve. */
public enum Capability {
    /** Samples from its generator (every family). */
    SAMPLES,
    /** Samples of a chosen class. */
    CLASS_CONDITIONAL,
    /** Walks between latent points (image models). */
    INTERPOLATION,
    /** Reconstructions of given examples through its encoder and decoder. */
    RECONSTRUCTIONS
}
