package dev.gansvc.jobs;

import dev.gansvc.engine.model.Architecture;
import dev.gansvc.web.InvalidFieldException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The job fields that only some models read. Setting one for a model that would ignore it is
 * an error, so that nobody believes a setting took effect when it did not.
 */
final class ModelOptions {

    private static final Set<Architecture> CLASSIFYING_DISCRIMINATOR = EnumSet.of(Architecture.GAN,
            Architecture.DCGAN, Architecture.DCGAN64, Architecture.CGAN);

    private static final Set<Architecture> R1 = EnumSet.of(Architecture.GAN, Architecture.DCGAN64, Architecture.CGAN);

    private static final Map<String, Option> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("loss", new Option(JobRequest::loss, CLASSIFYING_DISCRIMINATOR));
        OPTIONS.put("discriminatorSteps", new Option(JobRequest::discriminatorSteps,
                EnumSet.of(Architecture.GAN, Architecture.DCGAN, Architecture.DCGAN64, Architecture.CGAN,
                        Architecture.WGAN_GP, Architecture.EBGAN)));
        OPTIONS.put("variant", new Option(JobRequest::variant, EnumSet.of(Architecture.AUTOENCODER)));
        OPTIONS.put("noiseLevel", new Option(JobRequest::noiseLevel, EnumSet.of(Architecture.AUTOENCODER)));
        OPTIONS.put("margin", new Option(JobRequest::margin, EnumSet.of(Architecture.EBGAN)));
        OPTIONS.put("pullAwayWeight", new Option(JobRequest::pullAwayWeight, EnumSet.of(Architecture.EBGAN)));
        OPTIONS.put("packing", new Option(JobRequest::packing, EnumSet.copyOf(
                Arrays.stream(Architecture.values()).filter(Architecture::packs).toList())));
        OPTIONS.put("gradientPenalty", new Option(JobRequest::gradientPenalty, EnumSet.of(Architecture.WGAN_GP)));
        OPTIONS.put("r1Gamma", new Option(JobRequest::r1Gamma, R1));
        OPTIONS.put("r1Until", new Option(JobRequest::r1Until, R1));
    }

    private ModelOptions() {
    }

    private record Option(Function<JobRequest, Object> value, Set<Architecture> models) {
    }

    static void rejectInapplicable(Architecture architecture, JobRequest request) {
        OPTIONS.forEach((field, option) -> {
            if (option.value().apply(request) != null && !option.models().contains(architecture)) {
                throw new InvalidFieldException(field, "does not apply to model '" + architecture.id()
                        + "'; it applies to " + option.models().stream().map(Architecture::id).toList());
            }
        });
    }
}
