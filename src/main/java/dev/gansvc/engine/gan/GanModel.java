package dev.gansvc.engine.gan;

import dev.gansvc.engine.nn.Adam;
import dev.gansvc.engine.nn.Network;
import java.util.SplittableRandom;

/** A generator, its discriminator, their optimisers and how far training has got. */
public final class GanModel {

    private final Architecture architecture;
    private final int latentDim;
    private final long[] exampleShape;
    private final Network generator;
    private final Network discriminator;
    private final Adam generatorOptimizer;
    private final Adam discriminatorOptimizer;
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
