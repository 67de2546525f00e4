package dev.gansvc.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a Server-Sent Events stream as a browser's EventSource would (the parts the service uses). */
public final class ServerSentEvents {

    /** One event; {@code data} parsed as JSON. */
    public record Event(String id, String name, JsonNode data) {}

    /** What a stream gave: its events in order and how many comment lines came between them. */
    public record Received(int status, List<Event> events, int comments) {

        public List<Event> named(String name) {
            return events.stream().filter(e -> e.name().equals(name)).toList();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final JsonMapper json;

    public ServerSentEvents(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    /**
     * Reads the stream at {@code path} until the server closes it or {@code stopAfter} events came.
     *
     * @param lastEventId sent as Last-Event-ID, or null
     */
    public Received read(String path, String lastEventId, int stopAfter, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream")
                .timeout(timeout);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        List<Event> events = new ArrayList<>();
        int comments = 0;
        try (Stream<String> lines = response.body()) {
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            Iterator<String> it = lines.iterator();
            while (it.hasNext() && events.size() < stopAfter) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, json.readTree(data.toString())));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments++;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        }
        return new Received(response.statusCode(), events, comments);
    }
}
