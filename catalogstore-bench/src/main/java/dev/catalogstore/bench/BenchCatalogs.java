package dev.catalogstore.bench;

import dev.catalogstore.iceberg.CatalogStoreCatalog;
import dev.catalogstore.iceberg.StoreCatalogConfig;
import dev.catalogstore.jdbc.JdbcStoreConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * The two Iceberg catalogs {@link IcebergCatalogBenchmark} compares, opened on the same database
 * with the same settings: the adapter over a PostgreSQL store, and Iceberg's own {@link
 * JdbcCatalog}. Both keep metadata files in Iceberg's {@code InMemoryFileIO}, so file I/O costs the
 * same and what differs is the catalog's own work, and both pool {@link #POOL_SIZE} connections.
 */
enum BenchCatalogs {
  /** {@link CatalogStoreCatalog} with {@code catalogstore.backend=jdbc}. */
  ADAPTER {
    @Override
    Catalog open(String url, int poolSize) {
      CatalogStoreCatalog catalog = new CatalogStoreCatalog();
      catalog.initialize(
          NAME,
          Map.of(
              StoreCatalogConfig.BACKEND,
              "jdbc",
              StoreCatalogConfig.JDBC_URL,
              url,
              StoreCatalogConfig.JDBC_POOL_SIZE,
              Integer.toString(poolSize),
              StoreCatalogConfig.CREATE_MISSING,
              "true",
              CatalogProperties.FILE_IO_IMPL,
              IN_MEMORY_FILE_IO,
              CatalogProperties.WAREHOUSE_LOCATION,
              WAREHOUSE));
      return catalog;
    }

    @Override
    String deleteScratchChildrenSql() {
      // The store's default schema; namespaces are referenced only by assets, and these hold none.
      return "DELETE FROM "
          + JdbcStoreConfig.DEFAULT_SCHEMA
          + ".namespaces WHERE cardinality(path) = 2 AND path[1] = '"
          + SCRATCH
          + "'";
    }
  },

  /** Iceberg's {@link JdbcCatalog}, schema version V1 (tables and views). */
  JDBC {
    @Override
    Catalog open(String url, int poolSize) {
      JdbcCatalog catalog = new JdbcCatalog();
      catalog.initialize(
          NAME,
          Map.of(
              CatalogProperties.URI,
              url,
              "jdbc.schema-version",
              "V1",
              CatalogProperties.CLIENT_POOL_SIZE,
              Integer.toString(poolSize),
              CatalogProperties.FILE_IO_IMPL,
              IN_MEMORY_FILE_IO,
              CatalogProperties.WAREHOUSE_LOCATION,
              WAREHOUSE));
      return catalog;
    }

    @Override
    String deleteScratchChildrenSql() {
      return "DELETE FROM iceberg_namespace_properties WHERE catalog_name = '"
          + NAME
          + "' AND namespace LIKE '"
          + SCRATCH
          + ".%'";
    }
  };

  /** The Iceberg catalog's name, and so the store catalog's and the JdbcCatalog's catalog_name. */
  static final String NAME = "bench";

  /** Connections each catalog pools: equal, since pool size bounds what each can do at once. */
  static final int POOL_SIZE = 2;

  /**
   * The namespace under which {@code createNamespace} creates its namespaces, apart from the filled
   * ones so that they do not change what the other calls read.
   */
  static final String SCRATCH = "scratch";

  private static final String IN_MEMORY_FILE_IO = "org.apache.iceberg.inmemory.InMemoryFileIO";

  /** Any location serves: InMemoryFileIO keeps files by name; the store wants a known scheme. */
  private static final String WAREHOUSE = "file:///catalogstore-bench/warehouse";

  /** The catalog for a benchmark's {@code catalog} parameter ({@code adapter} or {@code jdbc}). */
  static BenchCatalogs forParameter(String catalog) {
    return valueOf(catalog.toUpperCase(Locale.ROOT));
  }

  /** Opens this catalog on the database at {@code url}, as measured; the caller closes it. */
  Catalog open(String url) {
    return open(url, POOL_SIZE);
  }

  /** Opens this catalog with {@code poolSize} connections; the caller closes it. */
  abstract Catalog open(String url, int poolSize);

  abstract String deleteScratchChildrenSql();

  /**
   * Deletes the namespaces {@code createNamespace} made below {@link #SCRATCH}, by SQL: dropping
   * tens of thousands through the catalog would take longer than the benchmark. Left in place they
   * would grow the tables that the next benchmarks list and scan.
   */
  void deleteScratchChildren(String url) {
    try (Connection c = DriverManager.getConnection(url);
        Statement delete = c.createStatement()) {
      delete.executeUpdate(deleteScratchChildrenSql());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete the scratch namespaces of " + this, e);
    }
  }
}
