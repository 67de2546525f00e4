package dev.gansvc.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gansvc.GanProperties;
import dev.gansvc.datasets.ClassClassifiers;
import dev.gansvc.datasets.DatasetCatalog;
import dev.gansvc.datasets.DigitClassifiers;
import dev.gansvc.engine.classify.ImageClassifier;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.jobs.Job;
import dev.gansvc.jobs.JobLease;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobService;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.jobs.JobTransitions;
import dev.gansvc.jobs.LossPointRepository;
import dev.gansvc.jobs.SnapshotRepository;
import dev.gansvc.models.ModelService;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.Requests;
import dev.gansvc.web.ConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing finished is lost, whichever phase of a job the process dies in: mid-epoch, at an
 * epoch's end, after the last step, while the quality is measured, while the model is stored.
 * Each test runs a job on a worker whose process "dies" at that phase (an {@link Error} no code
 * catches, thrown from the store it writes to, so that the job stays RUNNING under a worker that
 * is gone, with what had been committed), then takes it back as the restarted instance would and
 * runs it to the end: it resumes from the last checkpoint, succeeds, records every step exactly
 * once and stores the model once; after the last step, no step is trained again.
 *
 * <p>3 epochs of 2 steps of 64 on a 160-digit mnist-small; the workers are off, the test drives {@link JobExecutor}.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:crash-recovery;DB_CLOSE_DELAY=-1",
            "gan.workers.enabled=false",
            // Every step reports its loss point (and the job's progress) at once.
            "gan.jobs.heartbeat-interval=100ms",
            // No digit classifier to train for the quality report: this is about the phases.
            "gan.datasets.mnist-small.digits=false",
            // 2 steps an epoch at batch 64 (144 training examples)
            "gan.datasets.mnist-small.limit=160"
        })
class CrashRecoveryTest {

    @Autowired
    ModelService models;

    @Autowired
    private TrainingMeters meters;

    private static final long TOTAL = 6;

    /** The process dies here: nothing catches it, nothing after it runs. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    @Autowired
    JobService jobService;

    @Autowired
    JobRepository jobs;

    @Autowired
    JobTransitions transitions;

    @Autowired
    DatasetCatalog datasets;

    @Autowired
    DigitClassifiers digitClassifiers;

    @Autowired
    ClassClassifiers classClassifiers;

    @Autowired
    CheckpointStore checkpoints;

    @Autowired
    CheckpointRepository checkpointRows;

    @Autowired
    GanProperties properties;

    @Autowired
    JsonMapper json;

    @Autowired
    ModelFamilies families;

    @Autowired
    Clock clock;

    @Autowired
    LossPointRepository lossPoints;

    @Autowired
    SnapshotRepository snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobExecutor executorBean;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void midEpoch() {
        // The first step of epoch 2 is recorded, then the process dies: the checkpoint is at 2.
        Recording dying = new Recording(transitions, it -> it == 3);
        long id = crash(dying, checkpoints, digitClassifiers);
        assertThat(dying.lastReported.get()).isEqualTo(3);
        assertThat(checkpointRows.findById(id).orElseThrow().getIteration()).isEqualTo(2);

        Recording restarted = restartAndFinish(id);
        assertThat(restarted.resumedAt.get()).isEqualTo(2);
        assertThat(restarted.stepsRecorded.get()).isEqualTo(4);
    }

    @Test
    void atAnEpochEnd() {
        // Epoch 2 ends: its loss points and sample grid are recorded, and the process dies as it
        // saves the checkpoint.
        CrashingCheckpoints dying = new CrashingCheckpoints(checkpoints) {
            @Override
            public void save(JobLease lease, long iteration, int epoch, byte[] artifact) {
                if (iteration == 4) {
                    throw new SimulatedCrash("saving the checkpoint at 4");
                }
                super.save(lease, iteration, epoch, artifact);
            }
        };
        long id = crash(new Recording(transitions, it -> false), dying, digitClassifiers);
        assertThat(checkpointRows.findById(id).orElseThrow().getIteration()).isEqualTo(2);
        assertThat(snapshots.list(id, 0)).extracting(s -> s.epoch()).containsExactly(1, 2);

        Recording restarted = restartAndFinish(id);
        assertThat(restarted.resumedAt.get()).isEqualTo(2);
        assertThat(restarted.stepsRecorded.get()).isEqualTo(4);
    }

    @Test
    void afterTheLastStep() {
        CrashingCheckpoints dying = new CrashingCheckpoints(checkpoints) {
            @Override
            public void save(JobLease lease, long iteration, int epoch, byte[] artifact) {
                super.save(lease, iteration, epoch, artifact);
                if (iteration == TOTAL) {
                    throw new SimulatedCrash("after the last step's checkpoint");
                }
            }
        };
        long id = crash(new Recording(transitions, it -> false), dying, digitClassifiers);
        assertResumesAtTheEnd(id);
    }

    @Test
    void whileTheQualityIsMeasured() {
        DigitClassifiers dying = new DigitClassifiers(datasets) {
            @Override
            public Optional<ImageClassifier> forDataset(String dataset) {
                throw new SimulatedCrash("while measuring the quality");
            }
        };
        long id = crash(new Recording(transitions, it -> false), checkpoints, dying);
        assertResumesAtTheEnd(id);
    }

    @Test
    void whileTheModelIsStored() {
        // The model, the job's success and the dropped checkpoint are written, not yet committed.
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CrashingCheckpoints dying = new CrashingCheckpoints(checkpoints) {
            @Override
            public long complete(
                    JobLease lease, String dataset, GenerativeModel model, byte[] artifact, String quality) {
                return transaction.execute(status -> {
                    super.complete(lease, dataset, model, artifact, quality);
                    throw new SimulatedCrash("before the stored model was committed");
                });
            }
        };
        long id = crash(new Recording(transitions, it -> false), dying, digitClassifiers);
        assertThat(jdbc.queryForObject("select count(*) from models where job_id = ?", Long.class, id))
                .isZero();
        assertResumesAtTheEnd(id);
    }

    @Test
    void aFailedJobRetriedResumesFromItsCheckpointKeepingItsHistory() {
        long id = jobService
                .submit(Requests.of("dcgan", "mnist-small", 3, 64, null, 11L))
                .id();
        JobLease lease = transitions.claim(id, "w1", clock.instant()).orElseThrow();
        Recording failing = new Recording(transitions, it -> false) {
            @Override
            public boolean reportProgress(
                    JobLease lease,
                    List<LossPoint> points,
                    long iteration,
                    int epoch,
                    Double imagesPerSecond,
                    Instant now) {
                boolean held = super.reportProgress(lease, points, iteration, epoch, imagesPerSecond, now);
                if (iteration == 3) {
                    throw new IllegalStateException("the disk is full");
                }
                return held;
            }
        };
        executor(failing, checkpoints, digitClassifiers).execute(lease, new JobControl());
        Job failed = jobs.findById(id).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.getError()).contains("the disk is full");
        assertThat(checkpointRows.findById(id).orElseThrow().getIteration())
                .as("kept for a retry")
                .isEqualTo(2);

        assertThat(jobService.retry(id).status()).isEqualTo(JobStatus.QUEUED);
        Job queued = jobs.findById(id).orElseThrow();
        assertThat(queued.getError()).isNull();
        assertThat(queued.getAttempts()).isZero();
        assertThat(lossPoints.find(id, 0, Long.MAX_VALUE, 4)).as("history kept").hasSize(3);

        JobLease retried = transitions.claim(id, "w2", clock.instant()).orElseThrow();
        Recording recording = new Recording(transitions, it -> false);
        executor(recording, checkpoints, digitClassifiers).execute(retried, new JobControl());
        assertThat(recording.resumedAt.get()).isEqualTo(2);
        assertSucceededWithEveryStepOnce(id);
        assertThat(jobs.findById(id).orElseThrow().getAttempts()).isEqualTo(1);

        assertThatThrownBy(() -> jobService.retry(id))
                .isInstanceOf(ConflictException.class)
                .hasMessage("job " + id + " is SUCCEEDED: only a FAILED or CANCELLED job can be retried");
    }

    @Test
    void aRestartedInstanceResumesTheJobsItsPreviousRunHeldBeforeAnyOther() {
        long older = jobService
                .submit(Requests.of("dcgan", "mnist-small", 3, 64, null, 11L))
                .id();
        long held = jobService
                .submit(Requests.of("dcgan", "mnist-small", 3, 64, null, 11L))
                .id();
        long elsewhere = jobService
                .submit(Requests.of("dcgan", "mnist-small", 3, 64, null, 11L))
                .id();
        // The previous run of instance "gan-7" held one, with a fresh heartbeat, when it was
        // killed; another instance holds another. The oldest waits in the queue.
        Instant now = clock.instant();
        transitions.claim(held, "gan-7/worker-0@cpu", now).orElseThrow();
        transitions.claim(elsewhere, "gan-77/worker-0@cpu", now).orElseThrow();
        // ...and keeps it alive for the rest of this test class: the reaper leaves it alone.
        jdbc.update(
                "UPDATE jobs SET heartbeat_at = ? WHERE id = ?",
                java.sql.Timestamp.from(now.plusSeconds(3600)),
                elsewhere);

        GanProperties restarted = new GanProperties(
                new GanProperties.Workers(true, 1, Duration.ofMillis(100), "gan-7"),
                properties.jobs(),
                properties.sampling(),
                properties.datasets(),
                properties.uploads(),
                properties.rates());
        WorkerPool pool = new WorkerPool(jobs, transitions, executorBean, restarted, meters, clock);
        pool.start();
        try {
            Job done = Jobs.awaitStatus(jobs, held, JobStatus.SUCCEEDED, Duration.ofMinutes(2));
            assertThat(done.getAttempts()).as("the killed run counts").isEqualTo(2);
            Job first = jobs.findById(older).orElseThrow();
            assertThat(first.getStartedAt() == null || !first.getStartedAt().isBefore(done.getFinishedAt()))
                    .as("the oldest queued job waited for it")
                    .isTrue();
        } finally {
            pool.stop();
        }
        assertSucceededWithEveryStepOnce(held);
        Job other = jobs.findById(elsewhere).orElseThrow();
        assertThat(other.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(other.getWorker()).as("not this instance's").isEqualTo("gan-77/worker-0@cpu");
    }

    private void assertResumesAtTheEnd(long id) {
        Job crashed = jobs.findById(id).orElseThrow();
        assertThat(crashed.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(crashed.getIteration()).isEqualTo(TOTAL);
        assertThat(checkpointRows.findById(id).orElseThrow().getIteration())
                .as("a checkpoint after the last step")
                .isEqualTo(TOTAL);

        Recording restarted = restartAndFinish(id);
        assertThat(restarted.resumedAt.get()).isEqualTo(TOTAL);
        assertThat(restarted.stepsRecorded.get()).as("no step trained again").isZero();
    }

    /** Submits a job and runs it on a worker that dies somewhere; the job is left RUNNING. */
    private long crash(Recording recording, CheckpointStore store, DigitClassifiers digits) {
        long id = jobService
                .submit(Requests.of("dcgan", "mnist-small", 3, 64, null, 11L))
                .id();
        JobLease lease = transitions
                .claim(id, "old-instance/worker-0@cpu", clock.instant())
                .orElseThrow();
        assertThatThrownBy(() -> executor(recording, store, digits).execute(lease, new JobControl()))
                .isInstanceOf(SimulatedCrash.class);
        return id;
    }

    /** Takes the job of the dead worker back and runs it to the end, as the restarted instance does. */
    private Recording restartAndFinish(long id) {
        Instant now = clock.instant();
        assertThat(transitions.reclaimIfStale(id, now.plusSeconds(3600), 3, now))
                .isEqualTo(Job.Reclaim.REQUEUED);
        JobLease lease = transitions.claim(id, "new-instance/worker-0@cpu", now).orElseThrow();
        Recording recording = new Recording(transitions, it -> false);
        executor(recording, checkpoints, digitClassifiers).execute(lease, new JobControl());
        assertSucceededWithEveryStepOnce(id);
        return recording;
    }

    private void assertSucceededWithEveryStepOnce(long id) {
        Job done = jobs.findById(id).orElseThrow();
        assertThat(done.getStatus()).as(String.valueOf(done.getError())).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.getIteration()).isEqualTo(TOTAL);
        List<LossPoint> points = lossPoints.find(id, 0, Long.MAX_VALUE, 4);
        assertThat(points)
                .extracting(LossPoint::iteration)
                .as("every step exactly once")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, TOTAL).boxed().toList());
        assertThat(snapshots.list(id, 0)).extracting(s -> s.epoch()).containsExactly(1, 2, 3);
        assertThat(jdbc.queryForObject("select count(*) from models where job_id = ?", Long.class, id))
                .as("stored once")
                .isEqualTo(1);
        assertThat(done.getModelId()).isNotNull();
        assertThat(checkpointRows.findById(id)).as("dropped once stored").isEmpty();
    }

    private JobExecutor executor(JobTransitions recording, CheckpointStore store, DigitClassifiers digits) {
        return new JobExecutor(
                jobService,
                jobs,
                recording,
                datasets,
                digits,
                classClassifiers,
                store,
                properties,
                json,
                families,
                meters,
                clock,
                models);
    }

    /** The worker's transitions, recording where it resumed and what it reported; dies after a report if asked. */
    static class Recording extends JobTransitions {

        private final JobTransitions real;
        private final LongPredicate dieAfterReportAt;
        final AtomicLong resumedAt = new AtomicLong(-1);
        final AtomicLong stepsRecorded = new AtomicLong();
        final AtomicLong lastReported = new AtomicLong(-1);

        Recording(JobTransitions real, LongPredicate dieAfterReportAt) {
            super(null, null, null);
            this.real = real;
            this.dieAfterReportAt = dieAfterReportAt;
        }

        @Override
        public Optional<JobLease> claim(long id, String worker, Instant now) {
            return real.claim(id, worker, now);
        }

        @Override
        public boolean holdBy(JobLease lease, Instant now) {
            return real.holdBy(lease, now);
        }

        @Override
        public boolean reportProgress(
                JobLease lease,
                List<LossPoint> points,
                long iteration,
                int epoch,
                Double imagesPerSecond,
                Instant now) {
            boolean held = real.reportProgress(lease, points, iteration, epoch, imagesPerSecond, now);
            stepsRecorded.addAndGet(points.size());
            lastReported.set(iteration);
            if (dieAfterReportAt.test(iteration)) {
                throw new SimulatedCrash("after reporting step " + iteration);
            }
            return held;
        }

        @Override
        public boolean recordSnapshot(
                JobLease lease, int epoch, long iteration, byte[] png, String quality, Instant now) {
            return real.recordSnapshot(lease, epoch, iteration, png, quality, now);
        }

        @Override
        public boolean resumeAt(JobLease lease, long iteration, Instant now) {
            resumedAt.set(iteration);
            return real.resumeAt(lease, iteration, now);
        }

        @Override
        public boolean succeed(JobLease lease, long modelId, String quality, Instant now) {
            return real.succeed(lease, modelId, quality, now);
        }

        @Override
        public boolean fail(JobLease lease, String error, Instant now) {
            return real.fail(lease, error, now);
        }

        @Override
        public boolean stopCancelled(JobLease lease, Instant now) {
            return real.stopCancelled(lease, now);
        }

        @Override
        public boolean release(JobLease lease) {
            return real.release(lease);
        }
    }

    /** The real store, for tests to override the write the process dies in. */
    static class CrashingCheckpoints extends CheckpointStore {

        private final CheckpointStore real;

        CrashingCheckpoints(CheckpointStore real) {
            super(null, null, null, null, null, null);
            this.real = real;
        }

        @Override
        public Optional<byte[]> latest(long jobId) {
            return real.latest(jobId);
        }

        @Override
        public void save(JobLease lease, long iteration, int epoch, byte[] artifact) {
            real.save(lease, iteration, epoch, artifact);
        }

        @Override
        public long complete(JobLease lease, String dataset, GenerativeModel model, byte[] artifact, String quality) {
            return real.complete(lease, dataset, model, artifact, quality);
        }

        @Override
        public boolean fail(JobLease lease, String error) {
            return real.fail(lease, error);
        }

        @Override
        public boolean cancel(JobLease lease) {
            return real.cancel(lease);
        }

        @Override
        public void discard(long jobId) {
            real.discard(jobId);
        }
    }
}
