package dev.gansvc.jobs;

import dev.gansvc.GanProperties;
import dev.gansvc.web.TooManyRequestsException;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * How many jobs may wait or run at once: a bound on the whole queue and one per API key, so that
 * no client can fill the queue for everyone. Checked at submit; counted, not reserved, so two
 * submits at the same moment may pass one over the bound.
 */
@Component
public class JobQuota {

    /** What a refused client is told to wait: jobs take minutes. */
    static final int RETRY_AFTER_SECONDS = 60;

    private static final Set<JobStatus> UNFINISHED = EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING);

    private final JobRepository jobs;
    private final int maxUnfinished;
    private final int maxUnfinishedPerKey;

    public JobQuota(JobRepository jobs, GanProperties properties) {
        this.jobs = jobs;
        this.maxUnfinished = properties.jobs().maxUnfinished();
        this.maxUnfinishedPerKey = properties.jobs().maxUnfinishedPerKey();
    }

    /** Refuses (429) one more job when the queue, or the key's share of it, is full; {@code keyId} null: no key. */
    void check(Long keyId) {
        if (keyId != null && jobs.countBySubmittedByAndStatusIn(keyId, UNFINISHED) >= maxUnfinishedPerKey) {
            throw new TooManyRequestsException(
                    "this API key has %d queued or running jobs, the most it may have (gan.jobs.max-unfinished-per-key)"
                            .formatted(maxUnfinishedPerKey),
                    RETRY_AFTER_SECONDS);
        }
        if (jobs.countByStatusIn(UNFINISHED) >= maxUnfinished) {
            throw new TooManyRequestsException(
                    "%d jobs are queued or running, the most the service takes (gan.jobs.max-unfinished)"
                            .formatted(maxUnfinished),
                    RETRY_AFTER_SECONDS);
        }
    }
}
