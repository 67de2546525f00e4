package dev.gansvc.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.data.ShapeImages;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.Conditioning;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.GeneratorGraph;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.LatentNoise;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.model.Runs;
import dev.gansvc.engine.model.Trainer;
import dev.gansvc.engine.model.TrainingListener;
import java.io.ByteArrayInputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Stream;
import onnx.Onnx;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Each family's generator, trained briefly with its default options (clusters, code density,
 * batch norm, feature scaling), exported and run elsewhere: in ONNX Runtime the same samples as
 * the engine's for the same latent points, including points far out in the tails, where the
 * latent choice of a cluster or code component is most sensitive; restored by DL4J's
 * ModelSerializer, the same outputs as the engine's network for the same network input.
 */
class GeneratorExportTest {

    private static final int SAMPLES = 24;

    /** Each case trained once for both formats. */
    private static final Map<String, GeneratorModel> TRAINED = new HashMap<>();

    static Stream<Arguments> generators() {
        Supplier<Dataset> ring = () -> GaussianMixture.ring8().sample(2000, 3);
        Supplier<Dataset> digits = () -> Runs.mnist().head(600);
        Supplier<Dataset> shapes = () -> new ShapeImages(160, 64, 3, 2);
        return Stream.of(
                Arguments.of("gan", "", "ring", ring),
                Arguments.of("cgan", "", "ring", ring),
                Arguments.of("autoencoder", "mlp", "ring", ring),
                Arguments.of("dcgan", "", "digits", digits),
                Arguments.of("cgan", "", "digits", digits),
                Arguments.of("wgan-gp", "", "digits", digits),
                Arguments.of("ebgan", "", "digits", digits),
                Arguments.of("gmmn", "", "digits", digits),
                Arguments.of("vae", "", "digits", digits),
                Arguments.of("vaegan", "", "digits", digits),
                Arguments.of("autoencoder", "conv", "digits", digits),
                Arguments.of("autoencoder", "denoising", "digits", digits),
                Arguments.of("dcgan64", "", "shapes", shapes));
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("generators")
    void runsInOnnxRuntimeAsInTheEngine(String familyId, String variant, String dataName, Supplier<Dataset> data)
            throws Exception {
        GeneratorModel generator = trained(familyId, variant, dataName, data);
        GeneratorGraph graph = generator.graph();
        byte[] onnx = OnnxExport.of(graph, familyId, Map.of("family", familyId));

        Onnx.ModelProto model = Onnx.ModelProto.parseFrom(onnx);
        assertThat(model.getIrVersion()).isGreaterThanOrEqualTo(7);
        assertThat(model.getOpsetImport(0).getVersion()).isGreaterThanOrEqualTo(13);

        int latent = graph.latentDim();
        INDArray z = LatentNoise.sample(7, SAMPLES, latent);
        // The tails of the first coordinate, which chooses the cluster or code component.
        double[] tails = {-6, -3.3, -1.7, 2.2, 3.9, 6.5};
        for (int i = 0; i < tails.length; i++) {
            z.putScalar(i, 0, tails[i]);
        }
        INDArray expected = generator.generate(z, OptionalInt.empty());

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions())) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put(
                    "z",
                    OnnxTensor.createTensor(env, FloatBuffer.wrap(z.data().asFloat()), new long[] {SAMPLES, latent}));
            if (graph.classes() > 0) {
                long[] labels = new long[SAMPLES];
                for (int i = 0; i < SAMPLES; i++) {
                    labels[i] = i % graph.classes();
                }
                inputs.put("label", OnnxTensor.createTensor(env, LongBuffer.wrap(labels), new long[] {SAMPLES}));
            }
            assertThat(session.getInputNames()).containsExactlyInAnyOrderElementsOf(inputs.keySet());
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor samples = (OnnxTensor) result.get("samples").orElseThrow();
                long[] shape = samples.getInfo().getShape();
                assertThat(shape)
                        .containsExactly(Stream.concat(
                                        Stream.of((long) SAMPLES),
                                        Arrays.stream(graph.sampleShape()).boxed())
                                .toArray(Long[]::new));
                float[] actual = new float[(int) expected.length()];
                samples.getFloatBuffer().get(actual);
                float[] wanted = expected.dup('c').data().asFloat();
                for (int i = 0; i < wanted.length; i++) {
                    assertThat(actual[i]).as("value %d", i).isCloseTo(wanted[i], within(1e-4f));
                }
            }
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("generators")
    void restoresInDl4jAsTheEnginesNetwork(String familyId, String variant, String dataName, Supplier<Dataset> data)
            throws Exception {
        GeneratorModel generator = trained(familyId, variant, dataName, data);
        GeneratorGraph graph = generator.graph();
        ComputationGraph restored =
                ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(Dl4jExport.of(graph)), false);

        int labels = Dl4jExport.conditionWidth(graph);
        INDArray z = LatentNoise.sample(8, SAMPLES, graph.latentDim());
        int[] chosen = new int[SAMPLES];
        Arrays.setAll(chosen, i -> labels == 0 ? 0 : (5 * i) % labels);
        INDArray[] inputs = labels == 0 ? new INDArray[] {z} : new INDArray[] {z, Conditioning.oneHot(chosen, labels)};
        assertThat(restored.getConfiguration().getNetworkInputs())
                .containsExactly(labels == 0 ? new String[] {"z"} : new String[] {"z", "condition"});

        INDArray actual = restored.output(false, inputs)[0];
        INDArray expected = generator.restored(Conditioning.generatorInput(z, chosen, labels));
        assertThat(actual.shape())
                .containsExactly(Stream.concat(
                                Stream.of((long) SAMPLES),
                                Arrays.stream(graph.sampleShape()).boxed())
                        .toArray(Long[]::new));
        float[] got = actual.dup('c').data().asFloat();
        float[] wanted = expected.dup('c').data().asFloat();
        for (int i = 0; i < wanted.length; i++) {
            assertThat(got[i]).as("value %d", i).isCloseTo(wanted[i], within(1e-4f));
        }
    }

    private static synchronized GeneratorModel trained(
            String familyId, String variant, String dataName, Supplier<Dataset> data) {
        return TRAINED.computeIfAbsent(
                familyId + ":" + variant + ":" + data.get().size(),
                key -> GeneratorModel.of(trainedBriefly(familyId, variant, data.get())));
    }

    private static GenerativeModel trainedBriefly(String familyId, String variant, Dataset data) {
        ModelFamily family = ModelFamilies.all().find(familyId).orElseThrow();
        String v = variant.isEmpty() ? family.defaultVariant() : variant;
        Recipe recipe = Recipe.defaults(family, data, v).withEpochsAndBatch(1, 32);
        GenerativeModel model = GenerativeModel.create(
                family,
                family.shape(recipe.latentDim(), data.exampleShape(), data.classCount(), v, recipe.options()),
                recipe.optimizer(),
                5);
        new Trainer(model, data, recipe.training(5)).train(TrainingListener.NONE, () -> false);
        return model;
    }
}
