package dev.catalogstore.jdbc;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.jdbc.secret.SecretCodec;
import dev.catalogstore.jdbc.sql.SqlText;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * How a {@link JdbcCatalogStore} reaches PostgreSQL: immutable, validated when built.
 *
 * <pre>{@code
 * JdbcStoreConfig config = JdbcStoreConfig.builder()
 *     .jdbcUrl("jdbc:postgresql://db:5432/catalog")
 *     .username("catalog")
 *     .password(System.getenv("DB_PASSWORD"))
 *     .secretCodec(AesGcmSecretCodec.ofBase64(1, System.getenv("CATALOG_SECRET_KEY")))
 *     .build();
 * }</pre>
 *
 * <p>Give either a JDBC URL (the store then owns a HikariCP pool, configured with the timeouts
 * below, and closes it) or a {@link DataSource} (the store borrows connections from it, never
 * closes it, and the application configures its timeouts). A DataSource must provide up to {@code
 * maximumPoolSize} connections for calls, and two at once while the store migrates at open; the
 * store sets its borrowed connections to autocommit and names every table with its schema, so the
 * connections' commit mode and search path do not matter.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code jdbcUrl}</td><td>-</td><td>{@code jdbc:postgresql://...}; or {@code dataSource}
 *       </td></tr>
 *   <tr><td>{@code username}, {@code password}</td><td>none (the URL's or the driver's)</td>
 *       <td>only with {@code jdbcUrl}</td></tr>
 *   <tr><td>{@code dataSource}</td><td>-</td><td>connections from the application's pool</td></tr>
 *   <tr><td>{@code maximumPoolSize}</td><td>10</td><td>connections of the owned pool, and the
 *       number of store calls that run at once (also with a {@code dataSource})</td></tr>
 *   <tr><td>{@code maximumQueuedCalls}</td><td>10,000</td><td>calls waiting for a free connection;
 *       beyond that calls fail at once with {@code UnavailableException}</td></tr>
 *   <tr><td>{@code callExecutor}</td><td>the store's own threads</td><td>runs the calls; by default
 *       a pool of {@code maximumPoolSize} daemon threads, so I/O never runs on the caller's
 *       thread. An application may give its own (virtual threads on a newer JDK, say, or one that
 *       runs a call on the thread that makes it, for a caller that blocks anyway); the store never
 *       shuts it down, and {@code maximumPoolSize}, {@code maximumQueuedCalls} and the bounds
 *       below still hold</td></tr>
 *   <tr><td>{@code schema}</td><td>{@code catalogstore}</td><td>the PostgreSQL schema of the
 *       store's tables and of its Flyway history table {@code catalogstore_schema_history}
 *       </td></tr>
 *   <tr><td>{@code migrationMode}</td><td>{@link MigrationMode#MIGRATE}</td><td>migrate or only
 *       validate the schema on open</td></tr>
 *   <tr><td>{@code secretCodec}</td><td>none</td><td>seals warehouse and federated connector
 *       credentials at rest; without one, neither can have credentials</td></tr>
 *   <tr><td>{@code connectors}</td><td>{@link FederatedConnectors#NONE}</td><td>the connectors
 *       that {@code federation().sync} reads remote catalogs with, by connector type</td></tr>
 *   <tr><td>{@code clock}</td><td>{@link Clock#systemUTC()}</td><td>all timestamps</td></tr>
 *   <tr><td>{@code connectionTimeout}</td><td>10 s</td><td>owned pool only: the longest a call
 *       waits for a connection once its turn has come</td></tr>
 *   <tr><td>{@code queryTimeout}</td><td>30 s</td><td>owned pool only: the longest a statement
 *       runs (server-side {@code statement_timeout}); a connection whose server stays silent 5 s
 *       longer is deemed dead (driver {@code socketTimeout})</td></tr>
 *   <tr><td>{@code purgeBatchSize}</td><td>2,000</td><td>rows each statement of the background
 *       purge of deleted tenants and catalogs removes at most (see {@code tenants().delete})
 *       </td></tr>
 *   <tr><td>{@code purgeInterval}</td><td>10 s</td><td>how often the store looks for purge work
 *       it was not told about (another node's deletes, or work left by a stopped store)</td></tr>
 * </table>
 *
 * <p><b>Outages.</b> When the database cannot be reached, every call fails with {@code
 * UnavailableException}, however many calls are queued:
 *
 * <ul>
 *   <li>a call fails at most {@code connectionTimeout} after its turn came, if it gets no
 *       connection (at worst plus the check of a pooled connection that sat idle, at most 1 s);
 *       once an attempt to get a connection has failed, the store takes the database for down and
 *       calls fail at once, in their turn or when they are made, instead of each waiting out its
 *       own timeout (when a connection is refused, as by a stopped server, that is within about
 *       0.25 s of the first attempt);
 *   <li>a call whose statement was running when the database went away fails as soon as its
 *       connection breaks: at once when the server closes it, at most {@code queryTimeout + 5 s}
 *       after the server last answered when the network goes silent.
 * </ul>
 *
 * <p>A call's turn comes when calls ahead of it end, which during an outage is at once or within
 * the bounds above, so no call waits longer than {@code queryTimeout + 5 s + connectionTimeout}
 * (and, with connections refused, about {@code connectionTimeout}), however many are queued.
 *
 * <p>While the database is down, one call at a time, at most every 0.25 s, tries to get a
 * connection; the first that does reopens the store, so it serves again within about half a second
 * of the database accepting connections, without being recreated. With a {@code dataSource}, the
 * wait for a connection is the DataSource's own, and the store's bound is that wait for the first
 * calls, after which calls fail at once in the same way. Schema migrations at open run on separate,
 * unpooled connections without the statement timeout, since a migration may rightly take long.
 */
public final class JdbcStoreConfig {
  /** The default PostgreSQL schema. */
  public static final String DEFAULT_SCHEMA = "catalogstore";

  /** The default number of connections and concurrent calls. */
  public static final int DEFAULT_MAXIMUM_POOL_SIZE = 10;

  /** The default number of calls that may wait for a connection. */
  public static final int DEFAULT_MAXIMUM_QUEUED_CALLS = 10_000;

  /** The default longest wait for a connection. */
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);

  /** The default longest statement. */
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);

  /** The default {@link Builder#purgeBatchSize}. */
  public static final int DEFAULT_PURGE_BATCH_SIZE = 2_000;

  /** The default {@link Builder#purgeInterval}. */
  public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofSeconds(10);

  private final String jdbcUrl;
  private final String username;
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;]*");

  private final String password;
  private final DataSource dataSource;
  private final int maximumPoolSize;
  private final int maximumQueuedCalls;
  private final String schema;
  private final MigrationMode migrationMode;
  private final SecretCodec secretCodec;
  private final FederatedConnectors connectors;
  private final Clock clock;
  private final Duration connectionTimeout;
  private final Duration queryTimeout;
  private final Executor callExecutor;
  private final int purgeBatchSize;
  private final Duration purgeInterval;
  private final boolean purgePaused;

  private JdbcStoreConfig(Builder b) {
    this.jdbcUrl = b.jdbcUrl;
    this.username = b.username;
    this.password = b.password;
    this.dataSource = b.dataSource;
    this.maximumPoolSize = b.maximumPoolSize;
    this.maximumQueuedCalls = b.maximumQueuedCalls;
    this.schema = b.schema;
    this.migrationMode = b.migrationMode;
    this.secretCodec = b.secretCodec;
    this.connectors = b.connectors;
    this.clock = b.clock;
    this.connectionTimeout =
        b.connectionTimeout == null ? DEFAULT_CONNECTION_TIMEOUT : b.connectionTimeout;
    this.queryTimeout = b.queryTimeout == null ? DEFAULT_QUERY_TIMEOUT : b.queryTimeout;
    this.callExecutor = b.callExecutor;
    this.purgeBatchSize = b.purgeBatchSize;
    this.purgeInterval = b.purgeInterval;
    this.purgePaused = b.purgePaused;
  }

  /** Starts a configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /** The JDBC URL of a store that owns its pool; empty with a {@link #dataSource()}. */
  public Optional<String> jdbcUrl() {
    return Optional.ofNullable(jdbcUrl);
  }

  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** The application's DataSource; empty when the store owns its pool. */
  public Optional<DataSource> dataSource() {
    return Optional.ofNullable(dataSource);
  }

  public int maximumPoolSize() {
    return maximumPoolSize;
  }

  public int maximumQueuedCalls() {
    return maximumQueuedCalls;
  }

  public String schema() {
    return schema;
  }

  public MigrationMode migrationMode() {
    return migrationMode;
  }

  /** The codec for warehouse and connector credentials; empty if none is configured. */
  public Optional<SecretCodec> secretCodec() {
    return Optional.ofNullable(secretCodec);
  }

  /** The connectors of federated catalogs, by connector type. */
  public FederatedConnectors connectors() {
    return connectors;
  }

  public Clock clock() {
    return clock;
  }

  public Duration connectionTimeout() {
    return connectionTimeout;
  }

  public Duration queryTimeout() {
    return queryTimeout;
  }

  /** The application's executor for calls; empty when the store runs them on its own threads. */
  public Optional<Executor> callExecutor() {
    return Optional.ofNullable(callExecutor);
  }

  public int purgeBatchSize() {
    return purgeBatchSize;
  }

  public Duration purgeInterval() {
    return purgeInterval;
  }

  /** Tests only: whether the store's purger never runs (see {@link Builder#pausePurgeForTests}). */
  boolean purgePaused() {
    return purgePaused;
  }

  /**
   * {@code url} with the values of its {@code password} and {@code sslpassword} parameters hidden,
   * for logs and messages.
   */
  static String redacted(String url) {
    return URL_PASSWORD.matcher(url).replaceAll("$1<redacted>");
  }

  /** The settings, without the password (also one given inside the JDBC URL). */
  @Override
  public String toString() {
    return "JdbcStoreConfig["
        + (jdbcUrl != null
            ? "jdbcUrl="
                + redacted(jdbcUrl)
                + ", username="
                + username
                + ", password="
                + (password == null ? "none" : "<redacted>")
                + ", connectionTimeout="
                + connectionTimeout
                + ", queryTimeout="
                + queryTimeout
            : "dataSource=" + dataSource.getClass().getName())
        + ", maximumPoolSize="
        + maximumPoolSize
        + ", maximumQueuedCalls="
        + maximumQueuedCalls
        + ", callExecutor="
        + (callExecutor == null ? "own threads" : callExecutor.getClass().getName())
        + ", schema="
        + schema
        + ", migrationMode="
        + migrationMode
        + ", secretCodec="
        + (secretCodec == null ? "none" : secretCodec.describe())
        + ", connectors="
        + connectors
        + ", clock="
        + clock
        + ", purgeBatchSize="
        + purgeBatchSize
        + ", purgeInterval="
        + purgeInterval
        + (purgePaused ? ", purge PAUSED (tests only)" : "")
        + "]";
  }

  /**
   * Builds a {@link JdbcStoreConfig}. Setters accept anything; {@link #build()} checks the whole
   * and fails with {@link InvalidArgumentException} whose {@code field()} names the setting.
   */
  public static final class Builder {
    private String jdbcUrl;
    private String username;
    private String password;
    private DataSource dataSource;
    private int maximumPoolSize = DEFAULT_MAXIMUM_POOL_SIZE;
    private int maximumQueuedCalls = DEFAULT_MAXIMUM_QUEUED_CALLS;
    private String schema = DEFAULT_SCHEMA;
    private MigrationMode migrationMode = MigrationMode.MIGRATE;
    private SecretCodec secretCodec;
    private FederatedConnectors connectors = FederatedConnectors.NONE;
    private Clock clock = Clock.systemUTC();
    private Duration connectionTimeout;
    private Duration queryTimeout;
    private Executor callExecutor;
    private int purgeBatchSize = DEFAULT_PURGE_BATCH_SIZE;
    private Duration purgeInterval = DEFAULT_PURGE_INTERVAL;
    private boolean purgePaused;

    private Builder() {}

    /** A {@code jdbc:postgresql:} URL; the store then owns a HikariCP pool. */
    public Builder jdbcUrl(String jdbcUrl) {
      this.jdbcUrl = jdbcUrl;
      return this;
    }

    /** The database user, with {@link #jdbcUrl}. */
    public Builder username(String username) {
      this.username = username;
      return this;
    }

    /** The database password, with {@link #jdbcUrl}. */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /** The application's DataSource, instead of a {@link #jdbcUrl}; the store never closes it. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    /** Connections of the owned pool and calls running at once; at least 1. Default 10. */
    public Builder maximumPoolSize(int maximumPoolSize) {
      this.maximumPoolSize = maximumPoolSize;
      return this;
    }

    /** Calls that may wait for a connection; at least 1. Default 10,000. */
    public Builder maximumQueuedCalls(int maximumQueuedCalls) {
      this.maximumQueuedCalls = maximumQueuedCalls;
      return this;
    }

    /**
     * The PostgreSQL schema: lower-case letters, digits and {@code _}, not starting with a digit,
     * at most 63 characters. Default {@code catalogstore}.
     */
    public Builder schema(String schema) {
      this.schema = schema;
      return this;
    }

    /** Whether opening migrates the schema or only validates it. Default {@code MIGRATE}. */
    public Builder migrationMode(MigrationMode migrationMode) {
      this.migrationMode = migrationMode;
      return this;
    }

    /**
     * Seals warehouse and connector credentials at rest. Default none: neither can have
     * credentials.
     */
    public Builder secretCodec(SecretCodec secretCodec) {
      this.secretCodec = secretCodec;
      return this;
    }

    /**
     * The connectors {@code federation().sync} reads remote catalogs with. Default {@link
     * FederatedConnectors#NONE}: every sync fails as unconfigured.
     */
    public Builder connectors(FederatedConnectors connectors) {
      this.connectors = connectors;
      return this;
    }

    /** The clock of every timestamp. Default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Owned pool only: the longest a call waits for its connection once its turn has come; 1 s or
     * more. Default 10 s.
     */
    public Builder connectionTimeout(Duration connectionTimeout) {
      this.connectionTimeout = connectionTimeout;
      return this;
    }

    /** Owned pool only: longest statement or wait for an answer; 1 s to 1 day. Default 30 s. */
    public Builder queryTimeout(Duration queryTimeout) {
      this.queryTimeout = queryTimeout;
      return this;
    }

    /**
     * The executor that runs the store's calls (their validation, JDBC work and the completion of
     * their futures); null (the default) for the store's own pool of {@code maximumPoolSize} daemon
     * threads, which never runs I/O on a caller's thread. An application's executor may run calls
     * anywhere it likes, virtual threads ({@code Executors.newVirtualThreadPerTaskExecutor()} on
     * JDK 21) or the calling thread itself included; the store still lets at most {@code
     * maximumPoolSize} calls run at once (the others wait on the executor's threads for their
     * turn), refuses calls beyond {@code maximumQueuedCalls} waiting ones, and keeps the outage
     * bounds of the class description. The store never shuts the executor down; at close it waits
     * for the calls it has given it.
     */
    public Builder callExecutor(Executor callExecutor) {
      this.callExecutor = callExecutor;
      return this;
    }

    /**
     * Rows each statement of the background purge removes at most; 1 to 100,000. Default 2,000: a
     * batch then takes milliseconds, far below any sensible {@link #queryTimeout}.
     */
    public Builder purgeBatchSize(int purgeBatchSize) {
      this.purgeBatchSize = purgeBatchSize;
      return this;
    }

    /**
     * How often the purger looks for work it was not told about: deletes made through another store
     * on the same database, or left unfinished by a store that stopped. Deletes made through this
     * store start their purge at once. 100 ms to 1 day. Default 10 s.
     */
    public Builder purgeInterval(Duration purgeInterval) {
      this.purgeInterval = purgeInterval;
      return this;
    }

    /**
     * <b>Tests only</b> (package-private, not part of the API): the store never purges, so every
     * deleted tenant and catalog stays a tombstone; a test then shows that a tombstone alone hides
     * all a delete removes.
     */
    Builder pausePurgeForTests() {
      this.purgePaused = true;
      return this;
    }

    /** Checks the settings and returns the configuration. */
    public JdbcStoreConfig build() {
      if (jdbcUrl == null && dataSource == null) {
        throw new InvalidArgumentException("jdbcUrl", "set a jdbcUrl or a dataSource");
      }
      if (jdbcUrl != null && dataSource != null) {
        throw new InvalidArgumentException(
            "dataSource", "set either a jdbcUrl or a dataSource, not both");
      }
      if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
        throw new InvalidArgumentException("jdbcUrl", "must start with jdbc:postgresql:");
      }
      if (dataSource != null) {
        onlyWithJdbcUrl(username, "username");
        onlyWithJdbcUrl(password, "password");
        onlyWithJdbcUrl(connectionTimeout, "connectionTimeout");
        onlyWithJdbcUrl(queryTimeout, "queryTimeout");
      }
      if (maximumPoolSize < 1) {
        throw new InvalidArgumentException(
            "maximumPoolSize", "must be at least 1, not " + maximumPoolSize);
      }
      if (maximumQueuedCalls < 1) {
        throw new InvalidArgumentException(
            "maximumQueuedCalls", "must be at least 1, not " + maximumQueuedCalls);
      }
      if (schema == null || !SqlText.SCHEMA_NAME.matcher(schema).matches()) {
        throw new InvalidArgumentException(
            "schema",
            "must be 1 to 63 lower-case letters, digits or '_', not starting with a digit, not "
                + (schema == null ? "null" : "'" + schema + "'"));
      }
      if (migrationMode == null) {
        throw new InvalidArgumentException("migrationMode", "is required");
      }
      if (clock == null) {
        throw new InvalidArgumentException("clock", "is required");
      }
      if (connectors == null) {
        throw new InvalidArgumentException("connectors", "is required");
      }
      atLeast(connectionTimeout, Duration.ofSeconds(1), "connectionTimeout");
      atLeast(queryTimeout, Duration.ofSeconds(1), "queryTimeout");
      if (queryTimeout != null && queryTimeout.compareTo(Duration.ofDays(1)) > 0) {
        throw new InvalidArgumentException(
            "queryTimeout", "must be at most a day, not " + queryTimeout);
      }
      if (purgeBatchSize < 1 || purgeBatchSize > 100_000) {
        throw new InvalidArgumentException(
            "purgeBatchSize", "must be 1 to 100,000, not " + purgeBatchSize);
      }
      if (purgeInterval == null) {
        throw new InvalidArgumentException("purgeInterval", "is required");
      }
      atLeast(purgeInterval, Duration.ofMillis(100), "purgeInterval");
      if (purgeInterval.compareTo(Duration.ofDays(1)) > 0) {
        throw new InvalidArgumentException(
            "purgeInterval", "must be at most a day, not " + purgeInterval);
      }
      return new JdbcStoreConfig(this);
    }

    private static void onlyWithJdbcUrl(Object value, String field) {
      if (value != null) {
        throw new InvalidArgumentException(
            field, "applies only with a jdbcUrl; configure the DataSource itself instead");
      }
    }

    private static void atLeast(Duration value, Duration minimum, String field) {
      if (value != null && value.compareTo(minimum) < 0) {
        throw new InvalidArgumentException(field, "must be at least " + minimum + ", not " + value);
      }
    }
  }
}
