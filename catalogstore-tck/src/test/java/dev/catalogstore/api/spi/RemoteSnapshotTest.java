package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.federation.FederatedCatalogConnector;
import dev.catalogstore.api.federation.RemoteNamespace;
import dev.catalogstore.api.federation.RemoteTable;
import dev.catalogstore.api.namespace.NamespacePath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading a remote through a connector ({@link RemoteSnapshot#read}): the namespaces listed with
 * their properties, the ancestors they imply, each namespace's tables; whatever the connector
 * throws (or a missing list) is an {@link UnavailableException} caused by it, and whatever it lists
 * that the store cannot hold an {@link InvalidArgumentException} on a field under {@code remote}.
 */
class RemoteSnapshotTest {
  private static final ConnectorConfig CONFIG = new ConnectorConfig("stub", Map.of("k", "v"));
  private static final NamespacePath A = NamespacePath.of("a");
  private static final NamespacePath AB = NamespacePath.of("a", "b");
  private static final NamespacePath ABC = NamespacePath.of("a", "b", "c");
  private static final NamespacePath X = NamespacePath.of("x");

  /** A connector listing what a test gives it, and recording which namespaces' tables it listed. */
  private static class Stub implements FederatedCatalogConnector {
    List<RemoteNamespace> namespaces = new ArrayList<>();
    final Map<NamespacePath, List<RemoteTable>> tables = new HashMap<>();
    final List<NamespacePath> listed = new ArrayList<>();
    RuntimeException namespacesFail;
    NamespacePath tablesFail;
    ConnectorConfig seen;

    @Override
    public String type() {
      return "stub";
    }

    @Override
    public List<RemoteNamespace> listNamespaces(ConnectorConfig config) {
      seen = config;
      if (namespacesFail != null) {
        throw namespacesFail;
      }
      return namespaces;
    }

    @Override
    public List<RemoteTable> listTables(ConnectorConfig config, NamespacePath namespace)
        throws Exception {
      listed.add(namespace);
      if (namespace.equals(tablesFail)) {
        throw new IOException("tables of " + namespace + " unreachable");
      }
      return tables.getOrDefault(namespace, List.of());
    }

    Stub namespace(NamespacePath path, Map<String, String> properties) {
      namespaces.add(new RemoteNamespace(path, properties));
      return this;
    }

    Stub table(NamespacePath namespace, String name, String location) {
      tables
          .computeIfAbsent(namespace, n -> new ArrayList<>())
          .add(new RemoteTable(name, location));
      return this;
    }
  }

  private static void invalidOn(String field, Stub stub) {
    assertThatThrownBy(() -> RemoteSnapshot.read(stub, CONFIG))
        .isInstanceOf(InvalidArgumentException.class)
        .extracting(e -> ((InvalidArgumentException) e).field())
        .isEqualTo(field);
  }

  @Test
  void itReadsTheNamespacesTheirImpliedAncestorsAndEveryNamespacesTables() {
    Stub stub =
        new Stub()
            .namespace(ABC, Map.of("p", "1"))
            .namespace(X, Map.of())
            .table(ABC, "t1", "s3://t1")
            .table(A, "t0", "s3://t0");

    RemoteSnapshot snapshot = RemoteSnapshot.read(stub, CONFIG);

    assertThat(stub.seen).isEqualTo(CONFIG);
    assertThat(snapshot.namespaces())
        .containsExactlyInAnyOrderEntriesOf(Map.of(ABC, Map.of("p", "1"), X, Map.of()));
    assertThat(snapshot.implied()).containsExactly(A, AB);
    assertThat(snapshot.tables().keySet()).containsExactly(A, X, AB, ABC);
    assertThat(snapshot.tables().get(A)).containsExactly(Map.entry("t0", "s3://t0"));
    assertThat(snapshot.tables().get(ABC)).containsExactly(Map.entry("t1", "s3://t1"));
    assertThat(snapshot.tables().get(AB)).isEmpty();
    assertThat(snapshot.tableCount()).isEqualTo(2);
    assertThat(stub.listed).containsExactlyInAnyOrder(A, AB, ABC, X);
  }

  @Test
  void aListedAncestorIsNotImplied() {
    Stub stub = new Stub().namespace(AB, Map.of()).namespace(A, Map.of("listed", "yes"));

    RemoteSnapshot snapshot = RemoteSnapshot.read(stub, CONFIG);

    assertThat(snapshot.implied()).isEmpty();
    assertThat(snapshot.namespaces()).containsEntry(A, Map.of("listed", "yes"));
  }

  @Test
  void anEmptyRemoteIsAnEmptySnapshot() {
    RemoteSnapshot snapshot = RemoteSnapshot.read(new Stub(), CONFIG);

    assertThat(snapshot.namespaces()).isEmpty();
    assertThat(snapshot.implied()).isEmpty();
    assertThat(snapshot.tables()).isEmpty();
    assertThat(snapshot.tableCount()).isZero();
  }

  @Test
  void aConnectorFailingToListNamespacesIsUnavailableCausedByWhatItThrew() {
    Stub stub = new Stub();
    stub.namespacesFail = new IllegalStateException("down");

    assertThatThrownBy(() -> RemoteSnapshot.read(stub, CONFIG))
        .isInstanceOf(UnavailableException.class)
        .hasCause(stub.namespacesFail)
        .hasMessageContaining("stub");
  }

  @Test
  void aConnectorFailingHalfWayIsUnavailableCausedByWhatItThrew() {
    Stub stub = new Stub().namespace(A, Map.of()).namespace(X, Map.of());
    stub.tablesFail = X;

    assertThatThrownBy(() -> RemoteSnapshot.read(stub, CONFIG))
        .isInstanceOf(UnavailableException.class)
        .hasCauseInstanceOf(IOException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void aConnectorThrowingAnErrorOrReturningNoListIsUnavailable() {
    FederatedCatalogConnector linkage =
        new Stub() {
          @Override
          public List<RemoteNamespace> listNamespaces(ConnectorConfig config) {
            throw new NoClassDefFoundError("missing driver");
          }
        };
    assertThatThrownBy(() -> RemoteSnapshot.read(linkage, CONFIG))
        .isInstanceOf(UnavailableException.class)
        .hasCauseInstanceOf(NoClassDefFoundError.class);

    Stub nullNamespaces = new Stub();
    nullNamespaces.namespaces = null;
    assertThatThrownBy(() -> RemoteSnapshot.read(nullNamespaces, CONFIG))
        .isInstanceOf(UnavailableException.class);

    Stub nullTables =
        new Stub() {
          @Override
          public List<RemoteTable> listTables(ConnectorConfig config, NamespacePath namespace) {
            return null;
          }
        };
    nullTables.namespace(A, Map.of());
    assertThatThrownBy(() -> RemoteSnapshot.read(nullTables, CONFIG))
        .isInstanceOf(UnavailableException.class);
  }

  @Test
  void aNullOrDuplicateOrInvalidNamespaceIsInvalidOnItsIndex() {
    Stub nulls = new Stub().namespace(A, Map.of());
    nulls.namespaces.add(null);
    invalidOn("remote.namespaces[1]", nulls);

    invalidOn(
        "remote.namespaces[2].path",
        new Stub()
            .namespace(A, Map.of())
            .namespace(X, Map.of())
            .namespace(A, Map.of("other", "props")));
    invalidOn("remote.namespaces[0].path", new Stub().namespace(NamespacePath.ROOT, Map.of()));
    invalidOn(
        "remote.namespaces[0].path[1]",
        new Stub().namespace(NamespacePath.of("a", "b\u0000"), Map.of()));
    invalidOn("remote.namespaces[0].path", new Stub().namespace(new NamespacePath(null), Map.of()));
    invalidOn("remote.namespaces[0].properties key", new Stub().namespace(A, Map.of(" ", "v")));
    invalidOn(
        "remote.namespaces[0].properties[k]", new Stub().namespace(A, Map.of("k", "v\u0001")));
  }

  @Test
  void aNullOrDuplicateOrInvalidTableIsInvalidOnItsNamespaceAndIndex() {
    Stub nulls = new Stub().namespace(A, Map.of()).table(A, "t", "s3://t");
    nulls.tables.get(A).add(null);
    invalidOn("remote.tables[" + A + "][1]", nulls);

    invalidOn(
        "remote.tables[" + A + "][1].name",
        new Stub().namespace(A, Map.of()).table(A, "t", "s3://1").table(A, "t", "s3://2"));
    invalidOn(
        "remote.tables[" + AB + "][0].name",
        new Stub().namespace(AB, Map.of()).table(AB, "", "s3://1"));
    invalidOn(
        "remote.tables[" + AB + "][0].metadataLocation",
        new Stub().namespace(AB, Map.of()).table(AB, "t", "x".repeat(4097)));
    invalidOn(
        "remote.tables[" + A + "][0].metadataLocation",
        new Stub().namespace(AB, Map.of()).table(A, "t", " "));
  }

  @Test
  void parentsComeFirstThenSegmentsInCodePointOrder() {
    List<NamespacePath> paths =
        new ArrayList<>(
            Arrays.asList(
                NamespacePath.of("b"),
                NamespacePath.of("a", "z"),
                NamespacePath.of("é"),
                NamespacePath.of("a"),
                NamespacePath.of("Z")));

    paths.sort(RemoteSnapshot.PARENTS_FIRST);

    assertThat(paths)
        .containsExactly(
            NamespacePath.of("Z"),
            NamespacePath.of("a"),
            NamespacePath.of("b"),
            NamespacePath.of("é"),
            NamespacePath.of("a", "z"));
  }
}
