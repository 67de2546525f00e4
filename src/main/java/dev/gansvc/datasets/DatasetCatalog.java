package dev.gansvc.datasets;

import dev.gansvc.GanProperties;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.data.IdxFiles;
import dev.gansvc.engine.data.ImageDataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The datasets jobs can train on, by name: image sets configured as IDX files, and the built-in
 * 2D Gaussian mixtures. Each is loaded (or drawn, from a fixed seed) once and kept.
 */
@Component
public class DatasetCatalog {

    /** Points drawn for a built-in mixture: ample for any batch size and epoch count. */
    static final int MIXTURE_POINTS = 64_000;
    private static final long MIXTURE_SEED = 20180101L;

    private final Map<String, GanProperties.DatasetFiles> files;
    private final ResourceLoader resources;
    private final Map<String, Dataset> loaded = new ConcurrentHashMap<>();

    public DatasetCatalog(GanProperties properties, ResourceLoader resources) {
        this.files = properties.datasets();
        this.resources = resources;
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>(files.keySet());
        names.addAll(GaussianMixture.names());
        return names;
    }

    public Optional<Dataset> find(String name) {
        if (files.containsKey(name)) {
            return Optional.of(loaded.computeIfAbsent(name, this::load));
        }
        return GaussianMixture.byName(name)
                .map(mixture -> loaded.computeIfAbsent(name, n -> mixture.sample(MIXTURE_POINTS, MIXTURE_SEED)));
    }

    private Dataset load(String name) {
        GanProperties.DatasetFiles f = files.get(name);
        try (InputStream images = resources.getResource(f.images()).getInputStream();
             InputStream labels = resources.getResource(f.labels()).getInputStream()) {
            ImageDataset all = IdxFiles.read(images, labels);
            return f.limit() == null || f.limit() >= all.size() ? all : all.head(f.limit());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset '" + name + "' from " + f.images() + ", " + f.labels(), e);
        }
    }
}
