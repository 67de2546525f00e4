package dev.gansvc.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gansvc.support.Jobs;
import dev.gansvc.support.Requests;
import dev.gansvc.support.ServiceTest;
import dev.gansvc.web.ConflictException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Cancelling queued and running jobs on a single worker. */
@ServiceTest
class CancelJobTest {

    @Autowired
    JobService service;

    @Autowired
    JobRepository jobs;

    @Autowired
    LossPointRepository lossPoints;

    @Test
    void cancelsRunningJobPromptlyKeepingItsLossesAndQueuedJobAtOnce() {
        long running = submit(500);
        long queued = submit(1);
        Jobs.await(
                jobs,
                running,
                j -> j.getStatus() == JobStatus.RUNNING && j.getIteration() >= 3,
                "a few steps",
                Duration.ofMinutes(2));
        assertThat(jobs.findById(queued).orElseThrow().getStatus()).isEqualTo(JobStatus.QUEUED);

        assertThat(service.cancel(queued).status()).isEqualTo(JobStatus.CANCELLED);
        service.cancel(running);
        Job cancelled = Jobs.awaitStatus(jobs, running, JobStatus.CANCELLED, Duration.ofSeconds(30));

        assertThat(cancelled.getModelId()).isNull();
        assertThat(cancelled.getFinishedAt()).isNotNull();
        assertThat(cancelled.getIteration()).isLessThan(cancelled.getTotalIterations());
        assertThat(lossPoints.find(running, 0, Long.MAX_VALUE, 4)).hasSize((int) cancelled.getIteration());
        assertThatThrownBy(() -> service.cancel(running))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already CANCELLED");
        assertThat(jobs.findById(queued).orElseThrow().getStartedAt())
                .as("never ran")
                .isNull();
    }

    private long submit(int epochs) {
        return service.submit(Requests.of("dcgan", "mnist-small", epochs, 64, null, 1L))
                .id();
    }
}
