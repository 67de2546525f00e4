package dev.gansvc.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.data.TabularDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.nn.Dense;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Tensors;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class RejectionSamplerTest {

    /**
     * A generator that passes its latent point through and a discriminator whose logit is 4 x0:
     * the kept rows must follow the density phi(x0) min(1, exp(4 x0 - t)), t the logit's 95th
     * percentile, and leave x1 alone.
     */
    @Test
    void keepsRowsWithProbabilityRisingWithTheDiscriminatorsLogit() {
        Network identity = dense(new float[] {1, 0, 0, 1, 0, 0}, 2);
        Network logit = dense(new float[] {4, 0, 0}, 1);
        ModelShape shape = new ModelShape(2, new long[] {2}, 0);
        GeneratorModel generator = GeneratorModel.of(
                ModelFamilies.all().require("gan"),
                shape,
                identity,
                Optional.empty(),
                Optional.of(logit),
                Optional.empty(),
                Optional.empty());

        INDArray rows = generator.generate(4000, 7, OptionalInt.empty());

        assertThat(rows.shape()).containsExactly(4000, 2);
        assertThat(generator.generate(4000, 7, OptionalInt.empty()))
                .as("the same seed, the same rows")
                .isEqualTo(rows);
        assertThat(generator.generate(4000, 8, OptionalInt.empty())).isNotEqualTo(rows);
        assertThat(rows.getColumn(0).meanNumber().doubleValue()).isCloseTo(keptMean(4 * 1.6449), within(0.06));
        assertThat(rows.getColumn(1).meanNumber().doubleValue()).isCloseTo(0, within(0.06));
        assertThat(rows.getColumn(1).stdNumber().doubleValue()).isCloseTo(1, within(0.06));
        INDArray latent = LatentNoise.sample(7, 10, 2);
        assertThat(generator.generate(latent))
                .as("given latent points are never filtered")
                .isEqualTo(latent);
        assertThat(generator.unfiltered().generate(10, 7, OptionalInt.empty()))
                .as("unfiltered: the generator's rows for the seed's latent points")
                .isEqualTo(latent);
    }

    @Test
    void aGanOfTheRingSamplesCloserToItThroughItsDiscriminator() {
        TabularDataset ring = GaussianMixture.ring8().sample(11_000, 5);
        // Twelve epochs find the ring on some seeds only (11 seeds on 2026-11-28: unfiltered 0.35 to
        // 0.85 from it, kept rows 0.53 to 1.00 of that), and a discriminator that has not found it
        // has nothing to filter by; this seed's run finds it.
        Runs.Run run = Runs.train(ModelFamilies.all().require("gan"), "", ring, 12, 64, 16, 10);
        GeneratorModel generator = GeneratorModel.of(run.model());

        INDArray filtered = generator.generate(2500, 1);
        double raw = offRing(generator.unfiltered().generate(2500, 1));

        // Measured: 0.19 kept, 0.35 unfiltered after these 12 epochs.
        assertThat(offRing(filtered)).as("mean distance from the ring").isLessThan(0.85 * raw);
        assertThat(ModelArtifact.readGenerator(ModelArtifact.write(run.model()), ModelFamilies.all())
                        .generate(2500, 1))
                .as("an artifact samples as the model it was written from")
                .isEqualTo(filtered);
    }

    /** Mean distance of the rows (x, y) from the unit circle. */
    private static double offRing(INDArray rows) {
        float[] xy = rows.data().asFloat();
        double sum = 0;
        for (int i = 0; i < xy.length / 2; i++) {
            sum += Math.abs(Math.hypot(xy[2 * i], xy[2 * i + 1]) - 1);
        }
        return sum / (xy.length / 2);
    }

    private static Network dense(float[] weightsThenBias, int outputs) {
        Network network = new Network(List.of(new Dense(weightsThenBias.length / outputs - 1, outputs)));
        network.parameters()
                .assign(Tensors.of(weightsThenBias, network.parameters().shape()));
        return network;
    }

    /** The mean of phi(x) min(1, exp(4x - t)), normalised, by the midpoint rule. */
    private static double keptMean(double t) {
        double mass = 0;
        double first = 0;
        for (double x = -8; x < 12; x += 1e-3) {
            double w = Math.exp(-x * x / 2) * Math.min(1, Math.exp(4 * x - t));
            mass += w;
            first += w * x;
        }
        return first / mass;
    }
}
