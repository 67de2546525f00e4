package dev.gansvc.bench;

import dev.gansvc.GanServiceApplication;
import dev.gansvc.engine.model.ComputeThreads;
import dev.gansvc.engine.model.GenerativeModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service path against the engine: a peer model ({@link PeerBenchmark}) trained by the
 * engine's loop in this JVM, then the same model submitted as a job to the running service
 * ({@code POST /jobs}, H2 in memory, one worker) with its steps per second read from the job's
 * progress ({@code GET /jobs/{id}}) over {@code --seconds}; prints both and their ratio.
 *
 * <pre>bench/service [--model mlp2d|dcgan28] [--seconds 60]</pre>
 */
public final class ServicePathBenchmark {

    private static final Pattern ITERATION = Pattern.compile("\"iteration\"\\s*:\\s*(\\d+)");

    /** The job that trains each peer model: its family on a bundled dataset of the same shape, the peer's plain step. */
    private static final Map<String, String> JOBS = Map.of(
            "mlp2d",
            "{\"model\":\"gan\",\"dataset\":\"ring8\",\"seed\":1,\"epochs\":1000,\"batchSize\":128,\"latentDim\":16,"
                    + "\"learningRate\":2e-4,\"beta1\":0.5,\"r1Gamma\":0,\"generatorAverage\":0,\"packing\":1}",
            "dcgan28",
            "{\"model\":\"dcgan\",\"dataset\":\"mnist\",\"seed\":1,\"epochs\":100,\"batchSize\":64,\"latentDim\":100,"
                    + "\"learningRate\":2e-4,\"beta1\":0.5,\"generatorAverage\":0,\"clusters\":0}");

    private ServicePathBenchmark() {}

    public static void main(String[] args) throws Exception {
        String name = DefaultRun.arg(args, "--model", "mlp2d");
        int seconds = PeerBenchmark.intArg(args, "--seconds", 60);
        PeerBenchmark.PeerModel peer = PeerBenchmark.MODELS.get(name);
        String job = JOBS.get(name);
        if (peer == null || job == null) {
            throw new IllegalArgumentException("--model is one of " + JOBS.keySet());
        }
        int cores = Nd4j.getEnvironment().maxMasterThreads();

        // The engine alone: the peer's step for about as long as the job is watched.
        GenerativeModel model = PeerBenchmark.model(peer);
        ComputeThreads.use(ComputeThreads.forTraining(model, cores));
        int warmup = 20;
        int steps = warmup + Math.max(peer.iters(), estimateSteps(peer, model, seconds));
        PeerBenchmark.Timer timer = new PeerBenchmark.Timer(warmup);
        PeerBenchmark.train(peer, model, PeerBenchmark.data(peer, peer.batch(), steps), peer.batch(), steps, timer);
        double engine = (steps - warmup) / timer.seconds();
        ComputeThreads.use(cores);

        ConfigurableApplicationContext service = SpringApplication.run(
                GanServiceApplication.class,
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:service-path;DB_CLOSE_DELAY=-1",
                "--logging.level.root=WARN");
        try {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/jobs"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(job))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST /jobs: " + created.statusCode() + " " + created.body());
            }
            String location = created.headers().firstValue("Location").orElseThrow();
            URI jobUri = URI.create("http://localhost:" + port).resolve(location);
            // From the first progress past the warm-up to the last within the window.
            long startIteration = -1;
            long startNanos = 0;
            long lastIteration = -1;
            long lastNanos = 0;
            long deadline = Long.MAX_VALUE;
            while (System.nanoTime() < deadline) {
                Thread.sleep(1000);
                long iteration = iteration(http, jobUri);
                long now = System.nanoTime();
                if (startIteration < 0 && iteration >= warmup) {
                    startIteration = iteration;
                    startNanos = now;
                    deadline = now + seconds * 1_000_000_000L;
                } else if (startIteration >= 0 && iteration > lastIteration) {
                    lastIteration = iteration;
                    lastNanos = now;
                }
            }
            http.send(
                    HttpRequest.newBuilder(URI.create(jobUri + "/cancel"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            double served = (lastIteration - startIteration) / ((lastNanos - startNanos) / 1e9);
            System.out.println(String.format(
                    Locale.ROOT,
                    "{\"model\": \"%s\", \"engine_steps_per_s\": %.1f, \"service_steps_per_s\": %.1f, "
                            + "\"service_vs_engine\": %.3f, \"service_steps\": %d, \"seconds\": %.1f}",
                    name,
                    engine,
                    served,
                    served / engine,
                    lastIteration - startIteration,
                    (lastNanos - startNanos) / 1e9));
        } finally {
            service.close();
        }
    }

    /** Steps of the peer model that take about {@code seconds}, from a short run. */
    private static int estimateSteps(PeerBenchmark.PeerModel peer, GenerativeModel model, int seconds) {
        int probe = 20;
        PeerBenchmark.Timer timer = new PeerBenchmark.Timer(5);
        PeerBenchmark.train(peer, model, PeerBenchmark.data(peer, peer.batch(), probe), peer.batch(), probe, timer);
        return (int) (seconds * (probe - 5) / timer.seconds());
    }

    private static long iteration(HttpClient http, URI job) throws Exception {
        String body = http.send(HttpRequest.newBuilder(job).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = ITERATION.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
