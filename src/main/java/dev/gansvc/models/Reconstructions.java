package dev.gansvc.models;

/**
 * An autoencoder's or VAE's reconstructions of uploaded rows.
 *
 * @param reconstructions one row per uploaded row, in the data's units
 * @param squaredErrors   each row's mean squared error per value
 */
public record Reconstructions(long modelId, float[][] reconstructions, double[] squaredErrors) {}
