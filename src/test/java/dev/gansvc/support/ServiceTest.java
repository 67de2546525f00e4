package dev.gansvc.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole service on a random port with one worker and an in-memory database, shared by every
 * test class that carries this annotation: Spring starts it once per test JVM. The classes
 * submit their own jobs and wait for them or cancel them, so they do not depend on each other.
 * Uploads are capped at 32 MiB, room for a small model's archive (imports) while the refusal of a
 * larger body stays cheap to test. The rate
 * limits are off: the classes together sample and upload hundreds of times from one address
 * ({@code ApiKeysTest} and {@code RateLimitTest} test them).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:service;DB_CLOSE_DELAY=-1",
            "gan.uploads.max-bytes=33554432",
            "gan.rates.sampling-per-minute=0",
            "gan.rates.uploads-per-hour=0"
        })
@AutoConfigureMockMvc
public @interface ServiceTest {}
