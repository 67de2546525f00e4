package dev.gansvc.security;

import dev.gansvc.ratelimits.RateLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer KEY}: a key that matches a stored one authenticates the request
 * as that key (a {@link Caller}); any other Authorization header is a 401 at once. Without the
 * header the request goes on anonymous, and the rules decide (the health check and the API
 * documentation are open). An address that sent {@code gan.rates.failed-logins-per-minute}
 * invalid keys gets 429 for its requests with a key, before the key is checked, until it may try
 * again: keys cannot be guessed at speed. Not a bean, so that it runs only inside the security
 * filter chain.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final AuthenticationEntryPoint entryPoint;
    private final RateLimit failedLogins;

    ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint, RateLimit failedLogins) {
        this.keys = keys;
        this.entryPoint = entryPoint;
        this.failedLogins = failedLogins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        int wait = failedLogins.wait(address);
        if (wait > 0) {
            SecurityContextHolder.clearContext();
            ProblemResponses.tooManyRequests(response, failedLogins.refusal("this address", wait), wait);
            return;
        }
        Optional<ApiKey> key = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? keys.authenticate(header.substring(BEARER.length()).strip())
                : Optional.empty();
        if (key.isEmpty()) {
            failedLogins.take(address);
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new InsufficientAuthenticationException("invalid API key"));
            return;
        }
        Caller caller = new Caller(key.get().getId(), key.get().getRole());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                caller, null, caller.role().authorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
