package dev.gansvc.training;

import dev.gansvc.GanProperties;
import dev.gansvc.engine.model.ComputeThreads;
import dev.gansvc.engine.model.GenerativeModel;

/**
 * The CPU threads a job trains on: what {@link ComputeThreads} chooses for its model, within its
 * share of the cores when several workers train at once, so that the jobs' thread teams together
 * never outnumber the cores. ND4J's count is process-wide, so each job sets it when it starts; a
 * worker's share is at most cores / workers, which keeps any mix of jobs within the cores.
 */
final class TrainingThreads {

    private final int cores;
    private final int workers;

    TrainingThreads(int cores, int workers) {
        this.cores = cores;
        this.workers = Math.max(1, workers);
    }

    static TrainingThreads of(GanProperties.Workers settings) {
        return new TrainingThreads(Runtime.getRuntime().availableProcessors(), WorkerPool.size(settings));
    }

    int forJob(GenerativeModel model) {
        return Math.min(ComputeThreads.forTraining(model, cores), Math.max(1, cores / workers));
    }

    /** Sets the count for {@code model}'s job on the CPU backend; a GPU's kernels do not use it. */
    int applyFor(GenerativeModel model) {
        if (Devices.isGpuBackend()) {
            return ComputeThreads.current();
        }
        int threads = forJob(model);
        ComputeThreads.use(threads);
        return threads;
    }
}
