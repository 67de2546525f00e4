package dev.gansvc.engine.model;

import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Tensors;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Discriminator rejection sampling (Azadi et al. 2019) for a GAN of rows. A discriminator
 * trained with binary cross-entropy against the generator estimates log(p_data(x) / p_g(x)) by
 * its logit, so keeping a generated row with probability min(1, exp(logit - threshold)) moves the
 * samples towards the data: modes the generator under-weights keep all their rows, rows between
 * modes are mostly dropped. The threshold is the logit's 95th percentile over the generator's
 * samples: every row above it is kept, so at least one candidate in twenty survives (two to
 * four in five for the mixtures' GANs, whose logits vary little).
 * Safe to share between threads; deterministic for a seed.
 */
final class RejectionSampler {

    private static final int CALIBRATION_ROWS = 10_000;
    private static final long CALIBRATION_SEED = 20190101L;
    private static final double THRESHOLD_QUANTILE = 0.95;
    private static final int MIN_CANDIDATES = 1024;
    private static final int MAX_CANDIDATES = 1 << 16;

    private final Network generator;
    private final Network discriminator;
    private final int latentDim;
    /** Computed on first use: a generator built for one epoch's snapshot never samples through here. */
    private volatile Double threshold;

    /** @param generator and {@code discriminator}: inference copies that later training does not change */
    RejectionSampler(Network generator, Network discriminator, int latentDim) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.latentDim = latentDim;
    }

    /** {@code count} kept rows, [count, features] in the networks' units, from the candidates of {@code seed}. */
    INDArray sample(int count, long seed) {
        double cut = threshold();
        SplittableRandom chance = new SplittableRandom(seed);
        float[] kept = null;
        int features = 0;
        int have = 0;
        for (long round = 0; have < count; round++) {
            int candidates = (int) Math.min(MAX_CANDIDATES, Math.max(MIN_CANDIDATES, 4L * (count - have)));
            INDArray rows = generator.forward(
                    LatentNoise.sample(LatentNoise.stepSeed(seed, round), candidates, latentDim), false);
            float[] logits = discriminator.forward(rows, false).toFloatVector();
            float[] values = rows.dup('c').data().asFloat();
            if (kept == null) {
                features = (int) rows.size(1);
                kept = new float[count * features];
            }
            for (int i = 0; i < candidates && have < count; i++) {
                if (chance.nextDouble() < Math.exp(Math.min(0, logits[i] - cut))) {
                    System.arraycopy(values, i * features, kept, have * features, features);
                    have++;
                }
            }
        }
        return Tensors.of(kept, count, features);
    }

    private double threshold() {
        Double t = threshold;
        if (t == null) {
            INDArray rows = generator.forward(LatentNoise.sample(CALIBRATION_SEED, CALIBRATION_ROWS, latentDim), false);
            float[] logits = discriminator.forward(rows, false).toFloatVector();
            Arrays.sort(logits);
            t = (double) logits[(int) (THRESHOLD_QUANTILE * (CALIBRATION_ROWS - 1))];
            threshold = t;
        }
        return t;
    }
}
