package dev.gansvc.bench;

import dev.gansvc.engine.adversarial.AdversarialObjective;
import dev.gansvc.engine.adversarial.AdversarialOptions;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.LearningRateSchedule;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.OptimizerSettings;
import dev.gansvc.engine.model.SamplePictures;
import dev.gansvc.engine.model.Trainer;
import dev.gansvc.engine.model.TrainingListener;
import dev.gansvc.engine.model.TrainingSettings;
import dev.gansvc.engine.nn.Tensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The shared dcgan28 benchmark (../shared/bench/peer_dcgan.py) on the service's own engine:
 * the same model, batch, Adam settings and step schedule, through {@link Trainer} and, for
 * sample_ms, {@link SamplePictures} as {@code GET /models/{id}/sample.png} uses it. Prints one JSON line.
 *
 * <p>Arguments: {@code --batch 64 --iters 30 --warmup 5 --sample 64}.
 */
public final class Dcgan28Benchmark {

    private Dcgan28Benchmark() {}

    public static void main(String[] args) throws IOException {
        int batch = intArg(args, "--batch", 64);
        int iters = intArg(args, "--iters", 30);
        int warmup = intArg(args, "--warmup", 5);
        int sampleCount = intArg(args, "--sample", 64);
        int steps = warmup + iters;

        // Random real images as the peer uses; enough batches for 100 distinct steps per epoch.
        int batchesPerEpoch = Math.min(steps, 100);
        ImageDataset data = new ImageDataset(
                Nd4j.rand(DataType.FLOAT, (long) batch * batchesPerEpoch, 784)
                        .muli(2)
                        .subi(1),
                new int[batch * batchesPerEpoch],
                1,
                28,
                28);
        int epochs = (steps + batchesPerEpoch - 1) / batchesPerEpoch;
        ModelFamily dcgan = ModelFamilies.all().require("dcgan");
        GenerativeModel model = GenerativeModel.create(
                dcgan, dcgan.shape(100, data.exampleShape(), 0), OptimizerSettings.adam(2e-4, 0.5, 0.999), 42);
        Timer timer = new Timer(warmup);
        new Trainer(
                        model,
                        data,
                        new TrainingSettings(
                                epochs,
                                batch,
                                42,
                                LearningRateSchedule.CONSTANT,
                                AdversarialOptions.defaultsWithoutR1()))
                .train(timer, () -> model.iteration() >= steps);
        double seconds = timer.seconds();
        long rssAfterWarmup = timer.rssAfterWarmupKb;
        long rssEnd = rssKb("VmRSS");

        GeneratorModel generator = GeneratorModel.of(model);
        for (int i = 0; i < 3; i++) {
            SamplePictures.png(generator, sampleCount, i, OptionalInt.empty());
        }
        int samples = 10;
        long s0 = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            SamplePictures.png(generator, sampleCount, 100 + i, OptionalInt.empty());
        }
        double sampleMs = (System.nanoTime() - s0) / 1e6 / samples;

        double stepFlops = stepFlops(batch);
        System.out.println(String.format(
                Locale.ROOT,
                "{\"engine\": \"gan-service-nd4j-1.0.0-M2.1\", \"threads\": %d, "
                        + "\"batch\": %d, \"iters\": %d, \"imgs_per_s\": %.1f, \"step_ms\": %.1f, \"params_g\": %d, "
                        + "\"params_d\": %d, \"sample_ms\": %.1f, \"peak_rss_mb\": %d, \"rss_after_warmup_mb\": %d, "
                        + "\"rss_end_mb\": %d, \"gflops\": %.1f, \"sgemm_gflops\": %.1f}",
                Runtime.getRuntime().availableProcessors(),
                batch,
                iters,
                iters * batch / seconds,
                seconds / iters * 1000,
                model.generator().parameterCount(),
                model.network(AdversarialObjective.DISCRIMINATOR).parameterCount(),
                sampleMs,
                rssKb("VmHWM") / 1024,
                rssAfterWarmup / 1024,
                rssEnd / 1024,
                stepFlops * iters / seconds / 1e9,
                sgemmGflops()));
    }

    /**
     * FLOPs performed in one step, counting a forward pass as F and a backward pass as 2F (input
     * and weight gradients): D on real and on fake (forward and backward each), G forward, then
     * D forward, D input-gradient (F) and G backward for the generator step: 8 F_D + 3 F_G.
     */
    static double stepFlops(int n) {
        double g = dense(n, 100, 6272) + deconv(n, 128, 64, 4, 7) + deconv(n, 64, 1, 4, 14);
        double d = conv(n, 1, 64, 4, 14) + conv(n, 64, 128, 4, 7) + dense(n, 6272, 1);
        return 8 * d + 3 * g;
    }

    private static double dense(int n, int in, int out) {
        return 2.0 * n * in * out;
    }

    /** A convolution producing out x out pixels per channel. */
    private static double conv(int n, int cin, int cout, int k, int out) {
        return 2.0 * n * cin * cout * k * k * out * out;
    }

    /** A transposed convolution reading in x in pixels per channel. */
    private static double deconv(int n, int cin, int cout, int k, int in) {
        return 2.0 * n * cin * cout * k * k * in * in;
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

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** Times the steps after the warm-up ones. */
    private static final class Timer implements TrainingListener {

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
