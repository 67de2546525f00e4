package dev.gansvc.models;

import dev.gansvc.GanProperties;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.ModelArtifact;
import dev.gansvc.engine.render.SampleGrid;
import dev.gansvc.engine.nn.Workspaces;
import dev.gansvc.web.InvalidFieldException;
import dev.gansvc.web.NotFoundException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Trained models: metadata, artifacts and sampling, with recently used generators kept loaded. */
@Service
public class ModelService {

    private final TrainedModelRepository models;
    private final ArtifactRepository artifacts;
    private final Map<Long, GeneratorModel> generators;
    private final JsonMapper json;

    public ModelService(TrainedModelRepository models, ArtifactRepository artifacts, GanProperties properties,
            JsonMapper json) {
        this.models = models;
        this.artifacts = artifacts;
        this.json = json;
        int capacity = properties.sampling().cachedGenerators();
        this.generators = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, GeneratorModel> eldest) {
                return size() > capacity;
            }
        });
    }

    @Transactional(readOnly = true)
    public Page<ModelView> list(Pageable page) {
        return models.findAll(page).map(this::view);
    }

    @Transactional(readOnly = true)
    public ModelView get(long id) {
        return view(find(id));
    }

    @Transactional(readOnly = true)
    public Artifact artifact(long id) {
        return artifacts.findById(find(id).getArtifactId()).orElseThrow();
    }

    /**
     * A PNG grid of {@code count} samples, of class {@code label} when given (conditional
     * models only); the same seed gives the same bytes.
     */
    public byte[] samplePng(long id, int count, long seed, OptionalInt label) {
        return SampleGrid.png(generator(id), count, seed, checkedLabel(id, label));
    }

    /** {@code count} raw samples, of class {@code label} when given; the same seed gives the same values. */
    public Samples samples(long id, int count, long seed, OptionalInt label) {
        TrainedModel model = find(id);
        GeneratorModel generator = generator(id);
        OptionalInt checked = checkedLabel(id, label);
        float[][] rows = Workspaces.run("samples", () -> {
            INDArray flat = generator.generate(count, seed, checked).reshape('c', count, -1);
            return flat.toFloatMatrix();
        });
        return new Samples(id, seed, model.getExampleShape(), rows);
    }

    private OptionalInt checkedLabel(long id, OptionalInt label) {
        if (label.isEmpty()) {
            return label;
        }
        int classes = find(id).getClassCount();
        if (classes == 0) {
            throw new InvalidFieldException("label", "model " + id + " is not class-conditional; train a cgan to choose the class");
        }
        if (label.getAsInt() < 0 || label.getAsInt() >= classes) {
            throw new InvalidFieldException("label", "must be between 0 and " + (classes - 1) + " (was " + label.getAsInt() + ")");
        }
        return label;
    }

    private GeneratorModel generator(long id) {
        GeneratorModel cached = generators.get(id);
        if (cached != null) {
            return cached;
        }
        GeneratorModel loaded = ModelArtifact.readGenerator(artifact(id).getContent());
        generators.put(id, loaded);
        return loaded;
    }

    private TrainedModel find(long id) {
        return models.findById(id).orElseThrow(() -> new NotFoundException("model " + id + " does not exist"));
    }

    private ModelView view(TrainedModel m) {
        ArtifactRepository.Summary a = artifacts.findSummary(m.getArtifactId()).orElseThrow();
        return new ModelView(m.getId(), m.getJobId(), m.getArchitecture(), m.getDataset(), m.getLatentDim(),
                m.getExampleShape(), m.getClassCount(),
                json.readValue(m.getNetworkParameters(), new TypeReference<LinkedHashMap<String, Long>>() { }),
                m.getIterations(), a.sizeBytes(), a.sha256(), m.getCreatedAt());
    }
}
