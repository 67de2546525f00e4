package dev.gansvc.jobs;

import dev.gansvc.datasets.DatasetUsers;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells the datasets feature which unfinished jobs train on a dataset. */
@Component
class UnfinishedJobsOfDatasets implements DatasetUsers {

    private final JobRepository jobs;

    UnfinishedJobsOfDatasets(JobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public List<Long> unfinishedJobs(String dataset) {
        return jobs.findIdsByDatasetAndStatusIn(dataset, EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING));
    }
}
