package dev.gansvc.jobs;

import dev.gansvc.datasets.DatasetCatalog;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.CommonOptions;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.Option;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.model.TrainingPlan;
import dev.gansvc.engine.model.TrainingSettings;
import dev.gansvc.web.Echo;
import dev.gansvc.web.FieldProblem;
import dev.gansvc.web.InvalidFieldException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Turns a job request into a complete {@link JobSpec}: checks every field against the options
 * the families declare (type, range, whether the family reads it), fills in the family's
 * defaults for the dataset, and checks that the result can train. All field problems of a
 * request are reported together.
 */
@Component
public class JobSpecResolver {

    private static final String SEED = "seed";
    private static final String VARIANT = "variant";

    private final ModelFamilies families;
    private final DatasetCatalog datasets;
    private final JobBudget budget;
    private final Map<String, Option> options = new LinkedHashMap<>();

    public JobSpecResolver(ModelFamilies families, DatasetCatalog datasets, JobBudget budget) {
        this.families = families;
        this.datasets = datasets;
        this.budget = budget;
        Stream.concat(CommonOptions.ALL.stream(), families.options().stream())
                .forEach(o -> options.putIfAbsent(o.name(), o));
    }

    /** A request that passed every check, with what it resolved to. */
    public record Resolved(JobSpec spec, ModelFamily family, Dataset dataset, TrainingPlan plan) {}

    public Resolved resolve(JobRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<ModelFamily> family = find("model", request.model(), families::find, families.ids(), problems);
        Optional<Dataset> dataset = find(
                "dataset", request.dataset(), datasets::find, List.copyOf(new TreeSet<>(datasets.names())), problems);
        Map<String, Object> values = new LinkedHashMap<>();
        Long seed = null;
        String variant = null;
        for (Map.Entry<String, Object> field : request.settings().entrySet()) {
            String name = field.getKey();
            Object raw = field.getValue();
            if (name.equals(SEED)) {
                seed = integral(raw)
                        .filter(v -> v.bitLength() < 64)
                        .map(BigInteger::longValue)
                        .orElse(null);
                if (seed == null) {
                    problems.add(new FieldProblem(name, "must be a whole number (was " + shown(raw) + ")"));
                }
            } else if (name.equals(VARIANT)) {
                variant = checkVariant(family, raw, problems);
            } else if (!options.containsKey(name)) {
                problems.add(new FieldProblem(name, "unknown field; known fields: " + knownFields()));
            } else {
                Option option = options.get(name);
                Optional<String> problem = typed(option, raw)
                        .map(v -> {
                            values.put(name, v);
                            return option.problem(v);
                        })
                        .orElseGet(() -> Optional.of(typeProblem(option, raw)));
                problem.or(() -> family.flatMap(f -> inapplicable(f, option)))
                        .ifPresent(message -> problems.add(new FieldProblem(name, message)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        return resolve(family.orElseThrow(), request.dataset(), dataset.orElseThrow(), variant, seed, values);
    }

    private Resolved resolve(
            ModelFamily family,
            String datasetName,
            Dataset dataset,
            String requestedVariant,
            Long seed,
            Map<String, Object> values) {
        String variant = requestedVariant != null ? requestedVariant : family.defaultVariant();
        long[] exampleShape = dataset.exampleShape();
        family.unsupported(exampleShape, dataset.classCount(), variant).ifPresent(reason -> {
            throw new InvalidFieldException(
                    family.variants().isEmpty() ? "dataset" : VARIANT,
                    "model '%s' %s; dataset '%s' has examples of shape %s%s"
                            .formatted(
                                    family.id(),
                                    reason,
                                    Echo.value(datasetName),
                                    Arrays.toString(exampleShape),
                                    dataset.classCount() > 1 ? " in " + dataset.classCount() + " classes" : ""));
        });
        Map<String, Object> settings =
                new LinkedHashMap<>(Recipe.defaults(family, dataset, variant).asMap());
        settings.putAll(values);
        JobSpec spec = JobSpec.of(
                family,
                datasetName,
                variant,
                seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48),
                settings);
        int batchSize = spec.schedule().batchSize();
        family.check(spec.options(), exampleShape).ifPresent(problem -> {
            throw new InvalidFieldException(problem.option(), problem.message());
        });
        if (batchSize % spec.examplesPerJudgement() != 0) {
            throw new InvalidFieldException(
                    values.containsKey(ModelShape.PACKING.name())
                            ? ModelShape.PACKING.name()
                            : CommonOptions.BATCH_SIZE.name(),
                    "batchSize %d is not a multiple of packing %d: the discriminator judges whole packs"
                            .formatted(batchSize, spec.examplesPerJudgement()));
        }
        budget.check(
                family,
                family.shape(spec.latentDim(), exampleShape, dataset.classCount(), variant, spec.options()),
                datasetName);
        TrainingSettings training = spec.trainingSettings();
        TrainingPlan plan = TrainingPlan.of(family.objective(training), training, dataset.size());
        if (plan.iterationsPerEpoch() < 1) {
            throw new InvalidFieldException(
                    CommonOptions.BATCH_SIZE.name(),
                    "one step needs %d examples, but dataset '%s' has %d for training"
                            .formatted(
                                    plan.examplesPerStep(training), Echo.value(datasetName), plan.trainingExamples()));
        }
        return new Resolved(spec, family, dataset, plan);
    }

    private static <T> Optional<T> find(
            String field,
            String name,
            Function<String, Optional<T>> lookup,
            List<String> available,
            List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return Optional.empty();
        }
        Optional<T> found = lookup.apply(name);
        if (found.isEmpty()) {
            problems.add(new FieldProblem(
                    field, "unknown %s '%s'; available: %s".formatted(field, Echo.value(name), available)));
        }
        return found;
    }

    private String checkVariant(Optional<ModelFamily> family, Object raw, List<FieldProblem> problems) {
        List<String> withVariants = families.list().stream()
                .filter(f -> !f.variants().isEmpty())
                .map(ModelFamily::id)
                .toList();
        if (family.isPresent() && family.get().variants().isEmpty()) {
            problems.add(new FieldProblem(
                    VARIANT,
                    "does not apply to model '%s'; it applies to %s"
                            .formatted(family.get().id(), withVariants)));
        } else if (family.isPresent() && !family.get().variants().contains(raw)) {
            problems.add(new FieldProblem(
                    VARIANT, "must be one of %s (was %s)".formatted(family.get().variants(), raw)));
        } else if (family.isPresent()) {
            return (String) raw;
        }
        return null;
    }

    private Optional<String> inapplicable(ModelFamily family, Option option) {
        return CommonOptions.ALL.contains(option) || family.reads(option)
                ? Optional.empty()
                : Optional.of("does not apply to model '%s'; it applies to %s"
                        .formatted(family.id(), families.readers(option)));
    }

    private List<String> knownFields() {
        List<String> known = new ArrayList<>(List.of("model", "dataset", SEED, VARIANT));
        known.addAll(options.keySet());
        return known.stream().sorted().toList();
    }

    /** The JSON value as the option's type: no fractions for whole numbers, no strings for numbers. */
    private static Optional<Object> typed(Option option, Object raw) {
        if (option instanceof Option.Choice) {
            return raw instanceof String s ? Optional.of(s) : Optional.empty();
        }
        if (option instanceof Option.Whole) {
            // Beyond int the range check rejects it; until then it stays a long.
            return integral(raw).map(v -> v.bitLength() < 32 ? (Object) v.intValue() : (Object) v.longValue());
        }
        return raw instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    private static Optional<BigInteger> integral(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return Optional.of(BigInteger.valueOf(((Number) raw).longValue()));
        }
        return raw instanceof BigInteger b ? Optional.of(b) : Optional.empty();
    }

    private static String typeProblem(Option option, Object raw) {
        String kind = option instanceof Option.Whole
                ? "a whole number"
                : option instanceof Option.Real ? "a number" : "one of " + ((Option.Choice) option).choices();
        return "must be " + kind + " (was " + shown(raw) + ")";
    }

    /** A JSON value as the client wrote it: strings quoted. */
    private static String shown(Object raw) {
        return raw instanceof String s ? "\"" + Echo.value(s) + "\"" : Echo.value(raw);
    }
}
