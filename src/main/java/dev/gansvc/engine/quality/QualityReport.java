package dev.gansvc.engine.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.Trainer;
import dev.gansvc.engine.nn.Workspaces;
import java.util.Optional;

/**
 * Quality figures of a trained model, measured when its job finishes. Each figure is present
 * only where it applies.
 *
 * @param modeCoverage for the 2D Gaussian mixtures
 * @param mmd          samples against the held-out examples, for any data
 * @param heldOut      reconstruction of the held-out examples, for autoencoders and VAEs
 * @param classAgreement whether samples are of the class asked for, for conditional models of rows
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QualityReport(ModeCoverage modeCoverage, SampleMmd mmd, HeldOutScore heldOut,
        ClassAgreement classAgreement) {

    /** Measures what applies to the model of a finished run on the dataset named {@code dataset}; the seed fixes the samples. */
    public static Optional<QualityReport> measure(Trainer trainer, String dataset, long seed) {
        GeneratorModel generator = GeneratorModel.of(trainer.model());
        int[] heldOut = trainer.heldOutIndices();
        return Workspaces.run("quality", () -> {
            ModeCoverage coverage = GaussianMixture.byName(dataset).map(mixture -> ModeCoverage.of(
                    generator.generate(ModeCoverage.STANDARD_SAMPLES, seed).data().asFloat(), mixture)).orElse(null);
            SampleMmd mmd = heldOut.length >= 2 ? SampleMmd.measure(generator, trainer.data(), heldOut, seed) : null;
            HeldOutScore reconstruction = trainer.evaluateHeldOut().orElse(null);
            ClassAgreement agreement = generator.shape().conditional() && !generator.shape().image()
                    ? ClassAgreement.measure(generator, trainer.data(), trainer.trainingIndices(), heldOut, seed) : null;
            return coverage == null && mmd == null && reconstruction == null && agreement == null ? Optional.empty()
                    : Optional.of(new QualityReport(coverage, mmd, reconstruction, agreement));
        });
    }
}
