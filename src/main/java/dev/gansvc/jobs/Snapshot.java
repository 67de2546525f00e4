package dev.gansvc.jobs;

import java.time.Instant;

/**
 * A sample grid taken at the end of an epoch (without its image bytes).
 *
 * @param quality the quality measured then, as JSON; null when it was not measured
 */
public record Snapshot(int epoch, long iteration, Instant createdAt, String quality) {}
