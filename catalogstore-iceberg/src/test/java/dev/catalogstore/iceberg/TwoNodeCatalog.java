package dev.catalogstore.iceberg;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.catalog.ViewCatalog;
import org.apache.iceberg.view.View;
import org.apache.iceberg.view.ViewBuilder;

/**
 * Two engine nodes seen as one catalog: each call goes to the other node than the call before, so a
 * suite's create, load, commit and drop of one table land on different adapters, each with its own
 * store and connection pool over one database. A table or view handle stays with the node that made
 * it, as an engine's would.
 */
final class TwoNodeCatalog implements Catalog, SupportsNamespaces, ViewCatalog, Closeable {
  private final CatalogStoreCatalog first;
  private final CatalogStoreCatalog second;
  private final AtomicInteger calls = new AtomicInteger();

  TwoNodeCatalog(CatalogStoreCatalog first, CatalogStoreCatalog second) {
    this.first = first;
    this.second = second;
  }

  /** One node behind the same interface. */
  static TwoNodeCatalog singleNode(CatalogStoreCatalog node) {
    return new TwoNodeCatalog(node, node);
  }

  private CatalogStoreCatalog next() {
    return (calls.getAndIncrement() & 1) == 0 ? first : second;
  }

  @Override
  public String name() {
    return first.name();
  }

  @Override
  public void initialize(String name, Map<String, String> properties) {
    throw new UnsupportedOperationException("both nodes are initialised when they are opened");
  }

  @Override
  public List<TableIdentifier> listTables(Namespace namespace) {
    return next().listTables(namespace);
  }

  @Override
  public boolean tableExists(TableIdentifier identifier) {
    return next().tableExists(identifier);
  }

  @Override
  public boolean dropTable(TableIdentifier identifier, boolean purge) {
    return next().dropTable(identifier, purge);
  }

  @Override
  public void renameTable(TableIdentifier from, TableIdentifier to) {
    next().renameTable(from, to);
  }

  @Override
  public Table loadTable(TableIdentifier identifier) {
    return next().loadTable(identifier);
  }

  @Override
  public void invalidateTable(TableIdentifier identifier) {
    first.invalidateTable(identifier);
    second.invalidateTable(identifier);
  }

  @Override
  public Table registerTable(TableIdentifier identifier, String metadataFileLocation) {
    return next().registerTable(identifier, metadataFileLocation);
  }

  @Override
  public TableBuilder buildTable(TableIdentifier identifier, Schema schema) {
    return next().buildTable(identifier, schema);
  }

  @Override
  public void createNamespace(Namespace namespace, Map<String, String> metadata) {
    next().createNamespace(namespace, metadata);
  }

  @Override
  public List<Namespace> listNamespaces(Namespace namespace) {
    return next().listNamespaces(namespace);
  }

  @Override
  public Map<String, String> loadNamespaceMetadata(Namespace namespace) {
    return next().loadNamespaceMetadata(namespace);
  }

  @Override
  public boolean dropNamespace(Namespace namespace) {
    return next().dropNamespace(namespace);
  }

  @Override
  public boolean setProperties(Namespace namespace, Map<String, String> properties) {
    return next().setProperties(namespace, properties);
  }

  @Override
  public boolean removeProperties(Namespace namespace, Set<String> properties) {
    return next().removeProperties(namespace, properties);
  }

  @Override
  public boolean namespaceExists(Namespace namespace) {
    return next().namespaceExists(namespace);
  }

  @Override
  public List<TableIdentifier> listViews(Namespace namespace) {
    return next().listViews(namespace);
  }

  @Override
  public View loadView(TableIdentifier identifier) {
    return next().loadView(identifier);
  }

  @Override
  public boolean viewExists(TableIdentifier identifier) {
    return next().viewExists(identifier);
  }

  @Override
  public ViewBuilder buildView(TableIdentifier identifier) {
    return next().buildView(identifier);
  }

  @Override
  public boolean dropView(TableIdentifier identifier) {
    return next().dropView(identifier);
  }

  @Override
  public void renameView(TableIdentifier from, TableIdentifier to) {
    next().renameView(from, to);
  }

  @Override
  public void invalidateView(TableIdentifier identifier) {
    first.invalidateView(identifier);
    second.invalidateView(identifier);
  }

  /**
   * Registers a view on the next node. Iceberg 1.11 added {@code registerView} to {@code
   * ViewCatalog}; the adapter is built against 1.10, where the method does not exist, so it is
   * called by name: a view catalog of 1.11 then finds it here instead of its refusing default.
   */
  public View registerView(TableIdentifier identifier, String metadataFileLocation) {
    try {
      return (View)
          ViewCatalog.class
              .getMethod("registerView", TableIdentifier.class, String.class)
              .invoke(next(), identifier, metadataFileLocation);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new UnsupportedOperationException("this Iceberg has no ViewCatalog.registerView", e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      first.close();
    } finally {
      if (second != first) {
        second.close();
      }
    }
  }
}
