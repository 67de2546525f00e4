package dev.gansvc.datasets;

import dev.gansvc.GanProperties;
import dev.gansvc.engine.data.CsvTables;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.DatasetCodec;
import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.data.IdxFiles;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.data.ShapeImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The datasets jobs can train on, by name: image sets configured as IDX files, the built-in 2D
 * Gaussian mixtures, the built-in colour pictures of shapes, Fisher's iris measurements as DL4J
 * ships them, and uploads stored in the database. Each is loaded (or drawn, from a fixed seed)
 * once and kept (the shapes draw their pixels as batches ask); an upload is kept by its id, so a
 * name deleted and uploaded again is read afresh.
 */
@Component
public class DatasetCatalog {

    /** Points drawn for a built-in mixture: ample for any batch size and epoch count. */
    static final int MIXTURE_POINTS = 64_000;

    private static final long MIXTURE_SEED = 20180101L;
    /** In deeplearning4j-core: 150 rows of four measurements in cm and the species index. */
    private static final String IRIS = "iris";

    private static final String IRIS_RESOURCE = "classpath:iris.dat";
    private static final List<String> IRIS_SPECIES = List.of("setosa", "versicolor", "virginica");

    private final Map<String, GanProperties.DatasetFiles> files;
    private final ResourceLoader resources;
    private final Map<String, Dataset> loaded = new ConcurrentHashMap<>();
    private final Map<Long, Dataset> uploads = new ConcurrentHashMap<>();
    private final UploadedDatasetRepository uploaded;

    public DatasetCatalog(GanProperties properties, ResourceLoader resources, UploadedDatasetRepository uploaded) {
        this.files = properties.datasets();
        this.resources = resources;
        this.uploaded = uploaded;
    }

    /** The built-in and configured datasets, which cannot be deleted or replaced. */
    public Set<String> builtInNames() {
        Set<String> names = new TreeSet<>(files.keySet());
        names.addAll(GaussianMixture.names());
        names.add(IRIS);
        names.add(ShapeImages.SHAPES64);
        return names;
    }

    /** Whether it holds MNIST digits (gan.datasets.NAME.digits). */
    public boolean isDigits(String name) {
        return files.containsKey(name) && files.get(name).digits();
    }

    /** Whether it is one of the IDX image sets named in gan.datasets. */
    public boolean isConfigured(String name) {
        return files.containsKey(name);
    }

    public boolean isBuiltIn(String name) {
        return builtInNames().contains(name);
    }

    public Set<String> names() {
        Set<String> names = builtInNames();
        uploaded.summaries().forEach(d -> names.add(d.name()));
        return names;
    }

    public Optional<Dataset> find(String name) {
        if (files.containsKey(name)) {
            return Optional.of(loaded.computeIfAbsent(name, this::load));
        }
        if (name.equals(IRIS)) {
            return Optional.of(loaded.computeIfAbsent(name, n -> iris()));
        }
        if (name.equals(ShapeImages.SHAPES64)) {
            return Optional.of(loaded.computeIfAbsent(name, n -> ShapeImages.shapes64()));
        }
        Optional<GaussianMixture> mixture = GaussianMixture.byName(name);
        if (mixture.isPresent()) {
            return Optional.of(loaded.computeIfAbsent(name, n -> mixture.get().sample(MIXTURE_POINTS, MIXTURE_SEED)));
        }
        return uploaded.summary(name)
                .map(d -> uploads.computeIfAbsent(
                        d.id(),
                        id -> DatasetCodec.decode(
                                uploaded.findById(id).orElseThrow().getContent())));
    }

    /** Forgets a deleted upload. */
    void evict(long id) {
        uploads.remove(id);
    }

    private Dataset iris() {
        try (Reader in = new InputStreamReader(
                resources.getResource(IRIS_RESOURCE).getInputStream(), StandardCharsets.US_ASCII)) {
            return CsvTables.read(in, "4", 150, 5, 600).withClassNames(IRIS_SPECIES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + IRIS_RESOURCE, e);
        }
    }

    private Dataset load(String name) {
        GanProperties.DatasetFiles f = files.get(name);
        try (InputStream images = resources.getResource(f.images()).getInputStream();
                InputStream labels = resources.getResource(f.labels()).getInputStream()) {
            ImageDataset all = IdxFiles.read(images, labels);
            return f.limit() == null || f.limit() >= all.size() ? all : all.head(f.limit());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read dataset '" + name + "' from " + f.images() + ", " + f.labels(), e);
        }
    }
}
