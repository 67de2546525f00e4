package dev.gansvc.jobs;

/**
 * What training made of a job, kept outside the jobs tables: its checkpoint and its model. The
 * training feature answers, so that jobs need not know about it (the dependency points from
 * training to jobs only).
 */
public interface JobOutputs {

    /**
     * Deletes the job's checkpoint and model, with their artifacts, in the caller's transaction
     * (the job's deletion); nothing if it has neither.
     */
    void deleteOf(long jobId);
}
