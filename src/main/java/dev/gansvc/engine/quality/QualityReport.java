package dev.gansvc.engine.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gansvc.engine.classify.ClassifierSource;
import dev.gansvc.engine.classify.ImageClassifier;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.HeldOutScore;
import dev.gansvc.engine.model.QualityMeasure;
import dev.gansvc.engine.model.Trainer;
import dev.gansvc.engine.nn.Workspaces;
import java.util.Optional;
import java.util.Set;

/**
 * Quality figures of a trained model, measured when its job finishes. Each figure is present
 * only where it applies.
 *
 * @param modeCoverage for the 2D Gaussian mixtures
 * @param mmd          samples against the held-out examples, for any data
 * @param heldOut      reconstruction of the held-out examples, for autoencoders and VAEs
 * @param classAgreement whether samples are of the class asked for, for conditional models of rows and of
 *                     labelled images other than digits
 * @param digits       generated digits judged by the digit classifier, for models of MNIST digits
 * @param distances    Fréchet and kernel distances, precision and recall against the held-out
 *                     examples, for rows and for labelled images (on a classifier's features)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QualityReport(
        ModeCoverage modeCoverage,
        SampleMmd mmd,
        HeldOutScore heldOut,
        ClassAgreement classAgreement,
        DigitQuality digits,
        FeatureDistances distances) {

    /** Measures what applies to the model of a finished run on the dataset named {@code dataset}; the seed fixes the samples. */
    public static Optional<QualityReport> measure(Trainer trainer, String dataset, long seed) {
        return measure(trainer, dataset, seed, Optional.empty(), ImageClassifier::train);
    }

    /**
     * As above, judging generated digits with {@code digitClassifier} when the data are MNIST
     * digits; a model of other labelled images is judged by a classifier of its training images
     * that {@code classifiers} gives.
     */
    public static Optional<QualityReport> measure(
            Trainer trainer,
            String dataset,
            long seed,
            Optional<ImageClassifier> digitClassifier,
            ClassifierSource classifiers) {
        GeneratorModel generator = GeneratorModel.of(trainer.model());
        Set<QualityMeasure> measures = trainer.model().family().qualityMeasures();
        int[] heldOut = trainer.heldOutIndices();
        boolean conditional = generator.shape().conditional() && measures.contains(QualityMeasure.CLASS_AGREEMENT);
        boolean distances = measures.contains(QualityMeasure.FEATURE_DISTANCES) && FeatureDistances.measurable(heldOut);
        boolean labelled = trainer.data().classCount() > 1;
        // Labelled images other than digits need it to judge the class of a conditional model's
        // samples, and any model's for features to measure distances on. Trained before the
        // workspace opens, which its weights must outlive. Without held-out images (under 100 in
        // all) there is nothing to tell how far its labels can be trusted.
        Optional<ImageClassifier> classifier = (conditional || distances && labelled)
                        && generator.shape().image()
                        && digitClassifier.isEmpty()
                        && heldOut.length > 0
                ? Optional.of(classifiers.classifierOf(trainer.data(), trainer.trainingIndices(), heldOut))
                : Optional.empty();
        return Workspaces.run("quality", () -> {
            ModeCoverage coverage = GaussianMixture.byName(dataset)
                    .filter(m -> measures.contains(QualityMeasure.MODE_COVERAGE))
                    .map(mixture -> ModeCoverage.of(
                            generator
                                    .generate(ModeCoverage.STANDARD_SAMPLES, seed)
                                    .data()
                                    .asFloat(),
                            mixture))
                    .orElse(null);
            SampleMmd mmd = heldOut.length >= 2 && measures.contains(QualityMeasure.MMD)
                    ? SampleMmd.measure(generator, trainer.data(), heldOut, seed)
                    : null;
            HeldOutScore reconstruction = measures.contains(QualityMeasure.HELD_OUT_RECONSTRUCTION)
                    ? trainer.evaluateHeldOut().orElse(null)
                    : null;
            ClassAgreement agreement = !conditional
                    ? null
                    : generator.shape().image()
                            ? classifier
                                    .map(c -> ClassAgreement.measure(generator, c, seed))
                                    .orElse(null)
                            : ClassAgreement.measure(
                                    generator, trainer.data(), trainer.trainingIndices(), heldOut, seed);
            DigitQuality digits = digitClassifier
                    .filter(c -> measures.contains(QualityMeasure.DIGIT_CLASSIFIER))
                    .map(c -> DigitQuality.measure(generator, c, seed))
                    .orElse(null);
            FeatureDistances featureDistances =
                    distances ? featureDistances(trainer, generator, seed, digitClassifier, classifier) : null;
            return coverage == null
                            && mmd == null
                            && reconstruction == null
                            && agreement == null
                            && digits == null
                            && featureDistances == null
                    ? Optional.empty()
                    : Optional.of(
                            new QualityReport(coverage, mmd, reconstruction, agreement, digits, featureDistances));
        });
    }

    /**
     * Rows on their raw values; images on the features of the digit classifier or of the
     * classifier of their training images; null for unlabelled images, which have neither.
     */
    private static FeatureDistances featureDistances(
            Trainer trainer,
            GeneratorModel generator,
            long seed,
            Optional<ImageClassifier> digitClassifier,
            Optional<ImageClassifier> classifier) {
        Dataset data = trainer.data();
        int[] training = trainer.trainingIndices();
        int[] heldOut = trainer.heldOutIndices();
        if (!generator.shape().image()) {
            return FeatureDistances.ofRows(generator, data, training, heldOut, seed);
        }
        return digitClassifier
                .map(c -> FeatureDistances.ofImages(generator, data, training, heldOut, seed, c, "digit classifier"))
                .or(() -> classifier.map(c -> FeatureDistances.ofImages(
                        generator, data, training, heldOut, seed, c, "classifier of the training images")))
                .orElse(null);
    }
}
