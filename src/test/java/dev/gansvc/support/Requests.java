package dev.gansvc.support;

import dev.gansvc.jobs.JobRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Job requests that set a few fields and leave the rest to the model's defaults. */
public final class Requests {

    private Requests() {}

    public static JobRequest of(
            String model, String dataset, Integer epochs, Integer batchSize, Integer latentDim, Long seed) {
        return packed(model, dataset, epochs, batchSize, latentDim, seed, null);
    }

    public static JobRequest packed(
            String model,
            String dataset,
            Integer epochs,
            Integer batchSize,
            Integer latentDim,
            Long seed,
            Integer packing) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("epochs", epochs);
        settings.put("batchSize", batchSize);
        settings.put("latentDim", latentDim);
        settings.put("seed", seed);
        settings.put("packing", packing);
        settings.values().removeIf(Objects::isNull);
        return new JobRequest(model, dataset, settings);
    }
}
