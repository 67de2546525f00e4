package dev.gansvc.datasets;

import dev.gansvc.GanProperties;
import dev.gansvc.Hashes;
import dev.gansvc.engine.data.CsvTables;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.DatasetCodec;
import dev.gansvc.engine.data.ImageArchive;
import dev.gansvc.engine.nn.Workspaces;
import dev.gansvc.engine.render.SampleGrid;
import dev.gansvc.security.Caller;
import dev.gansvc.web.ConflictException;
import dev.gansvc.web.Echo;
import dev.gansvc.web.InvalidFieldException;
import dev.gansvc.web.NotFoundException;
import dev.gansvc.web.TooManyRequestsException;
import dev.gansvc.web.UploadSlots;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Uploading, listing and deleting datasets. */
@Service
public class DatasetService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /**
     * What a key over its storage quota is told to wait: room comes back only when it deletes
     * datasets, so this is when to look again rather than a promise.
     */
    private static final int STORAGE_RETRY_AFTER_SECONDS = 60;

    private final DatasetCatalog catalog;
    private final UploadedDatasetRepository uploads;
    private final DatasetUsers users;
    private final GanProperties.Uploads limits;
    private final UploadSlots slots;
    private final JsonMapper json;
    private final Clock clock;

    static final int PREVIEW_IMAGES = 64;
    static final int PREVIEW_ROWS = 2000;
    private static final long PREVIEW_SEED = 7;

    public DatasetService(
            DatasetCatalog catalog,
            UploadedDatasetRepository uploads,
            DatasetUsers users,
            GanProperties properties,
            UploadSlots slots,
            JsonMapper json,
            Clock clock) {
        this.slots = slots;
        this.catalog = catalog;
        this.uploads = uploads;
        this.users = users;
        this.limits = properties.uploads();
        this.json = json;
        this.clock = clock;
    }

    /** A zip of images, decoded, resized and stored under {@code name}. */
    public DatasetView uploadImages(String name, InputStream zip, int imageSize, int channels) {
        checkNewName(name);
        if (imageSize < 4 || imageSize > limits.maxImageSize()) {
            throw new InvalidFieldException(
                    "imageSize", "must be between 4 and " + limits.maxImageSize() + " (was " + imageSize + ")");
        }
        if (channels != 1 && channels != 3) {
            throw new InvalidFieldException("channels", "must be 1 (grey) or 3 (RGB) (was " + channels + ")");
        }
        return slots.receive(
                zip,
                in -> store(
                        name,
                        "images",
                        ImageArchive.read(in, imageSize, channels, limits.archive(limits.maxExamples()))));
    }

    /** A CSV file of numeric columns, with an optional label column, stored under {@code name}. */
    public DatasetView uploadTable(String name, InputStream csv, String labelColumn) {
        checkNewName(name);
        return slots.receive(
                csv,
                in -> store(
                        name,
                        "table",
                        CsvTables.read(
                                new InputStreamReader(in, StandardCharsets.UTF_8),
                                labelColumn,
                                limits.maxExamples(),
                                limits.maxColumns(),
                                limits.maxValues())));
    }

    public List<DatasetView> list() {
        List<DatasetView> views = new ArrayList<>();
        catalog.builtInNames().forEach(name -> views.add(builtIn(name)));
        uploads.summaries().forEach(d -> views.add(view(d)));
        return views;
    }

    /**
     * A picture of the dataset: {@value #PREVIEW_IMAGES} of its images as a grid, or a scatter
     * plot of up to {@value #PREVIEW_ROWS} rows (their first two features), drawn at random with
     * a fixed seed, so that sorted data shows all it holds and the picture is the same each time.
     */
    public byte[] previewPng(String name) {
        get(name); // 404 for a dataset that does not exist
        Dataset data = catalog.find(name)
                .orElseThrow(() -> new NotFoundException("dataset '" + Echo.value(name) + "' does not exist"));
        boolean images = data.exampleShape().length == 3;
        int count = Math.min(data.size(), images ? PREVIEW_IMAGES : PREVIEW_ROWS);
        int[] order = IntStream.range(0, data.size()).toArray();
        Random random = new Random(PREVIEW_SEED);
        for (int i = 0; i < count; i++) { // the first count steps of a Fisher-Yates shuffle
            int j = i + random.nextInt(order.length - i);
            int chosen = order[j];
            order[j] = order[i];
            order[i] = chosen;
        }
        int[] drawn = Arrays.copyOf(order, count);
        return Workspaces.run("dataset-preview", () -> SampleGrid.picture(data.batch(drawn)));
    }

    public DatasetView get(String name) {
        if (catalog.isBuiltIn(name)) {
            return builtIn(name);
        }
        return uploads.summary(name)
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("dataset '" + Echo.value(name) + "' does not exist"));
    }

    /**
     * Deletes an upload no queued or running job needs; models trained on it stay. A trainer's
     * key may delete only what it uploaded (403).
     */
    @Transactional
    public void delete(String name) {
        if (catalog.isBuiltIn(name)) {
            throw new ConflictException("dataset '" + name + "' is built in and cannot be deleted");
        }
        UploadedDatasetRepository.Summary d = uploads.summary(name)
                .orElseThrow(() -> new NotFoundException("dataset '" + Echo.value(name) + "' does not exist"));
        Caller.requireOwner(d.uploadedBy(), "dataset '" + name + "'");
        List<Long> using = users.unfinishedJobs(name);
        if (!using.isEmpty()) {
            throw new ConflictException("dataset '" + name + "' is in use by unfinished jobs " + using
                    + "; cancel them or wait for them to finish");
        }
        uploads.deleteById(d.id());
        catalog.evict(d.id());
    }

    /** Stores a decoded upload under the request's API key (none in open mode), within the key's storage quota. */
    private DatasetView store(String name, String kind, Dataset data) {
        Long owner = Caller.currentKeyId();
        byte[] content = DatasetCodec.encode(data);
        if (owner != null) {
            checkStorage(owner, content.length);
        }
        try {
            uploads.saveAndFlush(new UploadedDataset(
                    name,
                    kind,
                    shape(data.exampleShape()),
                    data.size(),
                    json.writeValueAsString(data.classNames()),
                    content,
                    Hashes.sha256(content),
                    clock.instant(),
                    owner));
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("dataset '" + name + "' already exists");
        }
        return get(name);
    }

    /**
     * Refuses (429) a dataset that would take the key's stored bytes past
     * {@code gan.uploads.max-storage-per-key}. Counted, not reserved: two uploads of one key at
     * the same moment may pass it by one dataset.
     */
    private void checkStorage(long owner, long size) {
        long stored = uploads.storedBytesOf(owner);
        if (stored + size > limits.maxStoragePerKey()) {
            throw new TooManyRequestsException(
                    ("this API key stores %d bytes of datasets; this one (%d bytes) would take it past %d "
                                    + "(gan.uploads.max-storage-per-key): delete datasets it no longer needs to make room")
                            .formatted(stored, size, limits.maxStoragePerKey()),
                    STORAGE_RETRY_AFTER_SECONDS);
        }
    }

    private void checkNewName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidFieldException(
                    "name",
                    "must be 1 to 64 lower-case letters, digits, '-' or '_', " + "starting with a letter or digit (was "
                            + Echo.value(name) + ")");
        }
        if (catalog.isBuiltIn(name) || uploads.summary(name).isPresent()) {
            throw new ConflictException(
                    "dataset '" + name + "' already exists; delete it first or choose another name");
        }
    }

    private DatasetView builtIn(String name) {
        Dataset d = catalog.find(name).orElseThrow();
        return new DatasetView(
                name,
                catalog.isConfigured(name) ? "configured" : "built-in",
                d.exampleShape().length == 3 ? "images" : "table",
                d.exampleShape(),
                d.size(),
                d.classNames(),
                null,
                null,
                null,
                null);
    }

    private DatasetView view(UploadedDatasetRepository.Summary d) {
        return new DatasetView(
                d.name(),
                "uploaded",
                d.kind(),
                Arrays.stream(d.exampleShape().split(","))
                        .mapToLong(Long::parseLong)
                        .toArray(),
                d.examples(),
                json.readValue(d.classNames(), new TypeReference<List<String>>() {}),
                d.sizeBytes(),
                d.sha256(),
                d.createdAt(),
                d.uploadedBy());
    }

    private static String shape(long[] shape) {
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(","));
    }
}
