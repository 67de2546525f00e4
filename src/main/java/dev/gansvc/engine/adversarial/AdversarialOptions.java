package dev.gansvc.engine.adversarial;

import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.Option;
import dev.gansvc.engine.model.OptionProblem;
import dev.gansvc.engine.model.OptionValues;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The options of GANs whose discriminator classifies real against fake. */
public final class AdversarialOptions {

    public static final Option.Choice LOSS = new Option.Choice(
            "loss",
            "Generator loss",
            Arrays.stream(GanLoss.values()).map(GanLoss::id).toList(),
            GanLoss.NON_SATURATING.id());
    public static final Option.Whole DISCRIMINATOR_STEPS =
            new Option.Whole("discriminatorSteps", "Discriminator (critic) steps per generator step (k)", 1, 10, 1);
    public static final Option.Real R1_GAMMA = new Option.Real(
            "r1Gamma",
            "Gamma of the R1 penalty on the discriminator's input gradient at real examples (0: off); "
                    + "not for batch-normalised discriminators",
            0,
            true,
            1000,
            true,
            0.0);
    public static final Option.Real R1_UNTIL = new Option.Real(
            "r1Until",
            "The share of the training steps, from the start, during which R1 applies",
            0,
            false,
            1,
            true,
            1.0);

    public static final Option.Real DISCRIMINATOR_LEARNING_RATE = new Option.Real(
            "discriminatorLearningRate",
            "The discriminator's learning rate as a multiple of learningRate, the generator's "
                    + "(two time-scale updates, Heusel et al. 2017); 1: the same",
            0,
            false,
            10,
            true,
            1.0);

    public static final Option.Real LABEL_SMOOTHING = new Option.Real(
            "labelSmoothing",
            "One-sided label smoothing (Salimans et al. 2016): the discriminator's target for real "
                    + "examples is 1 minus this; fakes keep 0",
            0,
            true,
            0.5,
            true,
            0.0);

    /** What a GAN with a classifying discriminator reads, packing included. */
    public static final List<Option> PACKED =
            List.of(LOSS, DISCRIMINATOR_STEPS, DISCRIMINATOR_LEARNING_RATE, LABEL_SMOOTHING, ModelShape.PACKING);
    /** {@link #PACKED} and R1, for discriminators without batch norm. */
    public static final List<Option> PACKED_WITH_R1 = List.of(
            LOSS,
            DISCRIMINATOR_STEPS,
            DISCRIMINATOR_LEARNING_RATE,
            LABEL_SMOOTHING,
            ModelShape.PACKING,
            R1_GAMMA,
            R1_UNTIL);

    private AdversarialOptions() {}

    /**
     * The default options: the non-saturating loss, one discriminator step at the generator's
     * learning rate, no label smoothing, no packing, R1 as given.
     */
    public static OptionValues defaults(double r1Gamma, double r1Until) {
        return OptionValues.NONE
                .with(LOSS, GanLoss.NON_SATURATING.id())
                .with(DISCRIMINATOR_STEPS, 1)
                .with(DISCRIMINATOR_LEARNING_RATE, 1.0)
                .with(LABEL_SMOOTHING, 0.0)
                .with(ModelShape.PACKING, 1)
                .with(R1_GAMMA, r1Gamma)
                .with(R1_UNTIL, r1Until);
    }

    /** The defaults without R1 options, for families whose discriminator has batch norm. */
    public static OptionValues defaultsWithoutR1() {
        return OptionValues.NONE
                .with(LOSS, GanLoss.NON_SATURATING.id())
                .with(DISCRIMINATOR_STEPS, 1)
                .with(DISCRIMINATOR_LEARNING_RATE, 1.0)
                .with(LABEL_SMOOTHING, 0.0)
                .with(ModelShape.PACKING, 1);
    }

    /** R1 switched on for a discriminator that normalises over the batch cannot train. */
    public static Optional<OptionProblem> r1WithBatchNorm(String family, OptionValues options, long[] exampleShape) {
        return options.has(R1_GAMMA) && options.get(R1_GAMMA) > 0
                ? Optional.of(new OptionProblem(
                        R1_GAMMA.name(),
                        "model '%s' on examples of shape %s has a discriminator "
                                        .formatted(family, Arrays.toString(exampleShape))
                                + "with batch norm, and R1 needs one that judges each example on its own"))
                : Optional.empty();
    }
}
