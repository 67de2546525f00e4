package dev.gansvc.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A dataset as the API shows it.
 *
 * @param source       {@code built-in} (bundled or drawn by the service), {@code configured} (IDX
 *                     files named in gan.datasets) or {@code uploaded}
 * @param kind         {@code images} or {@code table}
 * @param exampleShape [channels, height, width] or [features]
 * @param classes      class names in label order ({@code label=i} is {@code classes[i]}); empty without labels
 * @param sizeBytes    stored size of an upload (uploads only)
 * @param uploadedBy   the id of the API key that uploaded it (uploads in keys mode only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetView(
        String name,
        String source,
        String kind,
        long[] exampleShape,
        int examples,
        List<String> classes,
        Long sizeBytes,
        String sha256,
        Instant createdAt,
        Long uploadedBy) {}
