package dev.catalogstore.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.iceberg.io.LocalFileIO;
import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.TestPostgres;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Several Iceberg catalogs showing one store catalog, as several engine nodes run them, plus a
 * direct view of the store for checks behind the catalogs' back.
 *
 * <ul>
 *   <li>{@link Backend#MEMORY}: every node is {@code new CatalogStoreCatalog(store)} over one
 *       shared in-memory store, as a service embedding the adapter would do;
 *   <li>{@link Backend#JDBC}: every node is a no-arg catalog configured only by properties, as an
 *       engine loads it through {@code catalog-impl}, each opening its own pool on one PostgreSQL
 *       schema of its own, dropped on {@link #close()}.
 * </ul>
 *
 * Every node writes with {@link LocalFileIO} under the given warehouse, and lets the catalog create
 * the tenant, the warehouse and the catalog on first start ({@code catalogstore.create-missing}).
 */
final class EngineNodes implements AutoCloseable {
  /** The Iceberg catalog's name, which is also the store catalog's. */
  static final String CATALOG = "lake";

  static final String TENANT = "real-use";

  /** Which store the nodes share. */
  enum Backend {
    MEMORY,
    JDBC
  }

  private final List<CatalogStoreCatalog> nodes;
  private final CatalogStore store;
  private final Runnable cleanUp;

  private EngineNodes(List<CatalogStoreCatalog> nodes, CatalogStore store, Runnable cleanUp) {
    this.nodes = nodes;
    this.store = store;
    this.cleanUp = cleanUp;
  }

  /** Starts {@code count} nodes on {@code backend}, one after the other. */
  static EngineNodes start(Backend backend, Path warehouse, int count) {
    Map<String, String> properties = new HashMap<>();
    properties.put(CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName());
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse.toString());
    properties.put(StoreCatalogConfig.TENANT, TENANT);
    return switch (backend) {
      case MEMORY -> onMemory(properties, count);
      case JDBC -> onPostgres(properties, count);
    };
  }

  private static EngineNodes onMemory(Map<String, String> properties, int count) {
    InMemoryCatalogStore store = new InMemoryCatalogStore();
    List<CatalogStoreCatalog> nodes = open(count, () -> new CatalogStoreCatalog(store), properties);
    return new EngineNodes(nodes, store, () -> {});
  }

  private static EngineNodes onPostgres(Map<String, String> properties, int count) {
    TestPostgres.Server server = TestPostgres.server();
    String schema = TestPostgres.uniqueSchema("realuse");
    properties.put(StoreCatalogConfig.BACKEND, "jdbc");
    // Each test starts on an empty schema; on PostgreSQL the adapter creates nothing unasked.
    properties.put(StoreCatalogConfig.CREATE_MISSING, "true");
    properties.put(StoreCatalogConfig.JDBC_URL, server.jdbcUrl());
    if (server.username() != null) {
      properties.put(StoreCatalogConfig.JDBC_USER, server.username());
      properties.put(StoreCatalogConfig.JDBC_PASSWORD, server.password());
    }
    properties.put(StoreCatalogConfig.JDBC_SCHEMA, schema);
    // Several pools share the test server's 100 connections with the other test classes.
    properties.put(StoreCatalogConfig.JDBC_POOL_SIZE, "2");
    try {
      List<CatalogStoreCatalog> nodes = open(count, CatalogStoreCatalog::new, properties);
      CatalogStore store = JdbcCatalogStore.open(TestPostgres.config(schema).build());
      return new EngineNodes(nodes, store, () -> TestPostgres.dropSchema(schema));
    } catch (RuntimeException e) {
      TestPostgres.dropSchema(schema);
      throw e;
    }
  }

  private static List<CatalogStoreCatalog> open(
      int count, Supplier<CatalogStoreCatalog> create, Map<String, String> properties) {
    List<CatalogStoreCatalog> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      CatalogStoreCatalog node = create.get();
      node.initialize(CATALOG, properties);
      nodes.add(node);
    }
    return List.copyOf(nodes);
  }

  CatalogStoreCatalog node(int index) {
    return nodes.get(index);
  }

  int size() {
    return nodes.size();
  }

  /**
   * The store's metadata history of a table, newest first, read past the catalogs. Asserts that the
   * nodes created exactly one tenant between them.
   */
  List<MetadataLocation> history(TableIdentifier table) {
    TenantId tenant = tenant();
    // Addressed through the public API, not the adapter's mapping, so that a wrong mapping shows.
    AssetRef asset =
        AssetRef.onMain(NamespaceRef.of(CATALOG, table.namespace().levels()), table.name());
    List<MetadataLocation> entries = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(PageRequest.MAX_LIMIT);
    while (true) {
      Page<MetadataLocation> page = store.assets().history(tenant, asset, request).join();
      entries.addAll(page.items());
      Optional<PageRequest> next = page.nextPage(PageRequest.MAX_LIMIT);
      if (next.isEmpty()) {
        return entries;
      }
      request = next.get();
    }
  }

  private TenantId tenant() {
    List<Tenant> tenants =
        store.tenants().list(PageRequest.firstPage(PageRequest.MAX_LIMIT)).join().items();
    assertThat(tenants).extracting(Tenant::name).containsExactly(TENANT);
    return tenants.get(0).id();
  }

  /** Closes every node (each JDBC node its own pool), then the store, then drops the schema. */
  @Override
  public void close() {
    List<Exception> failures = new ArrayList<>();
    for (CatalogStoreCatalog node : nodes) {
      try {
        node.close();
      } catch (IOException | RuntimeException e) {
        failures.add(e);
      }
    }
    try {
      store.close();
    } finally {
      cleanUp.run();
    }
    if (!failures.isEmpty()) {
      UncheckedIOException failure =
          new UncheckedIOException(new IOException("closing the nodes failed"));
      failures.forEach(failure::addSuppressed);
      throw failure;
    }
  }
}
