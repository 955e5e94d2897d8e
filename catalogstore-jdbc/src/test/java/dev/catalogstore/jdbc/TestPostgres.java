package dev.catalogstore.jdbc;

import dev.catalogstore.jdbc.secret.AesGcmSecretCodec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The one PostgreSQL server of a test run (this JVM), started on first use and shared by every test
 * class, which each work in schemas of their own:
 *
 * <ol>
 *   <li>the server at {@code CATALOGSTORE_TEST_JDBC_URL} when that is set (CI);
 *   <li>otherwise a Testcontainers PostgreSQL when Docker is available;
 *   <li>otherwise an embedded PostgreSQL (zonky), so the tests pass on a fresh machine.
 * </ol>
 */
public final class TestPostgres {
  public static final String ENV_URL = "CATALOGSTORE_TEST_JDBC_URL";

  /** A fixed test key: the tests read sealed values back, so it must not change mid-run. */
  public static final byte[] TEST_KEY =
      "catalogstore-test-key-32-bytes!!".getBytes(StandardCharsets.US_ASCII);

  private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);

  /** Only guards against a Docker probe that hangs; it normally answers within a second. */
  private static final Duration DOCKER_PROBE_TIMEOUT = Duration.ofSeconds(20);

  private TestPostgres() {}

  /** Where the server is. */
  public record Server(String jdbcUrl, String username, String password, String kind) {}

  /** The server of this run, started on first use. */
  public static Server server() {
    return Holder.SERVER;
  }

  /**
   * A configuration for a store in {@code schema} of the test server: a small pool (the tests open
   * several stores at once on a server of 100 connections) and an AES-GCM codec.
   */
  public static JdbcStoreConfig.Builder config(String schema) {
    Server server = server();
    JdbcStoreConfig.Builder builder =
        JdbcStoreConfig.builder()
            .jdbcUrl(server.jdbcUrl())
            .schema(schema)
            .maximumPoolSize(4)
            .secretCodec(AesGcmSecretCodec.of(1, TEST_KEY));
    if (server.username() != null) {
      builder.username(server.username()).password(server.password());
    }
    return builder;
  }

  /** A schema name no other test or run uses. */
  public static String uniqueSchema(String prefix) {
    return (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
  }

  /** A plain connection to the test server, for checks behind the store's back. */
  public static Connection connect() throws SQLException {
    Server server = server();
    return server.username() == null
        ? DriverManager.getConnection(server.jdbcUrl())
        : DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
  }

  /** Drops {@code schema} and everything in it. */
  public static void dropSchema(String schema) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test schema " + schema, e);
    }
  }

  private static final class Holder {
    static final Server SERVER = start();

    private static Server start() {
      String url = System.getenv(ENV_URL);
      if (url != null && !url.isBlank()) {
        LOG.info("Test PostgreSQL: {} from {}", url, ENV_URL);
        return new Server(url, null, null, "env");
      }
      if (dockerAvailable()) {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-postgres"));
        LOG.info("Test PostgreSQL: Testcontainers {}", container.getJdbcUrl());
        return new Server(
            container.getJdbcUrl(),
            container.getUsername(),
            container.getPassword(),
            "testcontainers");
      }
      try {
        EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        embedded.close();
                      } catch (IOException e) {
                        LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
                      }
                    },
                    "stop-test-postgres"));
        String jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
        LOG.info("Test PostgreSQL: embedded {}", jdbcUrl);
        return new Server(jdbcUrl, null, null, "embedded");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
      }
    }

    /**
     * Asks Testcontainers, in a daemon thread, so a probe that hangs cannot hang the run; and only
     * where a Docker endpoint could be, since Testcontainers takes its time to give up.
     */
    private static boolean dockerAvailable() {
      if (!dockerEndpointConfigured()) {
        LOG.info("No Docker endpoint configured; not using Testcontainers");
        return false;
      }
      CompletableFuture<Boolean> probe = new CompletableFuture<>();
      Thread thread =
          new Thread(
              () -> {
                try {
                  probe.complete(DockerClientFactory.instance().isDockerAvailable());
                } catch (Throwable t) {
                  probe.complete(false);
                }
              },
              "docker-probe");
      thread.setDaemon(true);
      thread.start();
      try {
        return probe.get(DOCKER_PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        LOG.info("Docker probe gave no answer ({}); not using Testcontainers", e.toString());
        return false;
      }
    }

    /** Whether any place Testcontainers looks for Docker is set or exists. */
    private static boolean dockerEndpointConfigured() {
      if (System.getenv("DOCKER_HOST") != null
          || System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null) {
        return true;
      }
      String home = System.getProperty("user.home");
      String runtime = System.getenv("XDG_RUNTIME_DIR");
      return Stream.of(
              Path.of("/var/run/docker.sock"),
              Path.of(home, ".docker", "run", "docker.sock"),
              Path.of(home, ".docker", "desktop", "docker.sock"),
              Path.of(home, ".testcontainers.properties"),
              runtime == null ? null : Path.of(runtime, "docker.sock"))
          .anyMatch(path -> path != null && Files.exists(path));
    }
  }
}
