package dev.gansvc.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** Documents the paging parameters of every {@link PagedListing} from {@link Paging}'s own limits. */
@Component
public class PagingParameters implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.hasMethodAnnotation(PagedListing.class)) {
            operation.addParametersItem(query("page", Paging.PAGE, integer(0, null, 0)));
            operation.addParametersItem(query("size", Paging.SIZE, integer(1, Paging.MAX_SIZE, Paging.DEFAULT_SIZE)));
            operation.addParametersItem(query("sort", Paging.SORT, typed("string")));
        }
        return operation;
    }

    private static Parameter query(String name, String description, Schema<Object> schema) {
        return new Parameter().name(name).in("query").description(description).schema(schema);
    }

    private static Schema<Object> integer(int minimum, Integer maximum, int fallback) {
        Schema<Object> schema = typed("integer");
        schema.setMinimum(BigDecimal.valueOf(minimum));
        if (maximum != null) {
            schema.setMaximum(BigDecimal.valueOf(maximum));
        }
        schema.setDefault(fallback);
        return schema;
    }

    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new JsonSchema();
        schema.setTypes(Set.of(type));
        return schema;
    }
}
