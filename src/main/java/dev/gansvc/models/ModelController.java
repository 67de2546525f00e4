package dev.gansvc.models;

import dev.gansvc.GanProperties;
import dev.gansvc.web.InvalidFieldException;
import dev.gansvc.web.PagedListing;
import dev.gansvc.web.Paging;
import dev.gansvc.web.UploadTooLargeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Models", description = "Trained generators: metadata, saved weights and samples")
@RestController
@RequestMapping("/models")
public class ModelController {

    private static final String CSV = "text/csv";
    private static final String LABEL =
            "Class to generate, 0 to classCount - 1 (conditional models only); " + "without it the classes take turns";
    private static final String FILTERED = "false: the generator's own samples, without the discriminator's filter "
            + "(discriminator rejection sampling) that a gan of rows samples through; other models never filter";

    private final ModelService models;
    private final int maxCount;
    private final int maxSampleValues;
    private final long maxUploadBytes;

    public ModelController(ModelService models, GanProperties properties) {
        this.models = models;
        this.maxCount = properties.sampling().maxCount();
        this.maxSampleValues = properties.sampling().maxSampleValues();
        this.maxUploadBytes = properties.uploads().maxBytes();
    }

    /** Sorted newest first unless sort names one of these. */
    private static final Paging PAGING = new Paging(
            Sort.by(Sort.Direction.DESC, "id"), Set.of("id", "createdAt", "jobId", "architecture", "dataset"));

    @Operation(summary = "List trained models, newest first")
    @PagedListing
    @ApiResponse(
            responseCode = "400",
            description = "page, size or sort out of range",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Page<ModelView> list(HttpServletRequest request) {
        return models.list(PAGING.of(request));
    }

    @Operation(
            summary = "Import a model another instance exported (GET /models/{id}/export?format=native)",
            description = "The body is the archive (application/zip), at most gan.uploads.max-bytes. It is read as "
                    + "untrusted: its entries, their sizes once unpacked, the architecture, shape and parameter counts "
                    + "are checked, and with X-Checksum-SHA256 (as the export sends it) the body's SHA-256. The new "
                    + "model samples, exports and trains further (POST /jobs with from) like any other.")
    @ApiResponse(responseCode = "201", description = "The imported model; Location names it")
    @ApiResponse(
            responseCode = "400",
            description = "Not a model archive, a damaged one, a checksum that does not match, or an unknown dataset",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "413",
            description = "Over gan.uploads.max-bytes, or expanding past the upload limits",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "429",
            description = "Uploads are being received already (gan.uploads.max-concurrent)",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(
            consumes = {"application/zip", "application/x-zip-compressed"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ModelView> importArchive(
            @Parameter(description = "The dataset it was trained on, as this instance names it (optional)")
                    @RequestParam(required = false)
                    String dataset,
            @Parameter(description = "The body's SHA-256 in hex, as the export's X-Checksum-SHA256 gives it")
                    @RequestHeader(value = "X-Checksum-SHA256", required = false)
                    String sha256,
            @RequestHeader(value = HttpHeaders.CONTENT_LENGTH, required = false) Long contentLength,
            InputStream body) {
        if (contentLength != null && contentLength > maxUploadBytes) {
            throw new UploadTooLargeException(maxUploadBytes);
        }
        ModelView view = models.importArchive(body, sha256, dataset);
        return ResponseEntity.created(URI.create("/models/" + view.id())).body(view);
    }

    @Operation(
            summary = "Delete an imported model and its archive (admin)",
            description = "A model trained here is deleted with its job (DELETE /jobs/{id}).")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(
            responseCode = "404",
            description = "No such model",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "A model trained by a job here",
            content = @Content(mediaType = "application/problem+json"))
    @DeleteMapping(path = "/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        models.deleteImported(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A trained model: architecture, job, parameter counts, artifact size and SHA-256")
    @ApiResponse(responseCode = "200", description = "The model")
    @ApiResponse(
            responseCode = "404",
            description = "No such model",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ModelView get(@PathVariable long id) {
        return models.get(id);
    }

    @Operation(summary = "Download the saved model (zip: manifest, weights, batch-norm statistics, optimiser state)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/zip"))
    @ApiResponse(
            responseCode = "404",
            description = "No such model",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping(path = "/{id}/artifact", produces = "application/zip")
    public ResponseEntity<byte[]> artifact(@PathVariable long id) {
        Artifact artifact = models.artifact(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ExportFormat.NATIVE.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(ExportFormat.NATIVE.fileName(id))
                                .build()
                                .toString())
                .header("X-Checksum-SHA256", artifact.getSha256())
                .eTag('"' + artifact.getSha256() + '"')
                .body(artifact.getContent());
    }

    @Operation(
            summary = "Download the model: native (the zip /artifact gives), onnx or dl4j (the generator alone)",
            description = "format=onnx: the generator (a VAE's or autoencoder's decoder) as an ONNX model, IR 8, "
                    + "opset 17. Inputs z (float [N, latentDim], standard normal) and, for conditional models, "
                    + "label (int64 [N]); output samples (float [N, ...exampleShape]): what /samples?filtered=false "
                    + "gives for the same latent points, images in [-1, 1], rows in the data's units. "
                    + "format=dl4j: the generator's network as a DL4J ComputationGraph (ModelSerializer), inputs z "
                    + "and, where the network takes a one-hot class or cluster, condition. See docs/export.md.")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = "application/zip"),
                @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE)
            })
    @ApiResponse(
            responseCode = "400",
            description = "Unknown format",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "No such model",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping(path = "/{id}/export")
    public ResponseEntity<byte[]> export(
            @PathVariable long id,
            @Parameter(description = "native, onnx or dl4j") @RequestParam(defaultValue = "native") String format) {
        ExportFormat chosen = ExportFormat.of(format);
        if (chosen == ExportFormat.NATIVE) {
            return artifact(id);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(chosen.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(chosen.fileName(id))
                                .build()
                                .toString())
                .body(models.exported(id, chosen));
    }

    @Operation(
            summary = "Raw generated samples, one row each (JSON, or CSV with Accept: text/csv)",
            description = "Rows of features for tabular and 2D data; for images, the pixels in [-1, 1], flattened. "
                    + "The same seed gives the same samples; without a seed one is drawn and returned.")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = Samples.class)),
                @Content(mediaType = CSV, schema = @Schema(type = "string"))
            })
    @ApiResponse(
            responseCode = "400",
            description = "count out of range",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "No such model",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping(path = "/{id}/samples", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Samples> samples(
            @PathVariable long id,
            @Parameter(
                            description =
                                    "Number of samples (at most gan.sampling.max-sample-values numbers in all, default 64)")
                    @RequestParam(defaultValue = "64")
                    int count,
            @Parameter(description = "Seed of the latent points") @RequestParam(required = false) Long seed,
            @Parameter(description = LABEL) @RequestParam(required = false) Integer label,
            @Parameter(description = FILTERED) @RequestParam(defaultValue = "true") boolean filtered) {
        long s = seedOrRandom(seed);
        return response(seed, s).body(models.samples(id, checkedSampleCount(id, count), s, optional(label), filtered));
    }

    @Operation(hidden = true)
    @GetMapping(path = "/{id}/samples", produces = CSV)
    public ResponseEntity<String> samplesCsv(
            @PathVariable long id,
            @RequestParam(defaultValue = "64") int count,
            @RequestParam(required = false) Long seed,
            @RequestParam(required = false) Integer label,
            @RequestParam(defaultValue = "true") boolean filtered) {
        long s = seedOrRandom(seed);
        Samples samples = models.samples(id, checkedSampleCount(id, count), s, optional(label), filtered);
        return response(seed, s).contentType(MediaType.parseMediaType(CSV)).body(SamplesCsv.of(samples.samples()));
    }

    @Operation(
            summary = "A picture of generated samples: a PNG grid for images, a scatter plot for 2D and tabular data",
            description =
                    "The same seed gives the same image; without a seed one is drawn and returned in X-Sample-Seed.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.IMAGE_PNG_VALUE,
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(
            responseCode = "400",
            description = "count out of range",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "No such model",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping(path = "/{id}/sample.png", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> sample(
            @PathVariable long id,
            @Parameter(description = "Number of samples (1 to gan.sampling.max-count, default 256)")
                    @RequestParam(defaultValue = "64")
                    int count,
            @Parameter(description = "Seed of the latent points") @RequestParam(required = false) Long seed,
            @Parameter(description = LABEL) @RequestParam(required = false) Integer label,
            @Parameter(description = FILTERED) @RequestParam(defaultValue = "true") boolean filtered) {
        long s = seedOrRandom(seed);
        return response(seed, s)
                .contentType(MediaType.IMAGE_PNG)
                .body(models.samplePng(id, checkedCount(count), s, optional(label), filtered));
    }

    @Operation(
            summary = "A walk through the latent space: each row goes from one random point to another",
            description =
                    "Spherical interpolation between pairs of latent points drawn from the seed; image models only.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.IMAGE_PNG_VALUE,
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(
            responseCode = "400",
            description = "rows or steps out of range, or a model of rows of numbers",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "No such model",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping(path = "/{id}/interpolation.png", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> interpolation(
            @PathVariable long id,
            @Parameter(description = "Walks, one per row (1 to 16)") @RequestParam(defaultValue = "4") int rows,
            @Parameter(description = "Images per walk, ends included (2 to 32)") @RequestParam(defaultValue = "10")
                    int steps,
            @Parameter(description = "Seed of the walks' ends") @RequestParam(required = false) Long seed,
            @Parameter(description = LABEL) @RequestParam(required = false) Integer label) {
        if (rows < 1 || rows > 16) {
            throw new InvalidFieldException("rows", "must be between 1 and 16 (was " + rows + ")");
        }
        if (steps < 2 || steps > 32) {
            throw new InvalidFieldException("steps", "must be between 2 and 32 (was " + steps + ")");
        }
        long s = seedOrRandom(seed);
        return response(seed, s)
                .contentType(MediaType.IMAGE_PNG)
                .body(models.interpolationPng(id, rows, steps, s, optional(label)));
    }

    @Operation(
            summary = "Reconstructions by an autoencoder or VAE of the examples you send",
            description = "A zip of PNG/JPEG images (resized to the model's size) gives a PNG: each row of originals "
                    + "followed by the row of their reconstructions. A CSV of rows (the model's features, no header "
                    + "needed, no labels) gives JSON rows and each row's squared error. At most gan.sampling.max-count "
                    + "examples.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = {
                                @Content(
                                        mediaType = "application/zip",
                                        schema = @Schema(type = "string", format = "binary")),
                                @Content(mediaType = CSV, schema = @Schema(type = "string"))
                            }))
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = Reconstructions.class))
            })
    @ApiResponse(
            responseCode = "400",
            description = "The model does not reconstruct, or the file cannot be read",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "No such model",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "413",
            description = "Larger than gan.uploads.max-bytes",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(
            path = "/{id}/reconstructions",
            consumes = {"application/zip", "application/x-zip-compressed"},
            produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> reconstructImages(@PathVariable long id, InputStream body) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(models.reconstructImages(id, body));
    }

    @Operation(hidden = true)
    @PostMapping(path = "/{id}/reconstructions", consumes = CSV, produces = MediaType.APPLICATION_JSON_VALUE)
    public Reconstructions reconstructRows(@PathVariable long id, InputStream body) {
        return models.reconstructRows(id, body);
    }

    private int checkedCount(int count) {
        if (count < 1 || count > maxCount) {
            throw new InvalidFieldException("count", "must be between 1 and " + maxCount + " (was " + count + ")");
        }
        return count;
    }

    private int checkedSampleCount(long id, int count) {
        long values = 1;
        for (long s : models.get(id).exampleShape()) {
            values *= s;
        }
        long most = Math.max(1, maxSampleValues / values);
        if (count < 1 || count > most) {
            throw new InvalidFieldException(
                    "count",
                    "must be between 1 and " + most + " for this model, whose samples have " + values
                            + " values each (was " + count + ")");
        }
        return count;
    }

    private static OptionalInt optional(Integer label) {
        return label == null ? OptionalInt.empty() : OptionalInt.of(label);
    }

    private static long seedOrRandom(Long seed) {
        return seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48);
    }

    /** Reports the seed used; a response for a given seed never changes, so it may be cached. */
    private static ResponseEntity.BodyBuilder response(Long requestedSeed, long seed) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Sample-Seed", Long.toString(seed));
        if (requestedSeed != null) {
            response.cacheControl(CacheControl.maxAge(Duration.ofDays(1)));
        }
        return response;
    }
}
