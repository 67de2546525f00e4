package dev.gansvc.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What other web origins may do: {@code gan.web.allowed-origins} lists the pages (scheme, host
 * and port, e.g. {@code https://dashboard.example.com}) that may call the API from a browser,
 * state-changing requests and CORS included. None by default.
 */
@ConfigurationProperties("gan.web")
public record WebProperties(List<String> allowedOrigins) {

    public WebProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
