package dev.gansvc.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests (POST, PUT, PATCH, DELETE) that a browser sends on behalf of
 * a page of another origin: an HTML form or a {@code text/plain} fetch needs no CORS preflight,
 * so without this a page anywhere could cancel jobs or upload data through a visitor's browser.
 * Browsers say where a request comes from ({@code Sec-Fetch-Site}, {@code Origin}); clients
 * that are not browsers send neither and pass. Origins in {@code gan.web.allowed-origins} pass.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> allowedOrigins;

    public CrossSiteRequestFilter(WebProperties properties) {
        this.allowedOrigins = Set.copyOf(properties.allowedOrigins().stream()
                .map(CrossSiteRequestFilter::normalised)
                .toList());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || !crossOrigin(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"a state-changing request from a page of another origin is refused; "
                        + "list the page's origin in gan.web.allowed-origins to allow it\"}");
    }

    /** Whether the request comes from a page of another origin that is not allowed. */
    private boolean crossOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && allowedOrigins.contains(normalised(origin))) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("cross-site") || site.equals("same-site");
        }
        return origin != null && !normalised(origin).equals(ownOrigin(request));
    }

    private static String ownOrigin(HttpServletRequest request) {
        return normalised(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    }

    /** scheme://host:port in lower case, with the scheme's default port made explicit; "null" stays "null". */
    static String normalised(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return origin;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return origin;
        }
    }
}
