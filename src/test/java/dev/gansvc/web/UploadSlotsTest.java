package dev.gansvc.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.support.ServiceTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Uploads are decoded at most {@code gan.uploads.max-concurrent} (2) at a time, so the memory
 * they take is bounded whatever clients send; one more is refused at once with 429, not queued.
 */
@ServiceTest
class UploadSlotsTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    UploadSlots slots;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void aThirdUploadWhileTwoAreBeingDecodedGets429() throws Exception {
        // Two clients send the start of a table and then nothing: their uploads hold their slots
        // while the server waits for the rest of the body.
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Socket socket = new Socket("localhost", port);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /datasets?name=slow-" + i + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: text/csv\r\nContent-Length: 1000\r\n\r\na,b\n1,2\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            slow.add(socket);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (slots.inProgress() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(slots.inProgress()).as("both slow uploads hold a slot").isEqualTo(2);
        try {
            HttpResponse<String> third = http.send(
                    upload("third", HttpRequest.BodyPublishers.ofString("a,b\n1,2\n")),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(third.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(third.body()).contains("gan.uploads.max-concurrent");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        HttpResponse<String> later;
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            later = http.send(
                    upload("after", HttpRequest.BodyPublishers.ofString("a,b\n1,2\n3,4\n5,6\n7,8\n")),
                    HttpResponse.BodyHandlers.ofString());
        } while (later.statusCode() == 429 && System.nanoTime() < deadline && sleep());
        assertThat(later.statusCode())
                .as("the slots are free again once the clients are gone")
                .isEqualTo(201);
        http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/datasets/after"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(100);
        return true;
    }

    private HttpRequest upload(String name, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/datasets?name=" + name))
                .header("Content-Type", "text/csv")
                .POST(body)
                .build();
    }
}
