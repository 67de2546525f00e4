package dev.gansvc.training;

import org.nd4j.linalg.factory.Nd4j;

/** What the ND4J backend offers: GPUs on the CUDA backend, otherwise the CPU. */
final class Devices {

    private Devices() {}

    static boolean isGpuBackend() {
        return Nd4j.getBackend().getClass().getSimpleName().toLowerCase().contains("cuda");
    }

    static int count() {
        return isGpuBackend() ? Math.max(1, Nd4j.getAffinityManager().getNumberOfDevices()) : 1;
    }

    /** Pins the calling thread's ND4J work to device {@code index}, where there are several. */
    static String bindCurrentThread(int index) {
        if (!isGpuBackend()) {
            return "cpu";
        }
        int device = index % count();
        Nd4j.getAffinityManager().unsafeSetDevice(device);
        return "cuda:" + device;
    }
}
