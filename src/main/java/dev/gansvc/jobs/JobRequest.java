package dev.gansvc.jobs;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Body of {@code POST /jobs}: the model family and the dataset, and optionally a seed, a
 * variant and any options by name ({@code GET /models/families} lists them). The API document
 * describes its fields from the family registry.
 *
 * @param settings every other field as the JSON gave it; {@link JobSpecResolver} checks them
 */
public record JobRequest(
        String model, String dataset, @JsonAnySetter Map<String, Object> settings) {

    public JobRequest {
        settings = settings == null ? new LinkedHashMap<>() : settings;
    }
}
