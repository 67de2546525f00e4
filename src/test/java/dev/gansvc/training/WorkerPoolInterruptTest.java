package dev.gansvc.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.GanServiceApplication;
import dev.gansvc.jobs.Job;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobService;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.Requests;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An interrupt that reaches one worker thread while it waits for work wakes that thread and
 * nothing more: the pool stays running, its workers go on claiming jobs, and on shutdown the
 * pool is still stopped, so the jobs it runs checkpoint and go back to the queue.
 */
class WorkerPoolInterruptTest {

    @TempDir
    Path dir;

    @Test
    void anInterruptedWorkerLeavesThePoolRunningAndShutdownStillHandsBackTheJobs() throws Exception {
        long first;
        long second;
        try (ConfigurableApplicationContext app = start()) {
            WorkerPool pool = app.getBean(WorkerPool.class);
            JobRepository jobs = app.getBean(JobRepository.class);
            first = submit(app);
            Job running = Jobs.await(
                    jobs,
                    first,
                    j -> j.getStatus() == JobStatus.RUNNING && j.getIteration() >= 2,
                    "2 steps",
                    Duration.ofMinutes(2));
            int busy = running.getWorker().contains("/worker-0@") ? 0 : 1;
            Thread busyWorker = thread("gan-worker-" + busy);
            Thread idleWorker = awaitIdle("gan-worker-" + (1 - busy));

            idleWorker.interrupt();
            // The interrupted thread wakes; whatever it does about it, it has done within a poll interval (1s).
            awaitIdleOrGone(idleWorker);
            Thread.sleep(1500);

            SoftAssertions.assertSoftly(softly -> {
                softly.assertThat(pool.isRunning())
                        .as("the pool is still running")
                        .isTrue();
                softly.assertThat(idleWorker.isAlive())
                        .as("the interrupted worker still works")
                        .isTrue();
                softly.assertThat(busyWorker.isAlive())
                        .as("the busy worker still works")
                        .isTrue();
            });
            second = submit(app);
            Jobs.await(
                    jobs,
                    second,
                    j -> j.getStatus() == JobStatus.RUNNING,
                    "claimed by the interrupted worker",
                    Duration.ofSeconds(30));
        }
        // The context is closed: the pool was stopped, so both running jobs were paused, not abandoned.
        assertHandedBack(first);
        assertHandedBack(second);
    }

    private void assertHandedBack(long id) throws SQLException {
        try (Connection db = DriverManager.getConnection(url(), "sa", "");
                PreparedStatement q = db.prepareStatement("""
                        SELECT j.status, j.attempts, j.worker, c.iteration FROM jobs j
                          LEFT JOIN checkpoints c ON c.job_id = j.id WHERE j.id = ?""")) {
            q.setLong(1, id);
            try (ResultSet row = q.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("status"))
                        .as("job %d handed back to the queue at shutdown", id)
                        .isEqualTo("QUEUED");
                assertThat(row.getInt("attempts"))
                        .as("a shutdown is not a failed attempt")
                        .isZero();
                assertThat(row.getString("worker")).isNull();
                assertThat(row.getObject("iteration"))
                        .as("job %d checkpointed at shutdown", id)
                        .isNotNull();
            }
        }
    }

    private static long submit(ConfigurableApplicationContext app) {
        return app.getBean(JobService.class)
                .submit(Requests.of("dcgan", "mnist-small", 50, 128, null, 3L))
                .id();
    }

    private static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name));
    }

    private static Thread awaitIdle(String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals(name) && waiting(t)) {
                    return t;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no idle worker thread " + name);
    }

    private static void awaitIdleOrGone(Thread t) throws InterruptedException {
        Thread.sleep(50);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && t.isAlive() && !waiting(t)) {
            Thread.sleep(20);
        }
    }

    private static boolean waiting(Thread t) {
        return Set.of(Thread.State.TIMED_WAITING, Thread.State.WAITING).contains(t.getState());
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GanServiceApplication.class)
                .run(
                        "--spring.datasource.url=" + url(),
                        "--server.port=0",
                        "--gan.workers.count=2",
                        "--spring.main.banner-mode=off");
    }
}
