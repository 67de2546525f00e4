package dev.gansvc.models;

import dev.gansvc.GanProperties;
import dev.gansvc.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Models", description = "Trained generators: metadata, saved weights and samples")
@RestController
@RequestMapping("/models")
public class ModelController {

    private final ModelService models;
    private final int maxCount;

    public ModelController(ModelService models, GanProperties properties) {
        this.models = models;
        this.maxCount = properties.sampling().maxCount();
    }

    @Operation(summary = "List trained models, newest first")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Page<ModelView> list(@PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
        return models.list(page);
    }

    @Operation(summary = "A trained model: architecture, job, parameter counts, artifact size and SHA-256")
    @ApiResponse(responseCode = "200", description = "The model")
    @ApiResponse(responseCode = "404", description = "No such model", content = @Content(mediaType = "application/problem+json"))
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ModelView get(@PathVariable long id) {
        return models.get(id);
    }

    @Operation(summary = "Download the saved model (zip: manifest, weights, batch-norm statistics, optimiser state)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/zip"))
    @ApiResponse(responseCode = "404", description = "No such model", content = @Content(mediaType = "application/problem+json"))
    @GetMapping(path = "/{id}/artifact", produces = "application/zip")
    public ResponseEntity<byte[]> artifact(@PathVariable long id) {
        Artifact artifact = models.artifact(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("model-" + id + ".zip").build().toString())
                .header("X-Checksum-SHA256", artifact.getSha256())
                .eTag('"' + artifact.getSha256() + '"')
                .body(artifact.getContent());
    }

    @Operation(summary = "A PNG grid of generated samples",
            description = "The same seed gives the same image; without a seed one is drawn and returned in X-Sample-Seed.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "count out of range", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such model", content = @Content(mediaType = "application/problem+json"))
    @GetMapping(path = "/{id}/sample.png", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> sample(@PathVariable long id,
            @Parameter(description = "Number of samples (1 to gan.sampling.max-count, default 256)")
            @RequestParam(defaultValue = "64") int count,
            @Parameter(description = "Seed of the latent points") @RequestParam(required = false) Long seed) {
        if (count < 1 || count > maxCount) {
            throw new InvalidFieldException("count", "must be between 1 and " + maxCount + " (was " + count + ")");
        }
        long s = seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header("X-Sample-Seed", Long.toString(s));
        if (seed != null) {
            response.cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)));
        }
        return response.body(models.samplePng(id, count, s));
    }
}
