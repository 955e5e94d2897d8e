package dev.catalogstore.api.federation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The connectors a store can sync federated catalogs with, by connector type. Immutable; given to a
 * backend when it is built.
 */
public final class FederatedConnectors {
  /** No connector: every sync fails as unconfigured. */
  public static final FederatedConnectors NONE = new FederatedConnectors(Map.of());

  private final Map<String, FederatedCatalogConnector> byType;

  private FederatedConnectors(Map<String, FederatedCatalogConnector> byType) {
    this.byType = byType;
  }

  /**
   * The registry of {@code connectors}.
   *
   * @throws IllegalArgumentException if two connectors serve the same type
   * @throws NullPointerException if a connector or its type is null
   */
  public static FederatedConnectors of(FederatedCatalogConnector... connectors) {
    return of(List.of(connectors));
  }

  /** The registry of {@code connectors}; see {@link #of(FederatedCatalogConnector...)}. */
  public static FederatedConnectors of(Collection<? extends FederatedCatalogConnector> connectors) {
    Map<String, FederatedCatalogConnector> byType = new TreeMap<>();
    for (FederatedCatalogConnector connector : connectors) {
      String type = Objects.requireNonNull(connector.type(), "connector type");
      if (byType.putIfAbsent(type, connector) != null) {
        throw new IllegalArgumentException("two connectors serve type " + type);
      }
    }
    return new FederatedConnectors(Map.copyOf(byType));
  }

  /** The connector of {@code type}, compared exactly; empty if none is registered. */
  public Optional<FederatedCatalogConnector> find(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** This registry with {@code connector} added. */
  public FederatedConnectors with(FederatedCatalogConnector connector) {
    List<FederatedCatalogConnector> all = new ArrayList<>(byType.values());
    all.add(connector);
    return of(all);
  }

  @Override
  public String toString() {
    return "FederatedConnectors" + byType.keySet();
  }
}
