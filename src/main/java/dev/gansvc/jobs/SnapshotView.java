package dev.gansvc.jobs;

import java.time.Instant;

public record SnapshotView(int epoch, long iteration, Instant createdAt, String url) {}
