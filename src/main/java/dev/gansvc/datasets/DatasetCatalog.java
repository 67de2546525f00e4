package dev.gansvc.datasets;

import dev.gansvc.GanProperties;
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

/** The datasets jobs can train on, by name, loaded once from their IDX files and kept. */
@Component
public class DatasetCatalog {

    private final Map<String, GanProperties.DatasetFiles> files;
    private final ResourceLoader resources;
    private final Map<String, ImageDataset> loaded = new ConcurrentHashMap<>();

    public DatasetCatalog(GanProperties properties, ResourceLoader resources) {
        this.files = properties.datasets();
        this.resources = resources;
    }

    public Set<String> names() {
        return new TreeSet<>(files.keySet());
    }

    public Optional<ImageDataset> find(String name) {
        if (!files.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of(loaded.computeIfAbsent(name, this::load));
    }

    private ImageDataset load(String name) {
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
