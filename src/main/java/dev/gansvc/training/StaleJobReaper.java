package dev.gansvc.training;

import dev.gansvc.GanProperties;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobTransitions;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Takes back RUNNING jobs whose worker stopped reporting (a crashed or killed instance): they
 * go back to the queue and resume from their checkpoint, or fail after too many attempts (keeping
 * the checkpoint, for a retry).
 */
@Component
public class StaleJobReaper {

    private static final Logger log = LoggerFactory.getLogger(StaleJobReaper.class);

    private final JobRepository jobs;
    private final JobTransitions transitions;
    private final GanProperties.Jobs settings;
    private final TaskScheduler scheduler;
    private final Clock clock;

    public StaleJobReaper(
            JobRepository jobs,
            JobTransitions transitions,
            GanProperties properties,
            TaskScheduler scheduler,
            Clock clock) {
        this.jobs = jobs;
        this.transitions = transitions;
        this.settings = properties.jobs();
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void schedule() {
        scheduler.scheduleWithFixedDelay(this::reap, settings.staleAfter().dividedBy(3));
    }

    void reap() {
        Instant cutoff = clock.instant().minus(settings.staleAfter());
        for (long id : jobs.findStaleIds(cutoff)) {
            switch (transitions.reclaimIfStale(id, cutoff, settings.maxAttempts(), clock.instant())) {
                case REQUEUED ->
                    log.warn("job {}: its worker stopped reporting; queued to resume from its last checkpoint", id);
                // Its checkpoint stays, for a retry to resume from.
                case GAVE_UP -> log.warn("job {}: interrupted too often; marked FAILED", id);
                case NONE -> {}
            }
        }
    }
}
