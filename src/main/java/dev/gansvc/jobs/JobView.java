package dev.gansvc.jobs;

import dev.gansvc.engine.quality.QualityReport;
import java.time.Instant;

/**
 * A job as the API shows it.
 *
 * @param quality     sample-quality figures measured when the job succeeded (absent before, and for
 *                    data without an applicable measure)
 * @param submittedBy the id of the API key that submitted the job; null in open mode
 */
public record JobView(
        long id,
        JobStatus status,
        String model,
        String dataset,
        JobSpec spec,
        Progress progress,
        int attempts,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String error,
        Long modelId,
        QualityReport quality,
        Long submittedBy) {

    /**
     * @param epoch           the epoch the last reported step belonged to (1-based; 0 before the first)
     * @param imagesPerSecond real images consumed per second, recently
     * @param stepsPerSecond  training steps per second, recently (while running)
     * @param etaSeconds      estimated seconds to completion while running
     */
    public record Progress(
            long iteration,
            long totalIterations,
            int epoch,
            int totalEpochs,
            double percent,
            Double imagesPerSecond,
            Double stepsPerSecond,
            Long etaSeconds) {}
}
