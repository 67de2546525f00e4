package dev.gansvc.engine.quality;

import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.model.GeneratorModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Unbiased MMD^2 between generated samples and held-out real examples, under a sum of Gaussian
 * kernels at {@link #SCALES} times the held-out data's median pairwise distance: near 0 when
 * the samples are distributed as the data, larger the further they are. It compares
 * models on the same data; its absolute value depends on the data.
 *
 * @param samples    generated samples measured (as many as held-out examples)
 * @param bandwidths the kernels' bandwidths, in the data's units
 */
public record SampleMmd(double mmd2, int samples, double[] bandwidths) {

    static final double[] SCALES = {0.25, 0.5, 1, 2, 4};

    public static SampleMmd measure(GeneratorModel generator, Dataset data, int[] heldOut, long seed) {
        int n = heldOut.length;
        INDArray real = data.batch(heldOut).reshape('c', n, -1);
        INDArray fake = generator.generate(n, seed).reshape('c', n, -1);
        KernelMmd kernel = KernelMmd.atMedianScale(real, SCALES);
        return new SampleMmd(kernel.unbiased(real, fake), n, kernel.bandwidths());
    }
}
