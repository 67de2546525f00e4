package dev.gansvc.bench;

import dev.gansvc.support.HostileUploads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hostile uploads against a running service: the service's jar started as its own process (H2 in
 * memory, no workers, no upload rate limit, the heap given), then at once {@code --bombs} zip bombs (half a 1 GiB entry
 * of zeros packed into about 1 MB, half a PNG declaring 50,000 x 50,000 pixels) and one CSV of
 * {@code --columns} columns on one line (about 18 MB). A client answered 429 tries again after a
 * short pause until it gets another answer, so every upload reaches a decoder. Prints the answers,
 * the health afterwards and the process's resident memory (VmRSS) before, at its peak and after.
 *
 * <p>Arguments: {@code --jar PATH} (required), {@code --heap 4g} (the Dockerfile's GAN_HEAP),
 * {@code --bombs 40}, {@code --columns 1000000}.
 */
public final class UploadAbuseBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private UploadAbuseBenchmark() {}

    public static void main(String[] args) throws Exception {
        String jar = DefaultRun.arg(args, "--jar", "");
        String heap = DefaultRun.arg(args, "--heap", "4g");
        int bombs = Integer.parseInt(DefaultRun.arg(args, "--bombs", "40"));
        int columns = Integer.parseInt(DefaultRun.arg(args, "--columns", "1000000"));
        if (jar.isEmpty()) {
            throw new IllegalArgumentException("--jar PATH is required");
        }
        byte[] deflateBomb = HostileUploads.deflateBomb(1L << 30);
        byte[] pixelBomb = HostileUploads.pixelBomb(50_000, 50_000);
        byte[] wideCsv = HostileUploads.wideCsv(columns);
        System.out.printf(
                Locale.ROOT,
                "bodies: deflate bomb %d bytes (1 GiB unpacked), pixel bomb %d bytes, CSV %d bytes (%d columns)%n",
                deflateBomb.length,
                pixelBomb.length,
                wideCsv.length,
                columns);

        int port = freePort();
        Path log = Files.createDirectories(Path.of("target", "abuse")).resolve("service.log");
        Process service = new ProcessBuilder(
                        "java",
                        "-Xmx" + heap,
                        "-XX:+ExitOnOutOfMemoryError",
                        "-jar",
                        jar,
                        "--server.port=" + port,
                        "--spring.datasource.url=jdbc:h2:mem:abuse;DB_CLOSE_DELAY=-1",
                        "--gan.workers.enabled=false",
                        // Every bomb is to reach a decoder: the per-address upload rate would refuse most first.
                        "--gan.rates.uploads-per-hour=0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitHealthy(base, service);
            warmUp(base, deflateBomb, pixelBomb);
            long before = rssKb(service.pid());

            MemoryPeak peak = new MemoryPeak(service.pid());
            Thread sampler = new Thread(peak, "memory-peak");
            sampler.setDaemon(true);
            sampler.start();
            List<byte[]> bodies = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (int i = 0; i < bombs; i++) {
                bodies.add(i % 2 == 0 ? deflateBomb : pixelBomb);
                types.add("application/zip");
            }
            bodies.add(wideCsv);
            types.add("text/csv");
            long started = System.nanoTime();
            List<Answers> answers = attack(base, bodies, types);
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.interrupt();
            sampler.join();
            Thread.sleep(1000);
            long after = rssKb(service.pid());
            int health = HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();

            Map<Integer, Integer> first = new TreeMap<>();
            Map<Integer, Integer> last = new TreeMap<>();
            int tries = 0;
            for (Answers a : answers) {
                first.merge(a.statuses.get(0), 1, Integer::sum);
                last.merge(a.statuses.get(a.statuses.size() - 1), 1, Integer::sum);
                tries += a.statuses.size();
            }
            long fiveXx = answers.stream()
                    .flatMap(a -> a.statuses.stream())
                    .filter(s -> s >= 500)
                    .count();
            System.out.printf(
                    Locale.ROOT, "uploads: %d bombs + 1 wide CSV, %d requests in %.1f s%n", bombs, tries, seconds);
            System.out.println("first answers (status=count): " + first);
            System.out.println("final answers (status=count): " + last);
            System.out.println("csv: " + answers.get(answers.size() - 1).lastDetail);
            System.out.println("5xx answers: " + fiveXx + "; connections closed without an answer (status 0): "
                    + answers.stream()
                            .flatMap(a -> a.statuses.stream())
                            .filter(st -> st == 0)
                            .count());
            System.out.println("health afterwards: " + health + (service.isAlive() ? "" : " (the process exited)"));
            System.out.printf(
                    Locale.ROOT,
                    "resident memory (MB): before %.0f, peak %.0f (+%.0f), after %.0f (+%.0f); heap -Xmx%s%n",
                    before / 1024.0,
                    peak.max() / 1024.0,
                    (peak.max() - before) / 1024.0,
                    after / 1024.0,
                    (after - before) / 1024.0,
                    heap);
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    /** Every upload sent at once, each retried after 429 until it gets another answer. */
    private static List<Answers> attack(String base, List<byte[]> bodies, List<String> types) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answers>> futures = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            byte[] body = bodies.get(i);
            String type = types.get(i);
            String name = "abuse-" + i;
            futures.add(pool.submit(() -> {
                go.await();
                Answers answers = new Answers();
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (true) {
                    HttpResponse<String> r;
                    try {
                        r = HTTP.send(
                                HttpRequest.newBuilder(URI.create(base + "/datasets?name=" + name))
                                        .header("Content-Type", type)
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        // The connection closed before an answer: counted as status 0.
                        answers.statuses.add(0);
                        answers.lastDetail = e.toString();
                        return answers;
                    }
                    answers.statuses.add(r.statusCode());
                    answers.lastDetail = r.statusCode() + " " + r.body();
                    if (r.statusCode() != 429 || System.nanoTime() > deadline) {
                        return answers;
                    }
                    Thread.sleep(200);
                }
            }));
        }
        go.countDown();
        List<Answers> answers = new ArrayList<>();
        for (Future<Answers> f : futures) {
            answers.add(f.get());
        }
        pool.shutdown();
        return answers;
    }

    /** One client's answers, in order. */
    private static final class Answers {
        final List<Integer> statuses = new ArrayList<>();
        String lastDetail = "";
    }

    /** The highest resident memory of a process, sampled every 20 ms until interrupted. */
    private static final class MemoryPeak implements Runnable {
        private final long pid;
        private final AtomicLong max = new AtomicLong();

        MemoryPeak(long pid) {
            this.pid = pid;
        }

        long max() {
            return max.get();
        }

        @Override
        public void run() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    max.accumulateAndGet(rssKb(pid), Math::max);
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One of each kind of upload first, so that class loading and compilation are not counted as growth. */
    private static void warmUp(String base, byte[] deflateBomb, byte[] pixelBomb) throws Exception {
        Map<byte[], String> bodies = Map.of(
                deflateBomb,
                "application/zip",
                pixelBomb,
                "application/zip",
                HostileUploads.wideCsv(20_000),
                "text/csv");
        for (Map.Entry<byte[], String> body : bodies.entrySet()) {
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/datasets?name=warm-up"))
                            .header("Content-Type", body.getValue())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.getKey()))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        Thread.sleep(2000);
    }

    private static void awaitHealthy(String base, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && service.isAlive()) {
            try {
                if (HTTP.send(
                                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not start; see target/abuse/service.log");
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
