package dev.gansvc.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.adversarial.AdversarialObjective;
import dev.gansvc.engine.adversarial.GanLoss;
import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.data.TabularDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.nn.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Small real training runs of the DCGAN on the bundled digits, through the shared training loop. */
class TrainerTest {

    private static ImageDataset mnist;

    @BeforeAll
    static void load() {
        mnist = Runs.mnist();
    }

    @Test
    void bundledDigitsAreTenThousandScaledToMinusOneOne() {
        assertThat(mnist.size()).isEqualTo(10_000);
        INDArray batch = mnist.batch(new int[] {0, 1, 2});
        assertThat(batch.shape()).containsExactly(3, 1, 28, 28);
        assertThat(batch.minNumber().doubleValue()).isEqualTo(-1.0);
        assertThat(batch.maxNumber().doubleValue()).isEqualTo(1.0);
        assertThat(mnist.labels()).startsWith(0, 1, 2, 3);
    }

    @Test
    void dcganHasTheBenchmarkParameterCounts() {
        GenerativeModel model = GenerativeModel.create(
                ModelFamilies.all().require("dcgan"), dcgan(100), OptimizerSettings.adam(2e-4, 0.5, 0.999), 1);
        assertThat(model.generator().parameterCount()).isEqualTo(778_305);
        assertThat(model.network(AdversarialObjective.DISCRIMINATOR).parameterCount())
                .isEqualTo(138_817);
    }

    @Test
    void oneEpochMovesSamplesTowardsTheDigits() {
        TrainingSettings settings = GanSettings.of(1, 64, 1, GanLoss.NON_SATURATING, 3, LearningRateSchedule.CONSTANT);
        GenerativeModel model = GenerativeModel.create(
                ModelFamilies.all().require("dcgan"), dcgan(100), OptimizerSettings.adam(2e-4, 0.5, 0.999), 3);
        INDArray realMean = mnist.batch(range(0, 2000)).mean(0).reshape(784);
        double backgroundBefore = background(GeneratorModel.of(model).generate(256, 1));

        List<LossPoint> points = new ArrayList<>();
        Trainer.Outcome outcome = new Trainer(model, mnist, settings).train(collect(points), () -> false);

        assertThat(outcome).isEqualTo(Trainer.Outcome.COMPLETED);
        assertThat(points).hasSize(9_000 / 64);
        assertThat(points)
                .allSatisfy(p -> assertThat(Arrays.stream(p.values()).allMatch(Double::isFinite))
                        .isTrue());
        INDArray samples = GeneratorModel.of(model).generate(256, 1);
        // Real digits are mostly dark background (80% of pixels) with strokes in the middle;
        // the untrained generator paints everything mid-grey.
        assertThat(backgroundBefore).isLessThan(0.05);
        assertThat(background(samples)).isGreaterThan(0.5);
        double correlation = pearson(samples.mean(0).reshape(784), realMean);
        assertThat(correlation).as("mean sample vs mean digit").isGreaterThan(0.7);
    }

    /** Without clusters, and conditioned on 5 clusters of the examples, which the artifact must carry. */
    @ParameterizedTest
    @ValueSource(ints = {0, 5})
    void resumingFromAnArtifactFollowsTheSamePathAsAnUninterruptedRun(int clusters) {
        ImageDataset small = mnist.head(640);
        TrainingSettings twoEpochs = GanSettings.of(2, 64, 2, GanLoss.MINIMAX, 9, LearningRateSchedule.LINEAR_DECAY);
        OptimizerSettings adam = new OptimizerSettings(2e-4, 0.5, 0.999, 0.9);
        ModelShape shape = dcgan(16).withClusters(clusters);

        GenerativeModel straight = GenerativeModel.create(ModelFamilies.all().require("dcgan"), shape, adam, 9);
        new Trainer(straight, small, twoEpochs).train(collect(new ArrayList<>()), () -> false);

        GenerativeModel first = GenerativeModel.create(ModelFamilies.all().require("dcgan"), shape, adam, 9);
        new Trainer(first, small, twoEpochs).train(collect(new ArrayList<>()), () -> first.iteration() == 5);
        assertThat(first.iteration()).isEqualTo(5);
        GenerativeModel resumed = ModelArtifact.readModel(ModelArtifact.write(first), adam, ModelFamilies.all());
        assertThat(resumed.iteration()).isEqualTo(5);
        new Trainer(resumed, small, twoEpochs).train(collect(new ArrayList<>()), () -> false);

        assertThat(resumed.iteration()).isEqualTo(straight.iteration()).isEqualTo(2 * (576 / 128));
        assertThat(maxDifference(
                        resumed.generator().parameters(), straight.generator().parameters()))
                .isLessThan(1e-5);
        assertThat(maxDifference(
                        resumed.network(AdversarialObjective.DISCRIMINATOR).parameters(),
                        straight.network(AdversarialObjective.DISCRIMINATOR).parameters()))
                .isLessThan(1e-5);
        assertThat(maxDifference(
                        resumed.generator().state(), straight.generator().state()))
                .isLessThan(1e-5);
        assertThat(maxDifference(resumed.averageParameters(), straight.averageParameters()))
                .isLessThan(1e-5);
    }

    @Test
    void resumingAModelOfThreeNetworksRestoresEachOfThem() {
        TabularDataset ring = GaussianMixture.ring8().sample(2200, 3);
        Recipe recipe = Recipe.defaults(ModelFamilies.all().require("ebgan"), ring, "");
        TrainingSettings settings = recipe.training(3);
        ModelShape shape = ModelFamilies.all().require("ebgan").shape(4, ring.exampleShape(), ring.classCount());

        GenerativeModel straight =
                GenerativeModel.create(ModelFamilies.all().require("ebgan"), shape, recipe.optimizer(), 3);
        TrainingSettings oneEpoch = new TrainingSettings(1, 64, 3, LearningRateSchedule.CONSTANT, settings.options());
        new Trainer(straight, ring, oneEpoch).train(collect(new ArrayList<>()), () -> false);
        GenerativeModel first =
                GenerativeModel.create(ModelFamilies.all().require("ebgan"), shape, recipe.optimizer(), 3);
        new Trainer(first, ring, oneEpoch).train(collect(new ArrayList<>()), () -> first.iteration() == 7);
        GenerativeModel resumed =
                ModelArtifact.readModel(ModelArtifact.write(first), recipe.optimizer(), ModelFamilies.all());
        new Trainer(resumed, ring, oneEpoch).train(collect(new ArrayList<>()), () -> false);

        assertThat(resumed.iteration()).isEqualTo(straight.iteration()).isEqualTo(1980 / 64);
        for (String name : straight.networkNames()) {
            assertThat(maxDifference(
                            resumed.network(name).parameters(),
                            straight.network(name).parameters()))
                    .as(name)
                    .isLessThan(1e-5);
        }
        assertThat(maxDifference(resumed.averageParameters(), straight.averageParameters()))
                .isLessThan(1e-5);
    }

    @Test
    void samplingUsesTheMovingAverageOfTheGeneratorsWeights() {
        ImageDataset small = mnist.head(640);
        GenerativeModel model = GenerativeModel.create(
                ModelFamilies.all().require("dcgan"), dcgan(16), new OptimizerSettings(2e-4, 0.5, 0.999, 0.5), 4);
        INDArray expected = model.generator().parameters().mul(0);
        TrainingListener averaging = new TrainingListener() {
            @Override
            public void onIteration(LossPoint point) {
                expected.muli(0.5).addi(model.generator().parameters().mul(0.5));
            }

            @Override
            public void onEpochEnd(int epoch, GenerativeModel trained) {}
        };
        new Trainer(model, small, GanSettings.of(1, 64, 1, GanLoss.NON_SATURATING, 4, LearningRateSchedule.CONSTANT))
                .train(averaging, () -> model.iteration() == 4);

        assertThat(maxDifference(model.averageParameters(), expected)).isLessThan(1e-6);
        assertThat(maxDifference(model.averageParameters(), model.generator().parameters()))
                .isGreaterThan(1e-4);
        INDArray z = LatentNoise.sample(1, 8, 16);
        Network averaged =
                ModelFamilies.all().require("dcgan").networks(dcgan(16)).get(GenerativeModel.GENERATOR);
        averaged.parameters().assign(expected.div(1 - Math.pow(0.5, 4))); // bias-corrected as Adam's moments
        averaged.state().assign(model.generator().state());
        assertThat(maxDifference(GeneratorModel.of(model).generate(z), averaged.forward(z, false)))
                .isLessThan(1e-4);
    }

    private static ModelShape dcgan(int latentDim) {
        return new ModelShape(latentDim, mnist.exampleShape(), 0);
    }

    private static TrainingListener collect(List<LossPoint> points) {
        return new TrainingListener() {
            @Override
            public void onIteration(LossPoint point) {
                points.add(point);
            }

            @Override
            public void onEpochEnd(int epoch, GenerativeModel model) {}
        };
    }

    private static double background(INDArray images) {
        return images.lt(-0.5).castTo(images.dataType()).meanNumber().doubleValue();
    }

    private static double pearson(INDArray a, INDArray b) {
        INDArray x = a.sub(a.meanNumber());
        INDArray y = b.sub(b.meanNumber());
        return x.mul(y).sumNumber().doubleValue()
                / Math.sqrt(x.mul(x).sumNumber().doubleValue()
                        * y.mul(y).sumNumber().doubleValue());
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
