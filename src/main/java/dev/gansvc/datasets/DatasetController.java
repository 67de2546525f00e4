package dev.gansvc.datasets;

import dev.gansvc.GanProperties;
import dev.gansvc.web.InvalidFieldException;
import dev.gansvc.web.UploadTooLargeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
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

@Tag(name = "Datasets", description = "Built-in datasets and your own: zips of images or CSV tables")
@RestController
@RequestMapping("/datasets")
public class DatasetController {

    private static final String PROBLEM = "application/problem+json";
    private static final String ZIP = "application/zip";
    private static final String CSV = "text/csv";

    private final DatasetService datasets;
    private final long maxBytes;

    public DatasetController(DatasetService datasets, GanProperties properties) {
        this.datasets = datasets;
        this.maxBytes = properties.uploads().maxBytes();
    }

    @Operation(
            summary = "Upload a dataset: a zip of PNG/JPEG images, or a CSV table",
            description = "Send the file as the request body. A zip's images are centre-cropped to squares and "
                    + "resized to imageSize (grey with channels=1, RGB with 3); images in sub-folders take the "
                    + "folder name as their class. A CSV's columns must be numbers, but for the optional label "
                    + "column, named by header or 0-based index; a header line is recognised when its fields are "
                    + "not all numbers. Limits: gan.uploads.",
            requestBody =
                    @RequestBody(
                            content = {
                                @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary")),
                                @Content(mediaType = CSV, schema = @Schema(type = "string"))
                            }))
    @ApiResponse(responseCode = "201", description = "Stored; Location names it")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid name or parameters, or a file that cannot be read "
                    + "(the message names the entry or line)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "A dataset of that name exists",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "413",
            description = "Larger than gan.uploads.max-bytes",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "415",
            description = "Neither application/zip nor text/csv",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "429",
            description =
                    "Uploads are being decoded already (gan.uploads.max-concurrent), or the API key's "
                            + "datasets would take more than gan.uploads.max-storage-per-key; Retry-After says when to try again",
            content = @Content(mediaType = PROBLEM))
    @PostMapping(
            consumes = {ZIP, "application/x-zip-compressed", CSV},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DatasetView> upload(
            @Parameter(description = "Its name in jobs: lower-case letters, digits, '-' and '_'") @RequestParam
                    String name,
            @Parameter(description = "Zip only: side of the square images are resized to (default 28)")
                    @RequestParam(required = false)
                    Integer imageSize,
            @Parameter(description = "Zip only: 1 for grey (default), 3 for RGB") @RequestParam(required = false)
                    Integer channels,
            @Parameter(description = "CSV only: the label column's header name or 0-based index")
                    @RequestParam(required = false)
                    String labelColumn,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @RequestHeader(value = HttpHeaders.CONTENT_LENGTH, required = false) Long contentLength,
            InputStream body)
            throws IOException {
        if (contentLength != null && contentLength > maxBytes) {
            throw new UploadTooLargeException(maxBytes);
        }
        DatasetView view;
        if (contentType.isCompatibleWith(MediaType.parseMediaType(CSV))) {
            rejectIfGiven("imageSize", imageSize, "CSV tables");
            rejectIfGiven("channels", channels, "CSV tables");
            view = datasets.uploadTable(name, body, labelColumn);
        } else {
            rejectIfGiven("labelColumn", labelColumn, "image archives");
            view = datasets.uploadImages(
                    name, body, imageSize == null ? 28 : imageSize, channels == null ? 1 : channels);
        }
        return ResponseEntity.created(URI.create("/datasets/" + view.name())).body(view);
    }

    @Operation(summary = "Every dataset: built in, configured and uploaded")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, List<DatasetView>> list() {
        return Map.of("datasets", datasets.list());
    }

    @Operation(
            summary = "A picture of a dataset",
            description = "Images: 64 of them spread over the dataset, as a grid. Tables: a scatter plot of the first "
                    + "two features of up to 2,000 rows.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.IMAGE_PNG_VALUE,
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such dataset", content = @Content(mediaType = PROBLEM))
    @GetMapping(path = "/{name}/preview.png", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> preview(@PathVariable String name) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(datasets.previewPng(name));
    }

    @Operation(summary = "A dataset: kind, example shape, size and class names")
    @ApiResponse(responseCode = "200", description = "The dataset")
    @ApiResponse(responseCode = "404", description = "No such dataset", content = @Content(mediaType = PROBLEM))
    @GetMapping(path = "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    public DatasetView get(@PathVariable String name) {
        return datasets.get(name);
    }

    @Operation(
            summary = "Delete an uploaded dataset",
            description = "Models trained on it stay. A trainer's key may delete the datasets it uploaded.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(
            responseCode = "403",
            description = "A trainer's key, and another key uploaded the dataset",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such dataset", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "Built in, or needed by a queued or running job",
            content = @Content(mediaType = PROBLEM))
    @DeleteMapping("/{name}")
    public ResponseEntity<Void> delete(@PathVariable String name) {
        datasets.delete(name);
        return ResponseEntity.noContent().build();
    }

    private static void rejectIfGiven(String field, Object value, String kind) {
        if (value != null) {
            throw new InvalidFieldException(field, "does not apply to " + kind);
        }
    }
}
