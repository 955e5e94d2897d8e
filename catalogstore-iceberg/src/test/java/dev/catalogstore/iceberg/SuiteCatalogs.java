package dev.catalogstore.iceberg;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.iceberg.io.LocalFileIO;
import dev.catalogstore.jdbc.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.CatalogProperties;

/**
 * Adapter catalogs for Iceberg's suites: each test gets a store catalog of its own (a fresh name),
 * so tests never see each other's tables, as Iceberg's suites expect of {@code catalog()} and
 * {@code initCatalog}.
 */
final class SuiteCatalogs {
  /**
   * The local directory under which each suite catalog gets a warehouse of its own: files are real
   * local files ({@link LocalFileIO}), as some of Iceberg's tests move them behind the catalog's
   * back. Removed when the test JVM exits.
   */
  private static final Path WAREHOUSES = temporaryDirectory();

  private SuiteCatalogs() {}

  /**
   * Where a suite test asks for a table of its own location: in this run's temporary directory,
   * instead of the suites' default under {@code /tmp}, so a run leaves no files behind.
   */
  static String requestedTableLocation(String identifier) {
    return "file:" + WAREHOUSES.resolve("requested").toAbsolutePath() + "/" + identifier;
  }

  private static Path temporaryDirectory() {
    try {
      Path directory = Files.createTempDirectory("catalogstore-iceberg-suites");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> new LocalFileIO().deletePrefix(directory.toString()),
                  "remove-suite-warehouses"));
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The properties every suite catalog has, plus {@code extra}; a fresh store catalog name. */
  static Map<String, String> properties(Map<String, String> extra) {
    Map<String, String> properties = new HashMap<>();
    String catalog = extra.getOrDefault(StoreCatalogConfig.CATALOG, "suite-" + UUID.randomUUID());
    properties.put(CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName());
    properties.put(
        CatalogProperties.WAREHOUSE_LOCATION,
        "file:" + WAREHOUSES.resolve(catalog).toAbsolutePath());
    properties.put(StoreCatalogConfig.TENANT, "iceberg-suites");
    properties.put(StoreCatalogConfig.CATALOG, catalog);
    // The catalog-level table and view defaults and overrides that the suites assert a created
    // table or view carries, as Iceberg's own catalogs configure them for these suites.
    properties.put(CatalogProperties.TABLE_DEFAULT_PREFIX + "default-key1", "catalog-default-key1");
    properties.put(CatalogProperties.TABLE_DEFAULT_PREFIX + "default-key2", "catalog-default-key2");
    properties.put(
        CatalogProperties.TABLE_DEFAULT_PREFIX + "override-key3", "catalog-default-key3");
    properties.put(
        CatalogProperties.TABLE_OVERRIDE_PREFIX + "override-key3", "catalog-override-key3");
    properties.put(
        CatalogProperties.TABLE_OVERRIDE_PREFIX + "override-key4", "catalog-override-key4");
    properties.put(CatalogProperties.VIEW_DEFAULT_PREFIX + "key1", "catalog-default-key1");
    properties.put(CatalogProperties.VIEW_DEFAULT_PREFIX + "key2", "catalog-default-key2");
    properties.put(CatalogProperties.VIEW_DEFAULT_PREFIX + "key3", "catalog-default-key3");
    properties.put(CatalogProperties.VIEW_OVERRIDE_PREFIX + "key3", "catalog-override-key3");
    properties.put(CatalogProperties.VIEW_OVERRIDE_PREFIX + "key4", "catalog-override-key4");
    properties.putAll(extra);
    return properties;
  }

  /** An adapter over {@code store}, which the caller keeps. */
  static CatalogStoreCatalog over(CatalogStore store, String name, Map<String, String> extra) {
    CatalogStoreCatalog catalog = new CatalogStoreCatalog(store);
    catalog.initialize(name, properties(extra));
    return catalog;
  }

  /**
   * The properties of an adapter that opens its own PostgreSQL store in {@code schema}, as an
   * engine loads it: through its properties only.
   */
  static Map<String, String> jdbcProperties(String schema) {
    TestPostgres.Server server = TestPostgres.server();
    Map<String, String> properties = new HashMap<>();
    properties.put(StoreCatalogConfig.BACKEND, "jdbc");
    // Each test starts on an empty schema; on PostgreSQL the adapter creates nothing unasked.
    properties.put(StoreCatalogConfig.CREATE_MISSING, "true");
    properties.put(StoreCatalogConfig.JDBC_URL, server.jdbcUrl());
    properties.put(StoreCatalogConfig.JDBC_SCHEMA, schema);
    properties.put(StoreCatalogConfig.JDBC_POOL_SIZE, "4");
    if (server.username() != null) {
      properties.put(StoreCatalogConfig.JDBC_USER, server.username());
      properties.put(StoreCatalogConfig.JDBC_PASSWORD, server.password());
    }
    return properties;
  }

  /** An adapter loading its own PostgreSQL store from properties. */
  static CatalogStoreCatalog onPostgres(String schema, String name, Map<String, String> extra) {
    Map<String, String> properties = new HashMap<>(jdbcProperties(schema));
    properties.putAll(extra);
    CatalogStoreCatalog catalog = new CatalogStoreCatalog();
    catalog.initialize(name, properties(properties));
    return catalog;
  }
}
