package dev.gansvc.families;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The model-family catalogue: what {@code POST /jobs} can train and with which options. */
@RestController
@RequestMapping(path = "/models/families", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Model families")
public class FamilyController {

    private static final String PROBLEM = "application/problem+json";

    private final FamilyCatalog catalog;

    public FamilyController(FamilyCatalog catalog) {
        this.catalog = catalog;
    }

    /** The catalogue as one document. */
    public record Catalogue(List<OptionView> commonOptions, List<FamilyView> families) {}

    @Operation(
            summary = "Every model family: options with ranges, defaults per built-in dataset, what it serves",
            description = "Every family also reads the common options (epochs, batchSize, ...).")
    @GetMapping
    public Catalogue list() {
        return new Catalogue(catalog.commonOptions(), catalog.list());
    }

    @Operation(summary = "One model family")
    @ApiResponse(responseCode = "404", description = "No such family", content = @Content(mediaType = PROBLEM))
    @GetMapping("/{id}")
    public FamilyView get(@PathVariable String id) {
        return catalog.get(id);
    }

    @Operation(summary = "A family's defaults on any dataset, uploads included, by variant")
    @ApiResponse(
            responseCode = "400",
            description = "The family cannot learn that dataset",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "404",
            description = "No such family or dataset",
            content = @Content(mediaType = PROBLEM))
    @GetMapping("/{id}/defaults")
    public Map<String, Map<String, Object>> defaults(@PathVariable String id, @RequestParam String dataset) {
        return catalog.defaults(id, dataset);
    }
}
