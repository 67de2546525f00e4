package dev.gansvc.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.training.CheckpointRepository;
import dev.gansvc.training.CheckpointStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@link JobTransitions} guarantees on a real database, whichever it is (H2 and PostgreSQL
 * run these): one claim wins, a lease taken over writes nothing, the two threads of one worker
 * do not fence each other out, and a move that waited for another's lock sees its outcome.
 * Every test leaves its jobs finished, out of the way of workers of other test contexts that
 * share the database.
 */
abstract class JobTransitionsContract {

    @Autowired
    JobRepository jobs;

    @Autowired
    JobTransitions transitions;

    @Autowired
    CheckpointStore checkpoints;

    @Autowired
    CheckpointRepository checkpointRows;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    LossPointRepository lossPoints;

    @Autowired
    SnapshotRepository snapshots;

    @Test
    void concurrentClaimsGiveEachJobToExactlyOneWorker() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(newJob());
        }
        Map<Long, JobLease> leases = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String worker = "worker-" + w;
                workers.add(() -> {
                    int won = 0;
                    for (long id : ids) {
                        Optional<JobLease> lease = transitions.claim(id, worker, Instant.now());
                        if (lease.isPresent()) {
                            won++;
                            assertThat(leases.put(id, lease.get()))
                                    .as("claimed twice: job " + id)
                                    .isNull();
                        }
                    }
                    return won;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(workers)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(ids.size());
        } finally {
            pool.shutdownNow();
        }
        for (long id : ids) {
            Job job = jobs.findById(id).orElseThrow();
            JobLease lease = leases.get(id);
            assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);
            assertThat(job.getAttempts()).isEqualTo(1);
            assertThat(job.getWorker()).isEqualTo(lease.worker());
            assertThat(transitions.reportProgress(
                            new JobLease(id, "someone-else", 1), List.of(), 5, 1, 10.0, Instant.now()))
                    .as("fenced")
                    .isFalse();
            assertThat(transitions.reportProgress(lease, List.of(), 5, 1, 10.0, Instant.now()))
                    .isTrue();
            assertThat(transitions.cancel(id, Instant.now())).hasValue(Job.Cancellation.REQUESTED);
            assertThat(transitions.stopCancelled(lease, Instant.now())).isTrue();
            assertThat(jobs.findById(id).orElseThrow().getStatus()).isEqualTo(JobStatus.CANCELLED);
        }
    }

    @Test
    void aWorkerWhoseJobWasTakenBackAndClaimedElsewhereWritesNothing() {
        long id = newJob();
        Instant claimed = Instant.now();
        JobLease old = transitions.claim(id, "old", claimed).orElseThrow();
        Instant later = claimed.plusSeconds(60);
        assertThat(transitions.reclaimIfStale(id, claimed.minusSeconds(1), 3, later))
                .as("not stale yet")
                .isEqualTo(Job.Reclaim.NONE);
        assertThat(transitions.reclaimIfStale(id, later, 3, later)).isEqualTo(Job.Reclaim.REQUEUED);
        JobLease current = transitions.claim(id, "new", later).orElseThrow();

        assertThat(transitions.holdBy(old, later)).isFalse();
        assertThat(transitions.reportProgress(old, List.of(), 9, 2, 1.0, later)).isFalse();
        assertThat(transitions.release(old)).isFalse();
        assertThat(transitions.stopCancelled(old, later)).isFalse();
        assertThat(transitions.succeed(old, 1, "{}", later)).isFalse();
        assertThat(checkpoints.fail(old, "old worker failed")).isFalse();
        assertThatThrownBy(() -> checkpoints.save(old, 9, 2, new byte[] {1, 2, 3}))
                .hasMessageContaining("no longer owned");
        assertThat(checkpointRows.existsById(id))
                .as("no checkpoint from the old worker")
                .isFalse();

        assertThat(transitions.reportProgress(current, List.of(), 3, 1, 2.0, later))
                .isTrue();
        checkpoints.save(current, 3, 1, new byte[] {4, 5, 6});
        assertThat(checkpointRows.findById(id).orElseThrow().getIteration()).isEqualTo(3);
        assertThat(checkpoints.fail(old, "old worker failed"))
                .as("the new holder's checkpoint is safe")
                .isFalse();
        assertThat(checkpointRows.existsById(id)).isTrue();

        Job job = jobs.findById(id).orElseThrow();
        assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.getWorker()).isEqualTo("new");
        assertThat(job.getAttempts()).isEqualTo(2);
        assertThat(job.getIteration()).isEqualTo(3);
        assertThat(job.getError()).isNull();

        assertThat(checkpoints.fail(current, "done with this test")).isTrue();
        assertThat(checkpointRows.existsById(id)).as("kept for a retry").isTrue();
        assertThat(jobs.findById(id).orElseThrow().getStatus()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aRestartedInstanceTakesBackOnlyTheJobsOfItsOwnName() {
        long own = newJob();
        long other = newJob();
        Instant now = Instant.now();
        String instance = "restart-" + own + "/";
        JobLease old = transitions.claim(own, instance + "worker-0@cpu", now).orElseThrow();
        transitions.claim(other, "restart-" + own + "0/worker-0@cpu", now).orElseThrow();

        assertThat(jobs.findRunningIdsByWorkerPrefix(instance)).contains(own);
        assertThat(transitions.reclaimFromPreviousRun(other, instance, 3, now)).isEqualTo(Job.Reclaim.NONE);
        assertThat(transitions.reclaimFromPreviousRun(own, instance, 3, now)).isEqualTo(Job.Reclaim.REQUEUED);
        assertThat(jobs.findRunningIdsByWorkerPrefix(instance)).doesNotContain(own, other);

        JobLease current =
                transitions.claim(own, instance + "worker-0@cpu", now).orElseThrow();
        assertThat(transitions.holdBy(old, now))
                .as("the previous run's lease, same name")
                .isFalse();
        assertThat(transitions.holdBy(current, now)).isTrue();
        assertThat(jobs.findById(own).orElseThrow().getAttempts()).isEqualTo(2);
        assertThat(jobs.findById(other).orElseThrow().getStatus()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aWorkerPausedPastItsLeaseWritesNothingEvenUnderTheSameName() {
        long id = newJob();
        Instant claimed = Instant.now();
        // A restarted instance may give its worker the name the paused one had.
        JobLease paused = transitions.claim(id, "host/worker-0", claimed).orElseThrow();
        assertThat(transitions.reportProgress(paused, points(1, 2), 2, 1, 1.0, claimed))
                .isTrue();
        Instant later = claimed.plusSeconds(60);
        assertThat(transitions.reclaimIfStale(id, later, 3, later)).isEqualTo(Job.Reclaim.REQUEUED);
        JobLease current = transitions.claim(id, "host/worker-0", later).orElseThrow();
        assertThat(transitions.resumeAt(current, 0, later))
                .as("starts over: no checkpoint")
                .isTrue();

        // The paused worker wakes up and goes on writing where it was.
        assertThat(transitions.reportProgress(paused, points(3, 4), 4, 1, 1.0, later))
                .isFalse();
        assertThat(transitions.recordSnapshot(paused, 1, 4, new byte[] {1}, null, later))
                .isFalse();
        assertThat(transitions.resumeAt(paused, 0, later)).isFalse();
        assertThat(transitions.holdBy(paused, later)).isFalse();
        assertThatThrownBy(() -> checkpoints.save(paused, 4, 1, new byte[] {2}))
                .hasMessageContaining("no longer owned");
        assertThat(checkpoints.fail(paused, "woke up")).isFalse();

        assertThat(lossPoints.find(id, 0, Long.MAX_VALUE, LossPointRepository.MAX_SERIES))
                .as("the paused worker's points went with the takeover, and it wrote no more")
                .isEmpty();
        assertThat(snapshots.list(id, 0)).isEmpty();
        assertThat(checkpointRows.existsById(id)).isFalse();
        assertThat(transitions.reportProgress(current, points(1, 2), 2, 1, 1.0, later))
                .isTrue();
        assertThat(lossPoints.find(id, 0, Long.MAX_VALUE, LossPointRepository.MAX_SERIES))
                .extracting(LossPoint::iteration)
                .containsExactly(1L, 2L);
        assertThat(jobs.findById(id).orElseThrow().getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(checkpoints.fail(current, "done with this test")).isTrue();
    }

    private static List<LossPoint> points(long from, long to) {
        List<LossPoint> points = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            points.add(new LossPoint(i, 1, new double[] {0.5, 0.7, 0.5, 0.5}));
        }
        return points;
    }

    @Test
    void theHeartbeatAndTheTrainingLoopOfOneWorkerNeverFenceEachOtherOut() throws Exception {
        long id = newJob();
        JobLease lease = transitions.claim(id, "busy", Instant.now()).orElseThrow();
        int rounds = 150;
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> heartbeat = threads.submit(() -> {
                go.await();
                int held = 0;
                for (int i = 0; i < rounds; i++) {
                    held += transitions.holdBy(lease, Instant.now()) ? 1 : 0;
                }
                return held;
            });
            Future<Integer> training = threads.submit(() -> {
                go.await();
                int reported = 0;
                for (int i = 1; i <= rounds; i++) {
                    reported += transitions.reportProgress(lease, List.of(), i, 1, 1.0, Instant.now()) ? 1 : 0;
                }
                return reported;
            });
            Future<Integer> saving = threads.submit(() -> {
                go.await();
                for (int i = 1; i <= 10; i++) {
                    checkpoints.save(lease, i, 1, new byte[] {(byte) i});
                }
                return 10;
            });
            go.countDown();
            assertThat(heartbeat.get(2, TimeUnit.MINUTES)).isEqualTo(rounds);
            assertThat(training.get(2, TimeUnit.MINUTES)).isEqualTo(rounds);
            assertThat(saving.get(2, TimeUnit.MINUTES)).isEqualTo(10);
        } finally {
            threads.shutdownNow();
        }
        Job job = jobs.findById(id).orElseThrow();
        assertThat(job.getIteration()).isEqualTo(rounds);
        assertThat(job.getWorker()).isEqualTo("busy");
        assertThat(checkpointRows.findById(id).orElseThrow().getIteration()).isEqualTo(10);
        assertThat(checkpoints.fail(lease, "done with this test")).isTrue();
    }

    @Test
    void aClaimSkipsAJobAnotherHoldsAndAMoveThatWaitedSeesTheOthersOutcome() throws Exception {
        long id = newJob();
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<JobLease> first = other.submit(() -> transaction.execute(status -> {
                Job job = jobs.lockById(id).orElseThrow();
                assertThat(job.claim("first", Instant.now())).isTrue();
                jobs.flush();
                locked.countDown();
                sleep(Duration.ofMillis(1500));
                return job.lease();
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            assertThat(transitions.claim(id, "second", Instant.now()))
                    .as("held by another claim")
                    .isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("without waiting for it")
                    .isLessThan(Duration.ofMillis(1000));

            // A cancel waits for the claim to commit, then sees a running job, not the queued one it was.
            assertThat(transitions.cancel(id, Instant.now())).hasValue(Job.Cancellation.REQUESTED);
            JobLease lease = first.get(30, TimeUnit.SECONDS);
            Job job = jobs.findById(id).orElseThrow();
            assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);
            assertThat(job.getWorker()).isEqualTo("first");
            assertThat(job.isCancelRequested()).isTrue();
            assertThat(transitions.stopCancelled(lease, Instant.now())).isTrue();
        } finally {
            other.shutdownNow();
        }
    }

    private long newJob() {
        return jobs.save(new Job("dcgan", "mnist", "{}", 10, Instant.now())).getId();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
