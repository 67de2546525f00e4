package dev.gansvc.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.support.ServiceTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the running service maps, sent a corpus of bad requests over real HTTP (so that
 * Tomcat's own refusals count too): bad ids, bad query parameters, wrong methods, wrong content
 * types, malformed, huge and empty bodies. No answer may be a 5xx; every 4xx is
 * application/problem+json; no error names a class, SQL, a file path or a stack frame, or repeats
 * more than a few hundred characters of what it was sent.
 */
@ServiceTest
class ErrorFuzzTest {

    /** A path variable no resource has, for the variables a case does not fuzz. */
    private static final String ABSENT = "987654321";

    private static final String LONG = "z".repeat(5000);
    private static final String LONG_SPACED = "zy ".repeat(1500);
    private static final String TOO_MUCH_ECHO = "z".repeat(301);
    private static final String TOO_MUCH_SPACED_ECHO = "zy ".repeat(100);

    private static final List<String> BAD_IDS = List.of(
            "-1",
            "0",
            "99999999999999999999",
            "abc",
            "1.5",
            "%00",
            "..%2F..%2Fetc",
            "%2e%2e",
            "%2e%2e%2f%2e%2e",
            "..;",
            "%C0%AF",
            "%25",
            "%20",
            "a%0Ab",
            LONG);

    private static final List<String> BAD_VALUES = List.of(
            "-1",
            "0",
            "abc",
            "1.5",
            "99999999999999999999",
            "",
            "%00",
            "%FF",
            "null",
            "true",
            "nonexistent",
            "id,sideways",
            LONG,
            LONG_SPACED);

    private static final List<String> FORBIDDEN =
            List.of("java.", "Exception", "org.", "SQL", "select ", "/work", "/tmp", "at dev.", "jakarta.", "tools.");

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private int sent;

    private record Endpoint(String pattern, Set<String> methods, Set<String> params) {}

    private List<Endpoint> endpoints() {
        Map<String, Endpoint> byPattern = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            Set<String> methods = new TreeSet<>();
            e.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                for (RequestMethod m : RequestMethod.values()) {
                    methods.add(m.name());
                }
            }
            Set<String> params = new TreeSet<>();
            for (MethodParameter p : e.getValue().getMethodParameters()) {
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (rp != null) {
                    String name = rp.name().isEmpty() ? rp.value() : rp.name();
                    params.add(name.isEmpty() ? p.getParameterName() : name);
                }
            }
            for (String pattern : e.getKey().getPatternValues()) {
                Endpoint known = byPattern.get(pattern);
                if (known != null) {
                    known.methods().addAll(methods);
                    known.params().addAll(params);
                } else {
                    byPattern.put(pattern, new Endpoint(pattern, methods, params));
                }
            }
        }
        return new ArrayList<>(byPattern.values());
    }

    @Test
    void noBadRequestGetsA5xxOrLeaksInternals() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/jobs", "/jobs/{id}", "/models", "/datasets");
        for (Endpoint endpoint : endpoints) {
            if (endpoint.pattern().equals("/error")) {
                continue;
            }
            String safe = fill(endpoint.pattern(), null, null);
            // bad values of each path variable, the others naming nothing
            for (String variable : variables(endpoint.pattern())) {
                for (String id : BAD_IDS) {
                    for (String method : endpoint.methods()) {
                        if (method.equals("GET") || method.equals("DELETE") || method.equals("POST")) {
                            send(method, fill(endpoint.pattern(), variable, id), null, null);
                        }
                    }
                }
            }
            // bad values of each query parameter, paging's too
            Set<String> params = new LinkedHashSet<>(endpoint.params());
            params.addAll(List.of("page", "size", "sort"));
            for (String param : params) {
                for (String value : BAD_VALUES) {
                    String query = "?" + param + "="
                            + URLEncoder.encode(value, StandardCharsets.UTF_8)
                                    .replace("%2500", "%00")
                                    .replace("%25FF", "%FF");
                    for (String method : endpoint.methods()) {
                        if (method.equals("GET")) {
                            send(method, safe + query, null, null);
                        } else if (method.equals("POST")) {
                            send(method, safe + query, "application/octet-stream", new byte[] {1, 2, 3});
                        }
                    }
                }
            }
            // methods it does not take
            for (String method : METHODS) {
                if (!endpoint.methods().contains(method)) {
                    send(method, safe, null, null);
                }
            }
            // wrong or broken bodies
            if (endpoint.methods().contains("POST")) {
                for (Map.Entry<String, byte[]> body : bodies().entrySet()) {
                    if (body.getKey().equals("huge")) {
                        send("POST", safe, "application/json", body.getValue());
                        send("POST", safe, "multipart/form-data; boundary=xyz", body.getValue());
                        continue;
                    }
                    for (String type : List.of(
                            "application/json",
                            "text/plain",
                            "application/xml",
                            "multipart/form-data; boundary=xyz",
                            "multipart/form-data",
                            "application/x-www-form-urlencoded",
                            "application/zip",
                            "text/csv",
                            "garbage")) {
                        send("POST", safe, type, body.getValue());
                    }
                }
                send("POST", safe, null, null);
            }
        }
        // paths nothing maps, the error page itself, and Accept headers that want no JSON
        for (String path : List.of(
                "/nothing-here",
                "/error",
                "/jobs/1/nothing",
                "/%00",
                "/jobs/%00",
                "/..%2F..%2Fetc%2Fpasswd",
                "/jobs/..%2F..%2Fetc",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/jobs/%2e%2e/%2e%2e/%2e%2e",
                "/jobs/%5C..%5C",
                "/" + LONG)) {
            send("GET", path, null, null);
            sendAccepting("text/html", path);
        }
        sendAccepting("text/html", "/jobs/abc");
        sendAccepting("image/png", "/jobs?page=-1");
        assertThat(sent).isGreaterThan(500);
        assertThat(failures).as(failures.size() + " bad answers of " + sent).isEmpty();
    }

    @Test
    void pagingIsCheckedNotClamped() throws Exception {
        for (String listing : List.of("/jobs", "/models")) {
            for (String query : List.of(
                    "page=-1",
                    "size=0",
                    "size=201",
                    "size=abc",
                    "page=1.5",
                    "page=99999999999999999999",
                    "sort=nonexistent",
                    "sort=spec",
                    "sort=id,sideways",
                    "sort=,desc")) {
                HttpResponse<String> r = send("GET", listing + "?" + query, null, null);
                String param = query.substring(0, query.indexOf('='));
                assertThat(r.statusCode())
                        .as(listing + "?" + query + ": " + r.body())
                        .isEqualTo(400);
                assertThat(r.body()).as(listing + "?" + query).contains("\"field\":\"" + param + "\"");
            }
            for (String query :
                    List.of("", "page=0&size=200", "sort=id,desc", "sort=createdAt", "sort=id&sort=dataset,asc")) {
                HttpResponse<String> r = send("GET", listing + "?" + query, null, null);
                assertThat(r.statusCode())
                        .as(listing + "?" + query + ": " + r.body())
                        .isEqualTo(200);
            }
        }
        assertThat(send("GET", "/jobs?sort=status&sort=model,desc", null, null).statusCode())
                .isEqualTo(200);
        assertThat(failures).isEmpty();
    }

    @Test
    void errorPagesAndRefusedPathsAreProblems() throws Exception {
        assertThat(send("GET", "/error", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/no/such/path", null, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/jobs", null, null).statusCode()).isEqualTo(405);
        assertThat(send("GET", "/jobs/%00", null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/jobs/..%2F..%2Fetc", null, null).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/jobs", "multipart/form-data; boundary=xyz", "--xyz--\r\n".getBytes())
                        .statusCode())
                .isEqualTo(415);
        assertThat(send("POST", "/jobs", "text/plain", "{}".getBytes()).statusCode())
                .isEqualTo(415);
        assertThat(failures).isEmpty();
    }

    private static Map<String, byte[]> bodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (String s : List.of(
                "",
                "{",
                "null",
                "[]",
                "\"x\"",
                "{\"model\":1.5,\"dataset\":[]}",
                "{\"model\":\"gan\",\"dataset\":\"" + LONG + "\"}",
                "{\"model\":\"" + LONG_SPACED + "\",\"dataset\":\"mnist\"}",
                "{\"" + LONG + "\":1}",
                "{\"model\":\"gan\",\"dataset\":\"nope\",\"epochs\":\"" + LONG + "\"}",
                "{\"model\":\"gan\",\"dataset\":\"nope\",\"batchSize\":99999999999999999999}",
                "[".repeat(3000),
                "{\"a\":" + "[".repeat(2000))) {
            bodies.put(s.length() > 40 ? s.substring(0, 40) + "..." : s, s.getBytes(StandardCharsets.UTF_8));
        }
        bodies.put("huge", ("{\"model\":\"gan\",\"dataset\":\"" + "z".repeat(2_000_000) + "\"}").getBytes());
        bodies.put("binary", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        return bodies;
    }

    private static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The pattern with {@code value} for {@code variable} and {@link #ABSENT} for the rest. */
    private static String fill(String pattern, String variable, String value) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1).equals(variable) ? value : ABSENT;
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("**", "x");
    }

    private void sendAccepting(String accept, String path) throws Exception {
        request(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", accept)
                        .GET()
                        .build(),
                "GET " + path + " Accept " + accept);
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return request(
                b.build(), method + " " + abbreviate(path) + (contentType == null ? "" : " [" + contentType + "]"));
    }

    private HttpResponse<String> request(HttpRequest request, String what) throws Exception {
        sent++;
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = r.statusCode();
        String body = r.body();
        String type = r.headers().firstValue("Content-Type").orElse("");
        List<String> wrong = new ArrayList<>();
        if (status >= 500) {
            wrong.add("status " + status);
        }
        if (status >= 400) {
            if (!type.startsWith("application/problem+json")) {
                wrong.add("Content-Type " + type);
            }
            for (String f : FORBIDDEN) {
                if (body.contains(f)) {
                    wrong.add("contains '" + f + "'");
                }
            }
            if (body.contains(TOO_MUCH_ECHO) || body.contains(TOO_MUCH_SPACED_ECHO)) {
                wrong.add("echoes more than 300 characters of its input");
            }
        }
        if (!wrong.isEmpty()) {
            failures.add(what + " -> " + status + " " + wrong + ": " + abbreviate(body));
        }
        return r;
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...(" + s.length() + ")";
    }
}
