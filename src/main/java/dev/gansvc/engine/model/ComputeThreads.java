package dev.gansvc.engine.model;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads ND4J's CPU kernels use. ND4J keeps one count per process for all of them
 * (libnd4j's loops, OpenMP, OpenBLAS), so it is chosen for the work at hand and set for the
 * process, never per thread.
 *
 * <p>Fully connected models train on one thread: their kernels, on matrices of a few hundred
 * rows and columns, are too small to split, and on two threads the 2-D mixture GAN's step took
 * about 1.5 times as long as on one (docs/benchmarks.md). Convolutional models get every core
 * they are given.
 */
public final class ComputeThreads {

    private ComputeThreads() {}

    /** The threads for training {@code model} with {@code cores} cores to itself. */
    public static int forTraining(GenerativeModel model, int cores) {
        return model.convolutional() ? Math.max(1, cores) : 1;
    }

    /**
     * The threads for training {@code model} as one of {@code jobs} trained at once: at most its
     * share of the cores, so that any mix of jobs stays within them.
     */
    public static int forTraining(GenerativeModel model, int cores, int jobs) {
        return Math.min(forTraining(model, cores), Math.max(1, cores / Math.max(1, jobs)));
    }

    /** Sets ND4J's thread count, process-wide, for the kernels that start after this call. */
    public static void use(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }

    /** The count ND4J uses now. */
    public static int current() {
        return Nd4j.getEnvironment().maxMasterThreads();
    }
}
