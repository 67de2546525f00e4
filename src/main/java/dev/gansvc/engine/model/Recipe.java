package dev.gansvc.engine.model;

import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.HeldOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Training settings with which a model trains well on a kind of data out of the box: what a
 * job gets for every field it leaves out, and what the quality benchmarks run. Each family
 * gives its own ({@link ModelFamily#recipe}); why each value was chosen is said there, what it
 * measured is in docs/quality.md.
 *
 * @param options the values of the family's own options
 */
public record Recipe(
        int epochs,
        int batchSize,
        int latentDim,
        OptimizerSettings optimizer,
        LearningRateSchedule schedule,
        OptionValues options) {

    /** Small tables take smaller batches and more epochs, up to this many steps in all. */
    private static final int MIN_TABLE_STEPS = 5000;

    private static final int MAX_EPOCHS = 1000;

    /** Adam with these settings and a constant learning rate. */
    public static Recipe adam(
            int epochs,
            int batchSize,
            int latentDim,
            double learningRate,
            double beta1,
            double beta2,
            double generatorAverage,
            OptionValues options) {
        return new Recipe(
                epochs,
                batchSize,
                latentDim,
                new OptimizerSettings(learningRate, beta1, beta2, generatorAverage),
                LearningRateSchedule.CONSTANT,
                options);
    }

    /** The family's recipe for this data, sized for the number of rows when the data is a table. */
    public static Recipe defaults(ModelFamily family, Dataset data, String variant) {
        long[] exampleShape = data.exampleShape();
        Recipe recipe = family.recipe(exampleShape, variant);
        if (exampleShape.length == 3) {
            return recipe;
        }
        int batchesPerStep = family.objective(recipe.training(0)).batchesPerStep();
        return recipe.sizedFor(data.size() - HeldOut.examples(data.size()), batchesPerStep);
    }

    /**
     * For a table of {@code rows} training rows: batches of at most a quarter of them, and
     * enough epochs for {@value #MIN_TABLE_STEPS} steps (at most {@value #MAX_EPOCHS}); iris's
     * 135 training rows get batches of 33 and 1,000 epochs rather than 2 steps an epoch for 40.
     */
    private Recipe sizedFor(int rows, int batchesPerStep) {
        int batch = Math.max(2, Math.min(batchSize, rows / 4));
        long stepsPerEpoch = Math.max(1, rows / batch / batchesPerStep);
        int epochsNeeded = (int) Math.min(MAX_EPOCHS, (MIN_TABLE_STEPS + stepsPerEpoch - 1) / stepsPerEpoch);
        return withEpochsAndBatch(Math.max(epochs, epochsNeeded), batch);
    }

    /** The same recipe with other epochs and batch size, for benchmarks that compare them. */
    public Recipe withEpochsAndBatch(int epochCount, int batch) {
        return new Recipe(epochCount, batch, latentDim, optimizer, schedule, options);
    }

    public Recipe withLatentDim(int latent) {
        return new Recipe(epochs, batchSize, latent, optimizer, schedule, options);
    }

    /** The same recipe with other family options. */
    public Recipe withOptions(OptionValues familyOptions) {
        return new Recipe(epochs, batchSize, latentDim, optimizer, schedule, familyOptions);
    }

    /** The same recipe with one family option set otherwise. */
    public Recipe with(Option option, Object value) {
        return new Recipe(epochs, batchSize, latentDim, optimizer, schedule, options.with(option, value));
    }

    /**
     * The same recipe with settings given as text by option name, common ones or the family's
     * ({@code familyOptions}), for benchmarks that try other settings than the defaults
     * ({@code epochs=20}, {@code learningRateSchedule=linear-decay}); each value must be in its
     * option's range, as a job's would.
     *
     * @throws IllegalArgumentException for an unknown name or a value out of range
     */
    public Recipe withSettings(Map<String, String> settings, List<Option> familyOptions) {
        Map<String, Object> values = asMap();
        OptionValues family = options;
        List<Option> known = Stream.concat(CommonOptions.ALL.stream(), familyOptions.stream())
                .toList();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String name = setting.getKey();
            Option option = known.stream()
                    .filter(o -> o.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown setting '" + name + "'; known: "
                            + known.stream().map(Option::name).toList()));
            String text = setting.getValue().strip();
            Object value = option instanceof Option.Whole
                    ? (Object) Integer.valueOf(text)
                    : option instanceof Option.Real ? (Object) Double.valueOf(text) : text;
            option.problem(value).ifPresent(problem -> {
                throw new IllegalArgumentException(name + " " + problem);
            });
            values.put(name, value);
            if (!CommonOptions.ALL.contains(option)) {
                family = family.with(option, value);
            }
        }
        return new Recipe(
                (Integer) values.get(CommonOptions.EPOCHS.name()),
                (Integer) values.get(CommonOptions.BATCH_SIZE.name()),
                (Integer) values.get(CommonOptions.LATENT_DIM.name()),
                new OptimizerSettings(
                        (Double) values.get(CommonOptions.LEARNING_RATE.name()),
                        (Double) values.get(CommonOptions.BETA1.name()),
                        (Double) values.get(CommonOptions.BETA2.name()),
                        (Double) values.get(CommonOptions.GENERATOR_AVERAGE.name())),
                LearningRateSchedule.fromId((String) values.get(CommonOptions.LEARNING_RATE_SCHEDULE.name())),
                family);
    }

    /** Every setting by its option name: the common ones, then the family's. */
    public Map<String, Object> asMap() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CommonOptions.EPOCHS.name(), epochs);
        values.put(CommonOptions.BATCH_SIZE.name(), batchSize);
        values.put(CommonOptions.LATENT_DIM.name(), latentDim);
        values.put(CommonOptions.LEARNING_RATE.name(), optimizer.learningRate());
        values.put(CommonOptions.BETA1.name(), optimizer.beta1());
        values.put(CommonOptions.BETA2.name(), optimizer.beta2());
        values.put(CommonOptions.LEARNING_RATE_SCHEDULE.name(), schedule.id());
        values.put(CommonOptions.GENERATOR_AVERAGE.name(), optimizer.generatorAverage());
        // No recipe measures while it trains: the quality curve is a job's choice.
        values.put(CommonOptions.QUALITY_EVERY.name(), CommonOptions.QUALITY_EVERY.whenAbsent());
        values.putAll(options.asMap());
        return values;
    }

    public TrainingSettings training(long seed) {
        return new TrainingSettings(epochs, batchSize, seed, schedule, options);
    }
}
