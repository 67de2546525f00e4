package dev.gansvc.bench;

import dev.gansvc.engine.adversarial.AdversarialObjective;
import dev.gansvc.engine.adversarial.AdversarialOptions;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.data.TabularDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.ComputeThreads;
import dev.gansvc.engine.model.ExampleClusters;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.LearningRateSchedule;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.OptimizerSettings;
import dev.gansvc.engine.model.OptionValues;
import dev.gansvc.engine.model.SamplePictures;
import dev.gansvc.engine.model.Trainer;
import dev.gansvc.engine.model.TrainingListener;
import dev.gansvc.engine.model.TrainingSettings;
import dev.gansvc.engine.nn.Conv2d;
import dev.gansvc.engine.nn.ConvTranspose2d;
import dev.gansvc.engine.nn.LayerSpec;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Tensors;
import dev.gansvc.engine.nn.Workspaces;
import dev.gansvc.models.SamplesCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The shared peer benchmark (../shared/bench/peer_dcgan.py) on the service's own engine, for
 * each of its models: the same networks (parameter counts equal to the peer's), batch, Adam
 * settings and step, through {@link Trainer} on the threads a worker gives the model
 * ({@link ComputeThreads}), and for {@code sample_ms} what the service does for a sample request
 * ({@link SamplePictures} as {@code GET /models/{id}/sample.png} for images; 2,500 unfiltered
 * rows generated and written as CSV as {@code GET /models/{id}/samples?filtered=false} for
 * mlp2d). Prints one JSON line.
 *
 * <p>Arguments: {@code --model dcgan28|dcgan64|mlp2d --batch B --iters N --warmup W --sample S}
 * (each but the model defaults to the peer's); {@code --jobs J} trains J copies at once instead.
 */
public final class PeerBenchmark {

    /**
     * A peer model as the engine builds it: the family, its latent size, one example's shape, the
     * peer's batch, steps and sample size.
     */
    record PeerModel(String family, int latent, long[] example, int batch, int iters, int sample) {

        boolean rows() {
            return example.length == 1;
        }
    }

    static final Map<String, PeerModel> MODELS = Map.of(
            "dcgan28", new PeerModel("dcgan", 100, new long[] {1, 28, 28}, 64, 30, 64),
            "dcgan64", new PeerModel("dcgan64", 100, new long[] {3, 64, 64}, 64, 10, 64),
            "mlp2d", new PeerModel("gan", 16, new long[] {2}, 128, 400, 2500));

    private PeerBenchmark() {}

    public static void main(String[] args) throws IOException {
        String name = DefaultRun.arg(args, "--model", "dcgan28");
        PeerModel peer = Optional.ofNullable(MODELS.get(name))
                .orElseThrow(() -> new IllegalArgumentException("--model is one of " + new TreeSet<>(MODELS.keySet())));
        int batch = intArg(args, "--batch", peer.batch());
        int iters = intArg(args, "--iters", peer.iters());
        int warmup = intArg(args, "--warmup", 5);
        int sampleCount = intArg(args, "--sample", peer.sample());
        int steps = warmup + iters;

        int jobs = intArg(args, "--jobs", 1);
        if (jobs > 1) {
            concurrent(name, peer, batch, iters, warmup, jobs);
            return;
        }
        Dataset data = data(peer, batch, steps);
        GenerativeModel model = model(peer);
        // The threads the service's worker gives this model when it trains alone (OMP_NUM_THREADS: the cores).
        int cores = Nd4j.getEnvironment().maxMasterThreads();
        ComputeThreads.use(ComputeThreads.forTraining(model, cores));
        Timer timer = new Timer(warmup);
        train(peer, model, data, batch, steps, timer);
        double seconds = timer.seconds();
        long rssAfterWarmup = timer.rssAfterWarmupKb;
        long rssEnd = rssKb("VmRSS");

        // The peer's sampling work is the generator alone; the service filters rows by default
        // (filtered=false skips it), so that figure is printed beside it, not compared.
        GeneratorModel generator = GeneratorModel.of(model);
        double sampleMs = sampleMs(generator.unfiltered(), peer, sampleCount);
        double filteredMs = generator == generator.unfiltered() ? sampleMs : sampleMs(generator, peer, sampleCount);

        Network g = model.generator();
        Network d = model.network(AdversarialObjective.DISCRIMINATOR);
        double stepFlops = 8 * flops(d, batch, peer.example()) + 3 * flops(g, batch, new long[] {peer.latent()});
        System.out.println(String.format(
                Locale.ROOT,
                "{\"engine\": \"gan-service-nd4j-1.0.0-M2.1\", \"model\": \"%s\", \"threads\": %d, "
                        + "\"batch\": %d, \"iters\": %d, \"imgs_per_s\": %.1f, \"step_ms\": %.2f, \"params_g\": %d, "
                        + "\"params_d\": %d, \"sample_ms\": %.2f, \"sample_filtered_ms\": %.2f, \"peak_rss_mb\": %d, \"rss_after_warmup_mb\": %d, "
                        + "\"rss_end_mb\": %d, \"gflops\": %.1f, \"sgemm_gflops\": %.1f}",
                name,
                Nd4j.getEnvironment().maxMasterThreads(),
                batch,
                iters,
                iters * batch / seconds,
                seconds / iters * 1000,
                g.parameterCount(),
                d.parameterCount(),
                sampleMs,
                filteredMs,
                rssKb("VmHWM") / 1024,
                rssAfterWarmup / 1024,
                rssEnd / 1024,
                stepFlops * iters / seconds / 1e9,
                sgemmGflops()));
    }

    /**
     * {@code jobs} copies of the model trained at once, each on its own Java thread, against one
     * trained alone: the service's pool with {@code jobs} workers, each job on its share of the
     * cores ({@code cores / jobs} threads at most), against one worker with the cores to itself.
     */
    private static void concurrent(String name, PeerModel peer, int batch, int iters, int warmup, int jobs) {
        int steps = warmup + iters;
        int cores = Nd4j.getEnvironment().maxMasterThreads();
        GenerativeModel first = model(peer);
        ComputeThreads.use(ComputeThreads.forTraining(first, cores));
        int aloneThreads = ComputeThreads.current();
        Timer aloneTimer = new Timer(warmup);
        train(peer, first, data(peer, batch, steps), batch, steps, aloneTimer);
        double alone = iters * batch / aloneTimer.seconds();

        ComputeThreads.use(ComputeThreads.forTraining(first, cores, jobs));
        Timer[] timers = new Timer[jobs];
        Thread[] threads = new Thread[jobs];
        for (int j = 0; j < jobs; j++) {
            Timer timer = new Timer(warmup);
            timers[j] = timer;
            threads[j] = new Thread(() -> {
                GenerativeModel model = model(peer);
                train(peer, model, data(peer, batch, steps), batch, steps, timer);
            });
            threads[j].start();
        }
        double together = 0;
        for (int j = 0; j < jobs; j++) {
            try {
                threads[j].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            together += iters * batch / timers[j].seconds();
        }
        System.out.println(String.format(
                Locale.ROOT,
                "{\"engine\": \"gan-service-nd4j-1.0.0-M2.1\", \"model\": \"%s\", \"cores\": %d, \"jobs\": %d, "
                        + "\"alone_threads\": %d, \"alone_imgs_per_s\": %.1f, \"threads_per_job\": %d, "
                        + "\"together_imgs_per_s\": %.1f, \"together_vs_alone\": %.3f}",
                name,
                cores,
                jobs,
                aloneThreads,
                alone,
                ComputeThreads.current(),
                together,
                together / alone));
    }

    /** Random real examples in [-1, 1] as the peer uses; enough for 100 distinct steps an epoch. */
    static Dataset data(PeerModel peer, int batch, int steps) {
        int batchesPerEpoch = Math.min(steps, 100);
        int features = (int) Arrays.stream(peer.example()).reduce(1, Math::multiplyExact);
        INDArray values = Nd4j.rand(DataType.FLOAT, (long) batch * batchesPerEpoch, features)
                .muli(2)
                .subi(1);
        return peer.rows()
                ? TabularDataset.unlabeled(values)
                : new ImageDataset(
                        values,
                        new int[batch * batchesPerEpoch],
                        (int) peer.example()[0],
                        (int) peer.example()[1],
                        (int) peer.example()[2]);
    }

    static GenerativeModel model(PeerModel peer) {
        ModelFamily family = ModelFamilies.all().require(peer.family());
        return GenerativeModel.create(
                family, family.shape(peer.latent(), peer.example(), 0), OptimizerSettings.adam(2e-4, 0.5, 0.999), 42);
    }

    /** The peer's plain step, through the service's trainer: no R1, no clusters, no weight average. */
    static void train(PeerModel peer, GenerativeModel model, Dataset data, int batch, int steps, Timer timer) {
        int batchesPerEpoch = Math.min(steps, 100);
        int epochs = (steps + batchesPerEpoch - 1) / batchesPerEpoch;
        ModelFamily family = model.family();
        OptionValues options =
                family.recipe(peer.example(), family.defaultVariant()).options();
        if (options.has(AdversarialOptions.R1_GAMMA)) {
            options = options.with(AdversarialOptions.R1_GAMMA, 0.0);
        }
        if (options.has(ExampleClusters.CLUSTERS)) {
            options = options.with(ExampleClusters.CLUSTERS, 0);
        }
        new Trainer(model, data, new TrainingSettings(epochs, batch, 42, LearningRateSchedule.CONSTANT, options))
                .train(timer, () -> model.iteration() >= steps);
    }

    /** Milliseconds per sample request, after three to warm up. */
    private static double sampleMs(GeneratorModel generator, PeerModel peer, int count) {
        for (int i = 0; i < 3; i++) {
            sample(generator, peer, count, i);
        }
        int samples = 10;
        long s0 = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            sample(generator, peer, count, 100 + i);
        }
        return (System.nanoTime() - s0) / 1e6 / samples;
    }

    /** What the service does for one sample request of {@code count}: a PNG grid, or rows as CSV. */
    private static void sample(GeneratorModel generator, PeerModel peer, int count, long seed) {
        if (peer.rows()) {
            float[][] rows = Workspaces.run("bench", () -> Tensors.floatRows(generator.generate(count, seed)));
            SamplesCsv.of(rows);
        } else {
            SamplePictures.png(generator, count, seed, OptionalInt.empty());
        }
    }

    /**
     * FLOPs of one forward pass of {@code network} over a batch of {@code n} inputs of this shape,
     * counting multiply-adds as two; a step counts a backward pass as twice its forward (input and
     * weight gradients): D on real and on fake, forward and backward, G forward, then D forward, D
     * input-gradient and G backward for the generator step, 8 F_D + 3 F_G.
     */
    static double flops(Network network, int n, long[] inputShape) {
        double total = 0;
        long[] shape = inputShape;
        for (LayerSpec layer : network.specs()) {
            if (layer instanceof LayerSpec.Dense dense) {
                total += 2.0 * n * dense.weights().size(0) * dense.weights().size(1);
                shape = new long[] {dense.weights().size(1)};
            } else if (layer instanceof LayerSpec.Conv conv) {
                long k = conv.weights().size(2);
                long h = Conv2d.outputSize(shape[1], (int) k, conv.stride(), conv.pad());
                long w = Conv2d.outputSize(shape[2], (int) k, conv.stride(), conv.pad());
                total += 2.0 * n * conv.weights().size(1) * conv.weights().size(0) * k * k * h * w;
                shape = new long[] {conv.weights().size(0), h, w};
            } else if (layer instanceof LayerSpec.ConvTranspose deconv) {
                long k = deconv.weights().size(2);
                total += 2.0 * n * deconv.weights().size(0) * deconv.weights().size(1) * k * k * shape[1] * shape[2];
                shape = new long[] {
                    deconv.weights().size(1),
                    ConvTranspose2d.outputSize(shape[1], (int) k, deconv.stride(), deconv.pad()),
                    ConvTranspose2d.outputSize(shape[2], (int) k, deconv.stride(), deconv.pad())
                };
            } else if (layer instanceof LayerSpec.Reshape reshape) {
                shape = reshape.exampleShape();
            }
        }
        return total;
    }

    /** Single-precision matrix multiply rate of this machine through the same ND4J build. */
    static double sgemmGflops() {
        int n = 1024;
        SplittableRandom random = new SplittableRandom(1);
        INDArray a = Tensors.gaussian(random, 0, 1, n, n);
        INDArray b = Tensors.gaussian(random, 0, 1, n, n);
        INDArray c = Nd4j.zeros(DataType.FLOAT, n, n);
        for (int i = 0; i < 3; i++) {
            a.mmuli(b, c);
        }
        int reps = 20;
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            a.mmuli(b, c);
        }
        return 2.0 * n * n * n * reps / ((System.nanoTime() - t0) / 1e9) / 1e9;
    }

    private static long rssKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** Times the steps after the warm-up ones. */
    static final class Timer implements TrainingListener {

        private final int warmup;
        private long start;
        private long end;
        private long rssAfterWarmupKb;

        Timer(int warmup) {
            this.warmup = warmup;
        }

        @Override
        public void onIteration(LossPoint point) {
            long now = System.nanoTime();
            if (point.iteration() == warmup) {
                start = now;
                rssAfterWarmupKb = rssKb("VmRSS");
            }
            end = now;
        }

        @Override
        public void onEpochEnd(int epoch, GenerativeModel model) {}

        double seconds() {
            return (end - start) / 1e9;
        }
    }
}
