package dev.catalogstore.iceberg;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.jdbc.JdbcStoreConfig;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.util.LocationUtil;

/**
 * The catalog properties {@link CatalogStoreCatalog} reads, parsed and checked once at {@code
 * initialize}. A bad value fails with an {@link IllegalArgumentException} naming the property.
 *
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>property</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code catalogstore.backend}</td><td>{@code memory} (a store living as long as the
 *       catalog) or {@code jdbc} (PostgreSQL)</td><td>{@code jdbc} when a JDBC URL is given, else
 *       {@code memory}</td></tr>
 *   <tr><td>{@code catalogstore.jdbc.url}</td><td>the PostgreSQL JDBC URL (falls back to
 *       Iceberg's {@code uri} when that is a {@code jdbc:} URL)</td><td>required for {@code
 *       jdbc}</td></tr>
 *   <tr><td>{@code catalogstore.jdbc.user}, {@code catalogstore.jdbc.password}</td><td>database
 *       credentials (fall back to Iceberg's {@code jdbc.user}, {@code jdbc.password})</td><td>from
 *       the URL</td></tr>
 *   <tr><td>{@code catalogstore.jdbc.pool-size}</td><td>maximum connections</td><td>10</td></tr>
 *   <tr><td>{@code catalogstore.jdbc.schema}</td><td>the database schema of the store's
 *       tables</td><td>{@code catalogstore}</td></tr>
 *   <tr><td>{@code catalogstore.tenant}</td><td>the tenant, by name or id</td><td>{@code
 *       default}</td></tr>
 *   <tr><td>{@code catalogstore.catalog}</td><td>the store catalog this Iceberg catalog
 *       shows</td><td>the Iceberg catalog's name</td></tr>
 *   <tr><td>{@code catalogstore.branch}</td><td>the branch tables and views are read from and
 *       committed to</td><td>{@code main}</td></tr>
 *   <tr><td>{@code catalogstore.create-missing}</td><td>create the tenant, a warehouse and the
 *       catalog if they do not exist</td><td>{@code false} for {@code jdbc}, where a mistyped
 *       name must not quietly start a new catalog in a shared database; {@code true} for {@code
 *       memory}, which starts empty</td></tr>
 *   <tr><td>{@code warehouse}</td><td>the root location of new tables and views, and of the
 *       store warehouse created for a missing catalog</td><td>the store catalog's warehouse root
 *       followed by the catalog's name</td></tr>
 *   <tr><td>{@code catalogstore.unavailable-retries}, {@code
 *       catalogstore.unavailable-retry-wait-ms}</td><td>how often a commit the store refused as
 *       unavailable is sent again, and the first pause (doubled each time), before the commit's
 *       outcome is reported unknown</td><td>3, 100</td></tr>
 *   <tr><td>{@code unique-table-location}</td><td>Iceberg's: a random suffix on each new table's
 *       and view's default location</td><td>{@code false}</td></tr>
 *   <tr><td>{@code io-impl}</td><td>the {@code FileIO} class writing metadata and deleting
 *       purged files</td><td>{@code org.apache.iceberg.hadoop.HadoopFileIO}</td></tr>
 * </table>
 */
public record StoreCatalogConfig(
    Backend backend,
    Optional<String> jdbcUrl,
    Optional<String> jdbcUser,
    Optional<String> jdbcPassword,
    int jdbcPoolSize,
    String jdbcSchema,
    String tenant,
    String catalog,
    String branch,
    boolean createMissing,
    Optional<String> warehouseLocation,
    int unavailableRetries,
    long unavailableRetryWaitMillis,
    boolean uniqueTableLocation) {

  /** The property naming the backend: {@code memory} or {@code jdbc}. */
  public static final String BACKEND = "catalogstore.backend";

  /** The property holding the PostgreSQL JDBC URL of the {@code jdbc} backend. */
  public static final String JDBC_URL = "catalogstore.jdbc.url";

  /** The property holding the database user of the {@code jdbc} backend. */
  public static final String JDBC_USER = "catalogstore.jdbc.user";

  /** The property holding the database password of the {@code jdbc} backend. */
  public static final String JDBC_PASSWORD = "catalogstore.jdbc.password";

  /** The property holding the most connections of the {@code jdbc} backend's pool. */
  public static final String JDBC_POOL_SIZE = "catalogstore.jdbc.pool-size";

  /** The property naming the database schema of the {@code jdbc} backend's tables. */
  public static final String JDBC_SCHEMA = "catalogstore.jdbc.schema";

  /** The property naming the tenant, by name or id. */
  public static final String TENANT = "catalogstore.tenant";

  /** The property naming the store catalog this Iceberg catalog shows. */
  public static final String CATALOG = "catalogstore.catalog";

  /** The property naming the branch tables and views are read from and committed to. */
  public static final String BRANCH = "catalogstore.branch";

  /** The property saying whether a missing tenant, warehouse and catalog are created. */
  public static final String CREATE_MISSING = "catalogstore.create-missing";

  /** Iceberg's {@code JdbcCatalog} names for the credentials, read when ours are not set. */
  static final String ICEBERG_JDBC_USER = "jdbc.user";

  static final String ICEBERG_JDBC_PASSWORD = "jdbc.password";

  /** The property giving how often a commit refused as unavailable is sent again. */
  public static final String UNAVAILABLE_RETRIES = "catalogstore.unavailable-retries";

  /** The property giving the first pause, in milliseconds, before such a commit is sent again. */
  public static final String UNAVAILABLE_RETRY_WAIT_MS = "catalogstore.unavailable-retry-wait-ms";

  /**
   * Iceberg's catalog property (from 1.11 on) giving every new table and view a location of its
   * own: the default location ends in the name and a random suffix, so a table created after a
   * rename never shares a directory with the renamed one.
   */
  public static final String UNIQUE_TABLE_LOCATION = "unique-table-location";

  /** The tenant used when {@link #TENANT} is not set. */
  public static final String DEFAULT_TENANT = "default";

  /** Where the store lives. */
  public enum Backend {
    /** An in-memory store owned by the catalog: gone when the catalog is closed. */
    MEMORY,
    /** A PostgreSQL store, shared by every catalog pointed at the same database and schema. */
    JDBC
  }

  /**
   * Parses {@code properties} of the Iceberg catalog named {@code catalogName}.
   *
   * @param catalogName the Iceberg catalog's name, the store catalog's unless {@link #CATALOG} is
   *     set
   * @param properties the Iceberg catalog's properties, as an engine passes them to {@code
   *     initialize}
   * @return the settings, with the defaults of the table above for what is not set
   */
  public static StoreCatalogConfig parse(String catalogName, Map<String, String> properties) {
    Optional<String> url =
        nonBlank(properties, JDBC_URL)
            .or(
                () ->
                    nonBlank(properties, CatalogProperties.URI)
                        .filter(uri -> uri.startsWith("jdbc:")));
    // A catalog given a database URL but no backend means that database, not a private memory
    // store that would vanish with its tables at shutdown.
    Backend backend =
        backend(properties.getOrDefault(BACKEND, url.isPresent() ? "jdbc" : "memory"));
    if (backend == Backend.JDBC && url.isEmpty()) {
      throw new IllegalArgumentException(
          "Property " + JDBC_URL + " (or a jdbc: uri) is required when " + BACKEND + " is jdbc");
    }
    return new StoreCatalogConfig(
        backend,
        url,
        nonBlank(properties, JDBC_USER).or(() -> nonBlank(properties, ICEBERG_JDBC_USER)),
        Optional.ofNullable(properties.get(JDBC_PASSWORD))
            .or(() -> Optional.ofNullable(properties.get(ICEBERG_JDBC_PASSWORD))),
        positiveInt(properties, JDBC_POOL_SIZE, JdbcStoreConfig.DEFAULT_MAXIMUM_POOL_SIZE),
        nonBlank(properties, JDBC_SCHEMA).orElse(JdbcStoreConfig.DEFAULT_SCHEMA),
        nonBlank(properties, TENANT).orElse(DEFAULT_TENANT),
        nonBlank(properties, CATALOG).orElseGet(() -> requireName(catalogName)),
        nonBlank(properties, BRANCH).orElse(BranchRef.MAIN),
        bool(properties, CREATE_MISSING, backend == Backend.MEMORY),
        nonBlank(properties, CatalogProperties.WAREHOUSE_LOCATION)
            .map(LocationUtil::stripTrailingSlash),
        nonNegativeInt(properties, UNAVAILABLE_RETRIES, 3),
        nonNegativeInt(properties, UNAVAILABLE_RETRY_WAIT_MS, 100),
        bool(properties, UNIQUE_TABLE_LOCATION, false));
  }

  /** The store's JDBC configuration; only for {@link Backend#JDBC}. */
  JdbcStoreConfig jdbcStoreConfig() {
    JdbcStoreConfig.Builder builder =
        JdbcStoreConfig.builder()
            .jdbcUrl(jdbcUrl.orElseThrow())
            .maximumPoolSize(jdbcPoolSize)
            .schema(jdbcSchema);
    jdbcUser.ifPresent(builder::username);
    jdbcPassword.ifPresent(builder::password);
    return builder.build();
  }

  @Override
  public String toString() {
    // Never print the password.
    return "StoreCatalogConfig[backend="
        + backend
        + ", jdbcUrl="
        + jdbcUrl.map(StoreCatalogConfig::redact).orElse("-")
        + ", schema="
        + jdbcSchema
        + ", tenant="
        + tenant
        + ", catalog="
        + catalog
        + ", branch="
        + branch
        + "]";
  }

  /**
   * The JDBC URL without secrets, for logs: PostgreSQL's driver takes a password as a URL parameter
   * ({@code ?user=u&password=p}), and other URLs may carry one as {@code user:password@}.
   */
  static String redact(String jdbcUrl) {
    return jdbcUrl
        .replaceAll("(?i)([?&;][^=&;]*password=)[^&;]*", "$1***")
        .replaceAll("(//[^/@:?]*:)[^/@?]*@", "$1***@");
  }

  private static Backend backend(String value) {
    try {
      return Backend.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Property " + BACKEND + " must be memory or jdbc, not '" + value + "'", e);
    }
  }

  private static String requireName(String catalogName) {
    if (catalogName == null || catalogName.isBlank()) {
      throw new IllegalArgumentException(
          "The catalog needs a name, or property " + CATALOG + " naming the store catalog");
    }
    return catalogName;
  }

  private static Optional<String> nonBlank(Map<String, String> properties, String key) {
    String value = properties.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static int positiveInt(Map<String, String> properties, String key, int fallback) {
    return boundedInt(properties, key, fallback, 1, "a positive integer");
  }

  private static int nonNegativeInt(Map<String, String> properties, String key, int fallback) {
    return boundedInt(properties, key, fallback, 0, "a non-negative integer");
  }

  private static int boundedInt(
      Map<String, String> properties, String key, int fallback, int minimum, String expected) {
    Optional<String> value = nonBlank(properties, key);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed >= minimum) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "Property " + key + " must be " + expected + ", not '" + value.get() + "'");
  }

  private static boolean bool(Map<String, String> properties, String key, boolean fallback) {
    Optional<String> value = nonBlank(properties, key);
    if (value.isEmpty()) {
      return fallback;
    }
    return switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "Property " + key + " must be true or false, not '" + value.get() + "'");
    };
  }
}
