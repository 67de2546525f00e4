package dev.gansvc.engine.model;

import java.util.Optional;

/** Finds a model family by its id; how saved models find the family that rebuilds their networks. */
@FunctionalInterface
public interface FamilyLookup {

    Optional<ModelFamily> find(String id);

    default ModelFamily require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown model family " + id));
    }
}
