package dev.gansvc.engine.model;

import dev.gansvc.engine.data.FeatureScaling;
import dev.gansvc.engine.nn.Network;
import java.util.Optional;
import java.util.OptionalInt;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A generator frozen for inference: a copy of the trained network with its batch norms folded
 * into the preceding layers, whose samples come in the data's own units. Later training steps do not change it; safe to share between threads.
 */
public final class GeneratorModel {

    private final ModelFamily family;
    private final ModelShape shape;
    private final Network network;
    private final Optional<FeatureScaling> scaling;
    private final Optional<RejectionSampler> rejection;
    private final Optional<CodeDensity> codeDensity;
    private final Optional<ExampleClusters> clusters;

    private GeneratorModel(
            ModelFamily family,
            ModelShape shape,
            Network network,
            Optional<FeatureScaling> scaling,
            Optional<Network> discriminator,
            Optional<CodeDensity> codeDensity,
            Optional<ExampleClusters> clusters) {
        this.family = family;
        this.shape = shape;
        this.network = network;
        this.scaling = scaling;
        this.rejection = discriminator.map(d -> new RejectionSampler(network, d, shape.latentDim()));
        this.codeDensity = codeDensity;
        this.clusters = clusters;
        if (shape.clusters() > 0 && clusters.map(ExampleClusters::count).orElse(0) != shape.clusters()) {
            throw new IllegalArgumentException("a generator of " + shape.clusters() + " clusters needs their weights");
        }
    }

    /**
     * @param trainedDiscriminator the discriminator that filters samples, for a model that
     *                             {@linkplain ModelFamily#sampleFilter filters them}
     * @param codeDensity          the density a decoder's codes are drawn from, where one was fitted
     * @param clusters             the clusters a generator conditioned on them chooses from
     */
    static GeneratorModel of(
            ModelFamily family,
            ModelShape shape,
            Network trainedGenerator,
            Optional<FeatureScaling> scaling,
            Optional<Network> trainedDiscriminator,
            Optional<CodeDensity> codeDensity,
            Optional<ExampleClusters> clusters) {
        return new GeneratorModel(
                family,
                shape,
                trainedGenerator.foldedForInference(),
                scaling,
                trainedDiscriminator.map(Network::foldedForInference),
                codeDensity,
                clusters);
    }

    /** The model's generator as sampling should see it: with its averaged weights when it averages. */
    public static GeneratorModel of(GenerativeModel model) {
        Network generator = model.family().networks(model.shape()).get(GenerativeModel.GENERATOR);
        generator.parameters().assign(model.samplingParameters());
        generator.state().assign(model.generator().state());
        return of(
                model.family(),
                model.shape(),
                generator,
                model.scaling(),
                model.family().sampleFilter(model.shape()).map(model::network),
                model.codeDensity(),
                model.clusters());
    }

    /**
     * The same generator without its discriminator's filter, for comparing the raw samples with
     * the filtered ones; a model that does not filter is returned as it is.
     */
    public GeneratorModel unfiltered() {
        return rejection.isEmpty()
                ? this
                : new GeneratorModel(family, shape, network, scaling, Optional.empty(), codeDensity, clusters);
    }

    public ModelFamily family() {
        return family;
    }

    public ModelShape shape() {
        return shape;
    }

    public int latentDim() {
        return shape.latentDim();
    }

    /**
     * {@code count} samples ([count, channels, height, width] images in [-1, 1], or [count,
     * features]) from the latent points of {@code seed}, those of a model that filters its
     * samples kept by its discriminator. A conditional model makes class {@code label}, or,
     * without one, the classes in turn (0, 1, 2, ..., 0, 1, ...).
     */
    public INDArray generate(int count, long seed, OptionalInt label) {
        if (rejection.isPresent()) {
            INDArray rows = rejection.get().sample(count, seed);
            return scaling.map(s -> s.restore(rows)).orElse(rows);
        }
        return generate(LatentNoise.sample(seed, count, shape.latentDim()), label);
    }

    public INDArray generate(int count, long seed) {
        return generate(count, seed, OptionalInt.empty());
    }

    /**
     * The generator's output for given latent points, [n, latentDim], never filtered (a walk
     * through latent space, a fixed snapshot), a decoder's through its fitted code density, a
     * generator's conditioned on clusters in the cluster each point chooses; see {@link
     * #generate(int, long, OptionalInt)} for labels.
     */
    public INDArray generate(INDArray latent, OptionalInt label) {
        if (clusters.isPresent()) {
            ExampleClusters.Choice chosen = clusters.get().choose(latent);
            return restored(Conditioning.generatorInput(chosen.latent(), chosen.labels(), shape.clusters()));
        }
        int n = (int) latent.size(0);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = label.orElse(shape.conditional() ? i % shape.classCount() : 0);
        }
        INDArray codes = codeDensity.map(d -> d.codes(latent)).orElse(latent);
        return restored(Conditioning.generatorInput(codes, labels, shape.classCount()));
    }

    /**
     * The generator's output, in the data's units, for its network's own input: the (chosen)
     * latent point or code with the one-hot class or cluster appended, what a DL4J export takes.
     */
    public INDArray restored(INDArray input) {
        INDArray out = network.forward(input, false);
        return scaling.map(s -> s.restore(out)).orElse(out);
    }

    /** What {@link #generate(INDArray, OptionalInt)} computes with a label, for an exporter; never filtered. */
    public GeneratorGraph graph() {
        Optional<GeneratorGraph.Choice> choice = clusters.<GeneratorGraph.Choice>map(ExampleClusters::choice)
                .or(() -> codeDensity.map(CodeDensity::choice));
        return new GeneratorGraph(
                shape.latentDim(), shape.classCount(), choice, network.specs(), scaling, shape.exampleShape());
    }

    public INDArray generate(INDArray latent) {
        return generate(latent, OptionalInt.empty());
    }
}
