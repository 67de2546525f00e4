package dev.gansvc;

import dev.gansvc.engine.data.UploadLimits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Everything under {@code gan:} in application.yml. */
@Validated
@ConfigurationProperties("gan")
public record GanProperties(
        @NotNull Workers workers,
        @NotNull Jobs jobs,
        @NotNull Sampling sampling,
        @NotNull Map<String, DatasetFiles> datasets,
        @NotNull Uploads uploads,
        @NotNull Rates rates) {

    /**
     * @param enabled false for an instance that serves the API but trains nothing
     * @param count   workers to run; 0 picks one per GPU (CUDA) or one (CPU)
     * @param instanceId this instance's name in its workers' names, the same across its restarts
     *     so that a restart takes back at once the jobs its previous run held; it must differ
     *     from every other instance's on the database. Unset: the host name and the port it
     *     serves on (no two running instances on one host share a port). An instance that serves
     *     on no port gets the host name and a random suffix, one on a random port (0) a name its
     *     next run will most likely not have: their restarts leave their jobs to the reaper
     */
    public record Workers(
            boolean enabled, @Min(0) int count, @NotNull Duration pollInterval, String instanceId) {}

    /**
     * @param maxUnfinished       queued and running jobs at most, all together; more are refused (429)
     * @param maxUnfinishedPerKey queued and running jobs at most per API key (keys mode)
     * @param maxParameters the most parameters a job's networks may have together, refused at
     *                      submit beyond (422); 0 sizes it to this JVM's heap
     */
    public record Jobs(
            @NotNull Duration heartbeatInterval,
            @NotNull Duration staleAfter,
            @NotNull Duration checkpointInterval,
            @Min(1) int maxAttempts,
            @Min(0) long maxParameters,
            @Min(1) int maxUnfinished,
            @Min(1) int maxUnfinishedPerKey) {}

    /**
     * @param maxCount        most samples in one picture
     * @param maxSampleValues most numbers in one raw-samples response (samples x values per sample)
     */
    public record Sampling(
            @Min(1) int maxCount,
            @Min(1) int maxSampleValues,
            @Min(1) int cachedGenerators) {}

    /**
     * Limits on {@code POST /datasets}.
     *
     * @param maxBytes             the request body (the zip or CSV file as sent), spooled to a temporary file
     * @param maxExamples          images in an archive or rows in a CSV file
     * @param maxEntries           entries of any kind in an archive
     * @param maxEntryBytes        what one archive entry may expand to
     * @param maxUncompressedBytes what an archive's entries may expand to, together
     * @param maxExpansionRatio    how many times its packed size an archive may expand to
     * @param maxImagePixels       width x height of any one image before it is resized
     * @param maxImageSize         the largest side uploaded images may be resized to
     * @param maxColumns           fields in a line of a CSV file
     * @param maxValues            numbers in a decoded dataset (4 bytes each in memory)
     * @param maxConcurrent        uploads (datasets, examples to reconstruct) received and decoded at once; more
     *                             get 429
     * @param maxStoragePerKey     bytes of stored datasets (as encoded, {@code sizeBytes}) an API key's
     *                             uploads may take together; the upload past it gets 429 (keys mode)
     */
    public record Uploads(
            @Min(1) long maxBytes,
            @Min(1) int maxExamples,
            @Min(1) int maxEntries,
            @Min(1) long maxEntryBytes,
            @Min(1) long maxUncompressedBytes,
            @Min(1) int maxExpansionRatio,
            @Min(1) long maxImagePixels,
            @Min(1) int maxImageSize,
            @Min(1) int maxColumns,
            @Min(1) long maxValues,
            @Min(1) int maxConcurrent,
            @Min(1) long maxStoragePerKey) {

        /** The limits on an archive of images of at most {@code examples} images. */
        public UploadLimits archive(int examples) {
            return new UploadLimits(
                    examples,
                    maxEntries,
                    maxEntryBytes,
                    maxUncompressedBytes,
                    maxExpansionRatio,
                    maxImagePixels,
                    maxValues);
        }
    }

    /**
     * Requests allowed per caller (the API key in {@code keys} mode, else the remote address); 0 = no
     * limit. Each is a token bucket: a caller may make the whole allowance at once, and it comes
     * back evenly over the period. One more request gets 429 with Retry-After.
     *
     * @param samplingPerMinute     samples, sample and interpolation pictures, and reconstructions
     * @param uploadsPerHour        {@code POST /datasets} and {@code POST /models} (imports)
     * @param failedLoginsPerMinute requests with an invalid API key, per remote address ({@code keys}
     *                              mode); beyond it the address's requests with a key are refused
     *                              before the key is checked
     */
    public record Rates(
            @Min(0) int samplingPerMinute,
            @Min(0) int uploadsPerHour,
            @Min(0) int failedLoginsPerMinute) {}

    /**
     * IDX image and label files, as Spring resource locations (classpath:, file:).
     *
     * @param limit  use only the first {@code limit} images (all when absent)
     * @param digits whether they are MNIST digits, which the quality report judges with the digit classifier
     */
    public record DatasetFiles(
            @NotNull String images,
            @NotNull String labels,
            @Min(1) Integer limit,
            boolean digits) {}
}
