package dev.gansvc.engine.model;

import java.util.Arrays;

/**
 * What a model's networks are built for: the latent size, the shape of one example
 * ([channels, height, width] or [features]), for class-conditional models the number of
 * classes (0 when unconditional), the variant of models that come in several ("" for the
 * others), how many examples a discriminator judges together (PacGAN packing, Lin et al.
 * 2018; 1 for one at a time), and for an unconditional model conditioned on clusters of its
 * examples ({@link ExampleClusters}) how many (0 when not): its networks take them as they take
 * classes, but nobody asks for one.
 */
public record ModelShape(
        int latentDim, long[] exampleShape, int classCount, String variant, int packing, int clusters) {

    /** The option that sets {@link #packing}; only families that read it pack. */
    public static final Option.Whole PACKING = new Option.Whole(
            "packing", "Examples the discriminator judges together (PacGAN packing); must divide batchSize", 1, 8, 1);

    public ModelShape {
        exampleShape = exampleShape.clone();
        variant = variant == null ? "" : variant;
        if (packing < 1) {
            throw new IllegalArgumentException("packing must be at least 1: " + packing);
        }
        if (clusters < 0 || clusters > 0 && classCount > 0) {
            throw new IllegalArgumentException(
                    "clusters must not be negative, and a conditional model has none: " + clusters);
        }
    }

    public ModelShape(int latentDim, long[] exampleShape, int classCount, String variant, int packing) {
        this(latentDim, exampleShape, classCount, variant, packing, 0);
    }

    public ModelShape(int latentDim, long[] exampleShape, int classCount, String variant) {
        this(latentDim, exampleShape, classCount, variant, 1);
    }

    public ModelShape(int latentDim, long[] exampleShape, int classCount) {
        this(latentDim, exampleShape, classCount, "");
    }

    public ModelShape withPacking(int examplesPerJudgement) {
        return new ModelShape(latentDim, exampleShape, classCount, variant, examplesPerJudgement, clusters);
    }

    public ModelShape withClusters(int count) {
        return new ModelShape(latentDim, exampleShape, classCount, variant, packing, count);
    }

    @Override
    public long[] exampleShape() {
        return exampleShape.clone();
    }

    public boolean image() {
        return exampleShape.length == 3;
    }

    public boolean conditional() {
        return classCount > 0;
    }

    /** Values in one example. */
    public int features() {
        return Math.toIntExact(Arrays.stream(exampleShape).reduce(1, Math::multiplyExact));
    }

    /**
     * Outputs of its discriminator: one logit per pack, or for a conditional model one per
     * class for each example of a pack (a projection discriminator, read at the labels).
     */
    public int discriminatorOutputs() {
        return labelCount() == 0 ? 1 : packing * labelCount();
    }

    /** Width of the generator's input: the latent point and the one-hot label, if any. */
    public int generatorInputs() {
        return latentDim + labelCount();
    }

    /** The labels the networks take: the classes of a conditional model, or the clusters (0 for neither). */
    public int labelCount() {
        return classCount + clusters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelShape s
                && latentDim == s.latentDim
                && classCount == s.classCount
                && Arrays.equals(exampleShape, s.exampleShape)
                && variant.equals(s.variant)
                && packing == s.packing
                && clusters == s.clusters;
    }

    @Override
    public int hashCode() {
        return 31
                        * (31
                                        * (31 * (31 * (31 * latentDim + classCount) + Arrays.hashCode(exampleShape))
                                                + variant.hashCode())
                                + packing)
                + clusters;
    }

    @Override
    public String toString() {
        return "ModelShape[latentDim=" + latentDim + ", exampleShape=" + Arrays.toString(exampleShape) + ", classCount="
                + classCount + ", variant=" + variant + ", packing=" + packing + ", clusters=" + clusters + "]";
    }
}
