package dev.gansvc.engine.gan;

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
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The saved form of a {@link GanModel}: a zip holding a manifest and, as ND4J binary arrays,
 * both networks' parameters and batch-norm statistics and both optimisers' moments. It is
 * everything needed to sample from the generator or to resume training exactly.
 */
public final class ModelArtifact {

    /** Format 2 added the example shape; format 1 artifacts all hold 28x28 single-channel DCGANs. */
    static final int FORMAT = 2;
    private static final long[] FORMAT_1_SHAPE = {1, 28, 28};
    private static final String MANIFEST = "manifest.properties";

    private ModelArtifact() {
    }

    public static byte[] write(GanModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Properties manifest = new Properties();
            manifest.setProperty("format", Integer.toString(FORMAT));
            manifest.setProperty("architecture", model.architecture().id());
            manifest.setProperty("latentDim", Integer.toString(model.latentDim()));
            manifest.setProperty("exampleShape", Arrays.stream(model.exampleShape()).mapToObj(Long::toString)
                    .collect(Collectors.joining(",")));
            manifest.setProperty("iteration", Long.toString(model.iteration()));
            manifest.setProperty("generator.averageDecay", Double.toString(model.averageDecay()));
            manifest.setProperty("generator.adamSteps", Integer.toString(model.generatorOptimizer().steps()));
            manifest.setProperty("discriminator.adamSteps", Integer.toString(model.discriminatorOptimizer().steps()));
            manifest.setProperty("generator.parameterCount", Long.toString(model.generator().parameterCount()));
            manifest.setProperty("discriminator.parameterCount", Long.toString(model.discriminator().parameterCount()));
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.store(zip, "gan-service model artifact");
            zip.closeEntry();
            putArray(zip, "generator.parameters", model.generator().parameters());
            putArray(zip, "generator.state", model.generator().state());
            putArray(zip, "generator.adam", model.generatorOptimizer().moments());
            putArray(zip, "generator.average", model.averageParameters());
            putArray(zip, "discriminator.parameters", model.discriminator().parameters());
            putArray(zip, "discriminator.state", model.discriminator().state());
            putArray(zip, "discriminator.adam", model.discriminatorOptimizer().moments());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Restores a model to continue training; the optimiser settings come from the job. */
    public static GanModel readModel(byte[] artifact, OptimizerSettings optimizer) {
        Contents c = unpack(artifact);
        GanModel model = GanModel.empty(c.architecture(), c.latentDim(), c.exampleShape(), optimizer);
        fill(model.generator(), c, "generator");
        fill(model.discriminator(), c, "discriminator");
        model.generatorOptimizer().restore(c.array("generator.adam"), c.intProperty("generator.adamSteps"));
        if (c.has("generator.average")) {
            model.averageParameters().assign(c.array("generator.average").reshape(model.averageParameters().shape()));
        }
        model.discriminatorOptimizer().restore(c.array("discriminator.adam"), c.intProperty("discriminator.adamSteps"));
        model.setIteration(Long.parseLong(c.manifest().getProperty("iteration")));
        return model;
    }

    /** Restores only the generator, for sampling. */
    public static GeneratorModel readGenerator(byte[] artifact) {
        Contents c = unpack(artifact);
        Network generator = c.architecture().generator(c.latentDim(), c.exampleShape());
        fill(generator, c, "generator");
        double decay = c.averageDecay();
        long steps = Long.parseLong(c.manifest().getProperty("iteration"));
        if (decay > 0 && steps > 0) {
            generator.parameters().assign(c.array("generator.average").reshape(generator.parameters().shape())
                    .div(1 - Math.pow(decay, steps)));
        }
        return GeneratorModel.of(c.architecture(), c.latentDim(), generator);
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
        if (!Set.of("1", Integer.toString(FORMAT)).contains(manifest.getProperty("format"))) {
            throw new IllegalArgumentException("unsupported artifact format " + manifest.getProperty("format"));
        }
        return new Contents(manifest, entries);
    }

    private record Contents(Properties manifest, Map<String, byte[]> entries) {

        Architecture architecture() {
            String id = manifest.getProperty("architecture");
            return Architecture.byId(id).orElseThrow(() -> new IllegalArgumentException("unknown architecture " + id));
        }

        int latentDim() {
            return intProperty("latentDim");
        }

        /** Decay of the generator's weight average; 0 (absent before averaging existed) when it is off. */
        double averageDecay() {
            return Double.parseDouble(manifest.getProperty("generator.averageDecay", "0"));
        }

        boolean has(String name) {
            return entries.containsKey(name);
        }

        long[] exampleShape() {
            String shape = manifest.getProperty("exampleShape");
            return shape == null ? FORMAT_1_SHAPE.clone() : Arrays.stream(shape.split(",")).mapToLong(Long::parseLong).toArray();
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
