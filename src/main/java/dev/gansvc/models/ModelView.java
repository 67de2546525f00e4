package dev.gansvc.models;

import java.time.Instant;

/** A trained model as the API shows it. */
public record ModelView(long id, long jobId, String architecture, String dataset, int latentDim, ImageShape imageShape,
        long generatorParameters, long discriminatorParameters, long iterations, long artifactSizeBytes,
        String artifactSha256, Instant createdAt) {

    public record ImageShape(int channels, int height, int width) {
    }
}
