package dev.gansvc.jobs;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

/**
 * Jobs: the queries that read them, and the row locks under which {@link JobTransitions} changes
 * one. A job's state changes only through {@link Job}'s life-cycle methods.
 */
public interface JobRepository extends JpaRepository<Job, Long> {

    /** Jobs with each given field equal to its value; a null value does not filter. */
    @Query("""
            select j from Job j
             where (:status is null or j.status = :status)
               and (:model is null or j.model = :model)
               and (:dataset is null or j.dataset = :dataset)""")
    Page<Job> findFiltered(
            @Param("status") JobStatus status,
            @Param("model") String model,
            @Param("dataset") String dataset,
            Pageable pageable);

    @Query("select j.id from Job j where j.dataset = :dataset and j.status in :statuses order by j.id")
    List<Long> findIdsByDatasetAndStatusIn(String dataset, Collection<JobStatus> statuses);

    long countByStatusIn(Collection<JobStatus> statuses);

    /** Each status with its jobs: rows of (status, count), statuses without jobs left out. */
    @Query("select j.status, count(j) from Job j group by j.status")
    List<Object[]> countByStatus();

    /** When the longest-waiting queued job was submitted; null when none is queued. */
    @Query("select min(j.createdAt) from Job j where j.status = dev.gansvc.jobs.JobStatus.QUEUED")
    Instant oldestQueuedAt();

    long countBySubmittedByAndStatusIn(Long submittedBy, Collection<JobStatus> statuses);

    @Query("select j.id from Job j where j.status = dev.gansvc.jobs.JobStatus.QUEUED order by j.id")
    List<Long> findQueuedIds(Pageable limit);

    @Query("""
            select j.id from Job j
             where j.status = dev.gansvc.jobs.JobStatus.RUNNING and (j.heartbeatAt is null or j.heartbeatAt < :cutoff)""")
    List<Long> findStaleIds(@Param("cutoff") Instant cutoff);

    /** Running jobs whose worker's name may begin with {@code prefix} (a LIKE match: {@link Job} checks it exactly). */
    @Query("""
            select j.id from Job j
             where j.status = dev.gansvc.jobs.JobStatus.RUNNING and j.worker like concat(:prefix, '%') order by j.id""")
    List<Long> findRunningIdsByWorkerPrefix(@Param("prefix") String prefix);

    @Query("select j.cancelRequested from Job j where j.id = :id")
    boolean isCancelRequested(@Param("id") long id);

    /**
     * The job, its row locked until the transaction ends (SELECT ... FOR UPDATE), waiting for a
     * transaction that holds it. Must run in a transaction.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select j from Job j where j.id = :id")
    Optional<Job> lockById(@Param("id") long id);

    /**
     * As {@link #lockById}, but empty at once if another transaction holds the row (FOR UPDATE
     * SKIP LOCKED): a worker looking for work moves on instead of waiting on another's claim.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(
            @QueryHint(
                    name = "jakarta.persistence.lock.timeout",
                    value = "-2")) // org.hibernate.Timeouts.SKIP_LOCKED_MILLI
    @Query("select j from Job j where j.id = :id")
    Optional<Job> lockByIdUnlessLocked(@Param("id") long id);
}
