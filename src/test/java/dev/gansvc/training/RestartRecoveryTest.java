package dev.gansvc.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.GanServiceApplication;
import dev.gansvc.datasets.DatasetService;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.jobs.Job;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobService;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.jobs.JobTransitions;
import dev.gansvc.jobs.LossPointRepository;
import dev.gansvc.jobs.SnapshotRepository;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.Requests;
import dev.gansvc.support.SquareImages;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stopping the service loses no finished work: on the same H2 file, a job paused by a
 * shutdown resumes from its checkpoint, and a job whose worker vanished is taken back and
 * resumed too, at once by the same instance when it restarts. The resumed run's loss curve has
 * every step exactly once. A finished run whose
 * quality takes long to measure is not mistaken for a lost one.
 */
class RestartRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void jobPausedByShutdownResumesFromItsCheckpointAfterRestart() {
        long id;
        long pausedAt;
        try (ConfigurableApplicationContext first = start()) {
            id = submit(first, 4);
            Jobs.await(
                    first.getBean(JobRepository.class),
                    id,
                    j -> j.getIteration() >= 8,
                    "8 steps",
                    Duration.ofMinutes(2));
        }
        try (ConfigurableApplicationContext second = start()) {
            JobRepository jobs = second.getBean(JobRepository.class);
            Checkpoint checkpoint =
                    second.getBean(CheckpointRepository.class).findById(id).orElseThrow();
            pausedAt = checkpoint.getIteration();
            assertThat(pausedAt).as("checkpoint taken at shutdown").isGreaterThanOrEqualTo(8);

            Job done = Jobs.awaitStatus(jobs, id, JobStatus.SUCCEEDED, Duration.ofMinutes(4));
            assertThat(done.getAttempts())
                    .as("a shutdown is not a failed attempt")
                    .isEqualTo(1);
            assertEveryStepRecordedOnce(second, id, done.getTotalIterations());
            assertThat(second.getBean(SnapshotRepository.class).list(id, 0))
                    .extracting(s -> s.epoch())
                    .containsExactly(1, 2, 3, 4);
            assertThat(second.getBean(CheckpointRepository.class).findById(id))
                    .as("dropped once finished")
                    .isEmpty();
        }
    }

    @Test
    void jobWhoseWorkerStoppedReportingIsTakenBackAndResumed() {
        try (ConfigurableApplicationContext app = start("gan.jobs.stale-after=3s", "gan.jobs.checkpoint-interval=2s")) {
            JobRepository jobs = app.getBean(JobRepository.class);
            long id = submit(app, 6);
            Jobs.await(
                    jobs,
                    id,
                    j -> app.getBean(CheckpointRepository.class).existsById(id),
                    "a checkpoint",
                    Duration.ofMinutes(2));
            // Simulate a crashed instance: the job is owned by a worker that no longer reports.
            app.getBean(JdbcTemplate.class)
                    .update(
                            "UPDATE jobs SET worker = 'crashed', heartbeat_at = ? WHERE id = ?",
                            java.sql.Timestamp.from(Instant.now().minusSeconds(60)),
                            id);

            Job done = Jobs.awaitStatus(jobs, id, JobStatus.SUCCEEDED, Duration.ofMinutes(4));
            assertThat(done.getAttempts()).isEqualTo(2);
            assertEveryStepRecordedOnce(app, id, done.getTotalIterations());
        }
    }

    @Test
    void restartedInstanceTakesBackTheJobItHeldWhenKilledAtOnce() {
        long id;
        try (ConfigurableApplicationContext first =
                start("gan.workers.instance-id=gan-1", "gan.workers.enabled=false")) {
            id = submit(first, 2);
            // Instance gan-1 was killed while it held the job: its heartbeat is fresh, so the
            // reaper would wait stale-after (10 minutes here) before taking it back.
            first.getBean(JobTransitions.class)
                    .claim(id, "gan-1/worker-0@cpu", Instant.now())
                    .orElseThrow();
        }
        try (ConfigurableApplicationContext second =
                start("gan.workers.instance-id=gan-1", "gan.jobs.stale-after=10m")) {
            Job done = Jobs.awaitStatus(
                    second.getBean(JobRepository.class), id, JobStatus.SUCCEEDED, Duration.ofMinutes(2));
            assertThat(done.getAttempts()).as("the killed run counts").isEqualTo(2);
            assertEveryStepRecordedOnce(second, id, done.getTotalIterations());
        }
    }

    @Test
    void finishedJobIsNotTakenBackWhileItsQualityIsMeasured() {
        // The classifier that judges a conditional image model trains for 400 steps after the
        // last training step: several seconds with no step to report, far beyond stale-after here.
        try (ConfigurableApplicationContext app =
                start("gan.jobs.stale-after=2s", "gan.jobs.heartbeat-interval=200ms")) {
            app.getBean(DatasetService.class)
                    .uploadImages("squares", new ByteArrayInputStream(SquareImages.zip(160)), 28, 1);
            long id = app.getBean(JobService.class)
                    .submit(Requests.of("cgan", "squares", 1, 16, null, 3L))
                    .id();

            Job done =
                    Jobs.awaitStatus(app.getBean(JobRepository.class), id, JobStatus.SUCCEEDED, Duration.ofMinutes(3));
            assertThat(done.getAttempts()).as("trained once").isEqualTo(1);
            assertThat(done.getQuality()).contains("classAgreement");
            assertEveryStepRecordedOnce(app, id, done.getTotalIterations());
        }
    }

    private static void assertEveryStepRecordedOnce(ConfigurableApplicationContext app, long id, long total) {
        List<LossPoint> points = app.getBean(LossPointRepository.class).find(id, 0, Long.MAX_VALUE, 4);
        assertThat(points)
                .extracting(LossPoint::iteration)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, total)
                        .boxed()
                        .toList());
    }

    private static long submit(ConfigurableApplicationContext app, int epochs) {
        return app.getBean(JobService.class)
                .submit(Requests.of("dcgan", "mnist-small", epochs, 128, null, 11L))
                .id();
    }

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        args[1] = "--server.port=0";
        args[2] = "--gan.workers.count=1";
        args[3] = "--spring.main.banner-mode=off";
        for (int i = 0; i < extra.length; i++) {
            args[i + 4] = "--" + extra[i];
        }
        return new SpringApplicationBuilder(GanServiceApplication.class).run(args);
    }
}
