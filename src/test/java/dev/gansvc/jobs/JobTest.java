package dev.gansvc.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The life cycle of a job and the guards on each of its moves, without a database. */
class JobTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration STALE_AFTER = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 3;

    @Test
    void claimTakesOnlyAQueuedJobAndCountsTheAttempt() {
        Job job = queued(1);
        assertThat(job.claim("w1", T0)).isTrue();
        assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.getWorker()).isEqualTo("w1");
        assertThat(job.getHeartbeatAt()).isEqualTo(T0);
        assertThat(job.getStartedAt()).isEqualTo(T0);
        assertThat(job.getAttempts()).isEqualTo(1);
        assertThat(job.lease()).isEqualTo(new JobLease(1, "w1", 1));

        assertThat(job.claim("w2", T0.plusSeconds(1))).as("already running").isFalse();
        assertThat(job.getWorker()).isEqualTo("w1");
        assertThat(job.getAttempts()).isEqualTo(1);
        assertThat(job.getHeartbeatAt()).isEqualTo(T0);

        Job cancelled = queued(2);
        cancelled.cancel(T0);
        assertThat(cancelled.claim("w1", T0)).as("cancelled").isFalse();
        assertThat(cancelled.getStatus()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.getStartedAt()).isNull();
    }

    @Test
    void onlyARunningJobHasALease() {
        assertThatThrownBy(() -> queued(1).lease()).isInstanceOf(IllegalStateException.class);
        Job job = running(1, "w1");
        job.succeed(job.lease(), 7, null, T0);
        assertThatThrownBy(job::lease).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void progressAndHeartbeatComeOnlyFromTheHolderWhileItRuns() {
        Job job = running(1, "w1");
        JobLease holder = job.lease();
        Instant later = T0.plusSeconds(5);

        assertThat(job.reportProgress(new JobLease(1, "w2", 1), 5, 1, 10.0, later))
                .as("another worker")
                .isFalse();
        assertThat(job.reportProgress(new JobLease(2, "w1", 1), 5, 1, 10.0, later))
                .as("a lease on another job")
                .isFalse();
        assertThat(job.holdBy(new JobLease(1, "w2", 1), later)).isFalse();
        assertThat(job.getIteration()).isZero();
        assertThat(job.getHeartbeatAt()).isEqualTo(T0);

        assertThat(job.holdBy(holder, later)).isTrue();
        assertThat(job.getHeartbeatAt()).isEqualTo(later);
        assertThat(job.reportProgress(holder, 5, 1, 10.0, later.plusSeconds(1))).isTrue();
        assertThat(job.getIteration()).isEqualTo(5);
        assertThat(job.getEpoch()).isEqualTo(1);
        assertThat(job.getImagesPerSecond()).isEqualTo(10.0);
        assertThat(job.getHeartbeatAt()).as("progress renews the hold").isEqualTo(later.plusSeconds(1));

        job.fail(holder, "boom", later.plusSeconds(2));
        assertThat(job.reportProgress(holder, 6, 1, 10.0, later.plusSeconds(3)))
                .as("finished")
                .isFalse();
        assertThat(job.holdBy(holder, later.plusSeconds(3))).isFalse();
        assertThat(job.getIteration()).isEqualTo(5);
    }

    @Test
    void theHolderFinishesItsJobOnceAndOnlyOnce() {
        Job job = running(1, "w1");
        JobLease holder = job.lease();
        assertThat(job.succeed(new JobLease(1, "w2", 1), 7, "{}", T0))
                .as("another worker")
                .isFalse();
        assertThat(job.fail(new JobLease(1, "w2", 1), "no", T0)).isFalse();
        assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);

        Instant end = T0.plusSeconds(60);
        assertThat(job.succeed(holder, 7, "{\"mmd\":1}", end)).isTrue();
        assertThat(job.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.getModelId()).isEqualTo(7);
        assertThat(job.getQuality()).isEqualTo("{\"mmd\":1}");
        assertThat(job.getFinishedAt()).isEqualTo(end);
        assertThat(job.getHeartbeatAt()).isEqualTo(end);
        assertThat(job.getWorker()).isNull();

        assertThat(job.succeed(holder, 8, null, end.plusSeconds(1)))
                .as("finish only once")
                .isFalse();
        assertThat(job.fail(holder, "late", end.plusSeconds(1))).isFalse();
        assertThat(job.release(holder)).isFalse();
        assertThat(job.stopCancelled(holder, end.plusSeconds(1))).isFalse();
        assertThat(job.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.getModelId()).isEqualTo(7);
        assertThat(job.getFinishedAt()).isEqualTo(end);
        assertThat(job.getError()).isNull();
    }

    @Test
    void failureKeepsAsMuchOfTheErrorAsTheTableHolds() {
        Job job = running(1, "w1");
        assertThat(job.fail(job.lease(), "x".repeat(5000), T0)).isTrue();
        assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(job.getError()).hasSize(Job.MAX_ERROR_LENGTH).endsWith("...");
        assertThat(job.getWorker()).isNull();
        assertThat(job.getFinishedAt()).isEqualTo(T0);
    }

    @Test
    void cancellingAQueuedJobEndsItAtOnce() {
        Job job = queued(1);
        assertThat(job.cancel(T0)).isEqualTo(Job.Cancellation.CANCELLED);
        assertThat(job.getStatus()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.getFinishedAt()).isEqualTo(T0);
        assertThat(job.isCancelRequested()).isFalse();
        assertThat(job.cancel(T0.plusSeconds(1))).isEqualTo(Job.Cancellation.TOO_LATE);
        assertThat(job.getFinishedAt()).isEqualTo(T0);
    }

    @Test
    void cancellingARunningJobAsksItsWorkerWhichAloneRecordsIt() {
        Job job = running(1, "w1");
        JobLease holder = job.lease();
        assertThat(job.stopCancelled(holder, T0)).as("nobody asked").isFalse();
        assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);

        assertThat(job.cancel(T0)).isEqualTo(Job.Cancellation.REQUESTED);
        assertThat(job.getStatus()).as("still running until its worker stops").isEqualTo(JobStatus.RUNNING);
        assertThat(job.isCancelRequested()).isTrue();
        assertThat(job.getFinishedAt()).isNull();
        assertThat(job.cancel(T0)).as("asking again").isEqualTo(Job.Cancellation.REQUESTED);

        assertThat(job.stopCancelled(new JobLease(1, "w2", 1), T0))
                .as("another worker")
                .isFalse();
        assertThat(job.stopCancelled(holder, T0.plusSeconds(2))).isTrue();
        assertThat(job.getStatus()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.getFinishedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(job.getWorker()).isNull();
        assertThat(job.getModelId()).isNull();
        assertThat(job.cancel(T0.plusSeconds(3))).isEqualTo(Job.Cancellation.TOO_LATE);
    }

    @Test
    void theHolderReleasesItsJobAtShutdownWithoutUsingAnAttempt() {
        Job job = running(1, "w1");
        JobLease holder = job.lease();
        assertThat(job.release(new JobLease(1, "w2", 1))).isFalse();
        assertThat(job.release(holder)).isTrue();
        assertThat(job.getStatus()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.getWorker()).isNull();
        assertThat(job.getAttempts()).isZero();
        assertThat(job.release(holder)).as("released already").isFalse();
        assertThat(job.getAttempts()).isZero();

        assertThat(job.claim("w2", T0.plusSeconds(60))).isTrue();
        assertThat(job.getStartedAt()).as("started at the first claim").isEqualTo(T0);
        assertThat(job.getAttempts()).isEqualTo(1);
        assertThat(job.reportProgress(holder, 1, 1, null, T0.plusSeconds(61)))
                .as("the old lease")
                .isFalse();
    }

    @Test
    void everyClaimFencesOffTheLeasesBeforeIt() {
        Job job = running(1, "w1");
        JobLease first = job.lease();
        assertThat(job.release(first)).isTrue();
        assertThat(job.claim("w1", T0.plusSeconds(60)))
                .as("the same worker name again")
                .isTrue();
        JobLease second = job.lease();

        assertThat(second.claim()).isEqualTo(first.claim() + 1);
        assertThat(job.holdBy(first, T0.plusSeconds(61)))
                .as("a worker paused past its lease")
                .isFalse();
        assertThat(job.reportProgress(first, 5, 1, null, T0.plusSeconds(61))).isFalse();
        assertThat(job.fail(first, "woke up", T0.plusSeconds(61))).isFalse();
        assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.holdBy(second, T0.plusSeconds(61))).isTrue();
    }

    @Test
    void aStaleJobGoesBackToTheQueueWhileAttemptsAreLeftThenFails() {
        Job job = running(1, "w1");
        JobLease first = job.lease();
        Instant now = T0.plus(STALE_AFTER);
        assertThat(job.reclaimIfStale(now.minus(STALE_AFTER), MAX_ATTEMPTS, now))
                .as("reported at the cutoff")
                .isEqualTo(Job.Reclaim.NONE);
        assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.getWorker()).isEqualTo("w1");

        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            now = now.plus(STALE_AFTER).plusSeconds(1);
            assertThat(job.reclaimIfStale(now.minus(STALE_AFTER), MAX_ATTEMPTS, now))
                    .isEqualTo(Job.Reclaim.REQUEUED);
            assertThat(job.getStatus()).isEqualTo(JobStatus.QUEUED);
            assertThat(job.getWorker()).isNull();
            assertThat(job.getAttempts()).isEqualTo(attempt);
            assertThat(job.reclaimIfStale(now.plusSeconds(3600), MAX_ATTEMPTS, now))
                    .as("queued, not running")
                    .isEqualTo(Job.Reclaim.NONE);
            assertThat(job.claim("w" + (attempt + 1), now)).isTrue();
        }
        assertThat(job.reportProgress(first, 9, 1, null, now))
                .as("the first worker lost it")
                .isFalse();
        assertThat(job.getAttempts()).isEqualTo(MAX_ATTEMPTS);

        now = now.plus(STALE_AFTER).plusSeconds(1);
        assertThat(job.reclaimIfStale(now.minus(STALE_AFTER), MAX_ATTEMPTS, now))
                .isEqualTo(Job.Reclaim.GAVE_UP);
        assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(job.getError())
                .isEqualTo("training was interrupted 3 times (its worker stopped reporting); giving up");
        assertThat(job.getFinishedAt()).isEqualTo(now);
        assertThat(job.getWorker()).isNull();
        assertThat(job.reclaimIfStale(now.plusSeconds(3600), MAX_ATTEMPTS, now)).isEqualTo(Job.Reclaim.NONE);
    }

    @Test
    void aRunningJobWithoutAHeartbeatIsStale() throws Exception {
        Job job = running(1, "w1");
        set(job, "heartbeatAt", null);
        assertThat(job.isStale(T0.minusSeconds(3600))).isTrue();
        assertThat(job.reclaimIfStale(T0.minusSeconds(3600), MAX_ATTEMPTS, T0)).isEqualTo(Job.Reclaim.REQUEUED);
    }

    @Test
    void aRestartedInstanceTakesBackOnlyItsOwnRunningJobsCountingTheAttempt() {
        Job own = running(1, "host:8080/worker-0@cpu");
        assertThat(own.reclaimFromPreviousRun("host:8080/", MAX_ATTEMPTS, T0.plusSeconds(1)))
                .as("fresh heartbeat or not: that run is gone")
                .isEqualTo(Job.Reclaim.REQUEUED);
        assertThat(own.getStatus()).isEqualTo(JobStatus.QUEUED);
        assertThat(own.getWorker()).isNull();
        assertThat(own.getAttempts()).as("the crashed run counts").isEqualTo(1);

        Job other = running(2, "host:80801/worker-0@cpu");
        assertThat(other.reclaimFromPreviousRun("host:8080/", MAX_ATTEMPTS, T0))
                .as("another instance's")
                .isEqualTo(Job.Reclaim.NONE);
        assertThat(other.reclaimFromPreviousRun("", MAX_ATTEMPTS, T0)).isEqualTo(Job.Reclaim.NONE);
        assertThat(other.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(other.getWorker()).isEqualTo("host:80801/worker-0@cpu");
        assertThat(queued(3).reclaimFromPreviousRun("host:8080/", MAX_ATTEMPTS, T0))
                .isEqualTo(Job.Reclaim.NONE);

        Job crashing = running(4, "host:8080/worker-0@cpu");
        for (int i = 1; i < MAX_ATTEMPTS; i++) {
            crashing.reclaimFromPreviousRun("host:8080/", MAX_ATTEMPTS, T0);
            crashing.claim("host:8080/worker-0@cpu", T0);
        }
        assertThat(crashing.reclaimFromPreviousRun("host:8080/", MAX_ATTEMPTS, T0.plusSeconds(5)))
                .as("it brought its instance down every time")
                .isEqualTo(Job.Reclaim.GAVE_UP);
        assertThat(crashing.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(crashing.getError())
                .isEqualTo("training was interrupted 3 times (its instance stopped while running it); giving up");
        assertThat(crashing.getFinishedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void onlyTheseMovesExist() {
        assertThat(JobStatus.QUEUED.canBecome(JobStatus.RUNNING)).isTrue();
        assertThat(JobStatus.QUEUED.canBecome(JobStatus.CANCELLED)).isTrue();
        assertThat(JobStatus.QUEUED.canBecome(JobStatus.SUCCEEDED)).isFalse();
        assertThat(JobStatus.QUEUED.canBecome(JobStatus.FAILED)).isFalse();
        assertThat(JobStatus.QUEUED.canBecome(JobStatus.QUEUED)).isFalse();
        for (JobStatus next : JobStatus.values()) {
            assertThat(JobStatus.RUNNING.canBecome(next))
                    .as("RUNNING -> " + next)
                    .isEqualTo(next != JobStatus.RUNNING);
            assertThat(JobStatus.SUCCEEDED.canBecome(next))
                    .as("SUCCEEDED -> " + next)
                    .isFalse();
            for (JobStatus end : new JobStatus[] {JobStatus.FAILED, JobStatus.CANCELLED}) {
                assertThat(end.canBecome(next)).as(end + " -> " + next).isEqualTo(next == JobStatus.QUEUED);
            }
        }
    }

    @Test
    void aFailedJobIsRetriedAfreshFromTheQueue() throws Exception {
        Job job = running(1, "w1");
        JobLease first = job.lease();
        Instant now = T0;
        for (int i = 1; i < MAX_ATTEMPTS; i++) {
            now = now.plus(STALE_AFTER).plusSeconds(1);
            job.reclaimIfStale(now.minus(STALE_AFTER), MAX_ATTEMPTS, now);
            job.claim("w1", now);
        }
        assertThat(job.fail(job.lease(), "boom", now)).isTrue();
        assertThat(job.getAttempts()).isEqualTo(MAX_ATTEMPTS);

        assertThat(job.retry()).isTrue();
        assertThat(job.getStatus()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.getError()).isNull();
        assertThat(job.getFinishedAt()).isNull();
        assertThat(job.getWorker()).isNull();
        assertThat(job.getAttempts()).as("max-attempts applies afresh").isZero();
        assertThat(job.getStartedAt()).as("history kept").isEqualTo(T0);
        assertThat(job.retry()).as("already queued").isFalse();

        assertThat(job.claim("w2", now.plusSeconds(1))).isTrue();
        assertThat(job.getAttempts()).isEqualTo(1);
        assertThat(job.lease().claim()).as("a new fencing token").isEqualTo(MAX_ATTEMPTS + 1);
        assertThat(job.holdBy(first, now))
                .as("the first claim's lease holds nothing")
                .isFalse();
    }

    @Test
    void aCancelledJobIsRetriedWithoutItsCancelFlag() {
        Job running = running(1, "w1");
        assertThat(running.cancel(T0)).isEqualTo(Job.Cancellation.REQUESTED);
        assertThat(running.stopCancelled(running.lease(), T0.plusSeconds(1))).isTrue();
        assertThat(running.retry()).isTrue();
        assertThat(running.getStatus()).isEqualTo(JobStatus.QUEUED);
        assertThat(running.isCancelRequested()).as("else it would stop at once").isFalse();
        assertThat(running.getFinishedAt()).isNull();

        Job queued = queued(2);
        queued.cancel(T0);
        assertThat(queued.retry()).isTrue();
        assertThat(queued.getStatus()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void onlyAFailedOrCancelledJobIsRetried() {
        assertThat(queued(1).retry()).as("queued").isFalse();
        Job running = running(2, "w1");
        assertThat(running.retry()).as("running").isFalse();
        assertThat(running.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.getWorker()).isEqualTo("w1");
        Job succeeded = running(3, "w1");
        succeeded.succeed(succeeded.lease(), 7, null, T0);
        assertThat(succeeded.retry()).as("succeeded").isFalse();
        assertThat(succeeded.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(succeeded.getModelId()).isEqualTo(7);
    }

    private static Job queued(long id) {
        Job job = new Job("dcgan", "mnist", "{}", 100, T0.minusSeconds(60));
        try {
            set(job, "id", id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return job;
    }

    private static Job running(long id, String worker) {
        Job job = queued(id);
        assertThat(job.claim(worker, T0)).isTrue();
        return job;
    }

    /** Sets what only the database sets (the id), or what only time would (a missing heartbeat). */
    private static void set(Job job, String field, Object value) throws ReflectiveOperationException {
        Field f = Job.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(job, value);
    }
}
