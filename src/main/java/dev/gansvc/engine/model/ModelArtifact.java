package dev.gansvc.engine.model;

import dev.gansvc.engine.data.CountingInputStream;
import dev.gansvc.engine.data.FeatureScaling;
import dev.gansvc.engine.data.InvalidDataException;
import dev.gansvc.engine.data.LimitExceededException;
import dev.gansvc.engine.data.UnpackedEntries;
import dev.gansvc.engine.data.UploadLimits;
import dev.gansvc.engine.nn.Network;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The saved form of a {@link GenerativeModel}: a zip holding a manifest and, as ND4J binary
 * arrays, every network's parameters, batch-norm statistics and Adam moments, and the
 * generator's weight average, for tables the feature standardisation, where one was fitted
 * the code density, and the clusters of a model conditioned on them. It is everything needed to sample or to resume training exactly.
 */
public final class ModelArtifact {

    /**
     * Format 3 names its networks and records the class count, variant, packing (1 when absent) and clusters (0 when
     * absent); format 2 added the example shape.
     * Older formats hold a generator and a discriminator; format 1 only 28x28 grey DCGANs.
     */
    static final int FORMAT = 3;

    private static final long[] FORMAT_1_SHAPE = {1, 28, 28};
    private static final String FORMAT_2_NETWORKS = "generator,discriminator";
    private static final String MANIFEST = "manifest.properties";
    /** The entries of {@link CodeDensity#arrays()}, in order. */
    private static final List<String> CODE_DENSITY =
            List.of("codeDensity.weights", "codeDensity.means", "codeDensity.factors");
    /** The entries of {@link ExampleClusters#arrays()}, in order. */
    private static final List<String> CLUSTERS = List.of("clusters.weights", "clusters.centres");

    /** ND4J's largest rank; a header claiming more is forged. */
    private static final int MAX_RANK = 32;

    /** Bounds on an imported shape before the family's own checks: no job's data is larger. */
    private static final int MAX_EXAMPLE_SIDE = 1 << 16;

    private static final int MAX_CLASSES = 1 << 16;

    private ModelArtifact() {}

    public static byte[] write(GenerativeModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            // Floats barely compress: the fastest level is 1% larger and a fifth quicker.
            zip.setLevel(Deflater.BEST_SPEED);
            Properties manifest = new Properties();
            manifest.setProperty("format", Integer.toString(FORMAT));
            manifest.setProperty("architecture", model.family().id());
            manifest.setProperty("latentDim", Integer.toString(model.latentDim()));
            manifest.setProperty(
                    "exampleShape",
                    Arrays.stream(model.exampleShape()).mapToObj(Long::toString).collect(Collectors.joining(",")));
            manifest.setProperty("classCount", Integer.toString(model.shape().classCount()));
            manifest.setProperty("variant", model.shape().variant());
            manifest.setProperty("packing", Integer.toString(model.shape().packing()));
            manifest.setProperty("clusters", Integer.toString(model.shape().clusters()));
            manifest.setProperty("networks", String.join(",", model.networkNames()));
            manifest.setProperty("iteration", Long.toString(model.iteration()));
            manifest.setProperty("generator.averageDecay", Double.toString(model.averageDecay()));
            for (String name : model.networkNames()) {
                manifest.setProperty(
                        name + ".adamSteps",
                        Integer.toString(model.optimizer(name).steps()));
                manifest.setProperty(
                        name + ".parameterCount",
                        Long.toString(model.network(name).parameterCount()));
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.store(zip, "gan-service model artifact");
            zip.closeEntry();
            for (String name : model.networkNames()) {
                putArray(zip, name + ".parameters", model.network(name).parameters());
                putArray(zip, name + ".state", model.network(name).state());
                putArray(zip, name + ".adam", model.optimizer(name).moments());
            }
            putArray(zip, "generator.average", model.averageParameters());
            if (model.scaling().isPresent()) {
                putArray(zip, "scaling.mean", model.scaling().get().mean());
                putArray(zip, "scaling.std", model.scaling().get().std());
            }
            if (model.codeDensity().isPresent()) {
                INDArray[] density = model.codeDensity().get().arrays();
                for (int i = 0; i < CODE_DENSITY.size(); i++) {
                    putArray(zip, CODE_DENSITY.get(i), density[i]);
                }
            }
            if (model.clusters().isPresent()) {
                INDArray[] clusters = model.clusters().get().arrays();
                for (int i = 0; i < CLUSTERS.size(); i++) {
                    putArray(zip, CLUSTERS.get(i), clusters[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Restores a model to continue training; the optimiser settings come from the job. */
    public static GenerativeModel readModel(byte[] artifact, OptimizerSettings optimizer, FamilyLookup families) {
        return model(unpack(artifact), optimizer, families);
    }

    /** What an archive holds, read from its manifest: the family, the networks' shape and the steps taken. */
    public record Summary(String architecture, ModelShape shape, long iteration) {}

    /** The archive's {@link Summary}, without reading its arrays. */
    public static Summary summary(byte[] artifact) {
        Contents c = unpack(artifact);
        return new Summary(
                c.manifest().getProperty("architecture"),
                c.shape(),
                Long.parseLong(c.manifest().getProperty("iteration")));
    }

    /**
     * A model archive from outside the service (another instance's native export), read as
     * untrusted: within {@code limits} once unpacked, no entries but a model's, the shape within
     * what a job may ask for, each array's header consistent with its bytes and its length the
     * architecture's before anything is allocated for it, every number finite. Returns the model
     * as training would resume it, with Adam settings of {@code optimizer} (its average decay
     * the archive's).
     *
     * @throws InvalidDataException naming what is wrong
     */
    public static GenerativeModel readImported(
            byte[] archive, UploadLimits limits, OptimizerSettings optimizer, FamilyLookup families) {
        Contents c = unpackChecked(archive, limits);
        ModelFamily family = families.find(c.manifest().getProperty("architecture", ""))
                .orElseThrow(() ->
                        new InvalidDataException("the archive's architecture '%s' is not a model family of this service"
                                .formatted(c.manifest().getProperty("architecture"))));
        ModelShape shape;
        try {
            shape = c.shape();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidDataException(
                    "the archive's manifest does not give a model's shape (latentDim, exampleShape, classCount, ...)");
        }
        checkShape(family, shape);
        Set<String> expected = new HashSet<>(Set.of(MANIFEST, "generator.average", "scaling.mean", "scaling.std"));
        expected.addAll(CODE_DENSITY);
        expected.addAll(CLUSTERS);
        List<String> networks = family.networks(shape).keySet().stream().toList();
        if (!networks.equals(c.networks())) {
            throw new InvalidDataException(
                    "the archive holds networks %s; a %s model has %s".formatted(c.networks(), family.id(), networks));
        }
        for (String name : networks) {
            for (String suffix : List.of(".parameters", ".state", ".adam")) {
                if (!c.has(name + suffix)) {
                    throw new InvalidDataException("the archive has no entry '%s%s'".formatted(name, suffix));
                }
                expected.add(name + suffix);
            }
        }
        for (String entry : c.entries().keySet()) {
            if (!expected.contains(entry)) {
                throw new InvalidDataException("the archive has an entry '%s' that no model has".formatted(entry));
            }
            if (!entry.equals(MANIFEST)) {
                checkArrayHeader(entry, c.entries().get(entry));
            }
        }
        OptimizerSettings settings;
        try {
            settings = new OptimizerSettings(
                    optimizer.learningRate(), optimizer.beta1(), optimizer.beta2(), c.averageDecay());
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException("the archive's generator.averageDecay is not a decay in [0, 1)");
        }
        GenerativeModel sized = GenerativeModel.empty(family, shape, settings);
        for (String name : networks) {
            long count = sized.network(name).parameterCount();
            for (String suffix : List.of(".parameters", ".adam")) {
                long declared = declaredLength(c.entries().get(name + suffix));
                long wanted = suffix.equals(".adam") ? 2 * count : count;
                if (declared != wanted) {
                    throw new InvalidDataException("the archive's %s%s holds %d numbers; a %s of this shape needs %d"
                            .formatted(name, suffix, declared, name, wanted));
                }
            }
        }
        GenerativeModel model;
        try {
            model = model(c, settings, families);
            GeneratorModel.of(model);
        } catch (InvalidDataException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidDataException(
                    "the archive's arrays do not fit a %s model of its shape".formatted(family.id()));
        }
        for (String name : networks) {
            requireFinite(name + " weights", model.network(name).parameters());
            requireFinite(name + " batch-norm statistics", model.network(name).state());
            requireFinite(name + " optimiser state", model.optimizer(name).moments());
        }
        requireFinite("generator average", model.averageParameters());
        return model;
    }

    private static GenerativeModel model(Contents c, OptimizerSettings optimizer, FamilyLookup families) {
        GenerativeModel model = GenerativeModel.empty(c.family(families), c.shape(), optimizer);
        if (!model.networkNames().equals(c.networks())) {
            throw new IllegalArgumentException("artifact holds networks " + c.networks() + ", "
                    + model.family().id() + " has " + model.networkNames());
        }
        for (String name : c.networks()) {
            fill(model.network(name), c, name);
            model.optimizer(name).restore(c.array(name + ".adam"), c.intProperty(name + ".adamSteps"));
        }
        if (c.has("generator.average")) {
            model.averageParameters()
                    .assign(c.array("generator.average")
                            .reshape(model.averageParameters().shape()));
        }
        model.setIteration(Long.parseLong(c.manifest().getProperty("iteration")));
        c.scaling().ifPresent(model::setScaling);
        c.codeDensity().ifPresent(model::setCodeDensity);
        c.clusters().ifPresent(model::setClusters);
        return model;
    }

    /** Restores what sampling needs: the generator, and the discriminator of a model that filters its samples. */
    public static GeneratorModel readGenerator(byte[] artifact, FamilyLookup families) {
        Contents c = unpack(artifact);
        ModelFamily family = c.family(families);
        ModelShape shape = c.shape();
        Map<String, Network> networks = family.networks(shape);
        Network generator = networks.get(GenerativeModel.GENERATOR);
        fill(generator, c, GenerativeModel.GENERATOR);
        Optional<String> filter = family.sampleFilter(shape);
        Optional<Network> discriminator = filter.map(networks::get);
        filter.ifPresent(name -> fill(networks.get(name), c, name));
        double decay = c.averageDecay();
        long steps = Long.parseLong(c.manifest().getProperty("iteration"));
        if (decay > 0 && steps > 0) {
            generator
                    .parameters()
                    .assign(c.array("generator.average")
                            .reshape(generator.parameters().shape())
                            .div(1 - Math.pow(decay, steps)));
        }
        return GeneratorModel.of(family, shape, generator, c.scaling(), discriminator, c.codeDensity(), c.clusters());
    }

    /** Restores the encoder and decoder of an autoencoder or VAE, for reconstructions. */
    public static Reconstructor readReconstructor(byte[] artifact, FamilyLookup families) {
        Contents c = unpack(artifact);
        ModelFamily family = c.family(families);
        if (!family.serves(Capability.RECONSTRUCTIONS)) {
            throw new IllegalArgumentException(family.id() + " models do not reconstruct");
        }
        ModelShape shape = c.shape();
        Map<String, Network> networks = family.networks(shape);
        networks.forEach((name, network) -> fill(network, c, name));
        return family.reconstructor(shape, networks, c.scaling());
    }

    private static void fill(Network network, Contents c, String name) {
        INDArray parameters = c.array(name + ".parameters");
        if (parameters.length() != network.parameterCount()) {
            throw new IllegalArgumentException("artifact " + name + " has " + parameters.length()
                    + " parameters, the architecture " + network.parameterCount());
        }
        network.parameters().assign(parameters.reshape(network.parameters().shape()));
        network.state().assign(c.array(name + ".state").reshape(network.state().shape()));
    }

    private static void putArray(ZipOutputStream zip, String name, INDArray array) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        // Buffered: ND4J writes an array a number at a time, and each small write into the zip
        // stream went through the compressor on its own: 220 ms for a 2-D mixture GAN's
        // checkpoint, written at every epoch's end, against 62 ms buffered and at BEST_SPEED.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(zip, 1 << 16));
        Nd4j.write(array, out);
        out.flush();
        zip.closeEntry();
    }

    /** Refuses a shape no job could ask for, before any network of it is sized. */
    private static void checkShape(ModelFamily family, ModelShape shape) {
        List<String> problems = new ArrayList<>();
        CommonOptions.LATENT_DIM.problem(shape.latentDim()).ifPresent(p -> problems.add("latentDim " + p));
        ModelShape.PACKING.problem(shape.packing()).ifPresent(p -> problems.add("packing " + p));
        if (shape.clusters() > 0) {
            ExampleClusters.CLUSTERS.problem(shape.clusters()).ifPresent(p -> problems.add("clusters " + p));
        }
        long[] example = shape.exampleShape();
        if (example.length != 1 && example.length != 3
                || Arrays.stream(example).anyMatch(d -> d < 1 || d > MAX_EXAMPLE_SIDE)
                || shape.classCount() < 0
                || shape.classCount() > MAX_CLASSES) {
            problems.add("example shape %s with %d classes is not one the service trains"
                    .formatted(Arrays.toString(example), shape.classCount()));
        } else {
            family.unsupported(example, shape.classCount(), shape.variant()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidDataException("the archive's model: " + String.join("; ", problems));
        }
    }

    /**
     * Reads the two buffer headers ND4J writes (allocation mode, length, element type: the shape
     * information, then the data) and refuses lengths the entry's bytes cannot hold, so that a
     * forged header cannot make ND4J allocate more than the entry's size.
     */
    private static void checkArrayHeader(String name, byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            for (int buffer = 0; buffer < 2; buffer++) {
                in.readUTF();
                long length = in.readLong();
                int size = switch (in.readUTF()) {
                    case "LONG", "DOUBLE" -> 8;
                    case "FLOAT", "INT" -> 4;
                    default -> throw new InvalidDataException("entry '%s' is not an array of numbers".formatted(name));
                };
                long bytesLeft = in.available();
                // The shape information is short and leaves the data behind it; the data ends the entry.
                boolean fits = buffer == 0
                        ? length <= 2L * MAX_RANK + 4 && length <= bytesLeft / size
                        : length == bytesLeft / size && bytesLeft % size == 0;
                if (length < 0 || !fits) {
                    throw new InvalidDataException("entry '%s' is not a whole array".formatted(name));
                }
                in.skipNBytes(length * size);
            }
        } catch (IOException e) {
            throw new InvalidDataException("entry '%s' is not a whole array".formatted(name));
        }
    }

    /** The number of values an entry checked by {@link #checkArrayHeader} holds. */
    private static long declaredLength(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            in.readUTF();
            long shapeLength = in.readLong();
            in.readUTF();
            in.skipNBytes(shapeLength * 8);
            in.readUTF();
            return in.readLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireFinite(String what, INDArray values) {
        // A NaN or an infinity anywhere makes the sum one too.
        if (values.length() > 0 && !Double.isFinite(values.sumNumber().doubleValue())) {
            throw new InvalidDataException("the archive's " + what + " are not all finite numbers");
        }
    }

    /** The archive's entries, each within the upload limits once unpacked; its manifest checked. */
    private static Contents unpackChecked(byte[] archive, UploadLimits limits) {
        Map<String, byte[]> entries = new HashMap<>();
        UnpackedEntries unpacked = new UnpackedEntries(limits);
        CountingInputStream packed = new CountingInputStream(new ByteArrayInputStream(archive));
        try (ZipInputStream zip = new ZipInputStream(packed)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (entries.size() == limits.maxEntries()) {
                    throw new LimitExceededException(
                            "maxEntries", limits.maxEntries(), "more than " + limits.maxEntries() + " entries");
                }
                if (entries.put(e.getName(), unpacked.entry(e.getName(), zip, packed)) != null) {
                    throw new InvalidDataException("the archive has entry '%s' twice".formatted(e.getName()));
                }
            }
        } catch (IOException e) {
            throw new InvalidDataException("not a zip archive, or a damaged one (a checksum does not match)");
        }
        if (entries.isEmpty()) {
            throw new InvalidDataException("not a zip archive, or an empty one");
        }
        try {
            return contents(entries);
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException(e.getMessage());
        }
    }

    private static Contents unpack(byte[] artifact) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(artifact))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a model artifact: " + e.getMessage(), e);
        }
        return contents(entries);
    }

    /** The entries with their manifest read; a missing manifest or an unknown format is refused. */
    private static Contents contents(Map<String, byte[]> entries) {
        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null) {
            throw new IllegalArgumentException("not a model artifact: no " + MANIFEST);
        }
        Properties manifest = new Properties();
        try {
            manifest.load(new StringReader(new String(manifestBytes, StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Set.of("1", "2", Integer.toString(FORMAT)).contains(manifest.getProperty("format"))) {
            throw new IllegalArgumentException("unsupported artifact format " + manifest.getProperty("format"));
        }
        return new Contents(manifest, entries);
    }

    private record Contents(Properties manifest, Map<String, byte[]> entries) {

        /** The family that rebuilds its networks; the manifest calls it the architecture. */
        ModelFamily family(FamilyLookup families) {
            return families.require(manifest.getProperty("architecture"));
        }

        ModelShape shape() {
            String shape = manifest.getProperty("exampleShape");
            long[] exampleShape = shape == null
                    ? FORMAT_1_SHAPE.clone()
                    : Arrays.stream(shape.split(",")).mapToLong(Long::parseLong).toArray();
            return new ModelShape(
                    intProperty("latentDim"),
                    exampleShape,
                    Integer.parseInt(manifest.getProperty("classCount", "0")),
                    manifest.getProperty("variant", ""),
                    Integer.parseInt(manifest.getProperty("packing", "1")),
                    Integer.parseInt(manifest.getProperty("clusters", "0")));
        }

        List<String> networks() {
            return List.of(manifest.getProperty("networks", FORMAT_2_NETWORKS).split(","));
        }

        /** Decay of the generator's weight average; 0 (absent before averaging existed) when it is off. */
        double averageDecay() {
            return Double.parseDouble(manifest.getProperty("generator.averageDecay", "0"));
        }

        Optional<FeatureScaling> scaling() {
            return has("scaling.mean")
                    ? Optional.of(new FeatureScaling(array("scaling.mean"), array("scaling.std")))
                    : Optional.empty();
        }

        /** The fitted code density, absent from models that decode N(0, I) and from older artifacts. */
        Optional<CodeDensity> codeDensity() {
            return has(CODE_DENSITY.get(0))
                    ? Optional.of(CodeDensity.of(
                            array(CODE_DENSITY.get(0)), array(CODE_DENSITY.get(1)), array(CODE_DENSITY.get(2))))
                    : Optional.empty();
        }

        /** The clusters of a model conditioned on them; absent from others and from older artifacts. */
        Optional<ExampleClusters> clusters() {
            return has(CLUSTERS.get(0))
                    ? Optional.of(ExampleClusters.of(array(CLUSTERS.get(0)), array(CLUSTERS.get(1))))
                    : Optional.empty();
        }

        boolean has(String name) {
            return entries.containsKey(name);
        }

        int intProperty(String key) {
            return Integer.parseInt(manifest.getProperty(key));
        }

        INDArray array(String name) {
            byte[] bytes = entries.get(name);
            if (bytes == null) {
                throw new IllegalArgumentException("artifact has no " + name);
            }
            try (InputStream in = new ByteArrayInputStream(bytes)) {
                return Nd4j.read(new DataInputStream(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
