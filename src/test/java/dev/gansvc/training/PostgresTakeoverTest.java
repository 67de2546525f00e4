package dev.gansvc.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.GanProperties;
import dev.gansvc.datasets.DatasetCatalog;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.Trainer;
import dev.gansvc.jobs.Job;
import dev.gansvc.jobs.JobLease;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobService;
import dev.gansvc.jobs.JobSpec;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.jobs.JobTransitions;
import dev.gansvc.jobs.LossPointRepository;
import dev.gansvc.jobs.SnapshotRepository;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.PostgresDatabase;
import dev.gansvc.support.Requests;
import dev.gansvc.support.RequiresPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A worker paused past its lease (a GC pause, SIGSTOP, a slow disk) wakes up after another
 * worker took its job over, under the same name, as a restarted instance would, and goes on
 * training and writing. Its writes must all be refused and it must stop, and the new holder's
 * job must end SUCCEEDED with exactly one loss point per iteration and nothing left of the
 * paused worker's run.
 */
@RequiresPostgres
@SpringBootTest(properties = {"gan.workers.enabled=false", "gan.jobs.heartbeat-interval=3s"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresTakeoverTest {

    @Autowired
    private TrainingMeters meters;

    private static final String WORKER = "host/worker-0@cpu";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.get().register(registry);
    }

    @Autowired
    JobService service;

    @Autowired
    JobRepository jobs;

    @Autowired
    JobTransitions transitions;

    @Autowired
    JobExecutor executor;

    @Autowired
    CheckpointStore checkpoints;

    @Autowired
    CheckpointRepository checkpointRows;

    @Autowired
    LossPointRepository lossPoints;

    @Autowired
    SnapshotRepository snapshots;

    @Autowired
    DatasetCatalog datasets;

    @Test
    void aWorkerThatWakesUpAfterATakeoverWritesNothingAndTheNewHolderFinishes() throws Exception {
        long id = service.submit(Requests.of("dcgan", "mnist-small", 8, 64, null, 5L))
                .id();
        Job job = jobs.findById(id).orElseThrow();
        JobLease paused = transitions.claim(id, WORKER, Instant.now()).orElseThrow();

        // The first worker trains five steps, reporting each, then stops answering.
        JobSpec spec = service.spec(job);
        Dataset data = datasets.find(spec.dataset()).orElseThrow();
        ModelFamily family = service.family(job);
        GenerativeModel model = GenerativeModel.create(
                family,
                family.shape(spec.latentDim(), data.exampleShape(), data.classCount(), spec.variant()),
                spec.optimizer(),
                spec.seed());
        Trainer trainer = new Trainer(model, data, spec.trainingSettings());
        JobControl control = new JobControl();
        TrainingRecorder recorder = new TrainingRecorder(
                paused,
                spec,
                trainer.plan(),
                control,
                model,
                new TrainingRecorder.Repositories(transitions, jobs, checkpoints),
                new GanProperties.Jobs(Duration.ZERO, Duration.ofSeconds(30), Duration.ofHours(1), 3, 0, 1000, 20),
                () -> null,
                meters.forRun(spec.model(), paused.worker()),
                Clock.systemUTC());
        trainer.train(recorder, () -> model.iteration() >= 5);
        assertThat(points(id)).containsExactly(1L, 2L, 3L, 4L, 5L);

        // Its lease runs out; the job goes back to the queue and a worker of the same name takes it.
        Instant later = Instant.now().plusSeconds(60);
        assertThat(transitions.reclaimIfStale(id, later, 3, later)).isEqualTo(Job.Reclaim.REQUEUED);
        JobLease current = transitions.claim(id, WORKER, Instant.now()).orElseThrow();
        ExecutorService newHolder = Executors.newSingleThreadExecutor();
        try {
            Future<?> run = newHolder.submit(() -> executor.execute(current, new JobControl()));
            // The new holder starts by dropping what the first run recorded; its first report
            // comes a heartbeat interval later.
            Jobs.await(jobs, id, j -> points(id).isEmpty(), "the new holder's start", Duration.ofMinutes(1));

            // The first worker wakes up. Its heartbeat finds the job gone (which stops a worker's
            // training loop); the loop itself, before that, writes nothing either.
            JobControl heartbeatSeen = new JobControl();
            try (Heartbeat beat =
                    Heartbeat.start(transitions, paused, Duration.ofMillis(20), Clock.systemUTC(), heartbeatSeen)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!heartbeatSeen.holdLost() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            assertThat(heartbeatSeen.holdLost()).isTrue();

            trainer.train(recorder, () -> recorder.shouldStop() || model.iteration() >= 40);
            recorder.flush();
            recorder.checkpoint();

            assertThat(recorder.lostOwnership()).isTrue();
            assertThat(model.iteration())
                    .as("it stopped at its first refused write")
                    .isEqualTo(6);
            run.get(5, TimeUnit.MINUTES);
        } finally {
            newHolder.shutdownNow();
        }

        Job done = Jobs.awaitStatus(jobs, id, JobStatus.SUCCEEDED, Duration.ofSeconds(10));
        assertThat(done.getAttempts()).isEqualTo(2);
        assertThat(done.getIteration()).isEqualTo(done.getTotalIterations());
        List<Long> iterations = points(id);
        assertThat(iterations).hasSize((int) done.getTotalIterations());
        assertThat(iterations).doesNotHaveDuplicates().isSorted();
        assertThat(iterations.get(iterations.size() - 1)).isEqualTo(done.getTotalIterations());
        assertThat(snapshots.list(id, 0)).hasSize(8);
        assertThat(checkpointRows.existsById(id))
                .as("dropped when the job succeeded")
                .isFalse();
    }

    private List<Long> points(long id) {
        return lossPoints.find(id, 0, Long.MAX_VALUE, LossPointRepository.MAX_SERIES).stream()
                .map(LossPoint::iteration)
                .toList();
    }
}
