package dev.gansvc.jobs;

import dev.gansvc.engine.model.LossPoint;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Loss points, written in JDBC batches while training (one round trip per flush, not per step).
 * A point's values go to value_0, value_1, ... in the order of its model's loss series; NULL
 * stands for a value not measured at that step.
 */
@Repository
public class LossPointRepository {

    /** Value columns in the table; no model records more series. */
    public static final int MAX_SERIES = 6;

    private final JdbcTemplate jdbc;

    public LossPointRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAll(long jobId, List<LossPoint> points) {
        jdbc.batchUpdate("""
                INSERT INTO loss_values (job_id, iteration, epoch, value_0, value_1, value_2, value_3, value_4, value_5)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", points, 500, (ps, p) -> {
            ps.setLong(1, jobId);
            ps.setLong(2, p.iteration());
            ps.setInt(3, p.epoch());
            for (int i = 0; i < MAX_SERIES; i++) {
                if (i < p.values().length && Double.isFinite(p.value(i))) {
                    ps.setDouble(4 + i, p.value(i));
                } else {
                    ps.setNull(4 + i, Types.DOUBLE);
                }
            }
        });
    }

    /** Points with {@code from <= iteration <= to}, in order, each with its first {@code series} values. */
    public List<LossPoint> find(long jobId, long from, long to, int series) {
        return jdbc.query("""
                SELECT iteration, epoch, value_0, value_1, value_2, value_3, value_4, value_5 FROM loss_values
                 WHERE job_id = ? AND iteration BETWEEN ? AND ? ORDER BY iteration""", points(series), jobId, from, to);
    }

    /** The first {@code limit} points after iteration {@code after}, in order, as {@link #find}. */
    public List<LossPoint> findAfter(long jobId, long after, int series, int limit) {
        return jdbc.query("""
                SELECT iteration, epoch, value_0, value_1, value_2, value_3, value_4, value_5 FROM loss_values
                 WHERE job_id = ? AND iteration > ? ORDER BY iteration FETCH FIRST ? ROWS ONLY""", points(series), jobId, after, limit);
    }

    private static RowMapper<LossPoint> points(int series) {
        return (rs, n) -> {
            double[] values = new double[series];
            for (int i = 0; i < series; i++) {
                double v = rs.getDouble(3 + i);
                values[i] = rs.wasNull() ? Double.NaN : v;
            }
            return new LossPoint(rs.getLong("iteration"), rs.getInt("epoch"), values);
        };
    }

    /** Drops every point of a job that is being deleted. */
    public void deleteAll(long jobId) {
        jdbc.update("DELETE FROM loss_values WHERE job_id = ?", jobId);
    }

    /** Drops points past a checkpoint, which a resumed run records again. */
    public void deleteAfter(long jobId, long iteration) {
        jdbc.update("DELETE FROM loss_values WHERE job_id = ? AND iteration > ?", jobId, iteration);
    }
}
