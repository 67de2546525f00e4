package dev.gansvc.jobs;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jobs, and the compare-and-set updates through which workers on any number of instances
 * claim, report on and finish them: each update names the state it expects and reports
 * whether it matched, so two workers never both win.
 */
public interface JobRepository extends JpaRepository<Job, Long> {

    Page<Job> findByStatus(JobStatus status, Pageable pageable);

    @Query("select j.id from Job j where j.dataset = :dataset and j.status in :statuses order by j.id")
    List<Long> findIdsByDatasetAndStatusIn(String dataset, Collection<JobStatus> statuses);

    @Query("select j.id from Job j where j.status = dev.gansvc.jobs.JobStatus.QUEUED order by j.id")
    List<Long> findQueuedIds(Pageable limit);

    @Transactional
    @Modifying(clearAutomatically = true)
    @Query("""
            update Job j set j.status = dev.gansvc.jobs.JobStatus.RUNNING, j.worker = :worker,
                   j.heartbeatAt = :now, j.startedAt = coalesce(j.startedAt, :now), j.attempts = j.attempts + 1
             where j.id = :id and j.status = dev.gansvc.jobs.JobStatus.QUEUED""")
    int claim(@Param("id") long id, @Param("worker") String worker, @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true)
    @Query("""
            update Job j set j.iteration = :iteration, j.epoch = :epoch, j.imagesPerSecond = :imagesPerSecond,
                   j.heartbeatAt = :now
             where j.id = :id and j.worker = :worker and j.status = dev.gansvc.jobs.JobStatus.RUNNING""")
    int reportProgress(@Param("id") long id, @Param("worker") String worker, @Param("iteration") long iteration,
            @Param("epoch") int epoch, @Param("imagesPerSecond") Double imagesPerSecond, @Param("now") Instant now);

    /** Renews a worker's hold on its job; 0 means the job is no longer its to write. */
    @Transactional
    @Modifying(clearAutomatically = true)
    @Query("""
            update Job j set j.heartbeatAt = :now
             where j.id = :id and j.worker = :worker and j.status = dev.gansvc.jobs.JobStatus.RUNNING""")
    int touch(@Param("id") long id, @Param("worker") String worker, @Param("now") Instant now);

    @Query("select j.cancelRequested from Job j where j.id = :id")
    boolean isCancelRequested(@Param("id") long id);

    @Transactional
    @Modifying(clearAutomatically = true)
    @Query("""
            update Job j set j.status = :status, j.error = :error, j.modelId = :modelId, j.finishedAt = :now,
                   j.heartbeatAt = :now, j.worker = null
             where j.id = :id and j.worker = :worker and j.status = dev.gansvc.jobs.JobStatus.RUNNING""")
    int finish(@Param("id") long id, @Param("worker") String worker, @Param("status") JobStatus status,
            @Param("error") String error, @Param("modelId") Long modelId, @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true)
    @Query("""
            update Job j set j.quality = :quality
             where j.id = :id and j.worker = :worker and j.status = dev.gansvc.jobs.JobStatus.RUNNING""")
    int recordQuality(@Param("id") long id, @Param("worker") String worker, @Param("quality") String quality);

    /** Hands a running job back to the queue (shutdown), to resume from its checkpoint. */
    @Transactional
    @Modifying(clearAutomatically = true)
    @Query("""
            update Job j set j.status = dev.gansvc.jobs.JobStatus.QUEUED, j.worker = null, j.attempts = j.attempts - 1
             where j.id = :id and j.worker = :worker and j.status = dev.gansvc.jobs.JobStatus.RUNNING""")
    int release(@Param("id") long id, @Param("worker") String worker);

    @Transactional
    @Modifying(clearAutomatically = true)
    @Query("""
            update Job j set j.status = dev.gansvc.jobs.JobStatus.CANCELLED, j.finishedAt = :now
             where j.id = :id and j.status = dev.gansvc.jobs.JobStatus.QUEUED""")
    int cancelQueued(@Param("id") long id, @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true)
    @Query("""
            update Job j set j.cancelRequested = true
             where j.id = :id and j.status = dev.gansvc.jobs.JobStatus.RUNNING""")
    int requestCancel(@Param("id") long id);

    @Query("""
            select j.id from Job j
             where j.status = dev.gansvc.jobs.JobStatus.RUNNING and (j.heartbeatAt is null or j.heartbeatAt < :cutoff)""")
    List<Long> findStaleIds(@Param("cutoff") Instant cutoff);

    /** Takes a job back from a worker that stopped reporting, if it is still stale. */
    @Transactional
    @Modifying(clearAutomatically = true)
    @Query("""
            update Job j set j.status = dev.gansvc.jobs.JobStatus.QUEUED, j.worker = null
             where j.id = :id and j.status = dev.gansvc.jobs.JobStatus.RUNNING and j.attempts < :maxAttempts
               and (j.heartbeatAt is null or j.heartbeatAt < :cutoff)""")
    int requeueStale(@Param("id") long id, @Param("cutoff") Instant cutoff, @Param("maxAttempts") int maxAttempts);

    @Transactional
    @Modifying(clearAutomatically = true)
    @Query("""
            update Job j set j.status = dev.gansvc.jobs.JobStatus.FAILED, j.worker = null, j.error = :error,
                   j.finishedAt = :now
             where j.id = :id and j.status = dev.gansvc.jobs.JobStatus.RUNNING
               and (j.heartbeatAt is null or j.heartbeatAt < :cutoff)""")
    int failStale(@Param("id") long id, @Param("cutoff") Instant cutoff, @Param("error") String error,
            @Param("now") Instant now);
}
