package dev.gansvc.families;

import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.ModelFamily;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
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
 *
 * <p>Exclusive range ends take the form of the document's OpenAPI version: a number in 3.1
 * (JSON Schema 2020-12), a boolean next to {@code minimum}/{@code maximum} in 3.0.
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
        boolean v31 = openApi.getOpenapi() == null || openApi.getOpenapi().startsWith("3.1")
                || openApi.getSpecVersion() == SpecVersion.V31;
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(NAME, schema(v31));
    }

    Schema<Object> schema(boolean v31) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        String familyList = families.list().stream().map(f -> f.id() + ": " + f.description())
                .collect(Collectors.joining("; "));
        properties.put("model", string(v31, "The model family to train (GET /models/families describes each). "
                + familyList + ".", families.ids()));
        properties.put("dataset", string(v31, "The dataset to train on: a built-in one or an upload (GET /datasets)",
                null));
        properties.put("seed", typed(v31, "integer").format("int64")
                .description("Seed of the run's randomness; random when left out. The same seed and settings train "
                        + "the same model."));
        List<String> variants = new ArrayList<>();
        List<String> readers = new ArrayList<>();
        for (ModelFamily family : families.list()) {
            if (!family.variants().isEmpty()) {
                family.variants().stream().filter(v -> !variants.contains(v)).forEach(variants::add);
                readers.add(family.id() + " (" + String.join(", ", family.variants()) + "; default "
                        + family.defaultVariant() + ")");
            }
        }
        properties.put("variant", string(v31, "The family's variant. Read by: " + String.join(", ", readers) + ".",
                variants));
        for (OptionView option : catalog.allOptions()) {
            properties.put(option.name(), option(v31, option));
        }
        Schema<Object> request = typed(v31, "object");
        request.description("A training job: the model family and dataset, and any settings the family reads "
                + "(the rest take the family's defaults for the dataset, GET /models/families/{id}/defaults).");
        request.setProperties(properties);
        request.setRequired(List.of("model", "dataset"));
        request.setAdditionalProperties(false);
        return request;
    }

    private Schema<Object> option(boolean v31, OptionView option) {
        String readBy = option.readBy().equals(families.ids()) ? " All families."
                : " Read by: " + String.join(", ", option.readBy()) + ".";
        String description = option.description() + (option.description().endsWith(".") ? "" : ".") + readBy;
        if (option.choices() != null) {
            return string(v31, description, option.choices());
        }
        Schema<Object> schema = typed(v31, option.type()).description(description);
        bound(schema, v31, option.minimum(), option.minimumIncluded(), option.type(), true);
        bound(schema, v31, option.maximum(), option.maximumIncluded(), option.type(), false);
        return schema;
    }

    private static void bound(Schema<Object> schema, boolean v31, Double value, Boolean included, String type,
            boolean lower) {
        if (value == null) {
            return;
        }
        BigDecimal number = "integer".equals(type) ? BigDecimal.valueOf(value.longValue())
                : new BigDecimal(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
        boolean exclusive = Boolean.FALSE.equals(included);
        if (exclusive && v31) {
            if (lower) {
                schema.setExclusiveMinimumValue(number);
            } else {
                schema.setExclusiveMaximumValue(number);
            }
            return;
        }
        if (lower) {
            schema.setMinimum(number);
            if (exclusive) {
                schema.setExclusiveMinimum(true);
            }
        } else {
            schema.setMaximum(number);
            if (exclusive) {
                schema.setExclusiveMaximum(true);
            }
        }
    }

    private static Schema<Object> string(boolean v31, String description, List<String> choices) {
        Schema<Object> schema = typed(v31, "string").description(description);
        if (choices != null) {
            schema.setEnum(new ArrayList<>(choices));
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Schema<Object> typed(boolean v31, String type) {
        if (v31) {
            Schema<Object> schema = new JsonSchema();
            schema.setTypes(Set.of(type));
            return schema;
        }
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        return schema;
    }
}
