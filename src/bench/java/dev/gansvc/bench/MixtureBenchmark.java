package dev.gansvc.bench;

import dev.gansvc.engine.adversarial.AdversarialOptions;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.ModelArtifact;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.model.Trainer;
import dev.gansvc.engine.model.TrainingListener;
import dev.gansvc.engine.quality.ModeCoverage;
import dev.gansvc.engine.quality.QualityReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Mode collapse on the 2D mixtures (ring8, grid25): a model (the fully connected {@code gan} unless
 * {@code --model} names another) with the
 * defaults a job gets, over several seeds, scored as VEEGAN/PacGAN score it. Prints one line per
 * run and a summary table next to the published PacGAN figures.
 *
 * <p>Arguments: {@code --seeds 5 --datasets ring8,grid25 --model gan}, {@code --epochs N --batch N
 * --r1-gamma G --r1-until F} to try other settings than the recipe's, and {@code --save DIR} to keep
 * each trained model as DIR/DATA-seedN.zip (the artifact the service stores), so that ideas on the
 * sampling side can be judged without training again.
 */
public final class MixtureBenchmark {

    /** Drawn as the service draws them (DatasetCatalog): the same points for every run. */
    private static final int POINTS = 64_000;

    private static final long DATA_SEED = 20180101L;

    private MixtureBenchmark() {}

    public static void main(String[] args) throws IOException {
        int seeds = Integer.parseInt(DefaultRun.arg(args, "--seeds", "5"));
        String[] names = DefaultRun.arg(args, "--datasets", "ring8,grid25").split(",");
        String modelId = DefaultRun.arg(args, "--model", "gan");
        Optional<Path> save = Optional.of(DefaultRun.arg(args, "--save", ""))
                .filter(dir -> !dir.isEmpty())
                .map(Path::of);
        if (save.isPresent()) {
            Files.createDirectories(save.get());
        }
        int epochs = Integer.parseInt(DefaultRun.arg(args, "--epochs", "0"));
        int batch = Integer.parseInt(DefaultRun.arg(args, "--batch", "0"));
        String r1Gamma = DefaultRun.arg(args, "--r1-gamma", "");
        String r1Until = DefaultRun.arg(args, "--r1-until", "");
        UnaryOperator<Recipe> adjust = r -> {
            Recipe adjusted = r.withEpochsAndBatch(epochs > 0 ? epochs : r.epochs(), batch > 0 ? batch : r.batchSize());
            adjusted = r1Gamma.isEmpty()
                    ? adjusted
                    : adjusted.with(AdversarialOptions.R1_GAMMA, Double.parseDouble(r1Gamma));
            return r1Until.isEmpty()
                    ? adjusted
                    : adjusted.with(AdversarialOptions.R1_UNTIL, Double.parseDouble(r1Until));
        };
        ModelFamily family = ModelFamilies.all()
                .find(modelId)
                .orElseThrow(() -> new IllegalArgumentException("unknown model " + modelId));
        List<String> summary = new ArrayList<>();
        for (String name : names) {
            GaussianMixture mixture =
                    GaussianMixture.byName(name).orElseThrow(() -> new IllegalArgumentException(name));
            Dataset data = mixture.sample(POINTS, DATA_SEED);
            double modes = 0;
            double quality = 0;
            double seconds = 0;
            int full = 0;
            for (int seed = 1; seed <= seeds; seed++) {
                long t0 = System.nanoTime();
                Trainer trainer = DefaultRun.train(family, "", data, seed, TrainingListener.NONE, adjust);
                ModeCoverage c =
                        QualityReport.measure(trainer, name, seed).orElseThrow().modeCoverage();
                double s = (System.nanoTime() - t0) / 1e9;
                if (save.isPresent()) {
                    Files.write(
                            save.get().resolve(name + "-seed" + seed + ".zip"), ModelArtifact.write(trainer.model()));
                }
                System.out.printf(
                        Locale.ROOT,
                        "%-7s seed %d: %2d/%d modes, %5.1f%% high quality, %5.0f s, %d steps%n",
                        name,
                        seed,
                        c.modesCovered(),
                        c.modes(),
                        c.highQualityPercent(),
                        s,
                        trainer.model().iteration());
                modes += c.modesCovered();
                quality += c.highQualityPercent();
                seconds += s;
                full += c.modesCovered() == c.modes() ? 1 : 0;
            }
            summary.add(String.format(
                    Locale.ROOT,
                    "| %s | %.1f / %d | %.1f%% | %d of %d | %.0f s |",
                    name,
                    modes / seeds,
                    mixture.modes(),
                    quality / seeds,
                    full,
                    seeds,
                    seconds / seeds));
        }
        System.out.println();
        System.out.println(
                "| data | modes covered (mean) | high-quality samples (mean) | runs with every mode | time per run |");
        System.out.println("|---|---|---|---|---|");
        summary.forEach(System.out::println);
        System.out.println("PacGAN (Lin et al. 2018), ~400k iterations: GAN ring8 6.3/8 98.2%, grid25 17.3/25 94.8%;"
                + " PacGAN4 grid25 24.8/25 93.6%");
    }
}
