package dev.gansvc.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** CORS: closed unless {@code gan.web.allowed-origins} names the pages that may call the API. */
@Configuration(proxyBeanMethods = false)
public class CorsConfiguration implements WebMvcConfigurer {

    private final WebProperties properties;

    public CorsConfiguration(WebProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (!properties.allowedOrigins().isEmpty()) {
            registry.addMapping("/**")
                    .allowedOrigins(properties.allowedOrigins().toArray(String[]::new))
                    .allowedMethods("GET", "HEAD", "POST", "DELETE")
                    .allowedHeaders("Content-Type", "Authorization", "Accept", "Last-Event-ID");
        }
    }
}
