package dev.gansvc.bench;

import dev.gansvc.engine.classify.ClassifierSource;
import dev.gansvc.engine.classify.ImageClassifier;
import dev.gansvc.engine.data.BundledDigits;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.ShapeImages;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.model.Trainer;
import dev.gansvc.engine.nn.Workspaces;
import dev.gansvc.engine.quality.ClassAgreement;
import dev.gansvc.engine.quality.DigitQuality;
import dev.gansvc.engine.quality.FeatureDistances;
import dev.gansvc.engine.quality.QualityReport;
import dev.gansvc.engine.render.SampleGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Image models trained with the defaults a job gets, one seed each, on the bundled digits or on
 * the built-in shapes: writes a grid of samples per model (ten rows; a conditional model's
 * columns are its classes, the digits 0 to 9 or the four shapes), a strip of the same ten latent
 * points drawn after every epoch, and prints the quality figures
 * the service would store, as a Markdown table per dataset.
 *
 * <p>Arguments: {@code --models gan,dcgan,...} (autoencoder variants as {@code autoencoder:conv},
 * another dataset than the digits as {@code dcgan64@shapes64}), {@code --out docs/gallery},
 * {@code --seed 1}; {@code --set epochs=20,generatorAverage=0.999,...} to try other settings than
 * the defaults (option names as a job's, applied to every model's default recipe), and
 * {@code --measure-every N} to measure the quality every N epochs as well (a trajectory from one run;
 * with a constant learning rate the figures after epoch e are those of an e-epoch run).
 */
public final class Gallery {

    private static final String ALL =
            "gan,dcgan,cgan,wgan-gp,ebgan,vae,vaegan,gmmn,autoencoder:conv,autoencoder:denoising";
    private static final String DIGITS = "mnist";
    private static final int ROWS = 10;
    private static final int COLUMNS = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Gallery() {}

    public static void main(String[] args) throws IOException {
        String[] models = DefaultRun.arg(args, "--models", ALL).split(",");
        Path out = Path.of(DefaultRun.arg(args, "--out", "docs/gallery"));
        long seed = Long.parseLong(DefaultRun.arg(args, "--seed", "1"));
        Map<String, String> settings = settings(DefaultRun.arg(args, "--set", ""));
        int measureEvery = Integer.parseInt(DefaultRun.arg(args, "--measure-every", "0"));
        Files.createDirectories(out);
        Map<String, Dataset> datasets = new LinkedHashMap<>();
        Optional<ImageClassifier> digitClassifier = Optional.empty();
        // One classifier per dataset, as the service keeps: a trajectory measures many times.
        Map<Dataset, ImageClassifier> trained = new HashMap<>();
        ClassifierSource classifiers = (images, training, heldOut) ->
                trained.computeIfAbsent(images, d -> ImageClassifier.train(d, training, heldOut));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Map<String, String> floors = new LinkedHashMap<>();
        for (String spec : models) {
            String[] modelAndData = spec.split("@", 2);
            String dataset = modelAndData.length > 1 ? modelAndData[1] : DIGITS;
            String[] parts = modelAndData[0].split(":", 2);
            ModelFamily family = ModelFamilies.all()
                    .find(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("unknown model " + parts[0]));
            String variant = parts.length > 1 ? parts[1] : "";
            Dataset data = datasets.computeIfAbsent(dataset, Gallery::load);
            if (dataset.equals(DIGITS) && digitClassifier.isEmpty()) {
                digitClassifier = Optional.of(ImageClassifier.trainOnBundledDigits());
                System.out.printf(
                        Locale.ROOT,
                        "digit classifier: %.1f%% on %d held-out digits%n",
                        100 * digitClassifier.get().heldOutAccuracy(),
                        digitClassifier.get().heldOutExamples());
            }
            UnaryOperator<Recipe> adjust = r -> {
                Recipe adjusted = r.withSettings(settings, family.options());
                System.out.printf(Locale.ROOT, "%s, seed %d: %s%n", spec, seed, adjusted.asMap());
                return adjusted;
            };
            long t0 = System.nanoTime();
            Optional<ImageClassifier> digits = dataset.equals(DIGITS) ? digitClassifier : Optional.empty();
            Trainer trainer = DefaultRun.prepare(family, variant, data, seed, adjust);
            ProgressStrip progress = new ProgressStrip(spec, COLUMNS, seed);
            QualityTrajectory trajectory =
                    new QualityTrajectory(spec, progress, measureEvery, trainer, dataset, digits, classifiers, seed);
            trainer.train(trajectory, () -> false);
            double seconds = (System.nanoTime() - t0) / 1e9 - trajectory.seconds();
            long t1 = System.nanoTime();
            QualityReport quality = QualityReport.measure(trainer, dataset, seed, digits, classifiers)
                    .orElseThrow();
            System.out.printf(Locale.ROOT, "%s: quality measured in %.0f s%n", spec, (System.nanoTime() - t1) / 1e9);
            // Every figure the service would store, as it stores them.
            System.out.println(spec + ": quality " + JSON.writeValueAsString(quality));
            GeneratorModel generator = GeneratorModel.of(trainer.model());
            int columns = generator.shape().conditional() ? generator.shape().classCount() : COLUMNS;
            String file = spec.replace(':', '-').replace('@', '-') + ".png";
            Files.write(
                    out.resolve(file),
                    Workspaces.run(
                            "gallery",
                            () -> SampleGrid.png(
                                    generator.generate(ROWS * columns, seed, OptionalInt.empty()), columns)));
            Files.write(out.resolve(file.replace(".png", "-progress.png")), progress.png());
            String row = dataset.equals(DIGITS)
                    ? digitsRow(spec, trainer, seconds, quality, out.resolve(file))
                    : classesRow(spec, trainer, seconds, quality, out.resolve(file), data.classNames());
            if (dataset.equals(DIGITS)) {
                System.out.println(spec + ": " + perDigit(quality.digits()));
            }
            System.out.println(row);
            rows.computeIfAbsent(dataset, d -> new ArrayList<>()).add(row);
            if (quality.distances() != null) {
                floors.put(dataset, cells(quality.distances().realFloor()));
            }
        }
        rows.forEach((dataset, table) -> {
            System.out.println();
            System.out.println(
                    dataset.equals(DIGITS)
                            ? "| model | samples | steps | time | MMD² | FD | KID | precision / recall | digits covered "
                                    + "| mean confidence | rarest to commonest digit | label agreement | held-out MSE |\n"
                                    + "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
                            : "| model | samples | steps | time | MMD² | FD | KID | precision / recall | class agreement "
                                    + "| per class | classifier accuracy |\n"
                                    + "|---|---|---|---|---|---|---|---|---|---|---|");
            table.forEach(System.out::println);
            System.out.println("real floor (training examples against the held-out ones): " + floors.get(dataset));
        });
    }

    /** {@code name=value,...} in order; empty for none. */
    private static Map<String, String> settings(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (!pair.isBlank()) {
                String[] nameAndValue = pair.split("=", 2);
                if (nameAndValue.length < 2) {
                    throw new IllegalArgumentException("--set takes name=value pairs, got '" + pair + "'");
                }
                settings.put(nameAndValue[0].strip(), nameAndValue[1].strip());
            }
        }
        return settings;
    }

    /** The digits' figures against the target of every digit between 5% and 15% of the samples. */
    static String perDigit(DigitQuality d) {
        return String.format(
                Locale.ROOT,
                "confidence %.3f, samples per digit %s%s",
                d.meanConfidence(),
                shares(d),
                d.labelAgreement() == null
                        ? ""
                        : String.format(Locale.ROOT, ", label agreement %.3f", d.labelAgreement()));
    }

    /** The data a spec names: the bundled digits or the built-in shapes. */
    private static Dataset load(String dataset) {
        return switch (dataset) {
            case DIGITS -> BundledDigits.load();
            case ShapeImages.SHAPES64 -> ShapeImages.shapes64();
            default -> throw new IllegalArgumentException("unknown dataset " + dataset + " (mnist or shapes64)");
        };
    }

    private static String digitsRow(String spec, Trainer trainer, double seconds, QualityReport q, Path picture) {
        DigitQuality d = q.digits();
        return String.format(
                Locale.ROOT,
                "| `%s` | ![%s](%s) | %d | %.0f s | %.4f | %s | %d / 10 | %.2f | %s | %s | %s |",
                spec,
                spec,
                picture,
                trainer.model().iteration(),
                seconds,
                q.mmd().mmd2(),
                distanceCells(q.distances()),
                d.classesCovered(),
                d.meanConfidence(),
                shares(d),
                d.labelAgreement() == null ? "" : String.format(Locale.ROOT, "%.2f", d.labelAgreement()),
                q.heldOut() == null
                        ? ""
                        : String.format(Locale.ROOT, "%.4f", q.heldOut().reconstructionError()));
    }

    /** Fréchet distance, KID and precision / recall in the classifier's feature space, as table cells. */
    static String distanceCells(FeatureDistances distances) {
        return distances == null ? " | | " : cells(distances.generated());
    }

    private static String cells(FeatureDistances.Distances d) {
        return String.format(
                Locale.ROOT,
                "%s | %.2f ± %.2f | %.2f / %.2f",
                d.frechetDistance() == null ? "" : String.format(Locale.ROOT, "%.1f", d.frechetDistance()),
                d.kernelDistance(),
                d.kernelDistanceStd(),
                d.precision(),
                d.recall());
    }

    /** The rarest and the commonest digit's share of the samples. */
    private static String shares(DigitQuality d) {
        int[] counts = d.samplesPerDigit();
        int rarest = 0;
        int commonest = 0;
        for (int c = 1; c < counts.length; c++) {
            rarest = counts[c] < counts[rarest] ? c : rarest;
            commonest = counts[c] > counts[commonest] ? c : commonest;
        }
        return String.format(
                Locale.ROOT,
                "%.1f%% (digit %d) to %.1f%% (digit %d)",
                100.0 * counts[rarest] / d.samples(),
                rarest,
                100.0 * counts[commonest] / d.samples(),
                commonest);
    }

    /** Class agreement where the model is conditional, by the classifier trained on the training images. */
    private static String classesRow(
            String spec, Trainer trainer, double seconds, QualityReport q, Path picture, List<String> classNames) {
        ClassAgreement a = q.classAgreement();
        return String.format(
                Locale.ROOT,
                "| `%s` | ![%s](%s) | %d | %.0f s | %.4f | %s | %s | %s | %s |",
                spec,
                spec,
                picture,
                trainer.model().iteration(),
                seconds,
                q.mmd().mmd2(),
                distanceCells(q.distances()),
                a == null ? "" : String.format(Locale.ROOT, "%.2f", a.agreement()),
                a == null
                        ? ""
                        : IntStream.range(0, a.perClass().size())
                                .mapToObj(c -> String.format(
                                        Locale.ROOT,
                                        "%s %.2f",
                                        classNames.get(c),
                                        a.perClass().get(c)))
                                .collect(Collectors.joining(", ")),
                a == null || a.classifierAccuracy() == null
                        ? ""
                        : String.format(Locale.ROOT, "%.3f", a.classifierAccuracy()));
    }
}
