package dev.gansvc.ratelimits;

import dev.gansvc.GanProperties;
import dev.gansvc.web.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The request rates {@code gan.rates} allows on the expensive endpoints, per caller: its API key
 * in {@code keys} mode (the request's principal), else its remote address. Sampling (samples,
 * sample and interpolation pictures, reconstructions) and uploads ({@code POST /datasets}, {@code POST /models}) are
 * counted before their controllers run; one request over is refused with 429 and Retry-After.
 * Also holds the limit on failed logins, which the API key filter applies per address.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimits implements WebMvcConfigurer {

    private final RateLimit sampling;
    private final RateLimit uploads;
    private final RateLimit failedLogins;

    public RateLimits(GanProperties properties, Clock clock) {
        GanProperties.Rates rates = properties.rates();
        this.sampling = new RateLimit(
                rates.samplingPerMinute(),
                Duration.ofMinutes(1),
                "sampling requests",
                "a minute",
                "gan.rates.sampling-per-minute",
                clock);
        this.uploads = new RateLimit(
                rates.uploadsPerHour(), Duration.ofHours(1), "uploads", "an hour", "gan.rates.uploads-per-hour", clock);
        this.failedLogins = new RateLimit(
                rates.failedLoginsPerMinute(),
                Duration.ofMinutes(1),
                "requests with an invalid API key",
                "a minute",
                "gan.rates.failed-logins-per-minute",
                clock);
    }

    /** Requests with an invalid API key, per remote address. */
    public RateLimit failedLogins() {
        return failedLogins;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PerCaller(sampling, Set.of("GET", "HEAD", "POST")))
                .addPathPatterns(
                        "/models/*/samples",
                        "/models/*/sample.png",
                        "/models/*/interpolation.png",
                        "/models/*/reconstructions");
        registry.addInterceptor(new PerCaller(uploads, Set.of("POST"))).addPathPatterns("/datasets", "/models");
    }

    /** Counts each request with one of {@code methods} against {@code limit}, per caller. */
    private record PerCaller(RateLimit limit, Set<String> methods) implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!methods.contains(request.getMethod())) {
                return true;
            }
            // An API key's principal (keys mode); none in open mode, where everyone is anonymous.
            Principal key = request.getUserPrincipal();
            int wait = limit.take(key != null ? "key " + key.getName() : "address " + request.getRemoteAddr());
            if (wait > 0) {
                throw new TooManyRequestsException(
                        limit.refusal(key != null ? "this API key" : "this address", wait), wait);
            }
            return true;
        }
    }
}
