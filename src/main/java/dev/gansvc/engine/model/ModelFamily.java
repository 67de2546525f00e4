package dev.gansvc.engine.model;

import dev.gansvc.engine.data.FeatureScaling;
import dev.gansvc.engine.nn.Network;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of model the engine trains, declared in one place: its id and variants, the options
 * it reads, its defaults for a shape of data, its networks and objective, what it serves and
 * which quality figures apply. Each family lives in its own package under
 * {@code engine.family}; {@code ModelFamilies} registers them. Nothing outside a family asks
 * which family it is.
 */
public interface ModelFamily {

    /** The id jobs and saved models use, e.g. {@code dcgan}. */
    String id();

    /** One line for the catalogue and the API document. */
    String description();

    /** The variants it comes in, the first the default; empty for most. */
    default List<String> variants() {
        return List.of();
    }

    /** The options it reads besides the {@link CommonOptions} every family reads; none by default. */
    default List<Option> options() {
        return List.of();
    }

    /** Settings that train it well on data of this shape, before sizing for a small table. */
    Recipe recipe(long[] exampleShape, String variant);

    /** Why it cannot learn data of this shape and class count in this variant, if it cannot. */
    default Optional<String> unsupported(long[] exampleShape, int classCount, String variant) {
        return Optional.empty();
    }

    /**
     * A check across its options and the data, after defaults are filled in: the option at
     * fault and why, if the combination cannot train.
     */
    default Optional<OptionProblem> check(OptionValues options, long[] exampleShape) {
        return Optional.empty();
    }

    /** Its networks by name, one of them {@link GenerativeModel#GENERATOR}. */
    Map<String, Network> networks(ModelShape shape);

    /** How it trains with these settings. */
    Objective objective(TrainingSettings settings);

    /** What its loss API and chart show per step. */
    List<LossSeries> lossSeries();

    /**
     * What a trained model serves ({@link Capability#INTERPOLATION} only applies to images):
     * samples and walks between latent points by default.
     */
    default Set<Capability> capabilities() {
        return EnumSet.of(Capability.SAMPLES, Capability.INTERPOLATION);
    }

    /** The quality figures a finished job records, where the data allow. */
    default Set<QualityMeasure> qualityMeasures() {
        Set<QualityMeasure> measures = EnumSet.of(
                QualityMeasure.MODE_COVERAGE,
                QualityMeasure.MMD,
                QualityMeasure.DIGIT_CLASSIFIER,
                QualityMeasure.FEATURE_DISTANCES);
        if (capabilities().contains(Capability.CLASS_CONDITIONAL)) {
            measures.add(QualityMeasure.CLASS_AGREEMENT);
        }
        if (capabilities().contains(Capability.RECONSTRUCTIONS)) {
            measures.add(QualityMeasure.HELD_OUT_RECONSTRUCTION);
        }
        return measures;
    }

    /**
     * The network that filters samples of this shape ({@link RejectionSampler}), if the family
     * filters them.
     */
    default Optional<String> sampleFilter(ModelShape shape) {
        return Optional.empty();
    }

    /** The encoder and decoder frozen for reconstructions, for a family that serves them. */
    default Reconstructor reconstructor(
            ModelShape shape, Map<String, Network> networks, Optional<FeatureScaling> scaling) {
        return new Reconstructor(
                shape, networks.get(GenerativeModel.ENCODER), networks.get(GenerativeModel.GENERATOR), false, scaling);
    }

    default boolean serves(Capability capability) {
        return capabilities().contains(capability);
    }

    default boolean conditional() {
        return serves(Capability.CLASS_CONDITIONAL);
    }

    default boolean reads(Option option) {
        return options().contains(option);
    }

    /** The shape its networks take for data of this shape and class count. */
    default ModelShape shape(int latentDim, long[] exampleShape, int classCount, String variant) {
        return new ModelShape(
                latentDim,
                exampleShape,
                conditional() ? classCount : 0,
                variant == null || variant.isEmpty() ? defaultVariant() : variant);
    }

    /** The shape with a run's options: its packing and clusters, where the family reads them. */
    default ModelShape shape(int latentDim, long[] exampleShape, int classCount, String variant, OptionValues options) {
        return shape(latentDim, exampleShape, classCount, variant)
                .withPacking(options.has(ModelShape.PACKING) ? options.get(ModelShape.PACKING) : 1)
                .withClusters(
                        reads(ExampleClusters.CLUSTERS) && options.has(ExampleClusters.CLUSTERS)
                                ? options.get(ExampleClusters.CLUSTERS)
                                : 0);
    }

    default ModelShape shape(int latentDim, long[] exampleShape, int classCount) {
        return shape(latentDim, exampleShape, classCount, "");
    }

    default String defaultVariant() {
        return variants().isEmpty() ? "" : variants().get(0);
    }
}
