package dev.gansvc.security;

import dev.gansvc.ratelimits.RateLimits;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may do what. {@code open}: everyone everything. {@code keys}: the health check, the API
 * documentation and the dashboard's static files for everyone; every GET for readers; submitting jobs, uploading datasets and
 * reconstructing, and cancelling, retrying and deleting (own jobs and datasets, checked where they
 * are looked up) for trainers; everything else (the keys) for admins.
 *
 * <p>Stateless: no sessions, no login pages, and no Spring Security CSRF tokens, as the API is
 * authenticated by a header that browsers do not send by themselves; {@code CrossSiteRequestFilter}
 * (a servlet filter that runs before this chain) still refuses other sites' state-changing
 * requests. CORS stays with Spring MVC ({@code CorsConfiguration}): preflight requests pass here.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, SecurityProperties properties, ObjectProvider<ApiKeys> keys, RateLimits rateLimits)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (properties.mode() == SecurityProperties.Mode.OPEN) {
            return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
        }
        var unauthorized = ProblemResponses.unauthorized();
        http.exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(ProblemResponses.forbidden()))
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(keys.getObject(), unauthorized, rateLimits.failedLogins()),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        // The request was authorised on its way in; its error page and async parts pass.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/v3/api-docs.yaml",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                // The dashboard's page and code: its API calls carry the key.
                                "/",
                                "/index.html",
                                "/app/**",
                                "/webjars/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers("/keys", "/keys/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/**")
                        .hasRole("READER")
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .hasRole("READER")
                        .requestMatchers(HttpMethod.POST, "/jobs", "/jobs/*/cancel", "/jobs/*/retry")
                        .hasRole("TRAINER")
                        .requestMatchers(HttpMethod.POST, "/datasets", "/models", "/models/*/reconstructions")
                        .hasRole("TRAINER")
                        .requestMatchers(HttpMethod.DELETE, "/jobs/*", "/datasets/*")
                        .hasRole("TRAINER")
                        .anyRequest()
                        .hasRole("ADMIN"));
        return http.build();
    }
}
