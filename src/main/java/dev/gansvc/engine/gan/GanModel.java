package dev.gansvc.engine.gan;

import dev.gansvc.engine.nn.Adam;
import dev.gansvc.engine.nn.Network;
import java.util.SplittableRandom;

/** A generator, its discriminator, their optimisers and how far training has got. */
public final class GanModel {

    private final Architecture architecture;
    private final int latentDim;
    private final Network generator;
    private final Network discriminator;
    private final Adam generatorOptimizer;
    private final Adam discriminatorOptimizer;
    private long iteration;

    private GanModel(Architecture architecture, int latentDim, OptimizerSettings optimizer) {
        this.architecture = architecture;
        this.latentDim = latentDim;
        this.generator = architecture.generator(latentDim);
        this.discriminator = architecture.discriminator();
        this.generatorOptimizer = new Adam(generator, optimizer.learningRate(), optimizer.beta1(), optimizer.beta2());
        this.discriminatorOptimizer = new Adam(discriminator, optimizer.learningRate(), optimizer.beta1(), optimizer.beta2());
    }

    /** A freshly initialised model; the seed fixes every initial weight. */
    public static GanModel create(Architecture architecture, int latentDim, OptimizerSettings optimizer, long seed) {
        GanModel model = new GanModel(architecture, latentDim, optimizer);
        SplittableRandom random = new SplittableRandom(seed);
        model.generator.initialize(random);
        model.discriminator.initialize(random);
        return model;
    }

    /** An uninitialised model whose arrays a checkpoint is about to fill. */
    static GanModel empty(Architecture architecture, int latentDim, OptimizerSettings optimizer) {
        return new GanModel(architecture, latentDim, optimizer);
    }

    public Architecture architecture() {
        return architecture;
    }

    public int latentDim() {
        return latentDim;
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
