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
 * on the data: the documented ones are for images; rows of numbers (2D mixtures, tables) get
 * 40 epochs, a 16-dimensional latent and generator weight averaging.
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
        @DecimalMin(value = "0", message = "must be in [0, 1)") @DecimalMax(value = "1", inclusive = false, message = "must be in [0, 1)") Double generatorAverage) {
}
