package dev.gansvc.jobs;

import dev.gansvc.engine.model.Architecture;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The model names {@code POST /jobs} accepts. */
public final class ModelCatalog {

    private ModelCatalog() {
    }

    public static Optional<Architecture> find(String model) {
        return Architecture.byId(model);
    }

    public static List<String> names() {
        return Arrays.stream(Architecture.values()).map(Architecture::id).toList();
    }
}
