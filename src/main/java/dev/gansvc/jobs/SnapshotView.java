package dev.gansvc.jobs;

import java.time.Instant;

public record SnapshotView(int epoch, long iteration, Instant createdAt, String url) {

    public static SnapshotView of(long jobId, Snapshot snapshot) {
        return new SnapshotView(
                snapshot.epoch(),
                snapshot.iteration(),
                snapshot.createdAt(),
                "/jobs/" + jobId + "/snapshots/" + snapshot.epoch() + ".png");
    }
}
