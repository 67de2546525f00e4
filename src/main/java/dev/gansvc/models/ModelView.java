package dev.gansvc.models;

import java.time.Instant;

/** A trained model as the API shows it. */
/**
 * @param exampleShape the shape of one generated example: [channels, height, width] for images,
 *                     [features] for rows of numbers
 */
public record ModelView(long id, long jobId, String architecture, String dataset, int latentDim, long[] exampleShape,
        long generatorParameters, long discriminatorParameters, long iterations, long artifactSizeBytes,
        String artifactSha256, Instant createdAt) {
}
