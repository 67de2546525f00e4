package dev.gansvc.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gansvc.engine.data.InvalidDataException;
import dev.gansvc.engine.data.LimitExceededException;
import dev.gansvc.engine.data.UploadLimits;
import dev.gansvc.engine.family.ModelFamilies;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** An archive from outside read as untrusted: a real export passes, every kind of damage is named. */
class ModelArtifactImportTest {

    private static final UploadLimits LIMITS =
            new UploadLimits(100, 100, 20_000_000, 100_000_000, 1000, 1_000_000, 10_000_000);
    private static final OptimizerSettings ADAM = OptimizerSettings.adam(2e-4, 0.5, 0.999);

    private final ModelFamilies families = ModelFamilies.all();

    /** A DCGAN of digits conditioned on 5 clusters, as written when its job finished. */
    private final byte[] artifact = artifact();

    private byte[] artifact() {
        ModelFamily dcgan = families.require("dcgan");
        GenerativeModel model = GenerativeModel.create(
                dcgan, dcgan.shape(16, new long[] {1, 28, 28}, 0).withClusters(5), ADAM, 3);
        model.setClusters(
                ExampleClusters.of(Nd4j.createFromArray(0.2, 0.2, 0.2, 0.2, 0.2), Nd4j.rand(DataType.DOUBLE, 5, 784)));
        return ModelArtifact.write(model);
    }

    @Test
    void aWholeExportIsTheModelItWasWrittenFrom() {
        GenerativeModel imported = ModelArtifact.readImported(artifact, LIMITS, ADAM, families);
        GenerativeModel original = ModelArtifact.readModel(artifact, ADAM, families);
        assertThat(imported.family().id()).isEqualTo("dcgan");
        assertThat(imported.shape()).isEqualTo(original.shape());
        assertThat(imported.generator().parameters())
                .isEqualTo(original.generator().parameters());
        assertThat(GeneratorModel.of(imported).generate(4, 1))
                .isEqualTo(GeneratorModel.of(original).generate(4, 1));
    }

    @Test
    void refusesWhatIsNotAZipOrNotAModel() {
        assertRefused("not a model archive".getBytes(StandardCharsets.UTF_8), "not a zip archive");
        assertRefused(
                rewritten(e -> {
                    e.put("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
                    return e;
                }),
                "an entry 'notes.txt' that no model has");
        assertRefused(
                rewritten(e -> {
                    e.remove("generator.adam");
                    return e;
                }),
                "no entry 'generator.adam'");
        assertRefused(
                withManifest("architecture=dcgan", "architecture=stylegan9"), "'stylegan9' is not a model family");
        assertRefused(withManifest("latentDim=16", "latentDim=100000"), "latentDim must be between 1 and 1024");
        assertRefused(withManifest("latentDim=16", "latentDim=12"), "holds");
        assertRefused(withManifest("format=3", "format=99"), "unsupported artifact format 99");
    }

    @Test
    void refusesAForgedArrayHeaderBeforeAllocatingIt() throws IOException {
        // The header of a float array of 2^40 values followed by a few bytes.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("MIXED_DATA_TYPES");
        out.writeLong(6);
        out.writeUTF("LONG");
        for (long v : new long[] {1, 1L << 40, 1, 8192, 1, 99}) {
            out.writeLong(v);
        }
        out.writeUTF("MIXED_DATA_TYPES");
        out.writeLong(1L << 40);
        out.writeUTF("FLOAT");
        out.writeFloat(1);
        out.flush();
        assertRefused(
                rewritten(e -> {
                    e.put("generator.parameters", bytes.toByteArray());
                    return e;
                }),
                "entry 'generator.parameters' is not a whole array");
    }

    @Test
    void refusesWeightsThatAreNotFinite() throws IOException {
        GenerativeModel model = ModelArtifact.readModel(artifact, ADAM, families);
        model.generator().parameters().putScalar(7, Float.NaN);
        byte[] poisoned = ModelArtifact.write(model);
        assertRefused(poisoned, "generator weights are not all finite");
    }

    @Test
    void refusesAnEntryThatExpandsPastTheLimits() {
        UploadLimits small = new UploadLimits(100, 100, 1_000_000, 100_000_000, 1000, 1_000_000, 10_000_000);
        assertThatThrownBy(() -> ModelArtifact.readImported(artifact, small, ADAM, families))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("expands to more than 1000000 bytes");
    }

    private void assertRefused(byte[] archive, String message) {
        assertThatThrownBy(() -> ModelArtifact.readImported(archive, LIMITS, ADAM, families))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(message);
    }

    private byte[] withManifest(String from, String to) {
        return rewritten(e -> {
            String manifest = new String(e.get("manifest.properties"), StandardCharsets.ISO_8859_1);
            assertThat(manifest).contains(from);
            e.put("manifest.properties", manifest.replace(from, to).getBytes(StandardCharsets.ISO_8859_1));
            return e;
        });
    }

    /** The artifact's entries changed by {@code change}, zipped again. */
    private byte[] rewritten(UnaryOperator<Map<String, byte[]>> change) {
        try {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(artifact))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (Map.Entry<String, byte[]> e : change.apply(entries).entrySet()) {
                    out.putNextEntry(new ZipEntry(e.getKey()));
                    out.write(e.getValue());
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
