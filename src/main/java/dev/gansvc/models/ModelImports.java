package dev.gansvc.models;

import dev.gansvc.engine.model.GenerativeModel;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Stores an imported model and its archive together: both rows or neither. */
@Component
public class ModelImports {

    private final TrainedModelRepository models;
    private final ArtifactRepository artifacts;
    private final JsonMapper json;
    private final Clock clock;

    public ModelImports(TrainedModelRepository models, ArtifactRepository artifacts, JsonMapper json, Clock clock) {
        this.models = models;
        this.artifacts = artifacts;
        this.json = json;
        this.clock = clock;
    }

    /** @param dataset what it was trained on, as this instance names it; null for none */
    @Transactional
    TrainedModel store(GenerativeModel model, byte[] archive, String dataset) {
        Artifact saved = artifacts.save(new Artifact(archive, clock.instant()));
        return models.save(TrainedModel.of(
                model,
                null,
                dataset,
                json.writeValueAsString(model.parameterCounts()),
                saved.getId(),
                clock.instant()));
    }
}
