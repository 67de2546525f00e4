package dev.gansvc.support;

import dev.gansvc.jobs.JobRequest;

/** Job requests that set a few fields and leave the rest to the model's defaults. */
public final class Requests {

    private Requests() {
    }

    public static JobRequest of(String model, String dataset, Integer epochs, Integer batchSize, Integer latentDim, Long seed) {
        return packed(model, dataset, epochs, batchSize, latentDim, seed, null);
    }

    public static JobRequest packed(String model, String dataset, Integer epochs, Integer batchSize, Integer latentDim,
            Long seed, Integer packing) {
        return new JobRequest(model, dataset, epochs, batchSize, latentDim, seed, null, null, null, null, null, null,
                null, null, null, null, null, null, packing, null, null);
    }
}
