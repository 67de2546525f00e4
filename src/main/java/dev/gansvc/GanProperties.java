package dev.gansvc;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Everything under {@code gan:} in application.yml. */
@Validated
@ConfigurationProperties("gan")
public record GanProperties(@NotNull Workers workers, @NotNull Jobs jobs, @NotNull Sampling sampling,
        @NotNull Map<String, DatasetFiles> datasets) {

    /**
     * @param enabled false for an instance that serves the API but trains nothing
     * @param count   workers to run; 0 picks one per GPU (CUDA) or one (CPU)
     */
    public record Workers(boolean enabled, @Min(0) int count, @NotNull Duration pollInterval) {
    }

    public record Jobs(@NotNull Duration heartbeatInterval, @NotNull Duration staleAfter,
            @NotNull Duration checkpointInterval, @Min(1) int maxAttempts) {
    }

    /**
     * @param maxCount        most samples in one picture
     * @param maxSampleValues most numbers in one raw-samples response (samples x values per sample)
     */
    public record Sampling(@Min(1) int maxCount, @Min(1) int maxSampleValues, @Min(1) int cachedGenerators) {
    }

    /**
     * IDX image and label files, as Spring resource locations (classpath:, file:).
     *
     * @param limit use only the first {@code limit} images (all when absent)
     */
    public record DatasetFiles(@NotNull String images, @NotNull String labels, @Min(1) Integer limit) {
    }
}
