package dev.gansvc.models;

/**
 * Raw generated samples, one row per sample: the features of a table row, or an image's pixels
 * in [-1, 1], flattened channel by channel.
 *
 * @param seed         the seed of the latent points (the same seed gives the same samples)
 * @param exampleShape the shape each row flattens
 */
public record Samples(long modelId, long seed, long[] exampleShape, float[][] samples) {}
