package dev.gansvc.models;

import dev.gansvc.GanProperties;
import dev.gansvc.Hashes;
import dev.gansvc.datasets.DatasetCatalog;
import dev.gansvc.engine.data.CsvTables;
import dev.gansvc.engine.data.ImageArchive;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.data.InvalidDataException;
import dev.gansvc.engine.data.TabularDataset;
import dev.gansvc.engine.export.Dl4jExport;
import dev.gansvc.engine.export.OnnxExport;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.Capability;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.Interpolation;
import dev.gansvc.engine.model.ModelArtifact;
import dev.gansvc.engine.model.OptimizerSettings;
import dev.gansvc.engine.model.Reconstructor;
import dev.gansvc.engine.model.SamplePictures;
import dev.gansvc.engine.nn.Tensors;
import dev.gansvc.engine.nn.Workspaces;
import dev.gansvc.engine.render.SampleGrid;
import dev.gansvc.web.ConflictException;
import dev.gansvc.web.InvalidFieldException;
import dev.gansvc.web.NotFoundException;
import dev.gansvc.web.UploadSlots;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Trained models: metadata, artifacts and sampling, with recently used generators kept loaded. */
@Service
public class ModelService {

    private static final int RECONSTRUCTIONS_PER_ROW = 16;

    /** Adam settings an imported model is read with; a job that trains it further sets its own. */
    private static final OptimizerSettings IMPORT_OPTIMIZER = OptimizerSettings.adam(2e-4, 0.5, 0.999);

    private final TrainedModelRepository models;
    private final ArtifactRepository artifacts;
    private final Map<Long, GeneratorModel> generators;
    private final Map<Long, Reconstructor> reconstructors;
    private final GanProperties.Uploads uploads;
    private final int maxCount;
    private final JsonMapper json;
    private final ModelFamilies families;
    private final UploadSlots slots;
    private final ModelImports imports;
    private final DatasetCatalog catalog;

    public ModelService(
            TrainedModelRepository models,
            ArtifactRepository artifacts,
            GanProperties properties,
            JsonMapper json,
            ModelFamilies families,
            UploadSlots slots,
            ModelImports imports,
            DatasetCatalog catalog) {
        this.slots = slots;
        this.imports = imports;
        this.catalog = catalog;
        this.models = models;
        this.artifacts = artifacts;
        this.families = families;
        this.json = json;
        int capacity = properties.sampling().cachedGenerators();
        this.generators = lruCache(capacity);
        this.reconstructors = lruCache(capacity);
        this.uploads = properties.uploads();
        this.maxCount = properties.sampling().maxCount();
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
     * The generator as an ONNX model (inputs z and, for a conditional model, label; output
     * samples, as {@link #samples} gives them unfiltered) with the model's identity in its
     * metadata, or its network as a DL4J ComputationGraph.
     */
    @Transactional(readOnly = true)
    public byte[] exported(long id, ExportFormat format) {
        TrainedModel model = find(id);
        if (format == ExportFormat.NATIVE) {
            return artifact(id).getContent();
        }
        GeneratorModel generator = generator(model);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("model", Long.toString(id));
        metadata.put("architecture", model.getArchitecture());
        if (model.getJobId() != null) {
            metadata.put("job", Long.toString(model.getJobId()));
        }
        if (model.getDataset() != null) {
            metadata.put("dataset", model.getDataset());
        }
        // The weights' copies live only as long as the export takes.
        return Workspaces.run(
                "export",
                () -> format == ExportFormat.ONNX
                        ? OnnxExport.of(generator.graph(), "model-" + id, metadata)
                        : Dl4jExport.of(generator.graph()));
    }

    /** What a job that continues model {@code id} starts from; empty when there is no such model. */
    @Transactional(readOnly = true)
    public Optional<ModelOrigin> origin(long id) {
        return models.findById(id).map(model -> {
            ModelArtifact.Summary summary = ModelArtifact.summary(artifact(id).getContent());
            return new ModelOrigin(
                    id, summary.architecture(), summary.shape(), summary.iteration(), model.getDataset());
        });
    }

    /** The saved model a job continues, or empty when it was deleted since the job was submitted. */
    @Transactional(readOnly = true)
    public Optional<byte[]> archiveOf(long id) {
        return models.findById(id)
                .flatMap(m -> artifacts.findById(m.getArtifactId()))
                .map(Artifact::getContent);
    }

    /**
     * Imports a native export of another instance: the body is received as an upload (spooled,
     * at most {@code gan.uploads.max-bytes}), checked against {@code sha256} when the client sent
     * one, read as untrusted ({@link ModelArtifact#readImported}), and stored with its artifact
     * in one transaction, so that a refused archive leaves nothing behind.
     *
     * @param dataset the dataset it was trained on, as this instance names it; null for none
     */
    public ModelView importArchive(InputStream body, String sha256, String dataset) {
        if (dataset != null && !catalog.names().contains(dataset)) {
            throw new InvalidFieldException("dataset", "no dataset is named '" + dataset + "'");
        }
        return slots.receive(body, in -> {
            byte[] archive;
            try {
                archive = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (sha256 != null && !sha256.equalsIgnoreCase(Hashes.sha256(archive))) {
                throw new InvalidFieldException(
                        "X-Checksum-SHA256", "does not match the body's SHA-256 (" + Hashes.sha256(archive) + ")");
            }
            GenerativeModel model = ModelArtifact.readImported(
                    archive, uploads.archive(uploads.maxExamples()), IMPORT_OPTIMIZER, families);
            return view(imports.store(model, archive, dataset));
        });
    }

    /**
     * A PNG grid of {@code count} samples, of class {@code label} when given (conditional
     * models only); the same seed gives the same bytes.
     */
    public byte[] samplePng(long id, int count, long seed, OptionalInt label, boolean filtered) {
        return SamplePictures.png(generator(find(id), filtered), count, seed, checkedLabel(id, label));
    }

    /** {@code count} raw samples, of class {@code label} when given; the same seed gives the same values. */
    public Samples samples(long id, int count, long seed, OptionalInt label, boolean filtered) {
        TrainedModel model = find(id);
        GeneratorModel generator = generator(model, filtered);
        OptionalInt checked = checkedLabel(id, label);
        float[][] rows = Workspaces.run("samples", () -> {
            return Tensors.floatRows(generator.generate(count, seed, checked));
        });
        return new Samples(id, seed, model.getExampleShape(), rows);
    }

    /** Walks between latent points, {@code rows} of {@code steps} images; image models only. */
    public byte[] interpolationPng(long id, int rows, int steps, long seed, OptionalInt label) {
        TrainedModel model = find(id);
        if (model.getExampleShape().length != 3) {
            throw new InvalidFieldException(
                    "id",
                    "model " + id + " makes rows of numbers, not images; "
                            + "interpolation pictures are drawn for image models");
        }
        return Interpolation.png(generator(model), rows, steps, seed, checkedLabel(id, label));
    }

    /**
     * Originals and reconstructions of uploaded images (a zip, resized to the model's size),
     * as a PNG: each row of originals followed by the row of their reconstructions.
     */
    public byte[] reconstructImages(long id, InputStream zip) {
        Reconstructor reconstructor = reconstructor(id);
        long[] shape = reconstructor.shape().exampleShape();
        if (shape.length != 3) {
            throw new InvalidFieldException(
                    "Content-Type", "model " + id + " reconstructs rows of numbers; send text/csv");
        }
        return slots.receive(
                zip,
                in -> reconstructed(
                        reconstructor,
                        ImageArchive.read(in, (int) shape[1], (int) shape[0], uploads.archive(maxCount))));
    }

    private static byte[] reconstructed(Reconstructor reconstructor, ImageDataset images) {
        return Workspaces.run("reconstructions", () -> {
            INDArray originals = images.batch(all(images.size()));
            INDArray reconstructed = reconstructor.reconstruct(originals);
            int perRow = Math.min(RECONSTRUCTIONS_PER_ROW, images.size());
            List<INDArray> rows = new ArrayList<>();
            for (int from = 0; from < images.size(); from += perRow) {
                int to = Math.min(images.size(), from + perRow);
                rows.add(padded(originals, from, to, perRow));
                rows.add(padded(reconstructed, from, to, perRow));
            }
            return SampleGrid.png(Nd4j.concat(0, rows.toArray(INDArray[]::new)), perRow);
        });
    }

    /** Reconstructions of uploaded rows (CSV, the model's features in order, no labels) and each row's squared error. */
    public Reconstructions reconstructRows(long id, InputStream csv) {
        Reconstructor reconstructor = reconstructor(id);
        long[] shape = reconstructor.shape().exampleShape();
        if (shape.length != 1) {
            throw new InvalidFieldException(
                    "Content-Type", "model " + id + " reconstructs images; send a zip (application/zip)");
        }
        TabularDataset rows = slots.receive(
                csv,
                in -> CsvTables.read(
                        new InputStreamReader(in, StandardCharsets.UTF_8),
                        null,
                        maxCount,
                        uploads.maxColumns(),
                        (long) maxCount * shape[0]));
        if (rows.exampleShape()[0] != shape[0]) {
            throw new InvalidDataException(
                    "rows have " + rows.exampleShape()[0] + " columns; model " + id + " takes " + shape[0]);
        }
        return Workspaces.run("reconstructions", () -> {
            INDArray x = rows.batch(all(rows.size()));
            INDArray r = reconstructor.reconstruct(x);
            INDArray e = r.sub(x);
            return new Reconstructions(
                    id, Tensors.floatRows(r), e.mul(e).mean(1).toDoubleVector());
        });
    }

    /** Rows [from, to) of a batch, padded with blank (white) images to {@code width}. */
    private static INDArray padded(INDArray images, int from, int to, int width) {
        INDArray part =
                images.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
        if (to - from == width) {
            return part;
        }
        long[] blankShape = images.shape().clone();
        blankShape[0] = width - (to - from);
        return Nd4j.concat(0, part, Nd4j.ones(images.dataType(), blankShape));
    }

    private static int[] all(int n) {
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return indices;
    }

    private Reconstructor reconstructor(long id) {
        TrainedModel model = find(id); // before the cache: see generator(TrainedModel)
        Reconstructor cached = reconstructors.get(id);
        if (cached != null) {
            return cached;
        }
        if (!families.find(model.getArchitecture())
                .map(f -> f.serves(Capability.RECONSTRUCTIONS))
                .orElse(false)) {
            throw new InvalidFieldException(
                    "id",
                    "model " + id + " (" + model.getArchitecture() + ") does not reconstruct; models of "
                            + families.serving(Capability.RECONSTRUCTIONS) + " do");
        }
        Reconstructor loaded = ModelArtifact.readReconstructor(artifact(id).getContent(), families);
        reconstructors.put(id, loaded);
        return loaded;
    }

    private static <V> Map<Long, V> lruCache(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > capacity;
            }
        });
    }

    private OptionalInt checkedLabel(long id, OptionalInt label) {
        if (label.isEmpty()) {
            return label;
        }
        int classes = find(id).getClassCount();
        if (classes == 0) {
            throw new InvalidFieldException(
                    "label",
                    "model " + id + " is not class-conditional; train one of "
                            + families.serving(Capability.CLASS_CONDITIONAL) + " to choose the class");
        }
        if (label.getAsInt() < 0 || label.getAsInt() >= classes) {
            throw new InvalidFieldException(
                    "label", "must be between 0 and " + (classes - 1) + " (was " + label.getAsInt() + ")");
        }
        return label;
    }

    /** The generator, through its discriminator's filter unless {@code filtered} is false (models that filter). */
    private GeneratorModel generator(TrainedModel model, boolean filtered) {
        return filtered ? generator(model) : generator(model).unfiltered();
    }

    /**
     * The model's generator, loaded once. Callers pass the model's row, read first: the model may
     * have been deleted with its job since it was cached, here or on another instance sharing the
     * database, and then it is 404, not served from the cache.
     */
    private GeneratorModel generator(TrainedModel model) {
        GeneratorModel cached = generators.get(model.getId());
        if (cached != null) {
            return cached;
        }
        GeneratorModel loaded =
                ModelArtifact.readGenerator(artifact(model.getId()).getContent(), families);
        generators.put(model.getId(), loaded);
        return loaded;
    }

    /**
     * Deletes the model a job trained, with its artifact, in the caller's transaction (the job's
     * deletion); nothing if the job has none. Its generator leaves this instance's caches.
     */
    @Transactional
    public void deleteOfJob(long jobId) {
        models.findByJobId(jobId).ifPresent(this::remove);
    }

    /**
     * Deletes an imported model with its archive. A model trained here goes with its job
     * ({@code DELETE /jobs/{id}}), which owns its history: 409. A job that would continue it and
     * has not started fails, saying so.
     */
    @Transactional
    public void deleteImported(long id) {
        TrainedModel model = find(id);
        if (model.getJobId() != null) {
            throw new ConflictException("model %d was trained by job %d; deleting the job (DELETE /jobs/%d) deletes it"
                    .formatted(id, model.getJobId(), model.getJobId()));
        }
        remove(model);
    }

    private void remove(TrainedModel model) {
        models.delete(model);
        models.flush(); // the model points at its artifact
        artifacts.deleteById(model.getArtifactId());
        generators.remove(model.getId());
        reconstructors.remove(model.getId());
    }

    private TrainedModel find(long id) {
        return models.findById(id).orElseThrow(() -> new NotFoundException("model " + id + " does not exist"));
    }

    private ModelView view(TrainedModel m) {
        ArtifactRepository.Summary a = artifacts.findSummary(m.getArtifactId()).orElseThrow();
        return new ModelView(
                m.getId(),
                m.getJobId(),
                m.getArchitecture(),
                m.getDataset(),
                m.getLatentDim(),
                m.getExampleShape(),
                m.getClassCount(),
                json.readValue(m.getNetworkParameters(), new TypeReference<LinkedHashMap<String, Long>>() {}),
                m.getIterations(),
                a.sizeBytes(),
                a.sha256(),
                m.getCreatedAt());
    }
}
