package dev.gansvc.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.support.PostgresDatabase;
import dev.gansvc.support.RequiresPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several instances share one PostgreSQL database: claims racing from many workers give each
 * job to exactly one, and the job updates are fenced by the owning worker.
 */
@RequiresPostgres
@SpringBootTest(properties = "gan.workers.enabled=false")
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresJobClaimTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.get().register(registry);
    }

    @Autowired
    JobRepository jobs;

    @Autowired
    LossPointRepository lossPoints;

    @Test
    void concurrentClaimsGiveEachJobToExactlyOneWorker() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(jobs.save(new Job("dcgan", "mnist", "{}", 10, Instant.now())).getId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String worker = "worker-" + w;
                workers.add(() -> {
                    int won = 0;
                    for (long id : ids) {
                        won += jobs.claim(id, worker, Instant.now());
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
            assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);
            assertThat(job.getAttempts()).isEqualTo(1);
            assertThat(jobs.reportProgress(id, "someone-else", 5, 1, 10.0, Instant.now())).as("fenced").isZero();
            assertThat(jobs.reportProgress(id, job.getWorker(), 5, 1, 10.0, Instant.now())).isEqualTo(1);
            assertThat(jobs.finish(id, job.getWorker(), JobStatus.CANCELLED, null, null, Instant.now())).isEqualTo(1);
        }
    }

    @Test
    void lossPointsAreWrittenInBatchesAndTrimmedOnResume() {
        long id = jobs.save(new Job("dcgan", "mnist", "{}", 1000, Instant.now())).getId();
        List<LossPoint> points = new ArrayList<>();
        for (int i = 1; i <= 1200; i++) {
            points.add(new LossPoint(i, 1 + i / 100, new double[] {1.0 / i, 2.0, 0.6, Double.NaN}));
        }
        lossPoints.insertAll(id, points);
        List<LossPoint> found = lossPoints.find(id, 100, 199, 4);
        assertThat(found).hasSize(100);
        assertThat(found.get(0).values()).containsExactly(0.01, 2.0, 0.6, Double.NaN);
        lossPoints.deleteAfter(id, 700);
        assertThat(lossPoints.find(id, 0, Long.MAX_VALUE, 4)).hasSize(700);
        jobs.cancelQueued(id, Instant.now()); // out of the way of workers of other test contexts
    }
}
