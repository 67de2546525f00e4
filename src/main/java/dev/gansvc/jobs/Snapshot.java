package dev.gansvc.jobs;

import java.time.Instant;

/** A sample grid taken at the end of an epoch (without its image bytes). */
public record Snapshot(int epoch, long iteration, Instant createdAt) {}
