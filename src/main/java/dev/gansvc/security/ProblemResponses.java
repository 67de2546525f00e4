package dev.gansvc.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The 401 and 403 that Spring Security answers, and the 429 for an address that sent too many
 * invalid keys, as problem documents like the rest of the API.
 */
final class ProblemResponses {

    private ProblemResponses() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            write(
                    response,
                    401,
                    "Unauthorized",
                    request.getHeader(HttpHeaders.AUTHORIZATION) == null
                            ? "an API key is needed: send Authorization: Bearer KEY"
                            : "the API key is not valid: send Authorization: Bearer KEY with a key that exists");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, 403, "Forbidden", "this API key's role may not do this");
    }

    static void tooManyRequests(HttpServletResponse response, String detail, int retryAfterSeconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        write(response, 429, "Too many requests", detail);
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"}");
    }
}
