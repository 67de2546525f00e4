package dev.gansvc.engine.model;

import dev.gansvc.engine.data.FeatureScaling;
import dev.gansvc.engine.nn.Adam;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Tensors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model's named networks (generator, discriminator, encoder, ...), each with its own Adam,
 * the moving average of the generator's weights, and how far training has got. The network
 * named {@link #GENERATOR} is the one sampling runs: a GAN's generator, a VAE's decoder; an
 * autoencoder's or VAE's encoder is named {@link #ENCODER}.
 */
public final class GenerativeModel {

    public static final String GENERATOR = "generator";
    /** The network autoencoders and VAEs encode with. */
    public static final String ENCODER = "encoder";

    private final ModelFamily family;
    private final ModelShape shape;
    private final Map<String, Network> networks;
    private final Map<String, Adam> optimizers = new LinkedHashMap<>();
    private final double averageDecay;
    /** The moving average of the generator's parameters, from zero, before bias correction. */
    private final INDArray averageParameters;

    private long iteration;
    private FeatureScaling scaling;
    private CodeDensity codeDensity;
    private ExampleClusters clusters;

    private GenerativeModel(ModelFamily family, ModelShape shape, OptimizerSettings optimizer) {
        family.unsupported(shape.exampleShape(), shape.classCount(), shape.variant())
                .ifPresent(reason -> {
                    throw new IllegalArgumentException(family.id() + " " + reason);
                });
        if (shape.packing() > 1 && !family.reads(ModelShape.PACKING)) {
            throw new IllegalArgumentException(family.id() + " does not pack examples for its discriminator");
        }
        if (shape.clusters() > 0 && !family.reads(ExampleClusters.CLUSTERS)) {
            throw new IllegalArgumentException(family.id() + " is not conditioned on clusters of its examples");
        }
        this.family = family;
        this.shape = shape;
        this.networks = family.networks(shape);
        if (!networks.containsKey(GENERATOR)) {
            throw new IllegalStateException(family.id() + " builds no " + GENERATOR);
        }
        networks.forEach((name, network) -> optimizers.put(
                name, new Adam(network, optimizer.learningRate(), optimizer.beta1(), optimizer.beta2())));
        this.averageDecay = optimizer.generatorAverage();
        this.averageParameters = Tensors.zeros(generator().parameterCount());
    }

    /** A freshly initialised model; the seed fixes every initial weight. */
    public static GenerativeModel create(ModelFamily family, ModelShape shape, OptimizerSettings optimizer, long seed) {
        GenerativeModel model = new GenerativeModel(family, shape, optimizer);
        SplittableRandom random = new SplittableRandom(seed);
        model.networks.values().forEach(network -> network.initialize(random));
        return model;
    }

    /** An uninitialised model whose arrays a checkpoint is about to fill. */
    static GenerativeModel empty(ModelFamily family, ModelShape shape, OptimizerSettings optimizer) {
        return new GenerativeModel(family, shape, optimizer);
    }

    /** Whether any of its networks convolves ({@link Network#convolutional}). */
    public boolean convolutional() {
        return networks.values().stream().anyMatch(Network::convolutional);
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

    /** The shape of one generated example: [channels, height, width] or [features]. */
    public long[] exampleShape() {
        return shape.exampleShape();
    }

    public Network generator() {
        return network(GENERATOR);
    }

    public Network network(String name) {
        Network network = networks.get(name);
        if (network == null) {
            throw new IllegalArgumentException(family.id() + " has no network '" + name + "'");
        }
        return network;
    }

    /** The networks' names, in the order they were built. */
    public List<String> networkNames() {
        return List.copyOf(networks.keySet());
    }

    /** Parameter count of each network, by name. */
    public Map<String, Long> parameterCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        networks.forEach((name, network) -> counts.put(name, network.parameterCount()));
        return counts;
    }

    public Adam optimizer(String name) {
        network(name);
        return optimizers.get(name);
    }

    /**
     * Starts an optimiser update of the named network for this step: its gradients are zeroed
     * now; backpropagate into it, then {@link NetworkUpdate#apply() apply} the update.
     */
    public NetworkUpdate update(String name, Step step) {
        return update(name, step, 1);
    }

    /**
     * {@link #update(String, Step)} with the learning rate times {@code factor}, for a network
     * that learns on its own time scale (two time-scale updates).
     */
    public NetworkUpdate update(String name, Step step, double factor) {
        Network network = network(name);
        network.zeroGradients();
        return new NetworkUpdate(this, name, network, step.learningRateScale() * factor);
    }

    /** Folds the latest generator weights into the average; after each generator update. */
    void updateAverage() {
        if (averageDecay > 0) {
            averageParameters.muli(averageDecay).addi(generator().parameters().mul(1 - averageDecay));
        }
    }

    double averageDecay() {
        return averageDecay;
    }

    /**
     * The weights sampling uses: when averaging is on, the average divided by 1 - decay^steps (as
     * Adam corrects its moments), so that a short run is not pulled towards zero; else the latest.
     */
    INDArray samplingParameters() {
        if (averageDecay == 0 || iteration == 0) {
            return generator().parameters();
        }
        return averageParameters.div(1 - Math.pow(averageDecay, iteration));
    }

    INDArray averageParameters() {
        return averageParameters;
    }

    /** How rows of numbers are standardised for the networks; empty for images and before training starts. */
    public Optional<FeatureScaling> scaling() {
        return Optional.ofNullable(scaling);
    }

    void setScaling(FeatureScaling scaling) {
        this.scaling = scaling;
    }

    /** The density sampling draws codes from, once a run that fits one has finished an epoch. */
    public Optional<CodeDensity> codeDensity() {
        return Optional.ofNullable(codeDensity);
    }

    void setCodeDensity(CodeDensity codeDensity) {
        this.codeDensity = codeDensity;
    }

    /** The clusters of the training examples a model whose shape has them is conditioned on, once training has started. */
    public Optional<ExampleClusters> clusters() {
        return Optional.ofNullable(clusters);
    }

    void setClusters(ExampleClusters clusters) {
        this.clusters = clusters;
    }

    /** The encoder and decoder as they are now, frozen, for a family that reconstructs. */
    public Reconstructor reconstructor() {
        return family.reconstructor(shape, networks, scaling());
    }

    /** Training steps completed so far. */
    public long iteration() {
        return iteration;
    }

    void setIteration(long iteration) {
        this.iteration = iteration;
    }
}
