package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.iceberg.FaultyStore.Fault;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.ServiceUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's failures reach Iceberg as Iceberg's: bad input as {@link IllegalArgumentException},
 * an unreachable store on a read as {@link ServiceUnavailableException}, with the store's exception
 * as the cause.
 */
class ErrorMappingTest {
  private static final TableIdentifier ID = TableIdentifier.of(NS, "t");

  @TempDir Path warehouse;
  private FaultyStore faults;
  private CatalogStoreCatalog catalog;

  @BeforeEach
  void open() {
    faults = new FaultyStore(new InMemoryCatalogStore());
    catalog = TestCatalogs.open(faults.store(), "cat", TestCatalogs.properties(warehouse));
    catalog.createNamespace(NS);
  }

  @AfterEach
  void close() throws Exception {
    catalog.close();
    faults.base().close();
  }

  @Test
  void aTableNameWithAControlCharacterIsAnIllegalArgument() {
    TableIdentifier bad = TableIdentifier.of(NS, "t\u0001");

    assertThatThrownBy(() -> catalog.loadTable(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasCauseInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> TestCatalogs.createTable(catalog, bad))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(catalog.listTables(NS)).isEmpty();
  }

  @Test
  void aNamespaceWithAControlCharacterIsAnIllegalArgument() {
    assertThatThrownBy(() -> catalog.createNamespace(Namespace.of("bad\u0007")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasCauseInstanceOf(InvalidArgumentException.class);
    assertThat(catalog.listNamespaces(Namespace.empty())).containsExactly(NS);
  }

  @Test
  void anUnavailableStoreOnATableReadIsServiceUnavailable() {
    TestCatalogs.createTable(catalog, ID);
    faults.on("assets.get", Fault.refuse());

    assertThatThrownBy(() -> catalog.loadTable(ID))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasCauseInstanceOf(UnavailableException.class);
  }

  @Test
  void anUnavailableStoreOnAListIsServiceUnavailable() {
    faults.on("assets.list", Fault.refuse());
    faults.on("namespaces.list", Fault.refuse());
    faults.on("namespaces.get", Fault.refuse());

    assertThatThrownBy(() -> catalog.listTables(NS))
        .isInstanceOf(ServiceUnavailableException.class);
    assertThatThrownBy(() -> catalog.listNamespaces(Namespace.empty()))
        .isInstanceOf(ServiceUnavailableException.class);
    assertThatThrownBy(() -> catalog.namespaceExists(NS))
        .isInstanceOf(ServiceUnavailableException.class);
    faults.assertAllFaultsMet();
  }
}
