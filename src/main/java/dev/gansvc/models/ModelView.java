package dev.gansvc.models;

import java.time.Instant;
import java.util.Map;

/**
 * A trained model as the API shows it.
 *
 * @param jobId        the job that trained it; null for a model imported from another instance
 * @param dataset      what it was trained on; null for an imported model whose importer named none
 * @param exampleShape the shape of one generated example: [channels, height, width] for images,
 *                     [features] for rows of numbers
 * @param classCount   classes a conditional model generates on request (0: unconditional)
 * @param parameters   parameter count of each of its networks, by name
 */
public record ModelView(
        long id,
        Long jobId,
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
