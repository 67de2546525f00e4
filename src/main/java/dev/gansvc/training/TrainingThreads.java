package dev.gansvc.training;

import dev.gansvc.GanProperties;
import dev.gansvc.engine.model.ComputeThreads;
import dev.gansvc.engine.model.GenerativeModel;

/**
 * The CPU threads a job trains on: what {@link ComputeThreads} chooses for its model as one of
 * this instance's workers, so that the jobs' thread teams together never outnumber the cores.
 * ND4J's count is process-wide, so each job sets it when it starts.
 */
final class TrainingThreads {

    private final int cores;
    private final int workers;

    TrainingThreads(int cores, int workers) {
        this.cores = cores;
        this.workers = workers;
    }

    static TrainingThreads of(GanProperties.Workers settings) {
        return new TrainingThreads(Runtime.getRuntime().availableProcessors(), WorkerPool.size(settings));
    }

    int forJob(GenerativeModel model) {
        return ComputeThreads.forTraining(model, cores, workers);
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
