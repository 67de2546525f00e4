package dev.gansvc.jobs;

import dev.gansvc.engine.gan.LossPoint;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Loss points, written in JDBC batches while training (one round trip per flush, not per step). */
@Repository
public class LossPointRepository {

    private static final RowMapper<LossPoint> ROW = (rs, n) -> new LossPoint(rs.getLong("iteration"),
            rs.getInt("epoch"), rs.getDouble("d_loss"), rs.getDouble("g_loss"), rs.getDouble("d_real"),
            rs.getDouble("d_fake"));

    private final JdbcTemplate jdbc;

    public LossPointRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAll(long jobId, List<LossPoint> points) {
        jdbc.batchUpdate("""
                INSERT INTO loss_points (job_id, iteration, epoch, d_loss, g_loss, d_real, d_fake)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", points, 500, (ps, p) -> {
            ps.setLong(1, jobId);
            ps.setLong(2, p.iteration());
            ps.setInt(3, p.epoch());
            ps.setDouble(4, p.dLoss());
            ps.setDouble(5, p.gLoss());
            ps.setDouble(6, p.dReal());
            ps.setDouble(7, p.dFake());
        });
    }

    /** Points with {@code from <= iteration <= to}, in order. */
    public List<LossPoint> find(long jobId, long from, long to) {
        return jdbc.query("""
                SELECT iteration, epoch, d_loss, g_loss, d_real, d_fake FROM loss_points
                 WHERE job_id = ? AND iteration BETWEEN ? AND ? ORDER BY iteration""", ROW, jobId, from, to);
    }

    /** Drops points past a checkpoint, which a resumed run records again. */
    public void deleteAfter(long jobId, long iteration) {
        jdbc.update("DELETE FROM loss_points WHERE job_id = ? AND iteration > ?", jobId, iteration);
    }
}
