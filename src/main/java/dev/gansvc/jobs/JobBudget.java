package dev.gansvc.jobs;

import dev.gansvc.GanProperties;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.web.OverBudgetException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How large a model a job may train here: a limit on its networks' parameters, refused at submit
 * (so no worker runs out of memory on it). Saving a model holds its parameters, batch-norm state,
 * Adam moments and generator average in the heap as a zip, and the artifact is read back whole:
 * about {@value #HEAP_BYTES_PER_PARAMETER} bytes of heap per parameter at the peak, which sizes
 * the default limit to the JVM's heap.
 */
@Component
public class JobBudget {

    static final int HEAP_BYTES_PER_PARAMETER = 40;
    /** Native memory per parameter while training: parameters, gradients and two Adam moments as floats. */
    static final int NATIVE_BYTES_PER_PARAMETER = 16;

    private final long maxParameters;

    public JobBudget(GanProperties properties) {
        long configured = properties.jobs().maxParameters();
        this.maxParameters = configured > 0 ? configured : Runtime.getRuntime().maxMemory() / HEAP_BYTES_PER_PARAMETER;
    }

    public long maxParameters() {
        return maxParameters;
    }

    /** Refuses a model of {@code family} in {@code shape} whose networks are over the limit; builds no arrays. */
    void check(ModelFamily family, ModelShape shape, String dataset) {
        Map<String, Long> networks = new LinkedHashMap<>();
        family.networks(shape).forEach((name, network) -> networks.put(name, network.parameterCount()));
        long parameters = networks.values().stream().mapToLong(Long::longValue).sum();
        if (parameters > maxParameters) {
            throw new OverBudgetException(
                    ("model '%s' on dataset '%s' would have %,d parameters %s (about %,d MB of native memory "
                                    + "to train and %,d MB of heap to save); this instance takes at most %,d "
                                    + "(gan.jobs.max-parameters)")
                            .formatted(
                                    family.id(),
                                    dataset,
                                    parameters,
                                    networks,
                                    mb(parameters * NATIVE_BYTES_PER_PARAMETER),
                                    mb(parameters * HEAP_BYTES_PER_PARAMETER),
                                    maxParameters),
                    Map.of("parameters", parameters, "maxParameters", maxParameters));
        }
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
