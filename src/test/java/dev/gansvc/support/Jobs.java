package dev.gansvc.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.gansvc.jobs.Job;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Waiting on job state in tests that run real training. */
public final class Jobs {

    private Jobs() {}

    /** Submits {@code request} through the API and returns the job as the API shows it once it has succeeded. */
    public static JsonNode finished(Api api, JobRepository jobs, String request) throws Exception {
        HttpResponse<String> submitted = api.postJson("/jobs", request);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = api.readJson(submitted.body()).get("id").asLong();
        awaitStatus(jobs, id, JobStatus.SUCCEEDED, Duration.ofMinutes(5));
        return api.getJson("/jobs/" + id);
    }

    public static Job awaitStatus(JobRepository jobs, long id, JobStatus status, Duration timeout) {
        return await(jobs, id, j -> j.getStatus() == status, "status " + status, timeout);
    }

    public static Job await(JobRepository jobs, long id, Predicate<Job> condition, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Job job = null;
        while (System.nanoTime() < deadline) {
            job = jobs.findById(id).orElseThrow();
            if (condition.test(job)) {
                return job;
            }
            if (job.getStatus() == JobStatus.FAILED) {
                fail("job " + id + " failed: " + job.getError());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("job " + id + " did not reach " + what + " within " + timeout + "; last: "
                + (job == null ? "none" : job.getStatus() + " at iteration " + job.getIteration()));
    }
}
