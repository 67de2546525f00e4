package dev.gansvc.engine.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gansvc.engine.classify.ImageClassifier;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.nn.Workspaces;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The field's standard sample-quality figures, measured on features of generated samples against
 * the same features of the held-out examples: a Fréchet distance, the kernel distance of KID and
 * k-nearest-neighbour precision and recall. Images are compared on a classifier's penultimate
 * activations: the service's own small classifier, not Inception, so the Fréchet distance is a
 * classifier-feature FID that compares models within the service and not with published FIDs.
 * Rows are compared on their raw values, in the data's units; beyond {@value #MAX_FRECHET_FEATURES}
 * features the Fréchet distance is left out (a covariance that large is costly, and a thousand
 * samples estimate it poorly).
 *
 * <p>{@code realFloor} is the same figures for real data in the samples' place: as many training
 * examples as there are held-out ones, against the held-out examples. A model cannot be expected
 * to do better; how far it is from the floor is what to read. The digit classifier trained on
 * those training digits, so its features may tell them slightly apart from unseen ones.
 *
 * @param features         what the vectors compared are
 * @param samples          generated samples measured (as many as held-out examples)
 * @param reference        held-out examples measured against
 * @param k                the neighbour whose distance bounds each ball of precision and recall
 * @param kernelSubsets    subsets the kernel distance averages over
 * @param kernelSubsetSize rows of each set in a subset
 * @param generated        the samples' figures
 * @param realFloor        training examples' figures
 */
public record FeatureDistances(
        String features,
        int samples,
        int reference,
        int k,
        int kernelSubsets,
        int kernelSubsetSize,
        Distances generated,
        Distances realFloor) {

    static final int MAX_FRECHET_FEATURES = 256;

    /**
     * One set of vectors against the reference set.
     *
     * @param frechetDistance   null for rows of more than {@value #MAX_FRECHET_FEATURES} features
     * @param kernelDistance    mean over subsets; may be slightly negative when the sets match
     * @param kernelDistanceStd standard deviation over subsets
     * @param precision         fraction of the set inside the reference manifold
     * @param recall            fraction of the reference inside the set's manifold
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Distances(
            Double frechetDistance, double kernelDistance, double kernelDistanceStd, double precision, double recall) {

        static Distances between(INDArray reference, INDArray compared) {
            // Its own workspace: the [n, n] temporaries in double (some 100 MB for n = 1000) are
            // reused by the next comparison instead of piling up in the caller's.
            return Workspaces.run("feature-distances", () -> {
                KernelDistance kernel = KernelDistance.between(reference, compared);
                ManifoldPrecisionRecall manifold =
                        ManifoldPrecisionRecall.of(reference, compared, ManifoldPrecisionRecall.K);
                return new Distances(
                        reference.size(1) <= MAX_FRECHET_FEATURES ? FrechetDistance.between(reference, compared) : null,
                        kernel.mean(),
                        kernel.std(),
                        manifold.precision(),
                        manifold.recall());
            });
        }
    }

    /** Whether there are enough held-out examples to measure against: more than k, for a k-th neighbour. */
    public static boolean measurable(int[] heldOut) {
        return heldOut.length > ManifoldPrecisionRecall.K;
    }

    /** Rows, on their raw values. */
    public static FeatureDistances ofRows(
            GeneratorModel generator, Dataset data, int[] training, int[] heldOut, long seed) {
        return measure(
                "raw values (" + data.exampleShape()[0] + ")",
                rows -> rows.castTo(DataType.DOUBLE),
                generator,
                data,
                training,
                heldOut,
                seed);
    }

    /** Images, on the penultimate activations of {@code classifier}, which {@code classifierName} names. */
    public static FeatureDistances ofImages(
            GeneratorModel generator,
            Dataset data,
            int[] training,
            int[] heldOut,
            long seed,
            ImageClassifier classifier,
            String classifierName) {
        return measure(
                classifierName + ", penultimate layer (" + ImageClassifier.FEATURES + ")",
                classifier::features,
                generator,
                data,
                training,
                heldOut,
                seed);
    }

    private static FeatureDistances measure(
            String features,
            UnaryOperator<INDArray> featuresOf,
            GeneratorModel generator,
            Dataset data,
            int[] training,
            int[] heldOut,
            long seed) {
        int n = heldOut.length;
        INDArray reference = featuresOf.apply(data.batch(heldOut));
        INDArray samples = featuresOf.apply(generator.generate(n, seed));
        // HeldOut.split lists the training examples in a random order; the same ones for every job.
        INDArray trainingExamples = featuresOf.apply(data.batch(Arrays.copyOf(training, n)));
        return new FeatureDistances(
                features,
                n,
                n,
                ManifoldPrecisionRecall.K,
                KernelDistance.SUBSETS,
                KernelDistance.subsetSize(n),
                Distances.between(reference, samples),
                Distances.between(reference, trainingExamples));
    }
}
