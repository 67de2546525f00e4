package dev.gansvc.families;

import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.ModelFamily;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The API document's {@code JobRequest} schema, made from the family registry: the record
 * itself only has {@code model}, {@code dataset} and a catch-all map, so springdoc on its own
 * documents nothing of what a job may set. This replaces it with one property per field that
 * {@code JobSpecResolver} accepts, with the same types, ranges and choices, and no others.
 * The document is OpenAPI 3.1, so an excluded end of a range is JSON Schema 2020-12's
 * {@code exclusiveMinimum}/{@code exclusiveMaximum} number.
 */
@Component
public class JobRequestSchema implements OpenApiCustomizer {

    static final String NAME = "JobRequest";

    private final ModelFamilies families;
    private final FamilyCatalog catalog;

    public JobRequestSchema(ModelFamilies families, FamilyCatalog catalog) {
        this.families = families;
        this.catalog = catalog;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(NAME, schema());
    }

    Schema<Object> schema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        String familyList = families.list().stream()
                .map(f -> f.id() + ": " + f.description())
                .collect(Collectors.joining("; "));
        properties.put(
                "model",
                string(
                        "The model family to train (GET /models/families describes each). " + familyList + ".",
                        families.ids()));
        properties.put("dataset", string("The dataset to train on: a built-in one or an upload (GET /datasets)", null));
        properties.put(
                "seed",
                typed("integer")
                        .format("int64")
                        .description(
                                "Seed of the run's randomness; random when left out. The same seed and settings train "
                                        + "the same model."));
        Schema<Object> parent = typed("object");
        parent.description("A trained or imported model to continue: the job starts from its weights and optimiser "
                + "state, and its iterations count on from the model's. model, dataset, variant, latentDim, clusters "
                + "and packing default to the model's; networks of another shape are refused (422).");
        parent.setProperties(new LinkedHashMap<>(
                Map.of("model", typed("integer").format("int64").description("The model's id (GET /models)"))));
        parent.setRequired(List.of("model"));
        parent.setAdditionalProperties(false);
        properties.put("from", parent);
        List<String> variants = new ArrayList<>();
        List<String> readers = new ArrayList<>();
        for (ModelFamily family : families.list()) {
            if (!family.variants().isEmpty()) {
                family.variants().stream().filter(v -> !variants.contains(v)).forEach(variants::add);
                readers.add(family.id() + " (" + String.join(", ", family.variants()) + "; default "
                        + family.defaultVariant() + ")");
            }
        }
        properties.put(
                "variant", string("The family's variant. Read by: " + String.join(", ", readers) + ".", variants));
        for (OptionView option : catalog.allOptions()) {
            properties.put(option.name(), option(option));
        }
        Schema<Object> request = typed("object");
        request.description("A training job: the model family and dataset, and any settings the family reads "
                + "(the rest take the family's defaults for the dataset, GET /models/families/{id}/defaults); "
                + "model and dataset may be left out with from.");
        request.setProperties(properties);
        // A fresh job names its model and dataset; one that continues a model may take the model's.
        Schema<Object> fresh = new Schema<>();
        fresh.setRequired(List.of("model", "dataset"));
        Schema<Object> continuing = new Schema<>();
        continuing.setRequired(List.of("from"));
        request.setAnyOf(List.of(fresh, continuing));
        request.setAdditionalProperties(false);
        return request;
    }

    private Schema<Object> option(OptionView option) {
        String readBy = option.readBy().equals(families.ids())
                ? " All families."
                : " Read by: " + String.join(", ", option.readBy()) + ".";
        String description = option.description() + (option.description().endsWith(".") ? "" : ".") + readBy;
        if (option.choices() != null) {
            return string(description, option.choices());
        }
        Schema<Object> schema = typed(option.type()).description(description);
        bound(schema, option.minimum(), option.minimumIncluded(), option.type(), true);
        bound(schema, option.maximum(), option.maximumIncluded(), option.type(), false);
        return schema;
    }

    private static void bound(Schema<Object> schema, Double value, Boolean included, String type, boolean lower) {
        if (value == null) {
            return;
        }
        BigDecimal number = "integer".equals(type)
                ? BigDecimal.valueOf(value.longValue())
                : new BigDecimal(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
        boolean exclusive = Boolean.FALSE.equals(included);
        if (lower && exclusive) {
            schema.setExclusiveMinimumValue(number);
        } else if (lower) {
            schema.setMinimum(number);
        } else if (exclusive) {
            schema.setExclusiveMaximumValue(number);
        } else {
            schema.setMaximum(number);
        }
    }

    private static Schema<Object> string(String description, List<String> choices) {
        Schema<Object> schema = typed("string").description(description);
        if (choices != null) {
            schema.setEnum(new ArrayList<>(choices));
        }
        return schema;
    }

    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new JsonSchema();
        schema.setTypes(Set.of(type));
        return schema;
    }
}
