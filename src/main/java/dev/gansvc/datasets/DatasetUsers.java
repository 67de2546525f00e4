package dev.gansvc.datasets;

import java.util.List;

/**
 * Who still needs a dataset: the jobs feature answers, so that datasets need not know about
 * jobs (the dependency points from jobs to datasets only).
 */
public interface DatasetUsers {

    /** The ids of the queued and running jobs that train on the dataset. */
    List<Long> unfinishedJobs(String dataset);
}
