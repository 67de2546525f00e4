package dev.gansvc.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The jobs on the database, for Prometheus: {@code gan.jobs} by status (its {@code queued} series
 * is the queue's length) and the age of the longest-waiting queued job. Every instance sharing
 * the database reports the same figures. Read at most once per {@link #MAX_AGE}, so that
 * scrapes, however frequent, cost one query each period.
 */
@Component
class JobGauges {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final JobRepository jobs;
    private final Clock clock;
    private Counts counts;

    JobGauges(JobRepository jobs, MeterRegistry registry, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("gan.jobs", this, g -> g.counts().byStatus().getOrDefault(status, 0L))
                    .description("Jobs on the database by status; status=queued is the queue's length")
                    .tag("status", status.name().toLowerCase())
                    .register(registry);
        }
        Gauge.builder("gan.jobs.queue.oldest", this, g -> g.counts().oldestQueuedSeconds())
                .description("How long the longest-waiting queued job has waited; 0 when none is queued")
                .baseUnit("seconds")
                .register(registry);
    }

    private synchronized Counts counts() {
        Instant now = clock.instant();
        if (counts == null || counts.readAt().plus(MAX_AGE).isBefore(now)) {
            Map<JobStatus, Long> byStatus = new EnumMap<>(JobStatus.class);
            for (Object[] row : jobs.countByStatus()) {
                byStatus.put((JobStatus) row[0], (Long) row[1]);
            }
            Instant oldest = jobs.oldestQueuedAt();
            double waited = oldest == null
                    ? 0
                    : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
            counts = new Counts(now, byStatus, waited);
        }
        return counts;
    }

    private record Counts(Instant readAt, Map<JobStatus, Long> byStatus, double oldestQueuedSeconds) {}
}
