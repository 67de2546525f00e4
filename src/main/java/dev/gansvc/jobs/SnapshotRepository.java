package dev.gansvc.jobs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Per-epoch sample grids; listing them never reads the PNG bytes. */
@Repository
public class SnapshotRepository {

    private final JdbcTemplate jdbc;

    public SnapshotRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param quality the quality measured at the epoch's end (JSON), or null when it was not measured */
    public void insert(long jobId, int epoch, long iteration, byte[] png, String quality, Instant createdAt) {
        jdbc.update(
                "INSERT INTO snapshots (job_id, epoch, iteration, png, quality, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                jobId,
                epoch,
                iteration,
                png,
                quality,
                Timestamp.from(createdAt));
    }

    /** The quality measured at the ends of epochs, in epoch order. */
    public List<QualityPoint> qualities(long jobId) {
        return jdbc.query(
                "SELECT epoch, iteration, quality FROM snapshots WHERE job_id = ? AND quality IS NOT NULL ORDER BY epoch",
                (rs, n) -> new QualityPoint(rs.getInt(1), rs.getLong(2), rs.getString(3)),
                jobId);
    }

    /** The grids taken after epoch {@code afterEpoch} (0 for all), in epoch order. */
    public List<Snapshot> list(long jobId, int afterEpoch) {
        return jdbc.query(
                "SELECT epoch, iteration, created_at, quality FROM snapshots WHERE job_id = ? AND epoch > ? ORDER BY epoch",
                (rs, n) -> new Snapshot(
                        rs.getInt(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4)),
                jobId,
                afterEpoch);
    }

    public Optional<byte[]> png(long jobId, int epoch) {
        return jdbc
                .query(
                        "SELECT png FROM snapshots WHERE job_id = ? AND epoch = ?",
                        (rs, n) -> rs.getBytes(1),
                        jobId,
                        epoch)
                .stream()
                .findFirst();
    }

    /** Drops every grid of a job that is being deleted. */
    public void deleteAll(long jobId) {
        jdbc.update("DELETE FROM snapshots WHERE job_id = ?", jobId);
    }

    public void deleteAfter(long jobId, long iteration) {
        jdbc.update("DELETE FROM snapshots WHERE job_id = ? AND iteration > ?", jobId, iteration);
    }
}
