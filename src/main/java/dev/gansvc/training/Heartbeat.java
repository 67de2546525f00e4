package dev.gansvc.training;

import dev.gansvc.jobs.JobLease;
import dev.gansvc.jobs.JobTransitions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews a worker's hold on its job from a timer for as long as the worker runs it, so that
 * only a worker that is gone (its instance crashed or was killed) goes stale: not one busy with
 * work that reports nothing for a while, such as a slow first step or measuring quality after
 * the last one (minutes for a conditional image model, whose classifier is trained then). The
 * stale-job reaper would otherwise hand the run to another worker to train again.
 */
final class Heartbeat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final ScheduledExecutorService timer;

    private Heartbeat(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Renews the hold every {@code interval}; tells {@code control} when the hold turns out to be lost. */
    static Heartbeat start(
            JobTransitions transitions, JobLease lease, Duration interval, Clock clock, JobControl control) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heartbeat-job-" + lease.jobId());
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, interval.toMillis());
        // A task that throws is never run again, so one failed write (the database restarting)
        // would silence the heartbeat for good: log it and try again at the next tick.
        timer.scheduleAtFixedRate(
                () -> {
                    try {
                        if (!transitions.holdBy(lease, clock.instant())) {
                            control.loseHold();
                        }
                    } catch (RuntimeException e) {
                        log.warn("job {}: heartbeat not written: {}", lease.jobId(), e.getMessage());
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
        return new Heartbeat(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
