package dev.gansvc.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gansvc.engine.family.ModelFamilies;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CodeDensityTest {

    /** Three 2-D clusters: weights 0.5, 0.3, 0.2, one of them stretched and tilted. */
    private static final double[][] CENTRES = {{-6, 0}, {6, 0}, {0, 8}};

    private static final double[] WEIGHTS = {0.5, 0.3, 0.2};

    private static INDArray clusters(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] rows = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int c = u < WEIGHTS[0] ? 0 : u < WEIGHTS[0] + WEIGHTS[1] ? 1 : 2;
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            // Cluster 2 has covariance [[4, 1.8], [1.8, 1]]: correlated, which a diagonal density would miss.
            rows[2 * i] = CENTRES[c][0] + (c == 2 ? 2 * a : 0.5 * a);
            rows[2 * i + 1] = CENTRES[c][1] + (c == 2 ? 0.9 * a + Math.sqrt(1 - 0.81) * b : 0.5 * b);
        }
        return Nd4j.create(rows, new long[] {n, 2}, 'c');
    }

    @Test
    void samplesLatentPointsIntoTheClustersWithTheirWeightsAndShapes() {
        CodeDensity density = CodeDensity.fit(clusters(2000, 1), 3, 7);

        INDArray codes = density.codes(LatentNoise.sample(3, 20_000, 2));

        double[] share = new double[3];
        double[][] moments = new double[3][5];
        for (int i = 0; i < codes.size(0); i++) {
            double x = codes.getDouble(i, 0);
            double y = codes.getDouble(i, 1);
            int c = nearest(x, y);
            share[c] += 1.0 / codes.size(0);
            double dx = x - CENTRES[c][0];
            double dy = y - CENTRES[c][1];
            moments[c][0]++;
            moments[c][1] += dx * dx;
            moments[c][2] += dy * dy;
            moments[c][3] += dx * dy;
        }
        for (int c = 0; c < 3; c++) {
            assertThat(share[c]).as("share of cluster %d", c).isCloseTo(WEIGHTS[c], within(0.02));
        }
        assertThat(moments[0][1] / moments[0][0]).as("cluster 0 x variance").isCloseTo(0.25, within(0.03));
        assertThat(moments[2][1] / moments[2][0]).as("cluster 2 x variance").isCloseTo(4, within(0.4));
        assertThat(moments[2][3] / moments[2][0]).as("cluster 2 covariance").isCloseTo(1.8, within(0.2));
    }

    @Test
    void theSameLatentPointsGiveTheSameCodesAfterSavingAndLoading() {
        CodeDensity density = CodeDensity.fit(clusters(500, 2), 3, 7);
        INDArray[] saved = density.arrays();
        CodeDensity loaded = CodeDensity.of(saved[0], saved[1], saved[2]);
        INDArray latent = LatentNoise.sample(4, 100, 2);

        assertThat(loaded.codes(latent)).isEqualTo(density.codes(latent));
        assertThat(density.codes(latent)).isEqualTo(density.codes(latent.dup()));
        assertThat(CodeDensity.fit(clusters(500, 2), 3, 7).codes(latent))
                .as("a refit on the same codes and seed")
                .isEqualTo(density.codes(latent));
    }

    @Test
    void fitsFewerComponentsThanAskedWhenTheCodesAreTooFew() {
        assertThat(CodeDensity.fit(clusters(30, 3), 10, 7).components())
                .as("30 codes of 2 dimensions: at least 6 each")
                .isEqualTo(5);
        assertThat(CodeDensity.fit(clusters(3, 3), 10, 7).components()).isEqualTo(1);
    }

    @Test
    void anAutoencoderDecodesFromTheDensityItsArtifactKeeps() {
        Runs.Run run = Runs.train(
                ModelFamilies.all().require("autoencoder"), "mlp", Runs.mnist().head(1000), 1, 100, 8, 5);
        GenerativeModel model = run.model();

        assertThat(model.codeDensity()).isPresent();
        assertThat(model.codeDensity().get().components()).isEqualTo(30);
        GeneratorModel live = GeneratorModel.of(model);
        byte[] artifact = ModelArtifact.write(model);
        INDArray latent = LatentNoise.sample(9, 16, 8);
        assertThat(ModelArtifact.readGenerator(artifact, ModelFamilies.all()).generate(latent))
                .isEqualTo(live.generate(latent));
        assertThat(GeneratorModel.of(ModelArtifact.readModel(
                                artifact, new OptimizerSettings(1e-3, 0.9, 0.999, 0), ModelFamilies.all()))
                        .generate(latent))
                .as("a model resumed from its checkpoint")
                .isEqualTo(live.generate(latent));
        INDArray decodedPrior = model.generator().forward(latent, false);
        assertThat(live.generate(latent)).as("not N(0, I) decoded").isNotEqualTo(decodedPrior);
    }

    private static int nearest(double x, double y) {
        int best = 0;
        for (int c = 1; c < CENTRES.length; c++) {
            double d = Math.hypot(x - CENTRES[c][0], y - CENTRES[c][1]);
            best = d < Math.hypot(x - CENTRES[best][0], y - CENTRES[best][1]) ? c : best;
        }
        return best;
    }
}
