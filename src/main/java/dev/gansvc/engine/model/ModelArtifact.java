package dev.gansvc.engine.model;

import dev.gansvc.engine.data.FeatureScaling;
import dev.gansvc.engine.nn.Network;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
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

    private ModelArtifact() {}

    public static byte[] write(GenerativeModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
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
        Contents c = unpack(artifact);
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
        DataOutputStream out = new DataOutputStream(zip);
        Nd4j.write(array, out);
        out.flush();
        zip.closeEntry();
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
