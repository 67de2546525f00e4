package dev.gansvc.engine.model;

import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.FeatureScaling;
import dev.gansvc.engine.data.HeldOut;
import dev.gansvc.engine.data.Permutations;
import dev.gansvc.engine.nn.Workspaces;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training loop every model shares: epochs over a fresh permutation of the training
 * examples, one {@link Objective} step per iteration, progress and epoch ends reported to a
 * listener, and at each epoch end held-out validation where the objective asks for it and the
 * refit of a {@link CodeDensity} where the run decodes from one. A model conditioned on {@link
 * ExampleClusters} gets them before its first step and trains on their labels.
 *
 * <p>Every random choice derives from the seed and the step number (data order per epoch,
 * noise per step), so a run resumed from a checkpoint takes the same path as one that never
 * stopped.
 */
public final class Trainer {

    public enum Outcome {
        COMPLETED,
        STOPPED
    }

    private static final String WORKSPACE = "training-step";
    private static final int ENCODING_BATCH = 500;

    private final GenerativeModel model;
    /** What the networks see: the data, standardised when it is a table. */
    private final Dataset data;

    private final Dataset original;
    private final TrainingSettings settings;
    private final Objective objective;
    private final TrainingPlan plan;
    private final int[] labels;
    private final int[] training;
    private final int[] heldOut;

    /**
     * Rows of numbers are standardised with statistics of the training rows, fitted when a
     * model first trains and kept in it (and its checkpoints) after that.
     */
    public Trainer(GenerativeModel model, Dataset data, TrainingSettings settings) {
        this.objective = model.family().objective(settings);
        this.plan = TrainingPlan.of(objective, settings, data.size());
        if (plan.iterationsPerEpoch() < 1) {
            throw new IllegalArgumentException("dataset of " + plan.trainingExamples()
                    + " training examples is smaller than one step (" + plan.examplesPerStep(settings) + " examples)");
        }
        if (settings.batchSize() % model.shape().packing() != 0) {
            throw new IllegalArgumentException("batch of " + settings.batchSize() + " does not split into packs of "
                    + model.shape().packing());
        }
        this.model = model;
        this.settings = settings;
        HeldOut.Split split = HeldOut.split(data.size());
        this.heldOut = split.heldOut();
        this.training = split.training();
        this.original = data;
        if (data.exampleShape().length == 1 && model.scaling().isEmpty()) {
            model.setScaling(FeatureScaling.fit(data, training));
        }
        this.data = model.scaling().map(s -> s.applyTo(data)).orElse(data);
        if (model.shape().clusters() > 0 && model.clusters().isEmpty()) {
            model.setClusters(
                    ExampleClusters.fit(this.data, training, model.shape().clusters(), settings.seed()));
        }
        this.labels = model.clusters().map(c -> c.labels(this.data)).orElse(data.labels());
    }

    public TrainingPlan plan() {
        return plan;
    }

    public long totalIterations() {
        return plan.totalIterations();
    }

    public Outcome train(TrainingListener listener, BooleanSupplier stopRequested) {
        long perEpoch = plan.iterationsPerEpoch();
        long start = plan.startIteration();
        long total = plan.totalIterations();
        int[] order = null;
        int orderEpoch = -1;
        while (model.iteration() < total) {
            if (stopRequested.getAsBoolean()) {
                return Outcome.STOPPED;
            }
            long it = model.iteration();
            // Epochs, batch positions and schedules count this run's steps; noise the model's.
            long done = it - start;
            int epoch = (int) (done / perEpoch);
            if (epoch != orderEpoch) {
                order = Permutations.of(plan.trainingExamples(), new SplittableRandom(settings.seed() * 31 + epoch));
                for (int i = 0; i < order.length; i++) {
                    order[i] = training[order[i]];
                }
                orderEpoch = epoch;
            }
            boolean epochEnds = (done + 1) % perEpoch == 0;
            Step step = new Step(
                    data,
                    labels,
                    order,
                    (int) (done % perEpoch) * plan.examplesPerStep(settings),
                    settings.batchSize(),
                    plan.batchesPerStep(),
                    it,
                    settings.seed(),
                    settings.schedule().scale(done, plan.runIterations()),
                    (double) done / plan.runIterations());
            double[] values = Workspaces.run(WORKSPACE, () -> {
                double[] v = objective.step(model, step);
                if (epochEnds) {
                    objective.evaluate(model, data, heldOut).ifPresent(score -> v[v.length - 1] = score.loss());
                    fitCodeDensity(epoch, it + 1 == total);
                }
                return v;
            });
            model.setIteration(it + 1);
            listener.onIteration(new LossPoint(it + 1, epoch + 1, values));
            if (epochEnds) {
                listener.onEpochEnd(epoch + 1, model);
            }
        }
        return Outcome.COMPLETED;
    }

    /**
     * Refits the code density of a run that decodes from one to the codes the encoder gives the
     * first training examples now (in the split's random order): {@value
     * CodeDensity#MAX_CODES} at most after the last epoch, {@value CodeDensity#PROGRESS_CODES}
     * after the others, whose samples only show progress.
     */
    private void fitCodeDensity(int epoch, boolean last) {
        OptionValues options = settings.options();
        if (!options.has(CodeDensity.COMPONENTS) || options.get(CodeDensity.COMPONENTS) == 0) {
            return;
        }
        Reconstructor encoder = model.reconstructor();
        int count = Math.min(training.length, last ? CodeDensity.MAX_CODES : CodeDensity.PROGRESS_CODES);
        List<INDArray> codes = new ArrayList<>();
        for (int from = 0; from < count; from += ENCODING_BATCH) {
            codes.add(encoder.encode(
                    original.batch(Arrays.copyOfRange(training, from, Math.min(count, from + ENCODING_BATCH)))));
        }
        model.setCodeDensity(
                CodeDensity.fit(Nd4j.vstack(codes), options.get(CodeDensity.COMPONENTS), settings.seed() * 31 + epoch));
    }

    /** The reconstruction score of the model as it is now on the held-out examples, for models that reconstruct. */
    public Optional<HeldOutScore> evaluateHeldOut() {
        return heldOut.length == 0
                ? Optional.empty()
                : Workspaces.run(WORKSPACE, () -> objective.evaluate(model, data, heldOut));
    }

    public GenerativeModel model() {
        return model;
    }

    /** The data as given (not standardised). */
    public Dataset data() {
        return original;
    }

    /** The indices of the examples training draws from. */
    public int[] trainingIndices() {
        return training.clone();
    }

    /** The indices of the examples kept out of training. */
    public int[] heldOutIndices() {
        return heldOut.clone();
    }
}
