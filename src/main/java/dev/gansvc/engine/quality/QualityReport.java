package dev.gansvc.engine.quality;

import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.gan.GeneratorModel;
import dev.gansvc.engine.nn.Workspaces;
import java.util.Optional;

/**
 * Sample-quality figures of a trained generator, measured when its job finishes. Each figure is
 * present only where it applies to the data.
 *
 * @param modeCoverage for the 2D Gaussian mixtures
 */
public record QualityReport(ModeCoverage modeCoverage) {

    /** Measures what applies to a generator trained on the dataset {@code dataset}; the seed fixes the samples. */
    public static Optional<QualityReport> measure(GeneratorModel generator, String dataset, long seed) {
        return GaussianMixture.byName(dataset).map(mixture -> new QualityReport(Workspaces.run("quality", () ->
                ModeCoverage.of(generator.generate(ModeCoverage.STANDARD_SAMPLES, seed).data().asFloat(), mixture))));
    }
}
