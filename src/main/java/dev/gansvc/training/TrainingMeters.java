package dev.gansvc.training;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacpp.Pointer;
import org.springframework.stereotype.Component;

/**
 * This instance's training, for Prometheus: steps, examples and step time per model family, worker and
 * device ({@code rate()} of the counters gives steps and examples per second), the jobs each
 * worker runs, and the native memory ND4J holds outside the Java heap.
 */
@Component
public class TrainingMeters {

    private final MeterRegistry registry;

    TrainingMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("gan.nd4j.memory", Pointer::totalBytes)
                .description("Native memory that ND4J (JavaCPP) has allocated outside the Java heap")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("gan.nd4j.memory.max", Pointer::maxBytes)
                .description("The most native memory ND4J may allocate (org.bytedeco.javacpp.maxbytes)")
                .baseUnit("bytes")
                .register(registry);
    }

    /** The number of jobs (0 or 1) that a worker runs, which the worker keeps up to date. */
    AtomicInteger runningJobs(String workerName) {
        AtomicInteger running = new AtomicInteger();
        Gauge.builder("gan.worker.jobs", running, AtomicInteger::get)
                .description("Jobs this worker is running now")
                // Micrometer holds a gauge's object weakly; the worker's local would be collected.
                .strongReference(true)
                .tags(workerTags(workerName))
                .register(registry);
        return running;
    }

    /** The meters of one run of a family's job on a worker. */
    Run forRun(String family, String workerName) {
        Tags tags = workerTags(workerName).and("model", family);
        return new Run(
                Counter.builder("gan.training.steps")
                        .description("Training steps taken")
                        .tags(tags)
                        .register(registry),
                Counter.builder("gan.training.examples")
                        .description("Examples trained on (a step's batch, times its discriminator steps)")
                        .tags(tags)
                        .register(registry),
                Timer.builder("gan.training.step")
                        .description(
                                "Wall time of a training step, without the recording and checkpoints between steps")
                        .tags(tags)
                        .register(registry));
    }

    /** A worker's name ({@link WorkerPool}'s {@code instance/worker-N@device}) as worker and device tags. */
    private static Tags workerTags(String workerName) {
        int at = workerName.lastIndexOf('@');
        return at < 0
                ? Tags.of("worker", workerName, "device", "unknown")
                : Tags.of("worker", workerName.substring(0, at), "device", workerName.substring(at + 1));
    }

    /** What one run records to. */
    record Run(Counter steps, Counter examples, Timer stepTime) {

        /** A step was taken; {@code nanos} is its time, or negative where it is unknown (a run's first step). */
        void step(int examplesPerStep, long nanos) {
            steps.increment();
            examples.increment(examplesPerStep);
            if (nanos >= 0) {
                stepTime.record(nanos, TimeUnit.NANOSECONDS);
            }
        }
    }
}
