package dev.gansvc.jobs;

import java.time.Instant;

/** A job as the API shows it. */
public record JobView(long id, JobStatus status, String model, String dataset, JobSpec spec, Progress progress,
        int attempts, Instant createdAt, Instant startedAt, Instant finishedAt, String error, Long modelId) {

    /**
     * @param epoch           the epoch the last reported step belonged to (1-based; 0 before the first)
     * @param imagesPerSecond real images consumed per second, recently
     * @param etaSeconds      estimated seconds to completion while running
     */
    public record Progress(long iteration, long totalIterations, int epoch, int totalEpochs, double percent,
            Double imagesPerSecond, Long etaSeconds) {
    }
}
