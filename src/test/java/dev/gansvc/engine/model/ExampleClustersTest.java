package dev.gansvc.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gansvc.engine.adversarial.GanLoss;
import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.data.TabularDataset;
import dev.gansvc.engine.family.ModelFamilies;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ExampleClustersTest {

    private static final double[][] CENTRES = {{-6, 0}, {6, 0}, {0, 8}};
    private static final double[] WEIGHTS = {0.5, 0.3, 0.2};

    /** Rows around three centres, with the centre each came from. */
    private record Groups(TabularDataset data, int[] group) {}

    private static Groups groups(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] rows = new double[2 * n];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            group[i] = u < WEIGHTS[0] ? 0 : u < WEIGHTS[0] + WEIGHTS[1] ? 1 : 2;
            rows[2 * i] = CENTRES[group[i]][0] + random.nextGaussian();
            rows[2 * i + 1] = CENTRES[group[i]][1] + random.nextGaussian();
        }
        return new Groups(TabularDataset.unlabeled(Nd4j.create(rows, new long[] {n, 2}, 'c')), group);
    }

    private static int[] all(int n) {
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return indices;
    }

    @Test
    void findsSeparateGroupsAndWeighsThemByTheirExamples() {
        Groups groups = groups(3000, 1);
        ExampleClusters clusters = ExampleClusters.fit(groups.data(), all(3000), 3, 5);

        int[] labels = clusters.labels(groups.data());
        int[] clusterOfGroup = new int[3];
        for (int g = 0; g < 3; g++) {
            int first = -1;
            for (int i = 0; i < labels.length; i++) {
                if (groups.group()[i] == g) {
                    first = first < 0 ? labels[i] : first;
                    assertThat(labels[i])
                            .as("every example of group %d in one cluster", g)
                            .isEqualTo(first);
                }
            }
            clusterOfGroup[g] = first;
        }
        assertThat(clusterOfGroup).as("one cluster per group").doesNotHaveDuplicates();
        double[] weights = clusters.arrays()[0].toDoubleVector();
        for (int g = 0; g < 3; g++) {
            assertThat(weights[clusterOfGroup[g]]).as("weight of group %d", g).isCloseTo(WEIGHTS[g], within(0.03));
        }
    }

    @Test
    void latentPointsChooseClustersInProportionToTheirWeightsAndStayStandardNormal() {
        Groups groups = groups(1000, 2);
        ExampleClusters clusters = ExampleClusters.fit(groups.data(), all(1000), 3, 5);
        double[] weights = clusters.arrays()[0].toDoubleVector();
        INDArray latent = LatentNoise.sample(3, 20_000, 4);

        ExampleClusters.Choice choice = clusters.choose(latent);

        double[] share = new double[3];
        Arrays.stream(choice.labels()).forEach(c -> share[c] += 1.0 / 20_000);
        assertThat(share[0]).isCloseTo(weights[0], within(0.01));
        assertThat(share[1]).isCloseTo(weights[1], within(0.01));
        assertThat(share[2]).isCloseTo(weights[2], within(0.01));
        INDArray first = choice.latent().getColumn(0);
        assertThat(first.meanNumber().doubleValue())
                .as("the chosen-by coordinate's mean")
                .isCloseTo(0, within(0.03));
        assertThat(first.stdNumber().doubleValue()).as("and spread").isCloseTo(1, within(0.03));
        assertThat(choice.latent().getColumn(1))
                .as("the other coordinates as they were")
                .isEqualTo(latent.getColumn(1));
        assertThat(clusters.choose(latent.dup()).labels())
                .as("the same points, the same clusters")
                .isEqualTo(choice.labels());
    }

    @Test
    void clustersOfFewerDistinctExamplesThanAskedStayEmpty() {
        Groups groups = groups(4, 3);
        ExampleClusters clusters = ExampleClusters.fit(groups.data(), all(4), 10, 5);

        double[] weights = clusters.arrays()[0].toDoubleVector();
        assertThat(Arrays.stream(weights).filter(w -> w > 0).count()).isEqualTo(4);
        assertThat(Arrays.stream(weights).sum()).isCloseTo(1, within(1e-9));
        int[] chosen = clusters.choose(LatentNoise.sample(5, 1000, 2)).labels();
        assertThat(Arrays.stream(chosen).allMatch(c -> weights[c] > 0))
                .as("an empty cluster is never chosen")
                .isTrue();
    }

    @Test
    void aDcganConditionedOnClustersSamplesThemAsItsArtifactDoes() {
        ImageDataset digits = Runs.mnist().head(640);
        ModelFamily dcgan = ModelFamilies.all().require("dcgan");
        OptimizerSettings adam = new OptimizerSettings(2e-4, 0.5, 0.999, 0.9);
        GenerativeModel model = GenerativeModel.create(
                dcgan, dcgan.shape(16, digits.exampleShape(), 0).withClusters(6), adam, 3);
        new Trainer(model, digits, GanSettings.of(1, 64, 1, GanLoss.NON_SATURATING, 3, LearningRateSchedule.CONSTANT))
                .train(TrainingListener.NONE, () -> false);

        assertThat(model.clusters()).isPresent();
        assertThat(model.clusters().get().count()).isEqualTo(6);
        assertThat(model.generator().parameterCount())
                .as("a generator that takes the cluster")
                .isEqualTo(GenerativeModel.create(dcgan, dcgan.shape(22, digits.exampleShape(), 0), adam, 3)
                        .generator()
                        .parameterCount());
        GeneratorModel live = GeneratorModel.of(model);
        INDArray latent = LatentNoise.sample(9, 32, 16);
        byte[] artifact = ModelArtifact.write(model);
        assertThat(ModelArtifact.readGenerator(artifact, ModelFamilies.all()).generate(latent))
                .isEqualTo(live.generate(latent));
        assertThat(ModelArtifact.readModel(artifact, adam, ModelFamilies.all())
                        .clusters()
                        .get()
                        .arrays())
                .isEqualTo(model.clusters().get().arrays());
        ExampleClusters.Choice choice = model.clusters().get().choose(latent);
        assertThat(Arrays.stream(choice.labels()).distinct().count())
                .as("samples from several clusters")
                .isGreaterThan(2);
    }

    @Test
    void aGmmnConditionedOnClustersOfTheRingDrawsEachClusterAtOneMode() {
        GaussianMixture ring8 = GaussianMixture.ring8();
        Runs.Run run = Runs.train(ModelFamilies.all().require("gmmn"), "", ring8.sample(11_000, 5), 15, 256, 8, 5, 8);

        INDArray latent = LatentNoise.sample(6, 2000, 8);
        int[] clusterOf = run.model().clusters().orElseThrow().choose(latent).labels();
        float[][] xy = GeneratorModel.of(run.model()).generate(latent).toFloatMatrix();
        int[][] modesByCluster = new int[8][8];
        for (int i = 0; i < clusterOf.length; i++) {
            modesByCluster[clusterOf[i]][nearestMode(ring8, xy[i][0], xy[i][1])]++;
        }
        for (int[] modes : modesByCluster) {
            assertThat(Arrays.stream(modes).max().orElseThrow())
                    .as("a cluster's samples at its commonest mode, of %s", Arrays.toString(modes))
                    .isGreaterThan(9 * Arrays.stream(modes).sum() / 10);
        }
    }

    private static int nearestMode(GaussianMixture mixture, double x, double y) {
        double[][] means = mixture.means();
        int best = 0;
        for (int m = 1; m < means.length; m++) {
            best = Math.hypot(x - means[m][0], y - means[m][1]) < Math.hypot(x - means[best][0], y - means[best][1])
                    ? m
                    : best;
        }
        return best;
    }
}
