package dev.gansvc.models;

import java.time.Instant;
import java.util.Map;

/**
 * A trained model as the API shows it.
 *
 * @param exampleShape the shape of one generated example: [channels, height, width] for images,
 *                     [features] for rows of numbers
 * @param classCount   classes a conditional model generates on request (0: unconditional)
 * @param parameters   parameter count of each of its networks, by name
 */
public record ModelView(
        long id,
        long jobId,
        String architecture,
        String dataset,
        int latentDim,
        long[] exampleShape,
        int classCount,
        Map<String, Long> parameters,
        long iterations,
        long artifactSizeBytes,
        String artifactSha256,
        Instant createdAt) {}
