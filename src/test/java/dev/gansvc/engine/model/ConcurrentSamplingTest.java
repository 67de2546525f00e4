package dev.gansvc.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.nn.Tensors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The model service caches one {@link GeneratorModel} (or {@link Reconstructor}) per trained
 * model and samples from it on every request thread at once: concurrent calls must give exactly
 * what the same call gives alone. A layer that kept a call's arrays in a field and read them back
 * (a network-level "current activation" field, or Dense / ConvTranspose2d reading their input
 * back from the field they store it in) fails here within the first round, with wrong shapes or
 * with ND4J rejecting an op's arrays.
 */
class ConcurrentSamplingTest {

    private static final int THREADS = 8;
    /** Per model; the loop also stops at the first mismatch. */
    private static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(2500);

    private static final int MAX_ROUNDS = 400;

    @Test
    void aDcganGeneratorSamplesTheSameOnManyThreadsAsOnOne() throws Exception {
        ModelShape shape = new ModelShape(16, new long[] {1, 28, 28}, 0);
        GeneratorModel generator =
                GeneratorModel.of(trainedLooking(ModelFamilies.all().require("dcgan"), shape, 11));
        List<Supplier<INDArray>> calls = new ArrayList<>();
        int[] counts = {1, 3, 8, 17, 5, 32};
        for (int i = 0; i < counts.length; i++) {
            int count = counts[i];
            long seed = 100 + i;
            calls.add(() -> generator.generate(count, seed));
        }
        assertSameOnManyThreads(calls);
    }

    @Test
    void aFilteringGanOfRowsSamplesTheSameOnManyThreadsAsOnOne() throws Exception {
        ModelShape shape = new ModelShape(4, new long[] {2}, 0);
        GeneratorModel generator =
                GeneratorModel.of(trainedLooking(ModelFamilies.all().require("gan"), shape, 12));
        assertThat(ModelFamilies.all().require("gan").sampleFilter(shape)).isPresent();
        generator.generate(1, 0); // calibrates the rejection threshold once, before the threads start
        List<Supplier<INDArray>> calls = new ArrayList<>();
        int[] counts = {1, 7, 64, 300};
        for (int i = 0; i < counts.length; i++) {
            int count = counts[i];
            long seed = 200 + i;
            calls.add(() -> generator.generate(count, seed));
            calls.add(() -> generator.unfiltered().generate(count, seed));
        }
        assertSameOnManyThreads(calls);
    }

    @Test
    void aConvolutionalAutoencoderReconstructsTheSameOnManyThreadsAsOnOne() throws Exception {
        ModelShape shape = ModelFamilies.all().require("autoencoder").shape(8, new long[] {1, 28, 28}, 0, "conv");
        GenerativeModel model = trainedLooking(ModelFamilies.all().require("autoencoder"), shape, 13);
        Reconstructor reconstructor = ModelArtifact.readReconstructor(ModelArtifact.write(model), ModelFamilies.all());
        List<Supplier<INDArray>> calls = new ArrayList<>();
        int[] counts = {1, 4, 9, 16};
        for (int i = 0; i < counts.length; i++) {
            INDArray images = Tensors.gaussian(new SplittableRandom(300 + i), 0, 0.5, counts[i], 1, 28, 28);
            calls.add(() -> reconstructor.reconstruct(images));
        }
        assertSameOnManyThreads(calls);
    }

    /**
     * Runs every call alone for its reference, then all of them from {@link #THREADS} threads at
     * once, each thread in its own order, until the time budget is spent or a result differs.
     */
    private static void assertSameOnManyThreads(List<Supplier<INDArray>> calls) throws Exception {
        List<INDArray> references = new ArrayList<>();
        for (Supplier<INDArray> call : calls) {
            references.add(call.get().dup());
        }
        for (int i = 0; i < calls.size(); i++) {
            assertThat(calls.get(i).get()).as("call %d alone, again", i).isEqualTo(references.get(i));
        }
        AtomicInteger compared = new AtomicInteger();
        AtomicInteger mismatches = new AtomicInteger();
        List<String> firstMismatches = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    long deadline = System.nanoTime() + BUDGET_NANOS;
                    for (int round = 0;
                            round < MAX_ROUNDS && System.nanoTime() < deadline && mismatches.get() == 0;
                            round++) {
                        for (int k = 0; k < calls.size() && System.nanoTime() < deadline; k++) {
                            int i = (k + thread + round) % calls.size();
                            String difference = difference(calls.get(i), references.get(i));
                            compared.incrementAndGet();
                            if (difference != null) {
                                mismatches.incrementAndGet();
                                synchronized (firstMismatches) {
                                    if (firstMismatches.size() < 5) {
                                        firstMismatches.add("call " + i + " on thread " + thread + ", round " + round
                                                + ": " + difference);
                                    }
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(compared.get()).as("results compared").isGreaterThanOrEqualTo(THREADS);
        assertThat(mismatches.get())
                .as(
                        "results that differ from the same call made alone (of %d compared): %s",
                        compared.get(), firstMismatches)
                .isZero();
    }

    /** How the call's result differs from the reference, or null if it does not. */
    private static String difference(Supplier<INDArray> call, INDArray reference) {
        INDArray result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            return "threw " + e;
        }
        if (!Arrays.equals(result.shape(), reference.shape())) {
            return "shape " + Arrays.toString(result.shape()) + ", expected " + Arrays.toString(reference.shape());
        }
        return result.equals(reference)
                ? null
                : "max difference " + result.sub(reference).amaxNumber();
    }

    /** A model with random weights and batch-norm statistics away from their initial values. */
    private static GenerativeModel trainedLooking(ModelFamily family, ModelShape shape, long seed) {
        GenerativeModel model = GenerativeModel.create(family, shape, OptimizerSettings.adam(2e-4, 0.5, 0.999), seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (String name : model.networkNames()) {
            var network = model.network(name);
            network.parameters()
                    .addi(Tensors.gaussian(random, 0, 0.05, network.parameters().shape()));
            // Batch-norm means and variances both move up from 0 and 1 by about 0.2.
            network.state()
                    .addi(Tensors.gaussian(random, 0.2, 0.05, network.state().shape()));
        }
        return model;
    }
}
