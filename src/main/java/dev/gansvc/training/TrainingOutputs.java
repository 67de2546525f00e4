package dev.gansvc.training;

import dev.gansvc.jobs.JobOutputs;
import dev.gansvc.models.ModelService;
import org.springframework.stereotype.Component;

/** Deletes what training made of a job, when the job is deleted: its checkpoint and its model. */
@Component
class TrainingOutputs implements JobOutputs {

    private final CheckpointStore checkpoints;
    private final ModelService models;

    TrainingOutputs(CheckpointStore checkpoints, ModelService models) {
        this.checkpoints = checkpoints;
        this.models = models;
    }

    @Override
    public void deleteOf(long jobId) {
        checkpoints.discard(jobId);
        models.deleteOfJob(jobId);
    }
}
