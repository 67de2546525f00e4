package dev.gansvc.jobs;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.gansvc.engine.model.CommonOptions;
import dev.gansvc.engine.model.LearningRateSchedule;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.OptimizerSettings;
import dev.gansvc.engine.model.Option;
import dev.gansvc.engine.model.OptionValues;
import dev.gansvc.engine.model.TrainingSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job's training configuration with every default filled in: what it trains on what, how
 * long, with which optimiser, and the family's own options. Stored with the job, and shown by
 * the API, as one flat JSON object of option names ({@link #asMap()}); a spec stored before an
 * option existed reads as the option's {@link Option#whenAbsent() value for absent}.
 *
 * @param variant the family's variant, null for families without variants
 * @param from    the trained model it continues, null for a fresh one
 */
public record JobSpec(
        String model,
        String dataset,
        String variant,
        long seed,
        int latentDim,
        Schedule schedule,
        OptimizerSettings optimizer,
        OptionValues options,
        Parent from) {

    /** The name of the request field and the stored setting that names the parent. */
    public static final String FROM = "from";

    /**
     * A trained model a job continues: its weights and optimiser state are where the job starts,
     * and its steps where the job's iterations count from.
     */
    public record Parent(long model, long iteration) {}

    /**
     * How long and in what batches it trains.
     *
     * @param qualityEvery epochs between quality measurements while it trains; 0: only at the end
     */
    public record Schedule(int epochs, int batchSize, LearningRateSchedule learningRate, int qualityEvery) {

        /** Whether the quality is measured at the end of {@code epoch} (the last epoch's is the job's own). */
        public boolean measuresQualityAfter(int epoch) {
            return qualityEvery > 0 && epoch % qualityEvery == 0 && epoch < epochs;
        }
    }

    /**
     * A spec from flat values by option name (numbers of any boxed type): a stored spec, or a
     * request's values over the family's defaults. Only the family's options are kept.
     */
    public static JobSpec of(ModelFamily family, String dataset, String variant, long seed, Map<String, ?> values) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (Option option : family.options()) {
            options.put(option.name(), typed(option, values.get(option.name())));
        }
        Schedule schedule = new Schedule(
                integer(values, CommonOptions.EPOCHS),
                integer(values, CommonOptions.BATCH_SIZE),
                LearningRateSchedule.fromId((String) typed(
                        CommonOptions.LEARNING_RATE_SCHEDULE, values.get(CommonOptions.LEARNING_RATE_SCHEDULE.name()))),
                integer(values, CommonOptions.QUALITY_EVERY));
        OptimizerSettings optimizer = new OptimizerSettings(
                real(values, CommonOptions.LEARNING_RATE),
                real(values, CommonOptions.BETA1),
                real(values, CommonOptions.BETA2),
                real(values, CommonOptions.GENERATOR_AVERAGE));
        return new JobSpec(
                family.id(),
                dataset,
                family.variants().isEmpty() ? null : variant,
                seed,
                integer(values, CommonOptions.LATENT_DIM),
                schedule,
                optimizer,
                OptionValues.of(options),
                values.get(FROM) instanceof Map<?, ?> from
                        ? new Parent(
                                ((Number) from.get("model")).longValue(), ((Number) from.get("iteration")).longValue())
                        : null);
    }

    /** The same spec continuing {@code parent}. */
    public JobSpec continuing(Parent parent) {
        return new JobSpec(model, dataset, variant, seed, latentDim, schedule, optimizer, options, parent);
    }

    /** The model's steps before this job's first: the parent's, or 0. */
    public long startIteration() {
        return from == null ? 0 : from.iteration();
    }

    /** The spec as stored and shown: every setting under its option name. */
    @JsonValue
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", model);
        map.put("dataset", dataset);
        map.put(CommonOptions.EPOCHS.name(), schedule.epochs());
        map.put(CommonOptions.BATCH_SIZE.name(), schedule.batchSize());
        map.put(CommonOptions.LATENT_DIM.name(), latentDim);
        map.put("seed", seed);
        map.put(CommonOptions.LEARNING_RATE.name(), optimizer.learningRate());
        map.put(CommonOptions.BETA1.name(), optimizer.beta1());
        map.put(CommonOptions.BETA2.name(), optimizer.beta2());
        map.put(
                CommonOptions.LEARNING_RATE_SCHEDULE.name(),
                schedule.learningRate().id());
        map.put(CommonOptions.GENERATOR_AVERAGE.name(), optimizer.generatorAverage());
        map.put(CommonOptions.QUALITY_EVERY.name(), schedule.qualityEvery());
        map.put("variant", variant);
        map.putAll(options.asMap());
        if (from != null) {
            map.put(FROM, Map.of("model", from.model(), "iteration", from.iteration()));
        }
        return map;
    }

    public int epochs() {
        return schedule.epochs();
    }

    public TrainingSettings trainingSettings() {
        return new TrainingSettings(schedule.epochs(), schedule.batchSize(), seed, schedule.learningRate(), options)
                .continuingFrom(startIteration());
    }

    /** Examples a discriminator judges together; 1 for families that do not pack. */
    public int examplesPerJudgement() {
        return options.has(ModelShape.PACKING) ? options.get(ModelShape.PACKING) : 1;
    }

    private static int integer(Map<String, ?> values, Option.Whole option) {
        return (Integer) typed(option, values.get(option.name()));
    }

    private static double real(Map<String, ?> values, Option.Real option) {
        return (Double) typed(option, values.get(option.name()));
    }

    /** The value as its option's type, or the option's value for absent. */
    private static Object typed(Option option, Object value) {
        Object v = value != null ? value : option.whenAbsent();
        if (v == null) {
            throw new IllegalArgumentException("spec has no " + option.name());
        }
        if (option instanceof Option.Whole) {
            return ((Number) v).intValue();
        }
        return option instanceof Option.Real ? (Object) ((Number) v).doubleValue() : v.toString();
    }
}
