package dev.gansvc.engine.gan;

import dev.gansvc.engine.nn.Adam;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Tensors;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A generator, its discriminator, their optimisers and how far training has got. */
public final class GanModel {

    private final Architecture architecture;
    private final int latentDim;
    private final long[] exampleShape;
    private final Network generator;
    private final Network discriminator;
    private final Adam generatorOptimizer;
    private final Adam discriminatorOptimizer;
    private final double averageDecay;
    /** The moving average of the generator's parameters, from zero, before bias correction. */
    private final INDArray averageParameters;
    private long iteration;

    private GanModel(Architecture architecture, int latentDim, long[] exampleShape, OptimizerSettings optimizer) {
        architecture.unsupported(exampleShape).ifPresent(reason -> {
            throw new IllegalArgumentException(architecture.id() + " " + reason);
        });
        this.architecture = architecture;
        this.latentDim = latentDim;
        this.exampleShape = exampleShape.clone();
        this.generator = architecture.generator(latentDim, exampleShape);
        this.discriminator = architecture.discriminator(exampleShape);
        this.generatorOptimizer = new Adam(generator, optimizer.learningRate(), optimizer.beta1(), optimizer.beta2());
        this.discriminatorOptimizer = new Adam(discriminator, optimizer.learningRate(), optimizer.beta1(), optimizer.beta2());
        this.averageDecay = optimizer.generatorAverage();
        this.averageParameters = Tensors.zeros(generator.parameterCount());
    }

    /** A freshly initialised model; the seed fixes every initial weight. */
    public static GanModel create(Architecture architecture, int latentDim, long[] exampleShape,
            OptimizerSettings optimizer, long seed) {
        GanModel model = new GanModel(architecture, latentDim, exampleShape, optimizer);
        SplittableRandom random = new SplittableRandom(seed);
        model.generator.initialize(random);
        model.discriminator.initialize(random);
        return model;
    }

    /** An uninitialised model whose arrays a checkpoint is about to fill. */
    static GanModel empty(Architecture architecture, int latentDim, long[] exampleShape, OptimizerSettings optimizer) {
        return new GanModel(architecture, latentDim, exampleShape, optimizer);
    }

    public Architecture architecture() {
        return architecture;
    }

    public int latentDim() {
        return latentDim;
    }

    /** The shape of one generated example: [channels, height, width] or [features]. */
    public long[] exampleShape() {
        return exampleShape.clone();
    }

    public Network generator() {
        return generator;
    }

    public Network discriminator() {
        return discriminator;
    }

    /** Folds the latest generator weights into the average; called after each generator step. */
    void updateAverage() {
        if (averageDecay > 0) {
            averageParameters.muli(averageDecay).addi(generator.parameters().mul(1 - averageDecay));
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
            return generator.parameters();
        }
        return averageParameters.div(1 - Math.pow(averageDecay, iteration));
    }

    INDArray averageParameters() {
        return averageParameters;
    }

    Adam generatorOptimizer() {
        return generatorOptimizer;
    }

    Adam discriminatorOptimizer() {
        return discriminatorOptimizer;
    }

    /** Generator steps completed so far. */
    public long iteration() {
        return iteration;
    }

    void setIteration(long iteration) {
        this.iteration = iteration;
    }
}
