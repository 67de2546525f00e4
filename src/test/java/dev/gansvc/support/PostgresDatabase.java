package dev.gansvc.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL database for tests: a fresh database on the server named by
 * {@code GAN_TEST_POSTGRES_URL} (a JDBC URL with user and password, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), else a Testcontainers
 * container when Docker is available, else the calling test is skipped.
 */
public final class PostgresDatabase {

    public static final String URL_VARIABLE = "GAN_TEST_POSTGRES_URL";

    private static PostgresDatabase shared;

    private final String url;
    private final String user;
    private final String password;

    private PostgresDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** One database per test JVM; skips the test when no server can be had. */
    public static synchronized PostgresDatabase get() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    static synchronized boolean available() {
        return shared != null
                || serverUrl() != null
                || DockerClientFactory.instance().isDockerAvailable();
    }

    private static String serverUrl() {
        String server = System.getenv(URL_VARIABLE);
        return server == null || server.isBlank() ? null : server;
    }

    private static PostgresDatabase create() {
        String server = serverUrl();
        if (server != null) {
            String name =
                    "gan_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(server);
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        URL_VARIABLE + " is set but the server cannot be used: " + e.getMessage(), e);
            }
            String url = server.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, name)));
            return new PostgresDatabase(url, null, null);
        }
        Assumptions.assumeTrue(
                DockerClientFactory.instance().isDockerAvailable(),
                "no PostgreSQL: set " + URL_VARIABLE + " or run a Docker engine for Testcontainers");
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
        container.start();
        return new PostgresDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static void drop(String server, String name) {
        try (Connection c = DriverManager.getConnection(server);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // best effort: the server may already be gone when the JVM exits
        }
    }

    /** Points a Spring test context at this database. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> url);
        if (user != null) {
            registry.add("spring.datasource.username", () -> user);
            registry.add("spring.datasource.password", () -> password);
        }
    }
}
