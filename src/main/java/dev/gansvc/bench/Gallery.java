package dev.gansvc.bench;

import dev.gansvc.engine.classify.ImageClassifier;
import dev.gansvc.engine.data.BundledDigits;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.model.Architecture;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.Trainer;
import dev.gansvc.engine.nn.Workspaces;
import dev.gansvc.engine.quality.DigitQuality;
import dev.gansvc.engine.quality.QualityReport;
import dev.gansvc.engine.render.SampleGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every image model trained on the bundled digits with the defaults a job gets, one seed each:
 * writes a grid of 100 samples per model (a conditional model's columns are the digits 0 to 9)
 * and prints the quality figures the service would store, as a Markdown table.
 *
 * <p>Arguments: {@code --models gan,dcgan,...} (autoencoder variants as {@code autoencoder:conv}),
 * {@code --out docs/gallery}, {@code --seed 1}.
 */
public final class Gallery {

    private static final String ALL = "gan,dcgan,cgan,wgan-gp,ebgan,vae,vaegan,gmmn,autoencoder:conv,autoencoder:denoising";
    private static final int SAMPLES = 100;
    private static final int COLUMNS = 10;

    private Gallery() {
    }

    public static void main(String[] args) throws IOException {
        String[] models = DefaultRun.arg(args, "--models", ALL).split(",");
        Path out = Path.of(DefaultRun.arg(args, "--out", "docs/gallery"));
        long seed = Long.parseLong(DefaultRun.arg(args, "--seed", "1"));
        Files.createDirectories(out);
        ImageDataset digits = BundledDigits.load();
        ImageClassifier classifier = ImageClassifier.trainOnBundledDigits();
        System.out.printf(Locale.ROOT, "digit classifier: %.1f%% on %d held-out digits%n",
                100 * classifier.heldOutAccuracy(), classifier.heldOutExamples());
        List<String> rows = new ArrayList<>();
        for (String spec : models) {
            String[] parts = spec.split(":", 2);
            Architecture architecture = Architecture.byId(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("unknown model " + parts[0]));
            String variant = parts.length > 1 ? parts[1] : "";
            long t0 = System.nanoTime();
            Trainer trainer = DefaultRun.train(architecture, variant, digits, seed);
            double seconds = (System.nanoTime() - t0) / 1e9;
            QualityReport quality = QualityReport.measure(trainer, "mnist", seed, Optional.of(classifier)).orElseThrow();
            GeneratorModel generator = GeneratorModel.of(trainer.model());
            String file = spec.replace(':', '-') + ".png";
            Files.write(out.resolve(file), Workspaces.run("gallery",
                    () -> SampleGrid.png(generator.generate(SAMPLES, seed, OptionalInt.empty()), COLUMNS)));
            String row = row(spec, trainer, seconds, quality, out.resolve(file));
            System.out.println(row);
            rows.add(row);
        }
        System.out.println();
        System.out.println("| model | samples | steps | time | MMD² | digits covered | mean confidence | label agreement | held-out MSE |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static String row(String spec, Trainer trainer, double seconds, QualityReport q, Path picture) {
        DigitQuality d = q.digits();
        return String.format(Locale.ROOT, "| `%s` | ![%s](%s) | %d | %.0f s | %.4f | %d / 10 | %.2f | %s | %s |", spec, spec,
                picture, trainer.model().iteration(), seconds, q.mmd().mmd2(), d.classesCovered(), d.meanConfidence(),
                d.labelAgreement() == null ? "" : String.format(Locale.ROOT, "%.2f", d.labelAgreement()),
                q.heldOut() == null ? "" : String.format(Locale.ROOT, "%.4f", q.heldOut().reconstructionError()));
    }
}
