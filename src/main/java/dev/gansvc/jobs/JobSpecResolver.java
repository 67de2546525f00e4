package dev.gansvc.jobs;

import dev.gansvc.datasets.DatasetCatalog;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.CommonOptions;
import dev.gansvc.engine.model.ExampleClusters;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.Option;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.model.TrainingPlan;
import dev.gansvc.engine.model.TrainingSettings;
import dev.gansvc.models.ModelOrigin;
import dev.gansvc.models.ModelService;
import dev.gansvc.web.Echo;
import dev.gansvc.web.FieldProblem;
import dev.gansvc.web.InvalidFieldException;
import dev.gansvc.web.UnfitException;
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
    private final ModelService models;
    private final Map<String, Option> options = new LinkedHashMap<>();

    public JobSpecResolver(ModelFamilies families, DatasetCatalog datasets, JobBudget budget, ModelService models) {
        this.models = models;
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
        Optional<ModelOrigin> origin = origin(request.settings().get(JobSpec.FROM), problems);
        String modelName =
                request.model() == null ? origin.map(ModelOrigin::architecture).orElse(null) : request.model();
        String datasetName =
                request.dataset() == null ? origin.map(ModelOrigin::dataset).orElse(null) : request.dataset();
        Optional<ModelFamily> family = find("model", modelName, families::find, families.ids(), problems);
        Optional<Dataset> dataset =
                find("dataset", datasetName, datasets::find, List.copyOf(new TreeSet<>(datasets.names())), problems);
        Map<String, Object> values = new LinkedHashMap<>();
        Long seed = null;
        String variant = null;
        for (Map.Entry<String, Object> field : request.settings().entrySet()) {
            String name = field.getKey();
            Object raw = field.getValue();
            if (name.equals(JobSpec.FROM)) {
                continue;
            } else if (name.equals(SEED)) {
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
        if (origin.isPresent() && !origin.get().architecture().equals(modelName)) {
            throw new UnfitException(
                    "model",
                    "model %d is a %s; a job that continues it trains %s (asked for %s)"
                            .formatted(
                                    origin.get().id(),
                                    origin.get().architecture(),
                                    origin.get().architecture(),
                                    Echo.value(modelName)));
        }
        return resolve(family.orElseThrow(), datasetName, dataset.orElseThrow(), variant, seed, values, origin);
    }

    /**
     * The model {@code from} names ({@code {"model": ID}}), absent when the request has none;
     * a malformed value or an unknown model is a problem of field {@code from}.
     */
    private Optional<ModelOrigin> origin(Object from, List<FieldProblem> problems) {
        if (from == null) {
            return Optional.empty();
        }
        Optional<Long> id = from instanceof Map<?, ?> m && m.size() == 1
                ? integral(m.get("model")).filter(v -> v.bitLength() < 64).map(BigInteger::longValue)
                : Optional.empty();
        if (id.isEmpty()) {
            problems.add(new FieldProblem(
                    JobSpec.FROM, "must be {\"model\": ID}, the trained model to continue (was " + shown(from) + ")"));
            return Optional.empty();
        }
        Optional<ModelOrigin> origin = models.origin(id.get());
        if (origin.isEmpty()) {
            problems.add(new FieldProblem(JobSpec.FROM, "model " + id.get() + " does not exist"));
        }
        return origin;
    }

    private Resolved resolve(
            ModelFamily family,
            String datasetName,
            Dataset dataset,
            String requestedVariant,
            Long seed,
            Map<String, Object> requested,
            Optional<ModelOrigin> origin) {
        String variant = requestedVariant != null
                ? requestedVariant
                : origin.map(o -> o.shape().variant()).filter(v -> !v.isEmpty()).orElse(family.defaultVariant());
        // A continued model keeps its networks: what shapes them defaults to the parent's.
        Map<String, Object> values = new LinkedHashMap<>();
        origin.ifPresent(o -> {
            values.put(CommonOptions.LATENT_DIM.name(), o.shape().latentDim());
            if (family.reads(ExampleClusters.CLUSTERS)) {
                values.put(ExampleClusters.CLUSTERS.name(), o.shape().clusters());
            }
            if (family.reads(ModelShape.PACKING)) {
                values.put(ModelShape.PACKING.name(), o.shape().packing());
            }
        });
        values.putAll(requested);
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
        JobSpec fresh = JobSpec.of(
                family,
                datasetName,
                variant,
                seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48),
                settings);
        JobSpec spec = fresh;
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
        ModelShape shape = family.shape(spec.latentDim(), exampleShape, dataset.classCount(), variant, spec.options());
        if (origin.isPresent()) {
            ModelShape parent = origin.get().shape();
            if (!parent.equals(shape)) {
                throw new UnfitException(
                        JobSpec.FROM,
                        "model %d has networks for %s; this job's would be for %s"
                                .formatted(origin.get().id(), describe(parent), describe(shape)));
            }
            spec = spec.continuing(
                    new JobSpec.Parent(origin.get().id(), origin.get().iteration()));
        }
        budget.check(family, shape, datasetName);
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

    /** A shape in the words of a job's fields. */
    private static String describe(ModelShape shape) {
        return "examples of shape %s, %d classes, latentDim %d%s%s%s"
                .formatted(
                        Arrays.toString(shape.exampleShape()),
                        shape.classCount(),
                        shape.latentDim(),
                        shape.clusters() > 0 ? ", " + shape.clusters() + " clusters" : "",
                        shape.packing() > 1 ? ", packing " + shape.packing() : "",
                        shape.variant().isEmpty() ? "" : ", variant " + shape.variant());
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
