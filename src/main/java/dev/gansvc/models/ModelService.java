package dev.gansvc.models;

import dev.gansvc.GanProperties;
import dev.gansvc.engine.gan.GeneratorModel;
import dev.gansvc.engine.gan.ModelArtifact;
import dev.gansvc.engine.gan.SampleGrid;
import dev.gansvc.engine.nn.Workspaces;
import dev.gansvc.web.NotFoundException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Trained models: metadata, artifacts and sampling, with recently used generators kept loaded. */
@Service
public class ModelService {

    private final TrainedModelRepository models;
    private final ArtifactRepository artifacts;
    private final Map<Long, GeneratorModel> generators;

    public ModelService(TrainedModelRepository models, ArtifactRepository artifacts, GanProperties properties) {
        this.models = models;
        this.artifacts = artifacts;
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

    /** A PNG grid of {@code count} samples; the same seed gives the same bytes. */
    public byte[] samplePng(long id, int count, long seed) {
        return SampleGrid.png(generator(id), count, seed);
    }

    /** {@code count} raw samples; the same seed gives the same values. */
    public Samples samples(long id, int count, long seed) {
        TrainedModel model = find(id);
        GeneratorModel generator = generator(id);
        float[][] rows = Workspaces.run("samples", () -> {
            INDArray flat = generator.generate(count, seed).reshape('c', count, -1);
            return flat.toFloatMatrix();
        });
        return new Samples(id, seed, model.getExampleShape(), rows);
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
                m.getExampleShape(), m.getGeneratorParameters(),
                m.getDiscriminatorParameters(), m.getIterations(), a.sizeBytes(), a.sha256(), m.getCreatedAt());
    }
}
