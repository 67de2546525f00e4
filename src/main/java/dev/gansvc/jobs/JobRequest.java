package dev.gansvc.jobs;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /jobs}; everything but model and dataset is optional. The defaults depend
 * on the model and the data (the README's model catalogue lists them); the documented ones are
 * for a GAN on images. Fields that only some models read are refused for the others.
 */
public record JobRequest(
        @Schema(description = "Model to train", example = "dcgan", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "is required") String model,
        @Schema(description = "Dataset to train on", example = "mnist", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "is required") String dataset,
        @Schema(description = "Passes over the dataset", defaultValue = "5")
        @Min(value = 1, message = "must be between 1 and 1000") @Max(value = 1000, message = "must be between 1 and 1000") Integer epochs,
        @Schema(description = "Images per batch", defaultValue = "64")
        @Min(value = 2, message = "must be between 2 and 1024") @Max(value = 1024, message = "must be between 2 and 1024") Integer batchSize,
        @Schema(description = "Size of the generator's input noise vector", defaultValue = "100")
        @Min(value = 1, message = "must be between 1 and 1024") @Max(value = 1024, message = "must be between 1 and 1024") Integer latentDim,
        @Schema(description = "Seed for initial weights, data order and noise; random when absent")
        Long seed,
        @Schema(description = "Discriminator steps per generator step (k)", defaultValue = "1")
        @Min(value = 1, message = "must be between 1 and 10") @Max(value = 10, message = "must be between 1 and 10") Integer discriminatorSteps,
        @Schema(description = "Adam learning rate", defaultValue = "0.0002")
        @DecimalMin(value = "0", inclusive = false, message = "must be in (0, 1]") @DecimalMax(value = "1", message = "must be in (0, 1]") Double learningRate,
        @Schema(description = "Adam beta1", defaultValue = "0.5")
        @DecimalMin(value = "0", message = "must be in [0, 1)") @DecimalMax(value = "1", inclusive = false, message = "must be in [0, 1)") Double beta1,
        @Schema(description = "Generator loss", allowableValues = {"non-saturating", "minimax"}, defaultValue = "non-saturating")
        @Pattern(regexp = "non-saturating|minimax", message = "must be one of [non-saturating, minimax]") String loss,
        @Schema(description = "Learning rate over the run: constant, or decaying linearly to zero",
                allowableValues = {"constant", "linear-decay"})
        @Pattern(regexp = "constant|linear-decay", message = "must be one of [constant, linear-decay]") String learningRateSchedule,
        @Schema(description = "Decay of the moving average of the generator's weights that sampling uses; 0 samples the latest weights")
        @DecimalMin(value = "0", message = "must be in [0, 1)") @DecimalMax(value = "1", inclusive = false, message = "must be in [0, 1)") Double generatorAverage,
        @Schema(description = "Adam beta2", defaultValue = "0.999 (0.9 for wgan-gp)")
        @DecimalMin(value = "0", message = "must be in [0, 1)") @DecimalMax(value = "1", inclusive = false, message = "must be in [0, 1)") Double beta2,
        @Schema(description = "autoencoder only: mlp, deep, conv or denoising", defaultValue = "mlp")
        @Pattern(regexp = "mlp|deep|conv|denoising", message = "must be one of [mlp, deep, conv, denoising]") String variant,
        @Schema(description = "autoencoder only: std of the Gaussian noise added to inputs", defaultValue = "0.5 for denoising, else 0")
        @DecimalMin(value = "0", message = "must be in [0, 10]") @DecimalMax(value = "10", message = "must be in [0, 10]") Double noiseLevel,
        @Schema(description = "ebgan only: margin m on the energy (mean squared reconstruction error) of fakes", defaultValue = "0.5 for images, 1 for tables")
        @DecimalMin(value = "0", inclusive = false, message = "must be in (0, 1000]") @DecimalMax(value = "1000", message = "must be in (0, 1000]") Double margin,
        @Schema(description = "ebgan only: weight of the pulling-away term (0: off)", defaultValue = "0.1")
        @DecimalMin(value = "0", message = "must be in [0, 100]") @DecimalMax(value = "100", message = "must be in [0, 100]") Double pullAwayWeight,
        @Schema(description = "wgan-gp only: lambda of the gradient penalty", defaultValue = "10")
        @DecimalMin(value = "0", message = "must be in [0, 1000]") @DecimalMax(value = "1000", message = "must be in [0, 1000]") Double gradientPenalty,
        @Schema(description = "gan, dcgan, dcgan64, cgan: examples the discriminator judges together (PacGAN packing); must divide batchSize",
                defaultValue = "1")
        @Min(value = 1, message = "must be between 1 and 8") @Max(value = 8, message = "must be between 1 and 8") Integer packing,
        @Schema(description = "gan, dcgan64, cgan: gamma of the R1 penalty on the discriminator's input gradient at real examples (0: off); not for batch-normalised discriminators (dcgan, cgan on 28x28 images)",
                defaultValue = "10 for 64x64 colour images, 0.1 for rows of numbers, else 0")
        @DecimalMin(value = "0", message = "must be in [0, 1000]") @DecimalMax(value = "1000", message = "must be in [0, 1000]") Double r1Gamma,
        @Schema(description = "gan, dcgan64, cgan: the share of the training steps, from the start, during which R1 applies",
                defaultValue = "0.25 for rows of numbers, else 1")
        @DecimalMin(value = "0", inclusive = false, message = "must be in (0, 1]") @DecimalMax(value = "1", message = "must be in (0, 1]") Double r1Until) {
}
